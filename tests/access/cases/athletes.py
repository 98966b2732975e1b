from __future__ import annotations

from tests.access.matrix import LOGIN, Case, statuses
from tests.factories import make_invitation


def _athlete_a(world):  # type: ignore[no-untyped-def]
    return {"athlete_id": world.athlete_a.pk}


def _link_a(world):  # type: ignore[no-untyped-def]
    return {"link_id": world.athlete_a.links.get().pk}


COACHES_ONLY = statuses(403, anonymous=LOGIN, coach_a=200, colleague=200, coach_other=200)
ATHLETES_ONLY = statuses(403, anonymous=LOGIN, athlete_a=200, athlete_b=200)

PAGES = {
    "web:home": Case(statuses(200)),
    "web:dismiss_checklist": Case(statuses(302, anonymous=LOGIN), method="post"),
    "web:manifest": Case(statuses(200)),
    "web:service_worker": Case(statuses(200)),
    "web:offline": Case(statuses(200)),
    "web:today": Case(ATHLETES_ONLY),
    "athletes:roster": Case(COACHES_ONLY),
    "athletes:invite": Case(COACHES_ONLY),
    "athletes:revoke_invitation": Case(
        statuses(403, anonymous=LOGIN, coach_a=302, colleague=404, coach_other=404),
        method="post",
        kwargs=lambda w: {"invitation_id": make_invitation(coach=w.coach_a).pk},
    ),
    "athletes:detail": Case(
        statuses(404, anonymous=LOGIN, athlete_a=200, coach_a=200, colleague=200, staff=200),
        kwargs=_athlete_a,
    ),
    "athletes:edit_profile": Case(
        statuses(404, anonymous=LOGIN, athlete_a=200, coach_a=200, colleague=403, staff=403),
        kwargs=_athlete_a,
    ),
    "athletes:my_profile": Case(ATHLETES_ONLY),
    "athletes:my_coaches": Case(ATHLETES_ONLY),
    "athletes:end_link": Case(
        statuses(404, anonymous=LOGIN, athlete_a=302, coach_a=302), method="post", kwargs=_link_a
    ),
    "athletes:share_link": Case(
        statuses(403, anonymous=LOGIN, coach_a=302, colleague=404, coach_other=404),
        method="post",
        kwargs=_link_a,
        data=lambda w: {"shared": "on"},
    ),
}

API = {
    "GET /api/athletes": Case(statuses(200, anonymous=401)),
    "GET /api/athletes/{athlete_id}": Case(
        statuses(404, anonymous=401, athlete_a=200, coach_a=200, colleague=200, staff=200),
        kwargs=_athlete_a,
    ),
    "PATCH /api/athletes/{athlete_id}": Case(
        statuses(404, anonymous=401, athlete_a=200, coach_a=200, colleague=403, staff=403),
        method="patch",
        kwargs=_athlete_a,
        data=lambda w: {"runs_per_week": 4, "goals": "10K in spring"},
    ),
}
