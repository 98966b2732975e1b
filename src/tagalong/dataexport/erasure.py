"""Carrying out an account deletion. Rows that belong to the person go with the account
(cascades); files are removed explicitly (the database cannot); and where another person's
record needs a row, an app's eraser anonymises it first (a coach's conversation keeps the
thread and shows "former member"). Apps register erasers in their AppConfig.ready()."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from django.db import transaction
from django.db.models import Q

from tagalong.accounts.models import User
from tagalong.audit.services import record
from tagalong.dataexport.models import DeletionRequest

Eraser = Callable[[User], None]
FORMER_MEMBER_ADDRESS = "(address of a former member)"
_ERASERS: dict[str, Eraser] = {}


def register_eraser(key: str, eraser: Eraser) -> None:
    _ERASERS[key] = eraser


def erasers() -> list[tuple[str, Eraser]]:
    return sorted(_ERASERS.items())


def _delete_files(field_files: object) -> None:
    for field_file in field_files:  # type: ignore[attr-defined]
        if field_file:
            field_file.delete(save=False)


def erase_activity_files(user: User) -> None:
    from django.core.files.storage import default_storage

    from tagalong.activities.models import Activity, ImportBatch

    _delete_files(a.original for a in Activity.objects.filter(athlete__user=user).only("original"))
    for files in ImportBatch.objects.filter(athlete__user=user).values_list("files", flat=True):
        for item in files if isinstance(files, list) else []:
            path = item.get("path") if isinstance(item, dict) else item
            if isinstance(path, str) and path and default_storage.exists(path):
                default_storage.delete(path)


def erase_invitations(user: User) -> None:
    """Invitations sent to the person's address: a coach's list of invitations does not need
    the address of someone who is gone. The audit of sending one keeps no address either."""
    from tagalong.accounts.models import Invitation
    from tagalong.audit.models import AuditEntry

    Invitation.objects.filter(email__iexact=user.email).delete()
    for entry in AuditEntry.objects.filter(data__email=user.email):
        entry.data = {**entry.data, "email": FORMER_MEMBER_ADDRESS}
        entry.save(update_fields=["data"])


def erase_coach_sessions(user: User) -> None:
    """A coach's calendar goes with them, but not their runners' history: sessions still to
    come (and the places booked on them) are removed; past sessions stay, with their shared
    advice, under "a former member" (the coach's private notes on them go)."""
    from django.utils import timezone

    from tagalong.bookings.models import Session, SessionNote, SessionType

    if not user.is_coach:
        return
    theirs = Session.objects.filter(Q(coach=user) | Q(session_type__coach=user))
    now = timezone.now()
    booked = theirs.filter(start__lt=now, bookings__isnull=False)
    keep = set(booked.values_list("pk", flat=True))
    keep |= set(booked.exclude(series=None).values_list("series_id", flat=True))  # cascades
    theirs.exclude(pk__in=keep).delete()
    kept = Session.objects.filter(pk__in=keep)
    SessionNote.objects.filter(session__in=kept).update(private_note="")
    types = SessionType.objects.filter(coach=user)
    types.filter(sessions__isnull=True).delete()
    types.update(active=False)


def erase_export_files(user: User) -> None:
    from tagalong.dataexport.models import DataExport

    _delete_files(e.file for e in DataExport.objects.filter(athlete__user=user).only("file"))


@transaction.atomic
def erase_account(*, request: DeletionRequest, now: datetime) -> None:
    """The last step: everyone affected told, the audit written, then the account gone."""
    from tagalong.dataexport.notices import tell_people_affected

    user = request.user
    if user is None:
        return
    tell_people_affected(user)
    for _, eraser in erasers():
        eraser(user)
    record(
        actor=None,
        action="account.deleted",
        target=request,
        account_id=request.user_ref,
        role=request.role,
        requested_at=request.requested_at.isoformat(),
    )
    DeletionRequest.objects.filter(pk=request.pk).update(completed_at=now)
    user.delete()
