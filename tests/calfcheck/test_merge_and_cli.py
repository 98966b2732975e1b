import io
import json
from datetime import date
from pathlib import Path

from tagalong.calfcheck import RunSummary, case_from_json, merge_activity_summaries
from tagalong.calfcheck.cli import calf_check_main

from .cases import TODAY, example_json


def summary(day, km, cadence=None, speed=None, sport="running"):
    return RunSummary(date(2026, 3, day), km, km * 6, cadence, speed, sport)


def test_merge_adds_new_runs_and_skips_duplicates_and_other_sports():
    case = case_from_json(example_json())
    merged = merge_activity_summaries(
        case, [summary(15, 18), summary(12, 9), summary(13, 40, sport="cycling")]
    )
    assert [(r.date.day, r.distance_km) for r in merged.load.runs] == [(10, 8), (12, 9), (15, 18)]


def test_merge_takes_cadence_from_the_latest_run_only_when_the_case_has_none():
    case = case_from_json({"technique": {"foot_strike": "midfoot"}})
    merged = merge_activity_summaries(
        case, [summary(10, 8, 170, 2.9), summary(14, 10, 79, 2.7), summary(15, 5)]
    )
    # 79 is per-leg (below 130): doubled to steps per minute.
    assert (merged.technique.cadence_spm, merged.technique.speed_m_s) == (158, 2.7)
    assert merged.technique.cadence_date == date(2026, 3, 14)
    assert merged.technique.foot_strike == "midfoot"
    given = case_from_json(example_json())
    assert merge_activity_summaries(given, [summary(14, 10, 170, 2.7)]).technique.cadence_spm == 156


def write_case(tmp_path: Path, obj) -> str:
    path = tmp_path / "case.json"
    path.write_text(json.dumps(obj) if not isinstance(obj, str) else obj)
    return str(path)


def test_cli_prints_the_findings_as_indented_json(tmp_path):
    out, err = io.StringIO(), io.StringIO()
    code = calf_check_main(
        write_case(tmp_path, example_json()), out=out, err=err, decode_files=None, today=TODAY
    )
    assert code == 0, err.getvalue()
    result = json.loads(out.getvalue())
    assert out.getvalue().startswith('{\n  "')
    assert result["findings"][0]["cause"] == "capacity_vs_load"
    scores = [f["score"] for f in result["findings"]]
    assert scores == sorted(scores, reverse=True)
    assert set(result["findings"][0]) == {
        "cause",
        "verdict",
        "score",
        "evidence",
        "citations",
        "missing",
        "actions",
    }
    assert result["red_flags"] == [] and "not medical advice" in result["disclaimer"]


def test_cli_merges_decoded_activity_files(tmp_path):
    obj = {"activity_files": ["a.fit"], "technique": {"foot_strike": "rearfoot"}}
    seen = []

    def decode(paths):
        seen.extend(paths)
        return [RunSummary(TODAY, 10, 60, 150, 2.9, "running")]

    out = io.StringIO()
    assert (
        calf_check_main(write_case(tmp_path, obj), out=out, decode_files=decode, today=TODAY) == 0
    )
    assert seen == ["a.fit"]
    technique = next(f for f in json.loads(out.getvalue())["findings"] if f["cause"] == "technique")
    assert technique["verdict"] == "likely"  # 10 spm (6 %) under 160 at 2.9 m/s


def test_cli_exits_2_naming_the_field(tmp_path):
    out, err = io.StringIO(), io.StringIO()
    path = write_case(tmp_path, {"athlete": {"sex": "x"}})
    assert calf_check_main(path, out=out, err=err, decode_files=None, today=TODAY) == 2
    assert "athlete.sex" in err.getvalue() and out.getvalue() == ""


def test_cli_exits_2_on_broken_json_or_a_missing_file(tmp_path):
    err = io.StringIO()
    path = write_case(tmp_path, "{not json")
    assert calf_check_main(path, out=io.StringIO(), err=err, decode_files=None, today=TODAY) == 2
    assert "not valid JSON at line 1" in err.getvalue()
    err = io.StringIO()
    missing = str(tmp_path / "nope.json")
    assert calf_check_main(missing, out=io.StringIO(), err=err, decode_files=None) == 2
    assert "nope.json" in err.getvalue()


def test_cli_red_flag_prints_stop_with_no_findings(tmp_path):
    obj = {**example_json(), "red_flags": ["chest_pain"]}
    out = io.StringIO()
    assert calf_check_main(write_case(tmp_path, obj), out=out, decode_files=None, today=TODAY) == 0
    result = json.loads(out.getvalue())
    assert result["stop"] is True and result["findings"] == []
    assert result["red_flags"] == ["chest_pain"]


def test_tagalong_calf_check_judges_the_case_on_the_day_given_by_today(tmp_path, capsys):
    from tagalong.cli import main

    path = write_case(tmp_path, {"load": {"runs": [{"date": "2026-03-15", "distance_km": 10}]}})

    def run_on(day: str) -> dict:
        assert main(["calf-check", "--json", path, "--today", day]) == 0
        return json.loads(capsys.readouterr().out)

    assert run_on("2026-03-16") == run_on("2026-03-16")
    # The run lies in the last 14 days on 16 March, not on 16 April: the answer follows --today.
    assert run_on("2026-03-16") != run_on("2026-04-16")


def test_tagalong_calf_check_refuses_a_today_that_is_not_a_date(tmp_path, capsys):
    import pytest

    from tagalong.cli import main

    with pytest.raises(SystemExit) as exit_:
        main(["calf-check", "--json", write_case(tmp_path, {}), "--today", "16/03/2026"])
    assert exit_.value.code == 2
    assert "'16/03/2026' is not a date: use YYYY-MM-DD" in capsys.readouterr().err
