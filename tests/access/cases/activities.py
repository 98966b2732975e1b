from __future__ import annotations

from datetime import date

from tagalong.activities.models import ImportBatch
from tagalong.activities.services import add_manual_run
from tests.access.matrix import LOGIN, Case, statuses


def _athlete_a(world):  # type: ignore[no-untyped-def]
    return {"athlete_id": world.athlete_a.pk}


def _activity_a(world):  # type: ignore[no-untyped-def]
    run = add_manual_run(
        athlete=world.athlete_a,
        by=None,
        day=date(2026, 3, 2),
        duration_min=40,
        distance_km=7.5,
        rpe=4,
    )
    return {"athlete_id": world.athlete_a.pk, "activity_id": run.pk}


def _batch_a(world):  # type: ignore[no-untyped-def]
    batch = ImportBatch.objects.create(athlete=world.athlete_a, status="done")
    return {"athlete_id": world.athlete_a.pk, "batch_id": batch.pk}


READ = statuses(404, anonymous=LOGIN, athlete_a=200, coach_a=200, colleague=200, staff=200)
WRITE_PAGE = statuses(404, anonymous=LOGIN, athlete_a=200, coach_a=200, colleague=403, staff=403)
API_READ = statuses(404, anonymous=401, athlete_a=200, coach_a=200, colleague=200, staff=200)


def _api_write(ok: int) -> dict[str, int]:
    return statuses(404, anonymous=401, athlete_a=ok, coach_a=ok, colleague=403, staff=403)


PAGES = {
    "activities:mine": Case(statuses(403, anonymous=LOGIN, athlete_a=302, athlete_b=302)),
    "activities:list": Case(READ, kwargs=_athlete_a),
    "activities:trends": Case(READ, kwargs=_athlete_a),
    "activities:detail": Case(READ, kwargs=_activity_a),
    "activities:batch": Case(READ, kwargs=_batch_a),
    "activities:upload": Case(WRITE_PAGE, kwargs=_athlete_a),
    "activities:manual": Case(WRITE_PAGE, kwargs=_athlete_a),
    "activities:load_settings": Case(WRITE_PAGE, kwargs=_athlete_a),
    "activities:delete": Case(
        statuses(404, anonymous=LOGIN, athlete_a=302, coach_a=302, colleague=403, staff=403),
        method="post",
        kwargs=_activity_a,
    ),
}

API = {
    # No files attached: the permitted writers get past the policy and hear that files are needed.
    "POST /api/athletes/{athlete_id}/imports": Case(
        _api_write(400), method="post", kwargs=_athlete_a
    ),
    "GET /api/athletes/{athlete_id}/imports/{batch_id}": Case(API_READ, kwargs=_batch_a),
    "GET /api/athletes/{athlete_id}/activities": Case(API_READ, kwargs=_athlete_a),
    "POST /api/athletes/{athlete_id}/activities": Case(
        _api_write(201),
        method="post",
        kwargs=_athlete_a,
        data=lambda w: {"day": "2026-03-03", "duration_min": 35, "distance_km": 6, "rpe": 3},
    ),
    "GET /api/athletes/{athlete_id}/activities/{activity_id}": Case(API_READ, kwargs=_activity_a),
    "DELETE /api/athletes/{athlete_id}/activities/{activity_id}": Case(
        _api_write(204), method="delete", kwargs=_activity_a
    ),
    "GET /api/athletes/{athlete_id}/load": Case(API_READ, kwargs=_athlete_a),
    "GET /api/athletes/{athlete_id}/cadence-speed": Case(API_READ, kwargs=_athlete_a),
    "GET /api/athletes/{athlete_id}/load-settings": Case(API_READ, kwargs=_athlete_a),
    "PUT /api/athletes/{athlete_id}/load-settings": Case(
        _api_write(200),
        method="put",
        kwargs=_athlete_a,
        data=lambda w: {"measure": "auto", "threshold_pace_s_per_km": 285},
    ),
}
