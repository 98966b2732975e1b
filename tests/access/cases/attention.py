from __future__ import annotations

import datetime as dt

from django.utils import timezone

from tagalong.attention.models import AvailabilityMarker, RedFlag, Signal
from tests.access.matrix import LOGIN, Case, statuses


def _athlete_a(world):  # type: ignore[no-untyped-def]
    return {"athlete_id": world.athlete_a.pk}


def _signal_a(world):  # type: ignore[no-untyped-def]
    signal = Signal.objects.create(
        athlete=world.athlete_a,
        kind="no_data",
        severity=8,
        words="Nothing recorded for 9 days.",
        evidence_id="attention.no_data",
        url=f"/athletes/{world.athlete_a.pk}/activities/",
    )
    return {"athlete_id": world.athlete_a.pk, "signal_id": signal.pk}


def _marker_a(world):  # type: ignore[no-untyped-def]
    day = timezone.localdate()
    marker = AvailabilityMarker.objects.create(
        athlete=world.athlete_a, kind="ill", start=day, end=day
    )
    return {"athlete_id": world.athlete_a.pk, "marker_id": marker.pk}


def _red_flag_a(world):  # type: ignore[no-untyped-def]
    RedFlag.objects.create(athlete=world.athlete_a, source="intake", red_flags=["chest_pain"])
    return _athlete_a(world)


def _tomorrow() -> str:
    return (timezone.localdate() + dt.timedelta(days=1)).isoformat()


COACHES_ONLY = statuses(403, anonymous=LOGIN, coach_a=200, colleague=200, coach_other=200)
READ = statuses(404, anonymous=LOGIN, athlete_a=200, coach_a=200, colleague=200, staff=200)
# Only the athlete's own coach acts; the runner, colleagues (read only) and staff get 403.
COACH_ACTS = statuses(404, anonymous=LOGIN, athlete_a=403, coach_a=302, colleague=403, staff=403)
API_READ = statuses(404, anonymous=401, athlete_a=200, coach_a=200, colleague=200, staff=200)


def _api_acts(status: int) -> dict[str, int]:
    return statuses(404, anonymous=401, athlete_a=403, coach_a=status, colleague=403, staff=403)


PAGES = {
    "attention:export": Case(COACHES_ONLY),
    "attention:bulk_message": Case(
        statuses(403, anonymous=LOGIN, coach_a=302, colleague=302, coach_other=302),
        method="post",
        data=lambda w: {"athletes": [w.athlete_a.pk], "subject": "Hi", "message": "Easy week."},
    ),
    "attention:athlete": Case(READ, kwargs=_athlete_a),
    "attention:acknowledge": Case(
        COACH_ACTS, method="post", kwargs=_signal_a, data=lambda w: {"note": "Called her."}
    ),
    "attention:snooze": Case(
        COACH_ACTS,
        method="post",
        kwargs=_signal_a,
        data=lambda w: {"until": _tomorrow(), "reason": "On holiday"},
    ),
    "attention:add_marker": Case(
        COACH_ACTS,
        method="post",
        kwargs=_athlete_a,
        data=lambda w: {"kind": "ill", "start": "2026-11-02", "end": "2026-11-04"},
    ),
    "attention:remove_marker": Case(COACH_ACTS, method="post", kwargs=_marker_a),
    "attention:settings": Case(
        COACH_ACTS, method="post", kwargs=_athlete_a, data=lambda w: {"no_data_days": 10}
    ),
    "attention:clear_red_flag": Case(
        COACH_ACTS,
        method="post",
        kwargs=_red_flag_a,
        data=lambda w: {"seen_on": timezone.localdate().isoformat(), "note": "GP: no clot."},
    ),
}

API = {
    "GET /api/attention": Case(
        statuses(403, anonymous=401, coach_a=200, colleague=200, coach_other=200)
    ),
    "GET /api/athletes/{athlete_id}/attention": Case(API_READ, kwargs=_athlete_a),
    # Only athlete A's own coach may message them; other coaches are told no such runner.
    "POST /api/attention/bulk-message": Case(
        statuses(403, anonymous=401, coach_a=200, colleague=404, coach_other=404),
        method="post",
        data=lambda w: {"athlete_ids": [w.athlete_a.pk], "subject": "Hi", "message": "Easy."},
    ),
    "POST /api/athletes/{athlete_id}/attention/{signal_id}/acknowledge": Case(
        _api_acts(200), method="post", kwargs=_signal_a, data=lambda w: {"note": "Called."}
    ),
    "POST /api/athletes/{athlete_id}/attention/{signal_id}/snooze": Case(
        _api_acts(200),
        method="post",
        kwargs=_signal_a,
        data=lambda w: {"until": _tomorrow(), "reason": "Travelling"},
    ),
    "GET /api/athletes/{athlete_id}/availability": Case(API_READ, kwargs=_athlete_a),
    "POST /api/athletes/{athlete_id}/availability": Case(
        _api_acts(201),
        method="post",
        kwargs=_athlete_a,
        data=lambda w: {"kind": "travel", "start": "2026-11-02", "end": "2026-11-03"},
    ),
    "DELETE /api/athletes/{athlete_id}/availability/{marker_id}": Case(
        _api_acts(204), method="delete", kwargs=_marker_a
    ),
    "POST /api/athletes/{athlete_id}/red-flag/clear": Case(
        _api_acts(200),
        method="post",
        kwargs=_red_flag_a,
        data=lambda w: {"seen_on": timezone.localdate().isoformat(), "note": "GP: no clot."},
    ),
}
