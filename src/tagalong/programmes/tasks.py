"""Background work for programmes: the emails, and making a member's plan. Tasks take ids and
re-check state before acting."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from tagalong.accounts.models import User
from tagalong.errors import DomainError
from tagalong.notifications.email import send_templated
from tagalong.programmes.models import Place, PlaceStatus
from tagalong.wording import Phrase, phrase_n


def _place(place_id: int) -> Place | None:
    return (
        Place.objects.select_related("programme__coach", "invitation", "athlete__user")
        .filter(pk=place_id)
        .first()
    )


def _claim_path(place: Place) -> str:
    assert place.invitation is not None
    return reverse("programmes:claim", kwargs={"token": place.invitation.token()})


@task()
def send_join_email(place_id: int) -> str:
    place = _place(place_id)
    if place is None or place.invitation is None:
        return "gone"
    if place.status != PlaceStatus.HELD or place.invitation.status(timezone.now()) != "pending":
        return place.status
    send_templated(
        template="programme_join",
        to=[place.email],
        context={"place": place, "programme": place.programme, "path": _claim_path(place)},
    )
    return "sent"


@task()
def send_gift_email(place_id: int) -> str:
    place = _place(place_id)
    gift = getattr(place, "gift", None) if place is not None else None
    if place is None or gift is None or place.invitation is None:
        return "gone"
    if place.status != PlaceStatus.HELD:
        return place.status
    send_templated(
        template="programme_gift",
        to=[gift.recipient_email],
        context={
            "gift": gift,
            "programme": place.programme,
            "path": _claim_path(place),
            "expires": place.invitation.expires_at,
        },
    )
    return "sent"


@task()
def send_gift_claimed_email(place_id: int) -> str:
    place = _place(place_id)
    gift = getattr(place, "gift", None) if place is not None else None
    if place is None or gift is None or gift.claimed_at is None:
        return "gone"
    send_templated(
        template="programme_gift_claimed",
        to=[gift.giver_email],
        context={"gift": gift, "programme": place.programme},
    )
    return "sent"


@task()
def make_plan(place_id: int, user_id: int) -> str:
    """The member's plan (the generator for this runner, then the template)."""
    from tagalong.notifications.services import notify
    from tagalong.programmes.memberplan import make_member_plan

    place = _place(place_id)
    by = User.objects.filter(pk=user_id).first()
    if place is None or by is None or place.status != PlaceStatus.ACTIVE:
        return "gone"
    if place.plan_id is not None:
        return "made"
    url = reverse("programmes:member", kwargs={"slug": place.programme.slug})
    try:
        make_member_plan(place=place, by=by)
    except DomainError as error:
        Place.objects.filter(pk=place.pk).update(
            plan_notes=[
                {
                    "text": _("Your plan could not be made yet: %(reason)s")
                    % {"reason": error.message},
                    "evidence": [],
                }
            ]
        )
        if place.athlete is not None:
            notify(
                place.athlete.user,
                kind="programme_plan",
                title=Phrase("Your plan needs one more step"),
                body=error.message,
                url=url,
            )
        return "refused"
    if place.athlete is not None:
        notify(
            place.athlete.user,
            kind="programme_plan",
            title=Phrase("Your {title} plan is ready", title=place.programme.title),
            url=url,
        )
    return "made"


@task()
def follow_template(programme_id: int, user_id: int | None) -> dict[str, int]:
    """Members' sessions not yet done follow the programme's template (queued on every
    template edit, coalesced per programme; or by the coach's "apply now")."""
    from tagalong.programmes.hooks import follow_started
    from tagalong.programmes.memberplan import follow_template_all
    from tagalong.programmes.models import Programme

    follow_started(programme_id)  # edits saved from now on queue the next run
    programme = Programme.objects.select_related("coach").filter(pk=programme_id).first()
    if programme is None:
        return {}
    by = User.objects.filter(pk=user_id).first() if user_id is not None else programme.coach
    if by is None:
        return {}
    counts = follow_template_all(programme_id=programme_id, by=by, today=timezone.localdate())
    if counts.get("proposed"):
        from tagalong.notifications.services import notify

        n = counts["proposed"]
        notify(
            programme.coach,
            kind="programme_plan_update",
            title=Phrase("{title}: template changes wait for you", title=programme.title),
            body=phrase_n(
                "{count} member had their own plan changed, "
                "so the template's new sessions wait for your decision.",
                "{count} members had their own plan changed, "
                "so the template's new sessions wait for your decision.",
                n,
            ),
            url=reverse("programmes:cohort", kwargs={"programme_id": programme.pk}),
        )
    return counts


@task()
def seat_members(session_id: int) -> int:
    """A new date of a programme's group session: a seat (or waiting-list place) for each
    member whose weeks include it."""
    from tagalong.bookings.models import Session
    from tagalong.programmes.services import seat_members_in

    session = Session.objects.select_related("session_type").filter(pk=session_id).first()
    if session is None:
        return 0
    return seat_members_in(session=session, now=timezone.now())


@task()
def move_stages() -> int:
    """Daily: cohort programmes start running on their start date and finish after it ends."""
    from tagalong.programmes.services import move_stages as move

    return len(move(today=timezone.localdate()))


@task()
def email_announcements() -> int:
    """Every minute: announcement emails that waited unread (programmes.announcements)."""
    from tagalong.programmes.announcements import send_waiting_emails

    return send_waiting_emails(timezone.now())
