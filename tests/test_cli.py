"""The core commands of ``tagalong`` need no database and print JSON."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tagalong.calfcheck import case_from_json, check_calves, result_to_json
from tagalong.cli import main

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
EXAMPLES = ROOT / "docs" / "examples"


def test_analyze_prints_one_object_per_file_and_fails_when_one_is_unreadable(capsys) -> None:  # type: ignore[no-untyped-def]
    run = CORPUS / "fitparse" / "garmin-fenix-5-run.fit"
    settings_file = CORPUS / "fitparse" / "Settings.fit"
    code = main(["analyze", "--json", str(run), str(settings_file)])
    rows = json.loads(capsys.readouterr().out)
    assert code == 1
    assert [r["status"] for r in rows] == ["ok", "error"]
    assert rows[0]["sport"] == "running" and rows[0]["avg_cadence_spm"] > 130
    assert "settings" in rows[1]["error"]


def test_analyze_exits_zero_when_every_file_reads(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["analyze", "--json", str(CORPUS / "fitparse" / "garmin-fenix-5-run.fit")]) == 0
    assert json.loads(capsys.readouterr().out)[0]["records"] > 0


def test_calf_check_cli_matches_the_engine(capsys) -> None:  # type: ignore[no-untyped-def]
    path = EXAMPLES / "case.json"
    assert main(["calf-check", "--json", str(path)]) == 0
    printed = json.loads(capsys.readouterr().out)
    causes = [f["cause"] for f in printed["findings"]]
    assert sorted(causes) == sorted(
        ["capacity_vs_load", "hip_glute_hamstring", "soft_tissue", "technique", "shoes"]
    )
    scores = [f["score"] for f in printed["findings"]]
    assert scores == sorted(scores, reverse=True)
    assert printed["disclaimer"]


def test_calf_check_cli_rejects_a_bad_case_with_the_field(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "case.json"
    bad.write_text(json.dumps({"athlete": {"age": "old"}}))
    assert main(["calf-check", "--json", str(bad)]) == 2
    assert "athlete.age" in capsys.readouterr().err


def test_plan_cli_prints_weeks_with_reasons(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["plan", "--json", str(EXAMPLES / "profile.json")]) == 0
    plan = json.loads(capsys.readouterr().out)
    assert len(plan["weeks"]) == 12 and plan["vdot"] > 30
    assert all(s["why"] for w in plan["weeks"] for s in w["sessions"])


def test_plan_cli_explains_an_impossible_request(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    profile = json.loads((EXAMPLES / "profile.json").read_text())
    profile["goal"] = {"type": "marathon", "weeks": 4}
    profile["current"] = {"weekly_km": 0, "longest_run_km_30d": 0, "runs_per_week": 0}
    path = tmp_path / "profile.json"
    path.write_text(json.dumps(profile))
    assert main(["plan", "--json", str(path)]) == 2
    assert capsys.readouterr().err.strip()


def test_engine_is_deterministic_for_the_documented_example() -> None:
    from datetime import date

    case = case_from_json(json.loads((EXAMPLES / "case.json").read_text()))
    first = result_to_json(check_calves(case, today=date(2026, 11, 21)))
    assert first == result_to_json(check_calves(case, today=date(2026, 11, 21)))


@pytest.mark.parametrize("command", ["serve", "web", "worker", "demo", "createcoach", "manage"])
def test_app_commands_are_listed(command: str, capsys) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit):
        main(["--help"])
    assert command in capsys.readouterr().out


@pytest.mark.django_db
def test_import_command_imports_files_for_an_athlete(capsys) -> None:  # type: ignore[no-untyped-def]
    from tagalong.activities.models import Activity
    from tests.factories import make_athlete

    athlete = make_athlete()
    run = CORPUS / "fitparse" / "garmin-fenix-5-run.fit"
    assert main(["import", "--athlete", athlete.user.email, str(run)]) == 0
    assert Activity.objects.filter(athlete=athlete).count() == 1


@pytest.mark.django_db
def test_import_command_names_an_unknown_athlete(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["import", "--athlete", "nobody@example.org", "x.fit"]) == 1
    assert "nobody@example.org" in capsys.readouterr().err


def test_run_summaries_feed_the_calf_check_and_skip_unreadable_files(capsys) -> None:  # type: ignore[no-untyped-def]
    from tagalong.commands import run_summaries

    run = CORPUS / "fitparse" / "garmin-fenix-5-run.fit"
    summaries = run_summaries([str(run), str(CORPUS / "fitparse" / "Settings.fit")])
    assert len(summaries) == 1
    summary = summaries[0]
    assert summary.sport == "running" and summary.distance_km > 0
    assert summary.avg_cadence_spm is not None and summary.avg_cadence_spm > 130
    assert summary.avg_speed_m_s is not None and summary.avg_speed_m_s > 0
    assert "Settings.fit" in capsys.readouterr().err


def test_bench_import_prints_its_figures_as_json_for_a_few_files(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import os
    import subprocess
    import sys

    command = [sys.executable, "-m", "tagalong.cli", "bench", "import", "--json", "--limit", "3"]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "TAGALONG_"))}
    done = subprocess.run(
        [*command, "--no-rss", "--corpus", str(CORPUS)],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
        env=env,
        timeout=300,
    )
    figures = json.loads(done.stdout)
    assert {"files", "pipeline_s", "baseline_s", "ratio", "peak_rss_mb"} <= set(figures)
    assert figures["files"] == 3 and figures["pipeline_s"] > 0 and figures["ratio"] > 0
    assert figures["peak_rss_mb"] is None  # --no-rss: the large.fit probe was skipped
    assert not any(tmp_path.iterdir())  # the throwaway data folder is gone


@pytest.mark.parametrize(
    ("bind", "site"),
    [
        ("127.0.0.1:8000", "http://127.0.0.1:8000"),
        ("0.0.0.0:9000", "http://localhost:9000"),
        ("[::]:8080", "http://localhost:8080"),
        ("[::1]:8080", "http://[::1]:8080"),
        ("coach.local:8443", "http://coach.local:8443"),
        ("unix:/run/tagalong.sock", None),
    ],
)
def test_emails_link_to_the_address_being_served(bind: str, site: str | None) -> None:
    from tagalong.cli import site_url_for_bind

    assert site_url_for_bind(bind) == site


def test_a_configured_site_url_wins_over_the_bind_address(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from tagalong.cli import _serve_site_url

    monkeypatch.delenv("TAGALONG_SITE_URL", raising=False)
    _serve_site_url("0.0.0.0:9000")
    assert os.environ["TAGALONG_SITE_URL"] == "http://localhost:9000"
    monkeypatch.setenv("TAGALONG_SITE_URL", "https://coaching.example.org")
    _serve_site_url("0.0.0.0:9000")
    assert os.environ["TAGALONG_SITE_URL"] == "https://coaching.example.org"


def test_calf_check_reads_only_the_run_leg_of_a_triathlon_file() -> None:
    from tagalong.commands import run_summaries

    summaries = run_summaries([str(CORPUS / "fitparse" / "sample_mulitple_header.fit")])
    assert [s.sport for s in summaries] == ["swimming", "cycling", "running"]
    run = summaries[2]
    assert run.distance_km == 9.80592
    assert run.avg_cadence_spm is not None and 166 < run.avg_cadence_spm < 168
    assert summaries[1].avg_cadence_spm is None  # a ride's rpm is no running cadence
