"""Trail, treadmill, track and virtual runs count as runs, from every format and in the load."""

from __future__ import annotations

from datetime import date

import pytest

from tagalong.activityfile.decode import decode_activity
from tagalong.activityfile.sports import fit_sport, is_run_sport


def _gpx(kind: str) -> bytes:
    points = "".join(
        f'<trkpt lat="{46 + i * 0.00003:.6f}" lon="14.5"><time>2023-03-05T08:00:{i * 10:02d}Z'
        "</time></trkpt>"
        for i in range(6)
    )
    return (
        '<?xml version="1.0"?><gpx version="1.1" creator="t" '
        f'xmlns="http://www.topografix.com/GPX/1/1"><trk><type>{kind}</type><trkseg>{points}'
        "</trkseg></trk></gpx>"
    ).encode()


@pytest.mark.parametrize(
    "label", ["running", "TrailRun", "trail_running", "VirtualRun", "treadmill", "9", "Jogging"]
)
def test_gpx_type_naming_any_run_is_a_run(label: str) -> None:
    assert decode_activity(_gpx(label), filename="x.gpx").is_run


@pytest.mark.parametrize("label", ["cycling", "Ride", "hiking", "swim", ""])
def test_gpx_type_of_another_sport_is_not_a_run(label: str) -> None:
    assert not decode_activity(_gpx(label), filename="x.gpx").is_run


@pytest.mark.parametrize(
    ("sport", "sub_sport", "run"),
    [
        ("running", "trail", True),
        ("running", "treadmill", True),
        ("running", "track", True),
        ("running", "virtual_activity", True),
        ("running", "indoor_running", True),
        ("generic", "treadmill", True),
        ("generic", "indoor_running", True),
        ("cycling", "indoor_cycling", False),
        ("generic", None, False),
    ],
)
def test_fit_sport_and_sub_sport(sport: str, sub_sport: str | None, run: bool) -> None:
    assert is_run_sport(fit_sport(sport, sub_sport)) is run


@pytest.mark.parametrize(
    "stored", ["trail_running", "treadmill_running", "track_running", "virtual_running"]
)
def test_stored_run_kinds_are_runs(stored: str) -> None:
    assert is_run_sport(stored)


@pytest.mark.django_db
@pytest.mark.parametrize("sport", ["trail_running", "treadmill_running", "cycling"])
def test_only_running_legs_add_to_weekly_kilometres(sport: str) -> None:
    from tagalong.activities.load import series_inputs, settings_of
    from tagalong.activities.services import add_manual_run
    from tests.factories import make_athlete

    athlete = make_athlete()
    run = add_manual_run(
        athlete=athlete, by=None, day=date(2026, 3, 1), duration_min=50, distance_km=10, rpe=5
    )
    run.sport = sport
    run.save(update_fields=["sport"])
    days, _ = series_inputs(athlete, settings_of(athlete))
    (day,) = days.values()
    assert day.load > 0  # every leg adds to the load
    assert day.distance_km == (0.0 if sport == "cycling" else 10.0)
