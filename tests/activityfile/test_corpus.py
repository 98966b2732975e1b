"""Every file in the shared corpus has a recorded outcome: its sport, or the error code."""

from __future__ import annotations

import pytest

from tagalong.activityfile.decode import decode_activities, decode_activity
from tagalong.activityfile.errors import DecodeError

from .conftest import CORPUS, corpus_file

OK = "ok"
RECOVERED = "recovered"  # damaged: only the records before the damage were kept

EXPECTED: dict[str, tuple[str, str]] = {
    # fitparse: real devices
    "fitparse/20170518-191602-1740899583.fit": (OK, "fitness_equipment"),
    "fitparse/2019-02-17-062644-ELEMNT-297E-195-0.fit": (OK, "cycling"),
    "fitparse/Activity.fit": (OK, "running"),
    "fitparse/activity-settings.fit": (OK, "running"),
    "fitparse/activity-small-fenix2-run.fit": (OK, "running"),
    "fitparse/activity-large-fenxi2-multisport.fit": (OK, "generic,running,running,cycling"),
    "fitparse/antfs-dump.63.fit": (OK, "running"),
    "fitparse/compressed-speed-distance.fit": (OK, "running"),
    "fitparse/coros-pace-2-cycling-misaligned-fields.fit": (OK, "cycling"),
    "fitparse/developer-types-sample.fit": (OK, "running"),
    "fitparse/elemnt-bolt-no-application-id-inside-developer-data-id.fit": (OK, "cycling"),
    "fitparse/event_timestamp.fit": (OK, "swimming"),
    "fitparse/garmin-edge-500-activity.fit": (OK, "cycling"),
    "fitparse/garmin-edge-820-bike.fit": (OK, "cycling"),
    "fitparse/garmin-fenix-5-bike.fit": (OK, "cycling"),
    "fitparse/garmin-fenix-5-run.fit": (OK, "running"),
    "fitparse/garmin-fenix-5-walk.fit": (OK, "walking"),
    "fitparse/null_compressed_speed_dist.fit": (OK, "cycling"),
    "fitparse/sample-activity.fit": (OK, "cycling"),
    "fitparse/sample_mulitple_header.fit": (OK, "swimming,cycling,running"),
    # fitparse: wrong file CRC, every message still readable (read with a warning)
    "fitparse/2013-02-06-12-11-14.fit": (OK, "running"),
    "fitparse/2015-10-13-08-43-15.fit": (OK, "cycling"),
    "fitparse/Edge810-Vector-2013-08-16-15-35-10.fit": (OK, "cycling"),
    "fitparse/activity-filecrc.fit": (OK, "running"),
    "fitparse/activity-activity-filecrc.fit": (OK, "running"),
    "fitparse/sample-activity-indoor-trainer.fit": (OK, "cycling"),
    # fitparse: damaged, records before the damage kept
    "fitparse/activity-unexpected-eof.fit": (RECOVERED, "running"),
    "fitparse/activity-settings-corruptheader.fit": (RECOVERED, "running"),
    "fitparse/activity-settings-nodata.fit": (RECOVERED, "running"),
    "fitparse/nick.fit": (RECOVERED, "generic"),  # truncated before its session message
    "fitparse/strava-android-app-201.10-b1218918.fit": (RECOVERED, "running"),
    # fitparse: not activities
    "fitparse/DeveloperData.fit": ("not_an_activity", "no timed records"),
    "fitparse/MonitoringFile.fit": ("not_an_activity", "monitoring"),
    "fitparse/Settings.fit": ("not_an_activity", "settings"),
    "fitparse/Settings2.fit": ("not_an_activity", "settings"),
    "fitparse/nametest.FIT": ("not_an_activity", "settings"),
    "fitparse/WeightScaleMultiUser.fit": ("not_an_activity", "weight"),
    "fitparse/WeightScaleSingleUser.fit": ("not_an_activity", "weight"),
    "fitparse/WorkoutCustomTargetValues.fit": ("not_an_activity", "workout"),
    "fitparse/WorkoutIndividualSteps.fit": ("not_an_activity", "workout"),
    "fitparse/WorkoutRepeatGreaterThanStep.fit": ("not_an_activity", "workout"),
    "fitparse/WorkoutRepeatSteps.fit": ("not_an_activity", "workout"),
    "fitdecode/garmin-fr935-cr.fit": (OK, "swimming"),
    "fit-benchmarks/large.fit": (OK, "running"),
    "fit-benchmarks/sample.fit": (OK, "running"),
    "sweatpy/2020-06-01-16-52-40.fit": (OK, "cycling"),
    "sweatpy/4078723797.fit": (OK, "cycling"),
    "sweatpy/4801048867.fit": (OK, "cycling"),
    "sweatpy/6449921903_ACTIVITY.fit": (OK, "cycling"),
    "sweatpy/6471559601_ACTIVITY.fit": (OK, "running,rowing"),
    "sweatpy/3173437224.tcx": (OK, "running"),
    "sweatpy/4078723797_strava.gpx": (OK, "cycling"),
    "sweatpy/4801048867_strava.gpx": (OK, "cycling"),
    "sweatpy/activity_4078723797.gpx": (OK, "cycling"),
    "sweatpy/activity_4801048867.gpx": (OK, "cycling"),
    "sweatpy/activity_4801048867.tcx": (OK, "cycling"),
    "sweatpy/activity_5039744860.gpx": (OK, "cycling"),
    "sweatpy/activity_5039744860.tcx": (OK, "cycling"),
    # gpxpy: edge cases
    "gpxpy/Mojstrovka.gpx": (OK, "generic"),
    "gpxpy/around-visnjan-with-car.gpx": (OK, "generic"),
    "gpxpy/cerknicko-jezero-no-creator.gpx": (OK, "generic"),
    "gpxpy/cerknicko-jezero-with-elevations-zero.gpx": (OK, "generic"),
    "gpxpy/cerknicko-jezero-without-elevations.gpx": (OK, "generic"),
    "gpxpy/cerknicko-jezero.gpx": (OK, "generic"),
    "gpxpy/cerknicko-without-times.gpx": (OK, "generic"),  # only a few points lack times
    "gpxpy/first_and_last_elevation.gpx": (OK, "generic"),
    "gpxpy/gpx-with-node-with-comments.gpx": (OK, "generic"),
    "gpxpy/gpx1.0_with_all_fields.gpx": (OK, "generic"),
    "gpxpy/gpx1.1_with_all_fields.gpx": (OK, "generic"),
    "gpxpy/korita-zbevnica.gpx": (OK, "generic"),
    "gpxpy/track-with-empty-segment.gpx": (OK, "generic"),
    "gpxpy/track-with-less-sec-time.gpx": (OK, "running"),
    "gpxpy/track_with_speed.gpx": (OK, "generic"),
    "gpxpy/route.gpx": ("no_track", "route"),
    "gpxpy/custom_schema_locations.gpx": ("no_track", "no recorded track"),
    "gpxpy/default_schema_locations.gpx": ("no_track", "no recorded track"),
    "gpxpy/gpx1.1_with_extensions.gpx": ("no_track", "no recorded track"),
    "gpxpy/gpx1.1_with_extensions_without_namespaces.gpx": ("no_track", "no recorded track"),
    "gpxpy/gpx_with_garmin_extension.gpx": ("no_track", "no recorded track"),
    "gpxpy/unicode.gpx": ("no_track", "no recorded track"),
    "gpxpy/unicode2.gpx": ("no_track", "no recorded track"),
    "gpxpy/unicode_with_bom.gpx": ("no_track", "no recorded track"),
    "gpxpy/unicode_with_bom_noencoding.gpx": ("no_track", "no recorded track"),
    "gpxpy/track-with-extremes.gpx": ("no_timestamps", "no times"),
    "gpxpy/track-with-small-floats.gpx": ("no_timestamps", "no times"),
    "gpxpy/track_with_dilution_errors.gpx": ("no_timestamps", "no times"),
    "tcxparser/no_hr.tcx": (OK, "running"),
    "tcxparser/sup_activity_1.tcx": (OK, "generic"),
    "tcxparser/test.tcx": (OK, "running"),
    "tcxreader/cross-country-skiing_activity_1.tcx": (OK, "generic"),
    "tcxreader/mapmyride_biking.tcx": (OK, "cycling"),
    "tcxreader/sup_activity_1.tcx": (OK, "generic"),
}

