"""Each imported run stores its cadence at the athlete's easy pace."""

from __future__ import annotations

import pytest

from tagalong.activities.models import Activity
from tagalong.activities.services import start_import, update_load_settings
from tests.activities.conftest import CORPUS, upload
from tests.factories import make_athlete

pytestmark = pytest.mark.django_db

RUN = CORPUS / "fitparse" / "activity-small-fenix2-run.fit"  # 47 min, 42 of them running


def _import(athlete, path, capture):  # type: ignore[no-untyped-def]
    with capture(execute=True):
        start_import(athlete=athlete, by=athlete.user, upload=[upload(path)])
    return Activity.objects.get(athlete=athlete, content_hash__isnull=False)


def test_first_run_gets_easy_cadence_from_its_own_speeds(django_capture_on_commit_callbacks):
    athlete = make_athlete()
    run = _import(athlete, RUN, django_capture_on_commit_callbacks)
    band = run.metrics["easy_band"]
    assert band["source"] == "own_runs" and band["low_m_s"] < band["high_m_s"]
    assert 150 < run.metrics["easy_cadence_spm"] < 200
    assert run.metrics["speed_cadence"]["cells"]


def test_threshold_pace_sets_the_band_and_easy_cadence_follows(
    django_capture_on_commit_callbacks,
):
    athlete = make_athlete()
    run = _import(athlete, RUN, django_capture_on_commit_callbacks)
    update_load_settings(
        athlete=athlete, by=athlete.user, measure="auto", threshold_pace_s_per_km=300
    )
    run.refresh_from_db()
    assert run.metrics["easy_band"]["source"] == "threshold_pace"
    assert run.metrics["easy_band"]["evidence_id"] == "periodisation.zones.daniels"
