from __future__ import annotations

from tests.access.matrix import LOGIN, Case, statuses
from tests.shoes.helpers import make_run, make_shoe


def _athlete_a(world):  # type: ignore[no-untyped-def]
    return {"athlete_id": world.athlete_a.pk}


def _shoe_a(world):  # type: ignore[no-untyped-def]
    return {"athlete_id": world.athlete_a.pk, "shoe_id": make_shoe(world.athlete_a).pk}


def _run_a(world):  # type: ignore[no-untyped-def]
    return {"athlete_id": world.athlete_a.pk, "activity_id": make_run(world.athlete_a).pk}


def _shoe_choice(world):  # type: ignore[no-untyped-def]
    return {"shoe_id": make_shoe(world.athlete_a, name="Grey racers").pk}


READ = statuses(404, anonymous=LOGIN, athlete_a=200, coach_a=200, colleague=200, staff=200)
WRITE_PAGE = statuses(404, anonymous=LOGIN, athlete_a=200, coach_a=200, colleague=403, staff=403)
WRITE_POST = statuses(404, anonymous=LOGIN, athlete_a=302, coach_a=302, colleague=403, staff=403)
API_READ = statuses(404, anonymous=401, athlete_a=200, coach_a=200, colleague=200, staff=200)


def _api_write(ok: int) -> dict[str, int]:
    return statuses(404, anonymous=401, athlete_a=ok, coach_a=ok, colleague=403, staff=403)


PAGES = {
    "shoes:mine": Case(statuses(403, anonymous=LOGIN, athlete_a=302, athlete_b=302)),
    "shoes:list": Case(READ, kwargs=_athlete_a),
    "shoes:create": Case(WRITE_PAGE, kwargs=_athlete_a),
    "shoes:edit": Case(WRITE_PAGE, kwargs=_shoe_a),
    "shoes:retire": Case(WRITE_POST, method="post", kwargs=_shoe_a),
    "shoes:unretire": Case(WRITE_POST, method="post", kwargs=_shoe_a),
    "shoes:assign": Case(WRITE_POST, method="post", kwargs=_run_a, data=_shoe_choice),
}

API = {
    "GET /api/athletes/{athlete_id}/shoes": Case(API_READ, kwargs=_athlete_a),
    "POST /api/athletes/{athlete_id}/shoes": Case(
        _api_write(201),
        method="post",
        kwargs=_athlete_a,
        data=lambda w: {"name": "Trail pair", "default_for_sport": "trail_running"},
    ),
    "PATCH /api/athletes/{athlete_id}/shoes/{shoe_id}": Case(
        _api_write(200), method="patch", kwargs=_shoe_a, data=lambda w: {"remind_km": 450}
    ),
    "POST /api/athletes/{athlete_id}/activities/{activity_id}/shoe": Case(
        _api_write(200), method="post", kwargs=_run_a, data=_shoe_choice
    ),
}
