"""Every sentence the plan generator writes for people is a Phrase, so a page can say it in the
reader's language: session and week reasons, plan notes, the steps' text, refusals with their
alternatives, and every proposal's summary, reasons and changes (a bare f-string fails here)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib.util
import random
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from tagalong.plangen import InfeasiblePlan, PlanInputError, generate_plan
from tagalong.plangen.adapt import review
from tagalong.plangen.adapt_apply import apply_changes
from tagalong.plangen.adapt_model import (
    AthleteData,
    Change,
    Context,
    DoneRun,
    HeelRaiseTest,
    PainScore,
    view_of,
)
from tagalong.plangen.jsonio import plan_from_json, plan_to_json
from tagalong.plangen.limits import violations
from tagalong.plangen.model import (
    Availability,
    CurrentLoad,
    Goal,
    Plan,
    PlanRequest,
    Reason,
    SidePair,
    reason_from_json,
    reason_json,
)
from tagalong.plangen.workouts import session_text
from tagalong.wording import Phrase
from tests.plangen.requests import runner
from tests.plangen.test_adapt_properties import cases
from tests.plangen.test_generator_properties import requests

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_plan_coverage.py"


def _bench_requests(n: int, seed: int) -> list[PlanRequest]:
    """Requests as ``benchmarks/bench_plan_coverage.py`` draws them (its own generator)."""
    spec = importlib.util.spec_from_file_location("bench_plan_coverage", BENCH)
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    rng = random.Random(seed)
    return [bench.random_request(rng) for _ in range(n)]


def not_phrases(texts: list[tuple[str, object]]) -> list[str]:
    return [f"{where}: {text!r}" for where, text in texts if not isinstance(text, Phrase)]


def plan_texts(plan: Plan) -> list[tuple[str, object]]:
    out: list[tuple[str, object]] = [("note", r.text) for r in plan.notes]
    for week in plan.weeks:
        out += [(f"week {week.index}", r.text) for r in week.why]
        for s in week.sessions:
            out += [(f"{s.date} {s.kind}", r.text) for r in s.why]
            if s.is_run:
                out.append((f"{s.date} steps", session_text(s)))
            if s.workout is not None:
                out.append((f"{s.date} workout name", s.workout.name))
    return out


def refusal_texts(refusal: InfeasiblePlan) -> list[tuple[str, object]]:
    out: list[tuple[str, object]] = [
        ("reason", refusal.reason),
        ("suggestion", refusal.suggestion),
        ("message", refusal.message),
    ]
    return out + [("alternative", words) for words, _ in refusal.alternatives]


def outcome_texts(request: PlanRequest) -> list[tuple[str, object]]:
    try:
        return plan_texts(generate_plan(request))
    except InfeasiblePlan as refusal:
        return refusal_texts(refusal)
    except PlanInputError:
        return []  # the field's problem, named for the form (see test_generator_properties)


@SETTINGS
@given(requests())
def test_every_text_of_a_plan_or_a_refusal_is_a_phrase(request: PlanRequest) -> None:
    assert not_phrases(outcome_texts(request)) == []


def test_every_text_over_the_coverage_benchmarks_requests_is_a_phrase() -> None:
    for request in _bench_requests(30, seed=15):
        assert not_phrases(outcome_texts(request)) == [], request


def test_a_refusal_and_its_alternatives_are_phrases() -> None:
    marathon = Goal(type="marathon", weeks=6)
    request = runner(goal=marathon, current=CurrentLoad(10, 4, 3))
    try:
        generate_plan(request)
    except InfeasiblePlan as refusal:
        assert refusal.alternatives and not_phrases(refusal_texts(refusal)) == []
    else:
        raise AssertionError("a marathon six weeks from 10 km a week should be refused")


def test_a_partial_intake_names_what_is_missing_in_phrases() -> None:
    request = plan_from_json(
        {
            "athlete": {"age": 35, "sex": "male", "body_mass_kg": 70},
            "goal": {"type": "endurance"},
            "start": "2026-03-02",
            "availability": {
                "days": ["tue", "thu", "sun"],
                "minutes": {"tue": 45, "thu": 45, "sun": 90},
            },
        }
    )
    assert request.missing and all(isinstance(m, Phrase) for m in request.missing)
    notes = generate_plan(request).notes
    assert any(n.text.startswith("Missing from the intake") for n in notes)
    assert not_phrases([("note", n.text) for n in notes]) == []


def proposal_texts(view, data: AthleteData, ctx: Context) -> list[tuple[str, object]]:  # type: ignore[no-untyped-def]
    out: list[tuple[str, object]] = []
    for proposal in review(view, data, ctx):
        out.append((f"{proposal.trigger} summary", proposal.summary))
        out += [(f"{proposal.trigger} reason", r.text) for r in proposal.reasons]
        for change in proposal.changes:
            out += [("change", change.text), ("change reason", change.reason.text)]
            again = Change.from_json(change.to_json())
            out += [("stored change", again.text), ("stored reason", again.reason.text)]
        applied = apply_changes(view, proposal.changes, ctx)
        out += [("repair", c.text) for c in applied.changes]
        out += [("repair reason", c.reason.text) for c in applied.changes]
        out += [("skipped", text) for text in applied.skipped]
    return out


@SETTINGS
@given(cases())
def test_every_proposal_text_is_a_phrase(case) -> None:  # type: ignore[no-untyped-def]
    if case is None:
        return
    _request, plan, ctx, data = case
    view = view_of(plan, _request)
    assert not_phrases(proposal_texts(view, data, ctx)) == []


def _under_way() -> tuple[PlanRequest, Plan, Context]:
    """A half-marathon plan with every day free, on its third Thursday."""
    every_day = Availability({d: 90 for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")})
    current = dataclasses.replace(runner().current, runs_per_week=3)
    request = runner(availability=every_day, current=current)
    plan = generate_plan(request)
    today = request.start + dt.timedelta(days=17)
    ctx = Context(today=today, availability=every_day.minutes, easy_pace=plan.paces["easy"])
    return request, plan, ctx


def test_each_rule_writes_phrases() -> None:
    """Pain, a missed session, a logged spike and a better retest, each at least once."""
    request, plan, ctx = _under_way()
    today = ctx.today
    data = AthleteData(
        pain=(PainScore(today, "left", during=7, after=6, next_morning=5),),
        runs=(DoneRun(today - dt.timedelta(days=9), 50, 8.0), DoneRun(today, 120, 24.0)),
        heel_raise=(
            HeelRaiseTest(today - dt.timedelta(days=40), SidePair(12, 14)),
            HeelRaiseTest(today - dt.timedelta(days=2), SidePair(26, 27)),
        ),
    )
    view = view_of(plan, request)
    missed_day = dataclasses.replace(ctx, today=today + dt.timedelta(days=2))  # Sat: Fri missed
    texts = (
        proposal_texts(view, data, ctx)
        + proposal_texts(view, dataclasses.replace(data, pain=()), ctx)
        + proposal_texts(view, AthleteData(runs=()), missed_day)
    )
    triggers = {where.split()[0] for where, _ in texts if where.endswith("summary")}
    assert triggers == {"pain", "missed", "load_spike", "retest"}
    assert not_phrases(texts) == []


def test_stored_reasons_come_back_as_the_same_phrase() -> None:
    plan = generate_plan(runner())
    stored = plan_to_json(plan)["weeks"][0]["sessions"][0]["why"]  # type: ignore[index]
    for row, reason in zip(stored, plan.weeks[0].sessions[0].why, strict=True):
        again = reason_from_json(row)
        assert isinstance(again.text, Phrase) and again == reason
        assert again.text.to_json() == reason.text.to_json()  # type: ignore[attr-defined]
    old = reason_from_json({"text": "Written before phrases.", "evidence": ["x"]})
    assert old == Reason("Written before phrases.", ("x",))
    assert reason_json(Reason("Plain.", ())) == {"text": "Plain.", "evidence": []}


def test_the_hard_limits_a_changed_plan_breaks_are_said_in_phrases() -> None:
    """The warnings a coach reads after editing a plan (plans.selectors.limits)."""
    request = runner()
    plan = generate_plan(request)
    first = plan.weeks[0]
    doubled = tuple(
        dataclasses.replace(
            s, duration_min=s.duration_min * 3, distance_km=(s.distance_km or 0) * 3
        )
        if s.is_run
        else dataclasses.replace(s, why=())
        for s in first.sessions
    )
    edited = dataclasses.replace(
        plan, weeks=(dataclasses.replace(first, sessions=doubled), *plan.weeks[1:])
    )
    found = violations(edited, request)
    assert len(found) >= 3 and not_phrases([("limit", v) for v in found]) == []


def _tripled(s):  # type: ignore[no-untyped-def]
    return dataclasses.replace(
        s, duration_min=s.duration_min * 3, distance_km=(s.distance_km or 0) * 3
    )
