"""Activities imported before laps, splits and the route were kept get them from their original."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from tagalong.activities.details import fill_details
from tagalong.activities.models import Activity
from tests.activities.test_route_and_splits_page import run  # noqa: F401  (the fixture)

pytestmark = pytest.mark.django_db


def _forget(activity: Activity) -> None:
    Activity.objects.filter(pk=activity.pk).update(laps=[], splits={}, track=[])


def test_an_older_activity_gets_its_laps_splits_and_track_from_the_original(run):  # noqa: F811
    kept = (run.laps, run.splits, run.track)
    _forget(run)
    assert fill_details(run.pk) is True
    run.refresh_from_db()
    assert (run.laps, run.splits, run.track) == kept


def test_a_second_run_changes_nothing(run):  # noqa: F811
    assert fill_details(run.pk) is False  # imported with them already


def test_the_command_queues_only_the_activities_that_lack_them(run, capsys):  # noqa: F811
    _forget(run)
    call_command("fill_activity_details")  # tasks run at once in tests
    assert "1 activities queued" in capsys.readouterr().out
    run.refresh_from_db()
    assert len(run.splits["km"]) == 9
    call_command("fill_activity_details")
    assert "0 activities queued" in capsys.readouterr().out
