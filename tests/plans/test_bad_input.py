"""Bad plan requests get a message naming the field, in the CLI, the API and the web form;
a partial intake still plans and names what was missing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.urls import reverse

from tagalong.cli import main
from tagalong.plans.models import Plan
from tests.factories import World
from tests.plans.conftest import AVAILABILITY, CURRENT

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "profile.json"


def _cli(tmp_path: Path, capsys, profile: dict) -> tuple[int, str, str]:  # type: ignore[no-untyped-def, type-arg]
    path = tmp_path / "profile.json"
    path.write_text(json.dumps(profile))
    code = main(["plan", "--json", str(path)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _profile(**changes: object) -> dict:  # type: ignore[type-arg]
    return {**json.loads(EXAMPLE.read_text()), **changes}


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"goal": {"type": "10k", "race_date": "2026-11-01"}}, "goal.race_date"),
        ({"availability": {"days": [], "minutes": {}}}, "availability.days"),
        (
            {"availability": {"days": ["mon", "sat"], "minutes": {"mon": 0, "sat": 90}}},
            "availability.minutes.mon",
        ),
    ],
    ids=["race date in the past", "no available day", "0 minutes on a listed day"],
)
def test_the_cli_names_the_field(tmp_path, capsys, changes, field) -> None:  # type: ignore[no-untyped-def]
    code, out, err = _cli(tmp_path, capsys, _profile(**changes))
    assert code == 2 and out == ""
    assert f": {field}: " in err


def test_the_cli_plans_a_partial_intake_and_names_what_is_missing(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    profile = _profile(current={"weekly_km": 25})  # no longest run, runs a week or tests
    del profile["tests"]
    code, out, _ = _cli(tmp_path, capsys, profile)
    assert code == 0
    notes = [n["text"] for n in json.loads(out)["notes"]]
    longest = "current.longest_run_km_30d (taken as 7.5 km, 30 % of the week)"
    assert f"Missing from the intake: {longest}." in notes
    assert any(n.startswith("Missing from the intake: current.runs_per_week") for n in notes)
    assert any(n.startswith("Missing from the intake: tests") for n in notes)


BODY = {"goal": "10k", "start": "2026-03-02", "weeks": 10, "availability": AVAILABILITY}


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"race_date": "2026-02-01", "weeks": None}, "goal.race_date"),
        ({"availability": {}}, "availability.days"),
        ({"availability": {**AVAILABILITY, "wed": 0}}, "availability.wed"),
    ],
    ids=["race date in the past", "no available day", "0 minutes on a listed day"],
)
def test_the_api_names_the_field(world: World, client_for, changes, field) -> None:  # type: ignore[no-untyped-def]
    body = {**BODY, "current": CURRENT, **changes}
    response = client_for(world.coach_a).post(
        f"/api/athletes/{world.athlete_a.pk}/plans",
        data=json.dumps(body),
        content_type="application/json",
    )
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["field"] == field and error["message"]
    assert not Plan.objects.exists()


def _form(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "goal": "10k",
        "start": "2026-03-02",
        "weeks": "10",
        "weekly_km": "30",
        "longest_run_km_30d": "12",
        "runs_per_week": "4",
        **{f"min_{day}": str(minutes) for day, minutes in AVAILABILITY.items()},
    }
    return {**data, **overrides}


def test_the_form_puts_a_past_race_date_on_its_field(world: World, client_for) -> None:  # type: ignore[no-untyped-def]
    url = reverse("plans:generate", kwargs={"athlete_id": world.athlete_a.pk})
    response = client_for(world.coach_a).post(url, _form(race_date="2026-02-01", weeks=""))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "before the plan start" in " ".join(errors["race_date"])
    assert not Plan.objects.exists()


def test_the_form_without_minutes_on_any_day_says_so(world: World, client_for) -> None:  # type: ignore[no-untyped-def]
    url = reverse("plans:generate", kwargs={"athlete_id": world.athlete_a.pk})
    form = _form(**{f"min_{d}": "0" for d in AVAILABILITY})
    response = client_for(world.coach_a).post(url, form)
    assert "minutes available on at least one day" in response.content.decode()
    assert not Plan.objects.exists()
