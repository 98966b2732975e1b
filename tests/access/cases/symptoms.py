from __future__ import annotations

from tests.access.matrix import LOGIN, Case, statuses


def _athlete_a(world):  # type: ignore[no-untyped-def]
    return {"athlete_id": world.athlete_a.pk}


PAGES = {
    "symptoms:mine": Case(statuses(403, anonymous=LOGIN, athlete_a=302, athlete_b=302)),
    "symptoms:history": Case(
        statuses(404, anonymous=LOGIN, athlete_a=200, coach_a=200, colleague=200, staff=200),
        kwargs=_athlete_a,
    ),
    "symptoms:log": Case(
        statuses(404, anonymous=LOGIN, athlete_a=200, coach_a=200, colleague=403, staff=403),
        kwargs=_athlete_a,
    ),
}

API = {
    "GET /api/athletes/{athlete_id}/symptoms": Case(
        statuses(404, anonymous=401, athlete_a=200, coach_a=200, colleague=200, staff=200),
        kwargs=_athlete_a,
    ),
    "POST /api/athletes/{athlete_id}/symptoms": Case(
        statuses(404, anonymous=401, athlete_a=201, coach_a=201, colleague=403, staff=403),
        method="post",
        kwargs=_athlete_a,
        data=lambda w: {"day": "2026-01-05", "calf_pain_left_after": 3},
    ),
}
