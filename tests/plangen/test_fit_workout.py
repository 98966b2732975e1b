"""FIT workout files written with Garmin's SDK decode cleanly in that SDK and in fitdecode."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import fitdecode
import pytest
from garmin_fit_sdk import Decoder, Stream

from tagalong.plangen.fit_workout import encode_workout_fit, fit_serial
from tagalong.plangen.steps import EffortTarget, HeartRateTarget, PaceTarget, Repeat, Step, Workout

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "fitparse"
CREATED = dt.datetime(2025, 3, 3, 6, 0, tzinfo=dt.UTC)

WORKOUT = Workout(
    "Intervals 5x3",
    (
        Step("warmup", seconds=900, target=PaceTarget(360, 390), note="easy"),
        Repeat(
            5,
            (
                Step("work", seconds=180, target=PaceTarget(250, 256), note="interval"),
                Step("recovery", seconds=120, target=HeartRateTarget(120, 140), note="jog"),
            ),
        ),
        Step("work", metres=2000, target=EffortTarget(6)),
        Step("cooldown", seconds=600),
    ),
)


def _sdk(data: bytes) -> dict[str, list[dict[str, object]]]:
    checker = Decoder(Stream.from_byte_array(bytearray(data)))
    assert checker.is_fit() and checker.check_integrity()
    messages, errors = Decoder(Stream.from_byte_array(bytearray(data))).read()
    assert errors == []
    return messages


def _fitdecode(data: bytes) -> list[fitdecode.FitDataMessage]:
    with fitdecode.FitReader(io.BytesIO(data), check_crc=fitdecode.CrcCheck.RAISE) as reader:
        return [f for f in reader if isinstance(f, fitdecode.FitDataMessage)]


def test_file_decodes_in_garmins_sdk_as_a_running_workout() -> None:
    messages = _sdk(encode_workout_fit(WORKOUT, serial=7, created=CREATED))
    file_id = messages["file_id_mesgs"][0]
    assert file_id["type"] == "workout"
    assert file_id["serial_number"] == 7
    assert file_id["time_created"] == CREATED
    workout = messages["workout_mesgs"][0]
    assert workout["sport"] == "running"
    assert workout["wkt_name"] == "Intervals 5x3"
    assert workout["num_valid_steps"] == 6


def test_steps_repeats_and_targets_in_fit_units() -> None:
    steps = _sdk(encode_workout_fit(WORKOUT, serial=7, created=CREATED))["workout_step_mesgs"]
    assert [s["duration_type"] for s in steps] == [
        "time", "time", "time", "repeat_until_steps_cmplt", "distance", "time",
    ]  # fmt: skip
    assert steps[0]["duration_time"] == 900.0
    assert steps[0]["intensity"] == "warmup"
    assert steps[1]["target_type"] == "speed"
    assert steps[1]["custom_target_speed_low"] == pytest.approx(1000 / 256, abs=0.001)
    assert steps[1]["custom_target_speed_high"] == pytest.approx(1000 / 250, abs=0.001)
    assert steps[2]["target_type"] == "heart_rate"
    assert steps[2]["custom_target_heart_rate_low"] == 220  # bpm + 100
    assert steps[3]["duration_step"] == 1  # loop back to the interval
    assert steps[3]["repeat_steps"] == 5
    assert steps[4]["duration_distance"] == 2000.0
    assert steps[4]["target_type"] == "open"
    assert steps[5]["intensity"] == "cooldown"


def test_file_decodes_in_fitdecode_with_valid_crcs() -> None:
    messages = _fitdecode(encode_workout_fit(WORKOUT, serial=9, created=CREATED))
    steps = [m for m in messages if m.name == "workout_step"]
    assert len(steps) == 6
    assert steps[0].get_raw_value("duration_value") == 900_000  # ms
    assert steps[4].get_raw_value("duration_value") == 200_000  # cm
    assert steps[1].get_raw_value("custom_target_value_high") == 4000  # mm/s


def test_step_fields_cover_the_corpus_workout_files() -> None:
    corpus = _fitdecode((CORPUS / "WorkoutCustomTargetValues.fit").read_bytes())
    ours = _fitdecode(encode_workout_fit(WORKOUT, serial=9, created=CREATED))
    corpus_step = next(m for m in corpus if m.name == "workout_step")
    our_nums = {f.def_num for m in ours if m.name == "workout_step" for f in m.fields}
    assert {f.def_num for f in corpus_step.fields} - {8, 9} <= our_nums  # 8, 9: notes, equipment


def test_each_file_has_its_own_serial_and_creation_time() -> None:
    later = CREATED + dt.timedelta(seconds=1)
    assert fit_serial(1, CREATED) != fit_serial(1, later) != fit_serial(2, later)
    a = _sdk(encode_workout_fit(WORKOUT, serial=fit_serial(1, CREATED), created=CREATED))
    b = _sdk(encode_workout_fit(WORKOUT, serial=fit_serial(1, later), created=later))
    assert a["file_id_mesgs"][0]["serial_number"] != b["file_id_mesgs"][0]["serial_number"]
    assert a["file_id_mesgs"][0]["time_created"] != b["file_id_mesgs"][0]["time_created"]


@pytest.mark.parametrize(
    ("serial", "created", "field"),
    [(0, CREATED, "serial"), (7, CREATED.replace(tzinfo=None), "created")],
)
def test_bad_serial_or_naive_time_names_the_argument(
    serial: int, created: dt.datetime, field: str
) -> None:
    with pytest.raises(ValueError, match=field):
        encode_workout_fit(WORKOUT, serial=serial, created=created)
