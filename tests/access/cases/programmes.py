from __future__ import annotations

from django.utils import timezone

from tagalong.programmes.models import PlanUpdate
from tagalong.programmes.services import give_gift, join
from tests.access.matrix import LOGIN, Case, statuses
from tests.programmes.helpers import programme


def _programme(world, publish: bool = True):  # type: ignore[no-untyped-def]
    return programme(world.coach_a, clinic=False, publish=publish)


def _id(world):  # type: ignore[no-untyped-def]
    return {"programme_id": _programme(world).pk}


def _draft_id(world):  # type: ignore[no-untyped-def]
    return {"programme_id": _programme(world, publish=False).pk}


def _slug(world):  # type: ignore[no-untyped-def]
    return {"slug": _programme(world).slug}


def _member_slug(world):  # type: ignore[no-untyped-def]
    p = _programme(world)
    join(programme=p, athlete=world.athlete_a, now=timezone.now())
    return {"slug": p.slug}


def _place(world):  # type: ignore[no-untyped-def]
    p = _programme(world)
    place = join(programme=p, athlete=world.athlete_a, now=timezone.now())
    return {"programme_id": p.pk, "place_id": place.pk}


def _update(world):  # type: ignore[no-untyped-def]
    ids = _place(world)
    update = PlanUpdate.objects.create(
        place_id=ids["place_id"], from_date=timezone.localdate(), sessions=[]
    )
    return {"programme_id": ids["programme_id"], "update_id": update.pk}


def _claim_token(world):  # type: ignore[no-untyped-def]
    gift = give_gift(
        programme=_programme(world),
        giver_name="Ana",
        giver_email="ana@example.org",
        recipient_email="gift.recipient@example.org",
        message="",
        now=timezone.now(),
    )
    return {"token": gift.place.invitation.token()}


# Pages of the coach's own objects: other coaches get 404, runners and staff the role's 403.
OWN_COACH_WRITE = statuses(403, anonymous=LOGIN, coach_a=302, colleague=404, coach_other=404)
OWN_COACH_READ = statuses(403, anonymous=LOGIN, coach_a=200, colleague=404, coach_other=404)
COACHES_PAGE = statuses(403, anonymous=LOGIN, coach_a=200, colleague=200, coach_other=200)
MEMBER_PAGE = statuses(403, anonymous=LOGIN, athlete_a=200, athlete_b=404)
MEMBER_WRITE = statuses(403, anonymous=LOGIN, athlete_a=302, athlete_b=404)

PAGES = {
    "programmes:coach_list": Case(COACHES_PAGE),
    "programmes:create": Case(COACHES_PAGE),
    "programmes:cohort": Case(OWN_COACH_READ, kwargs=_id),
    "programmes:edit": Case(OWN_COACH_READ, kwargs=_id),
    "programmes:stage": Case(
        OWN_COACH_WRITE, method="post", kwargs=_draft_id, data=lambda w: {"to": "published"}
    ),
    "programmes:archive": Case(OWN_COACH_WRITE, method="post", kwargs=_id),
    "programmes:delete": Case(OWN_COACH_WRITE, method="post", kwargs=_draft_id),
    "programmes:announce": Case(
        OWN_COACH_WRITE, method="post", kwargs=_id, data=lambda w: {"text": "See you Tuesday."}
    ),
    "programmes:free_place": Case(
        OWN_COACH_WRITE, method="post", kwargs=_id, data=lambda w: {"email": "free@example.org"}
    ),
    "programmes:payment": Case(
        OWN_COACH_WRITE, method="post", kwargs=_place, data=lambda w: {"payment": "outside"}
    ),
    "programmes:follow_template": Case(OWN_COACH_WRITE, method="post", kwargs=_id),
    "programmes:decide": Case(
        OWN_COACH_WRITE, method="post", kwargs=_update, data=lambda w: {"make": "no"}
    ),
    "programmes:public": Case(statuses(200), kwargs=_slug),
    "programmes:gift": Case(statuses(200), kwargs=_slug),
    # the link is for someone else's email: everyone signed in is told so (410)
    "programmes:claim": Case(statuses(410, anonymous=200), kwargs=_claim_token),
    "programmes:mine": Case(statuses(403, anonymous=LOGIN, athlete_a=200, athlete_b=200)),
    "programmes:member": Case(MEMBER_PAGE, kwargs=_member_slug),
    "programmes:start_plan": Case(MEMBER_WRITE, method="post", kwargs=_member_slug),
    "programmes:leaderboard_name": Case(MEMBER_WRITE, method="post", kwargs=_member_slug),
}

API = {
    "GET /api/coaches/me/programmes": Case(
        statuses(403, anonymous=401, coach_a=200, colleague=200, coach_other=200)
    ),
    "GET /api/programmes/{slug}": Case(statuses(200), kwargs=_slug),
}
