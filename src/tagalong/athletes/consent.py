"""A runner allows a colleague of their coach (or the whole practice) to see their record,
or withdraws it. Each change is audited. Who may see what is decided in tagalong.access."""

from __future__ import annotations

from django.db import IntegrityError, transaction

from tagalong.accounts.models import Practice, User
from tagalong.athletes.models import AthleteProfile, PracticeConsent
from tagalong.audit.services import record


def allow(
    *, athlete: AthleteProfile, by: User, practice: Practice, colleague: User | None = None
) -> tuple[PracticeConsent, bool]:
    """Allow one colleague (or, with none, everyone at the practice). Returns the permission
    and whether it is new; allowing twice changes nothing and is not audited again."""
    existing = PracticeConsent.objects.filter(
        athlete=athlete, practice=practice, colleague=colleague
    ).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            consent = PracticeConsent.objects.create(
                athlete=athlete, practice=practice, colleague=colleague
            )
            record(
                actor=by,
                action="consent.granted",
                target=consent,
                athlete_id=athlete.pk,
                practice=practice.pk,
                colleague=colleague.pk if colleague else None,
            )
    except IntegrityError:  # the same permission given at the same moment elsewhere
        return PracticeConsent.objects.get(
            athlete=athlete, practice=practice, colleague=colleague
        ), False
    return consent, True


@transaction.atomic
def withdraw(*, consent: PracticeConsent, by: User) -> None:
    """Withdraw a permission; the next request of that colleague is refused."""
    record(
        actor=by,
        action="consent.withdrawn",
        target=consent,
        athlete_id=consent.athlete_id,
        practice=consent.practice_id,
        colleague=consent.colleague_id,
    )
    consent.delete()
