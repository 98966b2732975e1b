"""FIT workout files decode with fitdecode, matching the corpus workouts' structure."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import fitdecode

from tagalong.plangen.fit_workout import WorkoutStep, fit_crc, write_workout

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "fitparse"
CREATED = dt.datetime(2025, 3, 3, 6, 0, tzinfo=dt.UTC)


def _decode(path: Path) -> list[fitdecode.FitDataMessage]:
    with fitdecode.FitReader(path, check_crc=fitdecode.CrcCheck.RAISE) as reader:
        return [f for f in reader if isinstance(f, fitdecode.FitDataMessage)]


def _write(tmp_path: Path, steps: list[WorkoutStep]) -> Path:
    path = tmp_path / "w.fit"
    path.write_bytes(write_workout("Tempo 4x", steps, created=CREATED))
    return path


STEPS = [
    WorkoutStep("Warm up", "time", 600, intensity="warmup"),
    WorkoutStep("Tempo", "distance", 2000, "speed", low=3.9, high=4.1),
    WorkoutStep("Easy", "time", 300, "heart_rate", low=130, high=145),
    WorkoutStep("Cool down", "open", intensity="cooldown"),
]


def test_written_workout_decodes_as_a_workout_file_with_valid_crcs(tmp_path):
    messages = _decode(_write(tmp_path, STEPS))
    file_id = next(m for m in messages if m.name == "file_id")
    assert file_id.get_value("type") == "workout"
    workout = next(m for m in messages if m.name == "workout")
    assert workout.get_value("sport") == "running"
    assert workout.get_value("num_valid_steps") == 4
    assert workout.get_value("wkt_name") == "Tempo 4x"


def test_steps_carry_durations_and_targets_in_fit_units(tmp_path):
    steps = [m for m in _decode(_write(tmp_path, STEPS)) if m.name == "workout_step"]
    assert [s.get_value("duration_type") for s in steps] == ["time", "distance", "time", "open"]
    assert steps[0].get_raw_value("duration_value") == 600_000  # ms
    assert steps[1].get_raw_value("duration_value") == 200_000  # cm
    assert steps[1].get_value("target_type") == "speed"
    assert steps[1].get_raw_value("custom_target_value_low") == 3900  # mm/s
    assert steps[1].get_raw_value("custom_target_value_high") == 4100
    assert steps[2].get_value("target_type") == "heart_rate"
    assert steps[2].get_raw_value("custom_target_value_low") == 230  # bpm + 100
    assert steps[3].get_value("intensity") == "cooldown"


def test_field_layout_matches_the_corpus_workout_files(tmp_path):
    corpus = _decode(CORPUS / "WorkoutCustomTargetValues.fit")
    ours = _decode(_write(tmp_path, STEPS))
    corpus_step = next(m for m in corpus if m.name == "workout_step")
    our_step = next(m for m in ours if m.name == "workout_step")
    corpus_nums = {f.def_num for f in corpus_step.fields}
    assert corpus_nums <= {f.def_num for f in our_step.fields}


def test_crc_of_data_followed_by_its_crc_is_zero():
    data = b".FIT header bytes"
    crc = fit_crc(data)
    assert fit_crc(data + crc.to_bytes(2, "little")) == 0
