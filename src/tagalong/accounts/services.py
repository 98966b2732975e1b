"""Writes about people: coaches, invitations, sign-up from a link, tokens, links ending."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import DatabaseError, transaction
from django.utils.translation import gettext

from tagalong.accounts.models import (
    ApiToken,
    CoachProfile,
    Invitation,
    Practice,
    Role,
    User,
)
from tagalong.accounts.throttle import lift_lockout
from tagalong.athletes.groups import leave_coach_groups
from tagalong.athletes.models import AthleteProfile, CoachingLink
from tagalong.audit.services import record
from tagalong.errors import DomainError


def _check_password(password: str, user: User | None = None) -> None:
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise DomainError(" ".join(exc.messages), field="password") from exc


def _email_taken(email: str) -> bool:
    return User.objects.filter(email__iexact=email).exists()


@transaction.atomic
def create_coach(
    *,
    email: str,
    full_name: str,
    password: str,
    practice: Practice | None = None,
    practice_name: str = "",
    time_zone: str = "UTC",
) -> User:
    email = email.strip().lower()
    if _email_taken(email):
        raise DomainError(
            gettext("An account for %(email)s already exists.") % {"email": email}, field="email"
        )
    user = User(email=email, full_name=full_name.strip(), role=Role.COACH, time_zone=time_zone)
    _check_password(password, user)
    user.set_password(password)
    user.save()
    if practice is None:
        # A new coach has chosen no language yet: the one they are signing up in.
        default_name = gettext("%(name)s's practice") % {"name": user.full_name}
        practice = Practice.objects.create(name=practice_name.strip() or default_name)
    CoachProfile.objects.create(user=user, practice=practice)
    record(actor=None, action="coach.created", target=user, practice=practice.pk)
    return user


@transaction.atomic
def invite_athlete(*, coach: User, email: str, message: str, now: datetime) -> Invitation:
    email = email.strip().lower()
    try:
        validate_email(email)
    except ValidationError as exc:
        raise DomainError(
            gettext("%(email)r is not a valid email address.") % {"email": email}, field="email"
        ) from exc
    if not coach.is_coach:
        raise DomainError(gettext("Only coaches can invite athletes."))
    already = CoachingLink.objects.active().filter(coach=coach, athlete__user__email__iexact=email)
    if already.exists():
        raise DomainError(
            gettext("%(email)s is already one of your athletes.") % {"email": email}, field="email"
        )
    if User.objects.filter(email__iexact=email).exclude(role=Role.ATHLETE).exists():
        raise DomainError(
            gettext("%(email)s belongs to a coach or staff account.") % {"email": email},
            field="email",
        )
    invitation = Invitation.objects.create(
        email=email,
        coach=coach,
        practice=coach.coach_profile.practice,
        message=message.strip(),
        created_at=now,
        expires_at=now + timedelta(days=settings.INVITATION_TTL_DAYS),
    )
    record(actor=coach, action="invitation.sent", target=invitation, email=email)
    from tagalong.notifications.tasks import send_invitation_email

    transaction.on_commit(lambda: send_invitation_email.enqueue(invitation.pk))
    return invitation


def _not_pending(status: str) -> str:
    return {
        "accepted": gettext("This invitation was accepted. Ask your coach for a new one."),
        "revoked": gettext("This invitation was revoked. Ask your coach for a new one."),
        "expired": gettext("This invitation was expired. Ask your coach for a new one."),
    }[status]


def usable_invitation(token: str, *, now: datetime) -> Invitation:
    invitation = Invitation.from_token(token)
    if invitation is None:
        raise DomainError(
            gettext("This invitation link is not valid. Ask your coach for a new one.")
        )
    status = invitation.status(now)
    if status != "pending":
        raise DomainError(_not_pending(status))
    return invitation


@transaction.atomic
def accept_invitation(
    *,
    token: str,
    now: datetime,
    full_name: str = "",
    password: str = "",
    time_zone: str = "UTC",
    units: str = "km",
    existing_user: User | None = None,
) -> User:
    """Sign up from an invitation (or, for an existing athlete, link the account)."""
    invitation = usable_invitation(token, now=now)
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at is not None:
        raise DomainError(gettext("This invitation was already used."))
    if existing_user is not None:
        if existing_user.email.lower() != invitation.email.lower():
            raise DomainError(
                gettext("This invitation is for %(invited)s; you are signed in as %(signed_in)s.")
                % {"invited": invitation.email, "signed_in": existing_user.email}
            )
        if not existing_user.is_athlete:
            raise DomainError(gettext("Only athlete accounts can accept an invitation."))
        user = existing_user
        profile, _ = AthleteProfile.objects.get_or_create(
            user=user, defaults={"time_zone": time_zone}
        )
    else:
        if _email_taken(invitation.email):
            raise DomainError(
                gettext(
                    "An account for %(email)s already exists: sign in, then open the link again."
                )
                % {"email": invitation.email}
            )
        if not full_name.strip():
            raise DomainError(gettext("Please tell us your name."), field="full_name")
        if units not in ("km", "mi"):
            raise DomainError(gettext("Choose kilometres or miles."), field="units")
        user = User(
            email=invitation.email,
            full_name=full_name.strip(),
            role=Role.ATHLETE,
            time_zone=time_zone,
            units=units,
        )
        _check_password(password, user)
        user.set_password(password)
        user.save()
        profile = AthleteProfile.objects.create(user=user, time_zone=time_zone, units=units)
    link = CoachingLink.objects.active().filter(athlete=profile, coach=invitation.coach).first()
    if link is None:
        link = CoachingLink.objects.create(
            athlete=profile, coach=invitation.coach, practice=invitation.practice, started_at=now
        )
    invitation.accepted_at = now
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    record(
        actor=user,
        action="link.started",
        target=link,
        athlete_id=profile.pk,
        coach=invitation.coach_id,
    )
    return user


@transaction.atomic
def revoke_invitation(*, invitation: Invitation, by: User, now: datetime) -> None:
    if invitation.status(now) != "pending":
        raise DomainError(gettext("Only a pending invitation can be revoked."))
    invitation.revoked_at = now
    invitation.save(update_fields=["revoked_at"])
    record(actor=by, action="invitation.revoked", target=invitation)


@transaction.atomic
def end_link(*, link: CoachingLink, by: User, now: datetime) -> CoachingLink:
    link = CoachingLink.objects.select_for_update().get(pk=link.pk)
    if link.ended_at is not None:
        raise DomainError(gettext("This coaching link has already ended."))
    link.ended_at = now
    link.ended_by = by
    link.save(update_fields=["ended_at", "ended_by"])
    if not CoachingLink.objects.active().filter(athlete=link.athlete, coach=link.coach).exists():
        leave_coach_groups(athlete=link.athlete, coach=link.coach)
    record(
        actor=by, action="link.ended", target=link, athlete_id=link.athlete_id, coach=link.coach_id
    )
    return link


@transaction.atomic
def set_link_sharing(*, link: CoachingLink, by: User, shared: bool) -> CoachingLink:
    link.shared_with_practice = shared
    link.save(update_fields=["shared_with_practice"])
    record(
        actor=by,
        action="link.sharing_changed",
        target=link,
        athlete_id=link.athlete_id,
        shared=shared,
    )
    return link


@transaction.atomic
def create_api_token(*, user: User, name: str) -> tuple[ApiToken, str]:
    name = name.strip()
    if not name:
        raise DomainError(gettext("Give the token a name, e.g. 'laptop script'."), field="name")
    raw = ApiToken.PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name[:80], token_hash=ApiToken.hash_token(raw), hint=raw[-4:]
    )
    record(actor=user, action="api_token.created", target=token)
    return token, raw


@transaction.atomic
def revoke_api_token(*, token: ApiToken, by: User, now: datetime) -> None:
    token.revoked_at = now
    token.save(update_fields=["revoked_at"])
    record(actor=by, action="api_token.revoked", target=token)


def after_password_change(*, user: User, now: datetime) -> None:
    """A new password ends every personal token (a leaked password must not leave a key
    behind) and lifts a sign-in lockout on the account (a reset proves who they are)."""
    revoked = ApiToken.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=now)
    if revoked:
        record(
            actor=user, action="api_token.revoked_on_password_change", target=user, count=revoked
        )
    lift_lockout(email=user.email)


def user_for_api_token(raw: str, *, now: datetime) -> User | None:
    if not raw.startswith(ApiToken.PREFIX):
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(token_hash=ApiToken.hash_token(raw), revoked_at__isnull=True)
        .first()
    )
    if token is None or not token.user.is_active:
        return None
    if token.last_used_at is None or now - token.last_used_at > timedelta(minutes=5):
        try:
            with transaction.atomic():
                ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        except DatabaseError:  # bookkeeping only: a read-only database must not stop a read
            pass
    return token.user


def set_units(*, user: User, units: str) -> User:
    """The person's choice of kilometres or miles for every distance and pace shown to them."""
    if units not in ("km", "mi"):
        raise DomainError(gettext("Choose kilometres or miles."), field="units")
    user.units = units
    user.save(update_fields=["units"])
    return user


def set_language(*, user: User, language: str) -> User:
    """The language pages and emails use for this person; blank follows the browser."""
    if language and language not in dict(settings.LANGUAGES):
        raise DomainError(gettext("Choose one of the languages offered."), field="language")
    user.language = language
    user.save(update_fields=["language"])
    return user


def set_push_notifications(*, user: User, on: bool) -> User:
    user.push_notifications = on
    user.save(update_fields=["push_notifications"])
    return user


@transaction.atomic
def set_practice_details(*, coach: User, name: str, bio: str) -> None:
    """A coach's practice name and the words about it runners read before they book."""
    profile = getattr(coach, "coach_profile", None)
    if profile is None:
        raise DomainError(gettext("Only a coach has a practice."))
    if not name.strip():
        raise DomainError(gettext("Give your practice a name."), field="name")
    practice = profile.practice
    practice.name = name.strip()[:120]
    practice.save(update_fields=["name"])
    profile.bio = bio.strip()
    profile.save(update_fields=["bio"])
    record(actor=coach, action="practice.updated", target=practice)