ACTIVITY_SUFFIXES = {".fit", ".gpx", ".tcx"}


def test_every_corpus_activity_file_has_a_recorded_outcome() -> None:
    on_disk = {
        str(path.relative_to(CORPUS.resolve()))
        for path in CORPUS.resolve().rglob("*")
        if path.suffix.lower() in ACTIVITY_SUFFIXES
    }
    assert on_disk == set(EXPECTED)


@pytest.mark.parametrize(("relative", "expected"), sorted(EXPECTED.items()))
def test_corpus_file_decodes_to_its_recorded_outcome(
    relative: str, expected: tuple[str, str]
) -> None:
    outcome, detail = expected
    data = corpus_file(relative).read_bytes()
    if outcome in (OK, RECOVERED):
        activities = decode_activities(data, filename=relative)
        # A multisport file is one activity per leg, transitions left out.
        assert ",".join(activity.sport for activity in activities) == detail
        for activity in activities:
            assert activity.recovered is (outcome == RECOVERED)
            assert len(activity.streams) > 0
            if activity.recovered:
                assert any("damaged" in warning for warning in activity.warnings)
        return
    with pytest.raises(DecodeError) as caught:
        decode_activity(data, filename=relative)
    assert caught.value.code == outcome
    assert detail in caught.value.reason
    assert caught.value.file == relative


