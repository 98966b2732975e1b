from __future__ import annotations

from datetime import UTC, datetime

from tagalong.messaging.quiet import in_quiet_hours


def test_quiet_from_ten_at_night_to_seven_in_the_morning_in_the_person_s_zone() -> None:
    # 21:30 UTC is 22:30 in London in summer (quiet) and 07:30 in Sydney (not quiet).
    moment = datetime(2026, 7, 1, 21, 30, tzinfo=UTC)
    assert in_quiet_hours(moment, "Europe/London")
    assert not in_quiet_hours(moment, "Australia/Sydney")
    assert not in_quiet_hours(datetime(2026, 7, 1, 6, 0, tzinfo=UTC), "Europe/London")
    assert in_quiet_hours(datetime(2026, 7, 1, 5, 59, tzinfo=UTC), "Europe/London")


def test_the_clock_change_night_is_judged_in_local_time() -> None:
    # London springs forward on 29 March 2026: 06:30 UTC is 07:30 BST, no longer quiet.
    assert not in_quiet_hours(datetime(2026, 3, 29, 6, 30, tzinfo=UTC), "Europe/London")
    assert in_quiet_hours(datetime(2026, 3, 28, 6, 30, tzinfo=UTC), "Europe/London")


def test_an_unknown_zone_falls_back_to_utc() -> None:
    assert in_quiet_hours(datetime(2026, 7, 1, 23, 0, tzinfo=UTC), "Mars/Olympus")
