"""A generated plan: the generator's profile from the athlete, the form and the latest tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, cast

from django.db import transaction
from django.utils.translation import gettext, gettext_noop

from tagalong.accounts.models import User
from tagalong.athletes.models import AthleteProfile
from tagalong.audit.services import record
from tagalong.errors import DomainError
from tagalong.notifications.email import in_language_of
from tagalong.physiology.vdot import VdotError
from tagalong.plangen import (
    InfeasiblePlan,
    PlanInputError,
    PlanRequest,
    generate_plan,
    plan_from_json,
    plan_to_json,
)
from tagalong.plans.models import Plan, PlanSession, PlanStatus
from tagalong.plans.services.versions import new_version
from tagalong.wording import Phrase

# Marked for the catalogue only: a plan stores its title in its runner's language (plan_title);
# the generator form shows them translated (plans.forms).
GOAL_TITLES = {
    "5k": gettext_noop("5K plan"),
    "10k": gettext_noop("10K plan"),
    "half": gettext_noop("Half marathon plan"),
    "marathon": gettext_noop("Marathon plan"),
    "endurance": gettext_noop("Endurance plan"),
    "return_to_run": gettext_noop("Return to running"),
    "postnatal": gettext_noop("Postnatal return to running"),
}
OTHER_GOAL_TITLE = gettext_noop("Training plan")


def plan_title(goal: str, athlete: AthleteProfile) -> str:
    """A new plan's name in the language of its runner, who reads it most (a coach may rename
    it); the plan keeps it as written."""
    with in_language_of(athlete.user):
        return gettext(GOAL_TITLES.get(goal, OTHER_GOAL_TITLE))


WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


TEST_KEYS = {
    "heel_raise": "heel_raise_reps",
    "knee_to_wall": "knee_to_wall_cm",
    "single_leg_bridge": "single_leg_bridge_reps",
    "side_plank": "side_plank_s",
}


def build_profile(
    *,
    athlete: AthleteProfile,
    goal: str,
    start: dt.date,
    weeks: int | None,
    race_date: dt.date | None,
    availability: Mapping[str, int],
    current: Mapping[str, Any],
    recent_race: Mapping[str, float] | None = None,
    weeks_postnatal: int | None = None,
    walk_breaks: bool = False,
) -> dict[str, Any]:
    """The PROFILE.json plangen reads, from the profile, the form and the latest tests."""
    if athlete.birth_date is None or not athlete.sex or athlete.body_mass_kg is None:
        raise DomainError(
            gettext(
                "The athlete's birth date, sex and body mass are needed to plan safely; "
                "add them to the profile first."
            ),
            field="athlete",
        )
    person: dict[str, Any] = {
        "age": athlete.age_on(start),
        "sex": athlete.sex,
        "body_mass_kg": float(athlete.body_mass_kg),
    }
    for key in ("hr_max", "hr_rest", "lthr"):
        if getattr(athlete, key):
            person[key] = getattr(athlete, key)
    goal_obj: dict[str, Any] = {"type": goal}
    if race_date is not None:
        goal_obj["race_date"] = race_date.isoformat()
    else:
        goal_obj["weeks"] = weeks
    if goal == "postnatal":
        goal_obj["weeks_postnatal"] = weeks_postnatal
    if walk_breaks:
        goal_obj["walk_breaks"] = True
    days = [d for d in WEEKDAY_NAMES if availability.get(d, 0) > 0]
    profile: dict[str, Any] = {
        "athlete": person,
        "goal": goal_obj,
        "start": start.isoformat(),
        "availability": {"days": days, "minutes": {d: availability[d] for d in days}},
        "current": {**current, **({"recent_race": dict(recent_race)} if recent_race else {})},
    }
    profile.update(_assessment_inputs(athlete))
    return profile


def _assessment_inputs(athlete: AthleteProfile) -> dict[str, Any]:
    """Latest test results and calf-check findings, if the assessments app has any."""
    try:
        from tagalong.assessments.models import CalfCheckRun, TestResult
    except ImportError:  # the assessments app is not installed here
        return {}
    out: dict[str, Any] = {}
    tests: dict[str, dict[str, float]] = {}
    results = TestResult.objects.filter(session__athlete=athlete).order_by("-session__date", "-pk")
    for result in results[:50]:
        key = TEST_KEYS.get(result.test)
        if key and key not in tests:
            tests[key] = {"left": result.left, "right": result.right}
    if tests:
        out["tests"] = tests
    run = CalfCheckRun.objects.filter(athlete=athlete).order_by("-created_at").first()
    if run is not None and isinstance(run.result, dict):
        findings = [
            {"cause": f["cause"], "verdict": f["verdict"]}
            for f in run.result.get("findings", [])
            if isinstance(f, dict) and {"cause", "verdict"} <= f.keys()
        ]
        if findings:
            out["findings"] = findings
    return out


def generate_for_athlete(
    *,
    athlete: AthleteProfile,
    by: User,
    goal: str,
    start: dt.date,
    availability: Mapping[str, int],
    current: Mapping[str, Any],
    weeks: int | None = None,
    race_date: dt.date | None = None,
    recent_race: Mapping[str, float] | None = None,
    weeks_postnatal: int | None = None,
    walk_breaks: bool = False,
    status: str = PlanStatus.ACTIVE,
    inputs_used: list[dict[str, str]] | None = None,
) -> Plan:
    """A generated plan; ``inputs_used`` says where its inputs came from (plans.intake)."""
    profile = build_profile(
        athlete=athlete,
        goal=goal,
        start=start,
        weeks=weeks,
        race_date=race_date,
        availability=availability,
        current=current,
        recent_race=recent_race,
        weeks_postnatal=weeks_postnatal,
        walk_breaks=walk_breaks,
    )
    try:
        generated = generate_plan(plan_from_json(profile))
    except PlanInputError as error:
        raise DomainError(error.message, field=error.field) from error
    except VdotError as error:
        raise DomainError(str(error), field="current.recent_race") from error
    except InfeasiblePlan as error:
        raise DomainError(
            error.message,
            field=None,
            code="infeasible",
            details={"alternatives": [alternative_args(t, r) for t, r in error.alternatives]},
        ) from error
    as_json = plan_to_json(generated)
    sessions = [s for w in as_json["weeks"] for s in w["sessions"]]  # type: ignore[attr-defined]
    with transaction.atomic():
        if status == PlanStatus.ACTIVE:
            athlete.plans.filter(status=PlanStatus.ACTIVE).update(status=PlanStatus.ARCHIVED)
        plan = Plan.objects.create(
            athlete=athlete,
            title=plan_title(goal, athlete),
            goal_type=goal,
            start=start,
            end=max(dt.date.fromisoformat(s["date"]) for s in sessions),
            status=status,
            created_by=by,
            profile=profile,
            summary={
                **{k: v for k, v in as_json.items() if k != "weeks"},
                "blocks": [
                    {"start": w.start.isoformat(), "phase": w.phase} for w in generated.weeks
                ],
                "inputs_used": inputs_used or [],
            },
            current_version=0,
        )
        PlanSession.objects.bulk_create([session_from_json(plan, s) for s in sessions])
        new_version(plan, by=by, reason=Phrase("Generated"))
        record(actor=by, action="plan.generated", target=plan, athlete_id=athlete.pk, goal=goal)
    return plan


def alternative_args(words: str, request: PlanRequest) -> dict[str, Any]:
    """What changes for one alternative the generator built: the goal, its date or weeks and
    walk breaks; everything else in the request stays as the coach gave it. The label is said
    now, in the language of the request it answers (the page's buttons, the API's JSON)."""
    goal = request.goal
    return {
        "label": str(Phrase("Plan {plan} instead", plan=_without_or_later(words))),
        "goal": goal.type,
        "race_date": goal.race_date.isoformat() if goal.race_date else None,
        "weeks": None if goal.race_date else goal.weeks,
        "walk_breaks": goal.walk_breaks,
    }


def _without_or_later(words: str) -> str:
    """A later date's words as a button says them: "the marathon on Sun 4 Oct 2026"."""
    if isinstance(words, Phrase) and words.template == "{plan} or later":
        return cast(str, words.values["plan"])
    return words.removesuffix(" or later")


def session_from_json(plan: Plan, s: Mapping[str, Any]) -> PlanSession:
    pace = s.get("target_pace_s_per_km") or (None, None)
    return PlanSession(
        plan=plan,
        date=dt.date.fromisoformat(s["date"]),
        kind=s["kind"],
        run_type=s.get("run_type") or "",
        duration_min=s.get("duration_min") or 0,
        distance_km=s.get("distance_km"),
        pace_fast_s_per_km=pace[0],
        pace_slow_s_per_km=pace[1],
        hr_zone=s.get("hr_zone") or "",
        ladder_level=s.get("ladder_level"),
        exercises=list(s.get("exercises") or []),
        why=list(s.get("why") or []),
        workout=s.get("workout") or None,
    )
