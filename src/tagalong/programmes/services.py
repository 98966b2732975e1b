"""Writes for programmes: the coach's steps, places (sign-up, waiting list, gifts), claims,
payments and announcements. Every step is audited in the same transaction."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Max
from django.utils import dateformat, timezone
from django.utils.translation import gettext as _

from tagalong.accounts.models import Invitation, Role, User
from tagalong.accounts.services import accept_invitation
from tagalong.athletes.models import AthleteProfile, CoachingLink
from tagalong.audit.services import record
from tagalong.bookings.models import Kind, SessionType
from tagalong.errors import DomainError
from tagalong.programmes.models import (
    NEXT_STAGE,
    TAKING,
    Announcement,
    AnnouncementEmail,
    Gift,
    Payment,
    Place,
    PlaceStatus,
    Programme,
    ScheduleMode,
    Source,
    Stage,
    new_slug,
)
from tagalong.wording import Phrase

# A visitor's sign-up or gift keeps a place for two weeks, so one address may keep only a few
# an hour: nobody fills a programme with made-up emails.
VISITOR_HOLDS_PER_HOUR = 5
HOLD_DAYS = 14  # a place kept for an invited or gifted runner, as long as the link lives
FIELDS = (
    "title",
    "description",
    "audience",
    "template",
    "schedule_mode",
    "start_date",
    "weeks",
    "capacity",
    "requires_intake",
    "requires_tests",
    "gifts_enabled",
    "leaderboard_enabled",
    "time_zone",
)


def _clean_email(email: str, field: str) -> str:
    email = email.strip().lower()
    try:
        validate_email(email)
    except ValidationError as exc:
        raise DomainError(
            _("%(email)s is not a valid email address.") % {"email": repr(email)}, field=field
        ) from exc
    return email


def _check(programme: Programme, session_types: list[SessionType] | None) -> None:
    if programme.template.coach_id != programme.coach_id:
        raise DomainError(_("Pick one of your own plan templates."), field="template")
    if programme.schedule_mode == ScheduleMode.COHORT and programme.start_date is None:
        raise DomainError(
            _("A programme where everyone starts together needs a start date."), field="start_date"
        )
    for session_type in session_types or []:
        if session_type.coach_id != programme.coach_id or session_type.kind != Kind.GROUP:
            raise DomainError(_("Pick one of your group session types."), field="session_types")


@transaction.atomic
def create_programme(
    *, coach: User, session_types: list[SessionType] | None = None, **fields: Any
) -> Programme:
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise DomainError(_("Unknown fields: %(items)s.") % {"items": ", ".join(sorted(unknown))})
    programme = Programme(
        coach=coach, practice=coach.coach_profile.practice, slug=new_slug(), **fields
    )
    _check(programme, session_types)
    programme.save()
    programme.session_types.set(session_types or [])
    record(actor=coach, action="programme.created", target=programme, title=programme.title)
    return programme


@transaction.atomic
def update_programme(
    *,
    programme: Programme,
    by: User,
    session_types: list[SessionType] | None = None,
    **fields: Any,
) -> Programme:
    programme = Programme.objects.select_for_update().get(pk=programme.pk)
    if programme.stage in (Stage.FINISHED, Stage.ARCHIVED):
        raise DomainError(_("A finished or archived programme cannot be changed."))
    changed = sorted(k for k, v in fields.items() if getattr(programme, k) != v)
    moves = programme.stage != Stage.DRAFT and {"schedule_mode", "start_date"} & set(changed)
    if moves and programme.places.filter(status__in=TAKING).exists():
        raise DomainError(
            _("Runners have places already: the start cannot move."), field="start_date"
        )
    if "capacity" in fields and fields["capacity"] < _taken(programme):
        raise DomainError(
            _("%(taken)s places are taken already: capacity cannot go below that.")
            % {"taken": _taken(programme)},
            field="capacity",
        )
    for key, value in fields.items():
        if key not in FIELDS:
            raise DomainError(_("Unknown field %(key)s.") % {"key": key})
        setattr(programme, key, value)
    _check(programme, session_types)
    programme.save()
    now = timezone.now()
    if session_types is not None:
        before = set(programme.session_types.values_list("pk", flat=True))
        programme.session_types.set(session_types)
        if {s.pk for s in session_types} - before:  # members get seats in the new sessions
            changed.append("session_types")
            for place in programme.places.filter(status=PlaceStatus.ACTIVE):
                _book_group_sessions(place, now)
    record(actor=by, action="programme.updated", target=programme, changed=changed)
    _promote(programme, now)
    return programme


@transaction.atomic
def advance(*, programme: Programme, by: User | None, to: str, today: dt.date) -> Programme:
    """One step along draft → published → running → finished (``by`` None: the clock)."""
    programme = Programme.objects.select_for_update().get(pk=programme.pk)
    if NEXT_STAGE.get(Stage(programme.stage)) != to:
        raise DomainError(
            _("A %(stage)s programme cannot become %(to)s.")
            % {"stage": programme.get_stage_display().lower(), "to": to},
            field="stage",
        )
    if to == Stage.PUBLISHED:
        if not programme.template.weeks:
            raise DomainError(_("The plan template has no sessions yet."), field="template")
        if programme.is_cohort and programme.start_date and programme.start_date < today:
            raise DomainError(_("The start date has passed: pick a new one."), field="start_date")
        programme.published_at = timezone.now()
    was = programme.stage
    programme.stage = to
    programme.save(update_fields=["stage", "published_at"])
    record(actor=by, action=f"programme.{to}", target=programme, was=was)
    if to == Stage.FINISHED:
        programme.places.filter(status=PlaceStatus.ACTIVE).update(status=PlaceStatus.FINISHED)
        programme.places.filter(status__in=[PlaceStatus.HELD, PlaceStatus.WAITLISTED]).update(
            status=PlaceStatus.RELEASED
        )
    return programme


@transaction.atomic
def archive(*, programme: Programme, by: User) -> Programme:
    programme = Programme.objects.select_for_update().get(pk=programme.pk)
    if programme.stage == Stage.ARCHIVED:
        raise DomainError(_("This programme is archived already."))
    was = programme.stage
    programme.stage = Stage.ARCHIVED
    programme.save(update_fields=["stage"])
    programme.places.filter(status__in=[PlaceStatus.HELD, PlaceStatus.WAITLISTED]).update(
        status=PlaceStatus.RELEASED
    )
    record(actor=by, action="programme.archived", target=programme, was=was)
    return programme


@transaction.atomic
def delete_programme(*, programme: Programme, by: User) -> None:
    """Only a programme nobody ever joined goes; one with members is archived instead."""
    programme = Programme.objects.select_for_update().get(pk=programme.pk)
    if programme.places.exists():
        raise DomainError(
            _("This programme has members or people waiting, so it is kept: archive it instead.")
        )
    record(actor=by, action="programme.deleted", target=programme, title=programme.title)
    programme.delete()


# --- places -----------------------------------------------------------------------------


def _release_expired(programme: Programme, now: dt.datetime) -> int:
    return programme.places.filter(status=PlaceStatus.HELD, held_until__lte=now).update(
        status=PlaceStatus.RELEASED
    )


def _taken(programme: Programme) -> int:
    return programme.places.filter(status__in=TAKING).count()


def places_left(programme: Programme, now: dt.datetime) -> int:
    live = programme.places.filter(status__in=TAKING).exclude(
        status=PlaceStatus.HELD, held_until__lte=now
    )
    return max(0, programme.capacity - live.count())


def _lock(programme: Programme, now: dt.datetime) -> Programme:
    """The programme row lock serialises every change to its places: capacity holds."""
    locked = Programme.objects.select_for_update().get(pk=programme.pk)
    if _release_expired(locked, now):
        _promote(locked, now)  # the waiting list comes before anyone new
    return locked


def _start_for(programme: Programme, today: dt.date) -> dt.date:
    if programme.is_cohort and programme.start_date is not None:
        return programme.start_date
    return today + dt.timedelta(days=(7 - today.weekday()) % 7)  # the next Monday (or today)


def _place(
    programme: Programme,
    *,
    email: str,
    now: dt.datetime,
    athlete: AthleteProfile | None,
    source: str,
    waitlist: bool,
) -> Place:
    """A place (held, or active for a signed-in runner) or, when full, a waiting-list spot."""
    if not programme.open_for_sign_up:
        raise DomainError(_("This programme is not open for sign-up."))
    live = programme.places.filter(status__in=[*TAKING, PlaceStatus.WAITLISTED])
    if athlete is not None and live.filter(athlete=athlete).exists():
        raise DomainError(_("You already have a place in this programme."), code="conflict")
    pending = live.filter(
        email__iexact=email, status__in=[PlaceStatus.HELD, PlaceStatus.WAITLISTED]
    )
    if athlete is None and pending.exists():
        raise DomainError(
            _("%(email)s already has a place waiting: look for the email we sent.")
            % {"email": email},
            field="email",
            code="conflict",
        )
    place = Place(programme=programme, email=email, athlete=athlete, source=source, created_at=now)
    if _taken(programme) < programme.capacity:
        if athlete is not None:
            place.status = PlaceStatus.ACTIVE
            place.joined_at = now
            place.start_date = _start_for(programme, timezone.localdate())
        else:
            place.status = PlaceStatus.HELD
            place.held_until = now + dt.timedelta(days=HOLD_DAYS)
    elif waitlist:
        last = programme.places.filter(status=PlaceStatus.WAITLISTED).aggregate(
            n=Max("waitlist_position")
        )["n"]
        place.status = PlaceStatus.WAITLISTED
        place.waitlist_position = (last or 0) + 1
    else:
        raise DomainError(_("Every place is taken, so there is none to give."), code="full")
    place.save()
    return place


def _invite(programme: Programme, email: str, now: dt.datetime, message: Phrase) -> Invitation:
    """The message is written in the language of whoever asked: the visitor signing up, or the
    coach giving or freeing the place."""
    if User.objects.filter(email__iexact=email).exclude(role=Role.ATHLETE).exists():
        raise DomainError(
            _("%(email)s belongs to a coach or staff account.") % {"email": email}, field="email"
        )
    return Invitation.objects.create(
        email=email,
        coach=programme.coach,
        practice=programme.practice,
        message=str(message),
        created_at=now,
        expires_at=now + dt.timedelta(days=min(HOLD_DAYS, settings.INVITATION_TTL_DAYS)),
    )


def _check_visitor_rate(client: str | None, now: dt.datetime) -> None:
    from tagalong.audit.models import AuditEntry

    if not client:
        return
    recent = AuditEntry.objects.filter(
        action__in=["programme.signed_up", "programme.gift_given"],
        data__client=client,
        at__gte=now - dt.timedelta(hours=1),
    )
    if recent.count() >= VISITOR_HOLDS_PER_HOUR:
        raise DomainError(
            _(
                "Many places were asked for from this address in the last hour: "
                "try again later, or ask the coach."
            ),
            code="throttled",
        )


def _send(task_name: str, place_id: int) -> None:
    from tagalong.programmes import tasks

    task = getattr(tasks, task_name)
    transaction.on_commit(lambda: task.enqueue(place_id))


@transaction.atomic
def sign_up_visitor(
    *, programme: Programme, email: str, now: dt.datetime, client: str | None = None
) -> Place:
    """A visitor leaves their email: a place is kept and a sign-up link sent (invitation flow)."""
    email = _clean_email(email, "email")
    _check_visitor_rate(client, now)
    programme = _lock(programme, now)
    existing = User.objects.filter(email__iexact=email).first()
    if existing is not None and existing.is_athlete:
        raise DomainError(
            _("An account for %(email)s exists: sign in, then join from this page.")
            % {"email": email},
            field="email",
        )
    place = _place(
        programme, email=email, now=now, athlete=None, source=Source.SIGN_UP, waitlist=True
    )
    if place.status == PlaceStatus.HELD:
        message = Phrase("Your place in {title}", title=programme.title)
        place.invitation = _invite(programme, email, now, message)
        place.held_until = place.invitation.expires_at
        place.save(update_fields=["invitation", "held_until"])
        _send("send_join_email", place.pk)
    record(
        actor=None, action="programme.signed_up", target=place, status=place.status, client=client
    )
    return place


def _ensure_link(programme: Programme, athlete: AthleteProfile, now: dt.datetime) -> None:
    links = CoachingLink.objects.active().filter(athlete=athlete, coach=programme.coach)
    if not links.exists():
        link = CoachingLink.objects.create(
            athlete=athlete, coach=programme.coach, practice=programme.practice, started_at=now
        )
        record(
            actor=athlete.user,
            action="link.started",
            target=link,
            athlete_id=athlete.pk,
            coach=programme.coach_id,
            programme=programme.pk,
        )


@transaction.atomic
def join(*, programme: Programme, athlete: AthleteProfile, now: dt.datetime) -> Place:
    """A signed-in runner joins (or joins the waiting list)."""
    programme = _lock(programme, now)
    place = _place(
        programme,
        email=athlete.user.email,
        now=now,
        athlete=athlete,
        source=Source.SIGN_UP,
        waitlist=True,
    )
    if place.status == PlaceStatus.ACTIVE:
        _ensure_link(programme, athlete, now)
        _book_group_sessions(place, now)
    record(
        actor=athlete.user,
        action="programme.joined",
        target=place,
        athlete_id=athlete.pk,
        status=place.status,
    )
    return place


@transaction.atomic
def give_gift(
    *,
    programme: Programme,
    giver_name: str,
    giver_email: str,
    recipient_email: str,
    message: str,
    now: dt.datetime,
    client: str | None = None,
) -> Gift:
    if not programme.gifts_enabled:
        raise DomainError(_("This programme cannot be given as a gift."))
    if not giver_name.strip():
        raise DomainError(_("Tell us your name, so they know who it is from."), field="giver_name")
    giver_email = _clean_email(giver_email, "giver_email")
    recipient_email = _clean_email(recipient_email, "recipient_email")
    if len(message) > 1000:
        raise DomainError(_("Keep the message under 1,000 characters."), field="message")
    _check_visitor_rate(client, now)
    programme = _lock(programme, now)
    recipient = AthleteProfile.objects.filter(user__email__iexact=recipient_email).first()
    if (
        recipient is not None
        and programme.places.filter(
            athlete=recipient, status__in=[*TAKING, PlaceStatus.WAITLISTED]
        ).exists()
    ):
        raise DomainError(
            _("%(email)s has a place already.") % {"email": recipient_email},
            field="recipient_email",
        )
    place = _place(
        programme,
        email=recipient_email,
        now=now,
        athlete=None,
        source=Source.GIFT,
        waitlist=False,
    )
    place.invitation = _invite(programme, recipient_email, now, message.strip())
    place.held_until = place.invitation.expires_at
    place.save(update_fields=["invitation", "held_until"])
    gift = Gift.objects.create(
        place=place,
        giver_name=giver_name.strip(),
        giver_email=giver_email,
        recipient_email=recipient_email,
        message=message.strip(),
        created_at=now,
    )
    record(
        actor=None,
        action="programme.gift_given",
        target=gift,
        place=place.pk,
        by=giver_email,
        client=client,
    )
    _send("send_gift_email", place.pk)
    return gift


@transaction.atomic
def give_free_place(*, programme: Programme, by: User, email: str, now: dt.datetime) -> Place:
    """The coach gives a place: an invitation like any other, recorded as free."""
    email = _clean_email(email, "email")
    programme = _lock(programme, now)
    place = _place(
        programme, email=email, now=now, athlete=None, source=Source.COACH, waitlist=False
    )
    message = Phrase("A place in {title}", title=programme.title)
    place.invitation = _invite(programme, email, now, message)
    place.held_until = place.invitation.expires_at
    place.payment = Payment.FREE
    place.save(update_fields=["invitation", "held_until", "payment"])
    record(actor=by, action="programme.free_place_given", target=place, email=email)
    _send("send_join_email", place.pk)
    return place


@transaction.atomic
def set_payment(*, place: Place, by: User, payment: str) -> Place:
    if payment not in Payment.values:
        raise DomainError(
            _("Pick paid outside the platform, free, or not recorded."), field="payment"
        )
    was = place.payment
    place.payment = payment
    place.save(update_fields=["payment"])
    record(
        actor=by,
        action="programme.payment_recorded",
        target=place,
        athlete_id=place.athlete_id,
        was=was,
        now=payment,
    )
    return place


@transaction.atomic
def leave(*, place: Place, by: User, now: dt.datetime) -> Place:
    programme = _lock(place.programme, now)
    place = Place.objects.select_for_update().get(pk=place.pk)
    if place.status not in (PlaceStatus.ACTIVE, PlaceStatus.HELD, PlaceStatus.WAITLISTED):
        raise DomainError(_("This place is not live any more."))
    place.status = PlaceStatus.RELEASED
    place.save(update_fields=["status"])
    record(actor=by, action="programme.left", target=place, athlete_id=place.athlete_id)
    _promote(programme, now)
    return place


def _promote(programme: Programme, now: dt.datetime) -> None:
    """Free places go to the waiting list in order: runners with accounts join at once,
    visitors get their sign-up link."""
    free = programme.capacity - _taken(programme)
    for place in programme.places.filter(status=PlaceStatus.WAITLISTED).order_by(
        "waitlist_position", "pk"
    )[: max(0, free)]:
        place.waitlist_position = None
        if place.athlete_id is not None:
            place.status = PlaceStatus.ACTIVE
            place.joined_at = now
            place.start_date = _start_for(programme, timezone.localdate())
            place.save()
            _ensure_link(programme, place.athlete, now)
            _book_group_sessions(place, now)
            _tell_promoted(place)
        else:
            place.status = PlaceStatus.HELD
            message = Phrase("Your place in {title}", title=programme.title)
            place.invitation = _invite(programme, place.email, now, message)
            place.held_until = place.invitation.expires_at
            place.save()
            _send("send_join_email", place.pk)
        record(actor=None, action="programme.promoted", target=place, athlete_id=place.athlete_id)


def _tell_promoted(place: Place) -> None:
    from django.urls import reverse

    from tagalong.notifications.services import notify

    assert place.athlete is not None
    notify(
        place.athlete.user,
        kind="programme_place",
        title=Phrase("A place in {title} is yours", title=place.programme.title),
        body=Phrase("You were on the waiting list; a place freed up."),
        url=reverse("programmes:member", kwargs={"slug": place.programme.slug}),
    )


@transaction.atomic
def move_stages(*, today: dt.date) -> list[tuple[int, str]]:
    """The clock's steps for cohort programmes: running from the start date, finished after
    the last day. Returns (programme id, new stage) for each step taken."""
    moved: list[tuple[int, str]] = []
    for programme in Programme.objects.filter(
        schedule_mode=ScheduleMode.COHORT,
        stage__in=[Stage.PUBLISHED, Stage.RUNNING],
        start_date__lte=today,
    ).select_for_update():
        end = programme.end_date
        if programme.stage == Stage.PUBLISHED:
            advance(programme=programme, by=None, to=Stage.RUNNING, today=today)
            moved.append((programme.pk, Stage.RUNNING))
            programme.stage = Stage.RUNNING
        if end is not None and end < today and programme.stage == Stage.RUNNING:
            advance(programme=programme, by=None, to=Stage.FINISHED, today=today)
            moved.append((programme.pk, Stage.FINISHED))
    return moved


# --- claiming a held place (sign-up link or gift link) ------------------------------------


def claimable(token: str, *, now: dt.datetime, user: User | None) -> Place:
    """The held place behind a link, or a DomainError that says what is wrong with it."""
    invitation = Invitation.from_token(token)
    place = (
        None
        if invitation is None
        else Place.objects.select_related("programme__coach").filter(invitation=invitation).first()
    )
    if invitation is None or place is None:
        raise DomainError(_("This link is not valid. Check you copied all of it from the email."))
    gift = place.source == Source.GIFT
    if invitation.accepted_at is not None or place.status in (
        PlaceStatus.ACTIVE,
        PlaceStatus.FINISHED,
    ):
        when = invitation.accepted_at or place.joined_at
        claimed = (
            _(
                "This gift was claimed already, on %(day)s. "
                "If that was you, sign in to see the programme."
            )
            if gift
            else _(
                "This place was claimed already, on %(day)s. "
                "If that was you, sign in to see the programme."
            )
        )
        raise DomainError(claimed % {"day": dateformat.format(when, "j M Y")})
    if invitation.expires_at <= now or place.status == PlaceStatus.RELEASED:
        expired = (
            _("This gift link expired on %(day)s. Ask %(coach)s for a new one.")
            if gift
            else _("This place link expired on %(day)s. Ask %(coach)s for a new one.")
        )
        day = dateformat.format(invitation.expires_at, "j M Y")
        raise DomainError(expired % {"day": day, "coach": place.programme.coach.full_name})
    if user is not None and user.email.lower() != place.email.lower():
        other = (
            _(
                "This gift is for %(email)s, and you are signed in as %(you)s. "
                "Sign out, then open the link again."
            )
            if gift
            else _(
                "This place is for %(email)s, and you are signed in as %(you)s. "
                "Sign out, then open the link again."
            )
        )
        raise DomainError(other % {"email": place.email, "you": user.email})
    return place


@transaction.atomic
def claim(
    *,
    token: str,
    now: dt.datetime,
    user: User | None = None,
    full_name: str = "",
    password: str = "",
    time_zone: str = "UTC",
    profile: dict[str, Any] | None = None,
) -> Place:
    """Claim a held place: sign up through the invitation (or link the signed-in runner)."""
    place = claimable(token, now=now, user=user)
    _lock(place.programme, now)
    place = Place.objects.select_for_update().select_related("programme").get(pk=place.pk)
    if place.status != PlaceStatus.HELD:
        raise DomainError(_("This place was claimed already."))
    user = accept_invitation(
        token=token,
        now=now,
        full_name=full_name,
        password=password,
        time_zone=time_zone,
        existing_user=user,
    )
    athlete = AthleteProfile.objects.get(user=user)
    changed = [k for k, v in (profile or {}).items() if v not in (None, "")]
    for key in changed:
        setattr(athlete, key, (profile or {})[key])
    if changed:
        athlete.save(update_fields=changed)
    if place.programme.places.filter(
        athlete=athlete, status__in=[PlaceStatus.ACTIVE, PlaceStatus.WAITLISTED]
    ).exists():
        raise DomainError(_("You have a place in this programme already."))
    place.athlete = athlete
    place.status = PlaceStatus.ACTIVE
    place.joined_at = now
    place.held_until = None
    place.start_date = _start_for(place.programme, timezone.localdate())
    place.save()
    gift = getattr(place, "gift", None)
    if gift is not None:
        gift.claimed_at = now
        gift.claimed_by = user
        gift.save(update_fields=["claimed_at", "claimed_by"])
        _send("send_gift_claimed_email", place.pk)
    _book_group_sessions(place, now)
    record(
        actor=user,
        action="programme.place_claimed",
        target=place,
        athlete_id=athlete.pk,
        source=place.source,
    )
    return place


def _book_one(athlete: AthleteProfile, session: Any, now: dt.datetime) -> bool:
    """A seat (or a waiting-list place when full, as any booking); False when refused."""
    from tagalong.bookings.models import BookingStatus
    from tagalong.bookings.services import book

    live = (BookingStatus.CONFIRMED, BookingStatus.WAITLISTED)
    if session.bookings.filter(athlete=athlete, status__in=live).exists():
        return False
    try:
        with transaction.atomic():
            book(athlete=athlete, session_or_slot=session, now=now)
    except DomainError:
        return False
    return True


def _book_group_sessions(place: Place, now: dt.datetime) -> int:
    """A seat in each of the programme's group sessions during the runner's weeks."""
    from tagalong.bookings.models import Session, SessionStatus
    from tagalong.programmes.selectors import window

    assert place.athlete is not None
    first, last = window(place)
    sessions = Session.objects.filter(
        session_type__in=place.programme.session_types.all(),
        status=SessionStatus.SCHEDULED,
        start__gt=now,
        start__date__gte=first,
        start__date__lte=last,
    )
    return sum(_book_one(place.athlete, session, now) for session in sessions)


def seat_members_in(*, session: Any, now: dt.datetime) -> int:
    """A group session date added later: each member of a live programme it belongs to, whose
    weeks include the date, gets a seat (or the session's waiting list when it is full)."""
    from zoneinfo import ZoneInfo

    from tagalong.bookings.models import SessionStatus
    from tagalong.programmes.selectors import window

    if session.status != SessionStatus.SCHEDULED or session.start <= now:
        return 0
    booked = 0
    places = Place.objects.filter(
        programme__session_types=session.session_type_id,
        programme__stage__in=[Stage.PUBLISHED, Stage.RUNNING],
        status=PlaceStatus.ACTIVE,
        athlete__isnull=False,
    ).select_related("programme", "athlete__user")
    for place in places.order_by("joined_at", "pk"):
        assert place.athlete is not None
        first, last = window(place)
        day = session.start.astimezone(ZoneInfo(place.programme.time_zone)).date()
        if first <= day <= last and _book_one(place.athlete, session, now):
            booked += 1
    return booked


@transaction.atomic
def set_leaderboard_name(*, place: Place, show: bool) -> Place:
    place.show_name = show
    place.save(update_fields=["show_name"])
    record(
        actor=place.athlete.user if place.athlete else None,
        action="programme.leaderboard_name",
        target=place,
        athlete_id=place.athlete_id,
        show=show,
    )
    return place


@transaction.atomic
def announce(*, programme: Programme, by: User, text: str) -> Announcement:
    text = text.strip()
    if not text:
        raise DomainError(_("Write the announcement first."), field="text")
    if len(text) > 4000:
        raise DomainError(_("Keep announcements under 4,000 characters."), field="text")
    announcement = Announcement.objects.create(programme=programme, author=by, text=text)
    record(actor=by, action="programme.announced", target=announcement, programme=programme.pk)
    from tagalong.notifications.services import notify_all
    from tagalong.programmes.announcements import KIND, announcement_url

    members = list(
        User.objects.filter(
            athlete_profile__programme_places__programme=programme,
            athlete_profile__programme_places__status=PlaceStatus.ACTIVE,
        ).distinct()
    )
    notify_all(
        members,
        kind=KIND,
        title=Phrase("{title}: a message from {coach}", title=programme.title, coach=by.full_name),
        body=text[:300],
        url=announcement_url(announcement),
    )
    # the email follows under the message rules (programmes.announcements)
    AnnouncementEmail.objects.bulk_create(
        [AnnouncementEmail(announcement=announcement, user=user) for user in members]
    )
    return announcement