def test_wrong_crc_file_is_read_with_a_warning_not_marked_recovered() -> None:
    data = corpus_file("fitparse/activity-filecrc.fit").read_bytes()
    activity = decode_activity(data, filename="activity-filecrc.fit")
    assert not activity.recovered
    assert any("checksum" in warning for warning in activity.warnings)


def test_truncated_strava_file_drops_the_garbage_record_at_the_damage() -> None:
    relative = "fitparse/strava-android-app-201.10-b1218918.fit"
    activity = decode_activity(corpus_file(relative).read_bytes(), filename=relative)
    assert activity.duration_s < 3600  # the garbage timestamp lies decades later


def test_fenix5_run_keeps_running_dynamics_in_their_units() -> None:
    relative = "fitparse/garmin-fenix-5-run.fit"
    streams = decode_activity(corpus_file(relative).read_bytes(), filename=relative).streams
    assert streams.stance_time_ms is not None and 150 < float(streams.stance_time_ms[5]) < 400
    assert streams.vertical_oscillation_mm is not None
    assert 40 < float(streams.vertical_oscillation_mm[5]) < 150
    assert streams.step_length_mm is not None and 500 < float(streams.step_length_mm[5]) < 2000
    assert streams.vertical_ratio_pct is not None
    assert streams.stance_time_balance_pct is not None
    assert streams.cadence_spm is not None and 150 < float(streams.cadence_spm[5]) < 200


def test_stryd_developer_fields_land_in_developer_streams() -> None:
    relative = "fit-benchmarks/sample.fit"
    activity = decode_activity(corpus_file(relative).read_bytes(), filename=relative)
    assert {"Power", "Ground Time"} <= set(activity.streams.developer)
    assert activity.device == "garmin fenix6x"
    assert activity.sub_sport == "trail"


def test_ride_cadence_stays_in_rpm() -> None:
    relative = "sweatpy/4078723797.fit"
    streams = decode_activity(corpus_file(relative).read_bytes(), filename=relative).streams
    assert streams.cadence_spm is not None
    pedalling = streams.cadence_spm[streams.cadence_spm > 0]
    assert 60 < float(pedalling.mean()) < 120
