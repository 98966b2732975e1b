"""Each member's plan is their own: the programme's template, made safe for this runner.

The generator first builds a plan for the runner from their intake and home tests (paces,
the calf ladder step their tests place them on, and the return-to-run and postnatal gates).
When a gate applies, that plan is the runner's plan: the template does not override a gate.
Otherwise the template's sessions are laid on the runner's weeks, with the runner's own paces,
no run longer than the generator allows them that week, and their calf ladder step.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop

from tagalong.accounts.models import User
from tagalong.audit.services import record
from tagalong.errors import DomainError
from tagalong.plans.intake import DAYS, inputs_used, plan_inputs
from tagalong.plans.models import Plan, PlanSession, PlanStatus
from tagalong.plans.services.generation import generate_for_athlete, session_from_json
from tagalong.plans.services.versions import new_version
from tagalong.programmes.models import Place, PlaceStatus, PlanUpdate, UpdateStatus
from tagalong.programmes.selectors import window
from tagalong.wording import Phrase

# Notes are stored in English with the place and translated when a page shows them.
GATED_GOALS = ("postnatal", "return_to_run")
RACE_GOALS = ("5k", "10k", "half", "marathon")
GATE_NOTES = {
    "postnatal": {
        "text": gettext_noop(
            "You gave birth within the last year, so your plan follows the postnatal return "
            "to running: strength first, running once the home tests show you are ready."
        ),
        "evidence": ["periodisation.postnatal.goom_2019", "periodisation.postnatal.delphi_2024"],
    },
    "return_to_run": {
        "text": gettext_noop(
            "You are coming back from an injury, so your plan follows the return-to-run "
            "steps instead of the programme's runs until your calf tests pass."
        ),
        "evidence": ["rehab.return_to_run.criteria"],
    },
}
CAP_NOTE = {
    "text": gettext_noop(
        "Some of the programme's runs were shortened to what your recent running allows."
    ),
    "evidence": [
        "load.single_run_spike.plan_response",
        "periodisation.weekly_progression.nielsen_2014",
    ],
}
PACE_NOTE = {
    "text": gettext_noop("Paces are your own, from your recent race or running."),
    "evidence": ["periodisation.vdot.daniels_gilbert"],
}
LADDER_NOTE = {
    "text": gettext_noop("Calf exercises start on the step your home tests placed you on."),
    "evidence": ["rehab.progression_ladder"],
}


def _availability(initial: dict[str, Any], template_rows: list[dict[str, Any]]) -> dict[str, int]:
    days = {d: initial.get(f"min_{d}") for d in DAYS if initial.get(f"min_{d}")}
    if days:
        return {d: int(m) for d, m in days.items()}
    used: dict[str, int] = {}
    for row in template_rows:
        day = DAYS[int(row.get("weekday", 0))]
        used[day] = max(used.get(day, 0), int(row.get("duration_min") or 30))
    return used


def _goal(initial: dict[str, Any], template_goal: str) -> str:
    goal = initial.get("goal")
    if goal in GATED_GOALS:
        return str(goal)
    if template_goal in RACE_GOALS and initial.get("race_date"):
        return template_goal
    if template_goal in ("endurance", "postnatal", "return_to_run") or not template_goal:
        return "endurance" if template_goal in ("", "endurance") else template_goal
    return "endurance"


def _rows_for(place: Place) -> list[dict[str, Any]]:
    weeks = place.programme.weeks
    return [r for r in place.programme.template.weeks if int(r.get("week", 0)) < weeks]


def _personal(
    row: dict[str, Any], day: dt.date, paces: dict[str, list[float]], week: list[PlanSession]
) -> tuple[dict[str, Any], set[str]]:
    """The template's session for this runner, and which adjustments were made."""
    out = {k: v for k, v in row.items() if k not in ("week", "weekday", "id", "uid")}
    out["date"] = day.isoformat()
    made: set[str] = set()
    if row.get("kind") == "run":
        run_type = row.get("run_type") or "easy"
        pace = paces.get(run_type) or paces.get("easy")
        if pace:
            out["target_pace_s_per_km"] = list(pace)
            made.add("pace")
        longest = max((s.duration_min for s in week if s.kind == "run"), default=None)
        if longest and (row.get("duration_min") or 0) > longest:
            out["duration_min"] = longest
            out["distance_km"] = None
            out["workout"] = None
            made.add("cap")
    ladder = [s.ladder_level for s in week if s.ladder_level is not None]
    if row.get("ladder_level") is not None and ladder:
        out["ladder_level"] = min(ladder)
        made.add("ladder")
    return out, made


def make_member_plan(*, place: Place, by: User) -> Plan:
    """The runner's plan for this programme (the generator's rules, then the template)."""
    athlete = place.athlete
    if athlete is None or place.status != PlaceStatus.ACTIVE:
        raise DomainError(gettext("Only a member with a place has a programme plan."))
    first, _ = window(place)
    today = timezone.localdate()
    start = max(first, today)
    inputs = plan_inputs(athlete, today=today, start=start)
    initial = inputs.initial
    rows = _rows_for(place)
    goal = _goal(initial, place.programme.template.goal_type)
    current = {
        "weekly_km": initial.get("weekly_km", 0.0),
        "runs_per_week": initial.get("runs_per_week", 0),
        "longest_run_km_30d": initial.get("longest_run_km_30d", 0.0),
    }
    recent = None
    if initial.get("race_distance_km") and initial.get("race_minutes"):
        recent = {
            "distance_m": initial["race_distance_km"] * 1000,
            "time_s": initial["race_minutes"] * 60,
        }
    remaining = place.programme.weeks - (start - first).days // 7
    with transaction.atomic():
        plan = generate_for_athlete(
            athlete=athlete,
            by=by,
            goal=goal,
            start=start,
            availability=_availability(initial, rows),
            current=current,
            weeks=None if goal in RACE_GOALS else max(1, remaining),
            race_date=initial.get("race_date") if goal in RACE_GOALS else None,
            recent_race=recent,
            weeks_postnatal=initial.get("weeks_postnatal") if goal == "postnatal" else None,
            inputs_used=inputs_used(inputs, initial),
        )
        plan.title = place.programme.title
        plan.save(update_fields=["title"])
        notes: list[dict[str, Any]] = []
        if goal in GATED_GOALS:
            notes.append(GATE_NOTES[goal])
        else:
            notes.extend(_lay_template(plan, place, rows, first, by))
        place.plan = plan
        place.plan_version_applied = plan.current_version
        place.plan_notes = notes
        place.save(update_fields=["plan", "plan_version_applied", "plan_notes"])
        record(
            actor=by,
            action="programme.plan_made",
            target=place,
            athlete_id=athlete.pk,
            plan_id=plan.pk,
            gate=goal if goal in GATED_GOALS else None,
        )
        from tagalong.attention.tasks import queue_refresh

        queue_refresh(athlete.pk)  # the coach's signals follow the new plan
    return plan


def _lay_template(
    plan: Plan, place: Place, rows: list[dict[str, Any]], first: dt.date, by: User | None
) -> list[dict[str, Any]]:
    monday = first - dt.timedelta(days=first.weekday())
    generated = list(plan.sessions.all())
    paces = dict(plan.summary.get("paces") or {})
    made: set[str] = set()
    new = []
    for row in rows:
        day = monday + dt.timedelta(weeks=int(row["week"]), days=int(row["weekday"]))
        if day < plan.start:
            continue
        week_start = day - dt.timedelta(days=day.weekday())
        week = [s for s in generated if week_start <= s.date < week_start + dt.timedelta(7)]
        data, adjustments = _personal(row, day, paces, week)
        made |= adjustments
        new.append(session_from_json(plan, data))
    if not new:
        return []
    plan.sessions.all().delete()
    PlanSession.objects.bulk_create(new)
    plan.end = max(s.date for s in new)
    plan.save(update_fields=["end"])
    new_version(
        plan, by=by, reason=f"Programme {place.programme.title}: its sessions for this runner"
    )
    notes = []
    if "pace" in made:
        notes.append(PACE_NOTE)
    if "cap" in made:
        notes.append(CAP_NOTE)
    if "ladder" in made:
        notes.append(LADDER_NOTE)
    return notes


# --- template edits reach the members ------------------------------------------------------


def _future_sessions(locked: Plan, place: Place, today: dt.date) -> list[dict[str, Any]]:
    first, _ = window(place)
    monday = first - dt.timedelta(days=first.weekday())
    existing = list(locked.sessions.all())
    paces = dict(locked.summary.get("paces") or {})
    out = []
    for row in _rows_for(place):
        day = monday + dt.timedelta(weeks=int(row["week"]), days=int(row["weekday"]))
        if day < today:
            continue
        week_start = day - dt.timedelta(days=day.weekday())
        week = [s for s in existing if week_start <= s.date < week_start + dt.timedelta(7)]
        data, _ = _personal(row, day, paces, week)
        out.append(data)
    return out


def first_open_day(place: Place, today: dt.date) -> dt.date:
    """The first day whose sessions are not done: today, or tomorrow once the runner recorded
    a run or activity today (done sessions never change)."""
    from zoneinfo import ZoneInfo

    from tagalong.activities.models import Activity

    if place.athlete is None:
        return today
    zone = ZoneInfo(place.athlete.time_zone)
    recent = Activity.objects.filter(
        athlete=place.athlete,
        start__date__gte=today - dt.timedelta(days=1),
        start__date__lte=today + dt.timedelta(days=1),
    ).values_list("start", flat=True)
    if any(start.astimezone(zone).date() == today for start in recent):
        return today + dt.timedelta(days=1)
    return today


def _replace_future(locked: Plan, rows: list[dict[str, Any]], today: dt.date) -> None:
    locked.sessions.filter(date__gte=today).delete()
    PlanSession.objects.bulk_create([session_from_json(locked, r) for r in rows])


def follow_template(*, place: Place, by: User, today: dt.date) -> str:
    """Bring a member's sessions not yet done (from today on) up to the template.

    Where nobody changed the runner's plan since the programme made it, they are laid again.
    Where the coach or the adaptation rules changed it, nothing is overwritten: a PlanUpdate
    waits for the coach. Returns "updated", "proposed", "gated" or "skipped".
    """
    plan = place.plan
    if plan is None or place.status != PlaceStatus.ACTIVE or plan.status != PlanStatus.ACTIVE:
        return "skipped"
    if any(n in GATE_NOTES.values() for n in place.plan_notes):
        return "gated"
    today = first_open_day(place, today)
    with transaction.atomic():
        locked = Plan.objects.select_for_update().get(pk=plan.pk)
        rows = _future_sessions(locked, place, today)
        if locked.current_version != place.plan_version_applied:
            place.plan_updates.filter(status=UpdateStatus.PROPOSED).delete()
            update = PlanUpdate.objects.create(place=place, from_date=today, sessions=rows)
            record(
                actor=by,
                action="programme.plan_update_proposed",
                target=update,
                athlete_id=place.athlete_id,
                plan_id=plan.pk,
            )
            return "proposed"
        _replace_future(locked, rows, today)
        new_version(
            locked,
            by=by,
            reason=Phrase("Programme {title}: template changed", title=place.programme.title),
        )
        place.plan_version_applied = locked.current_version
        place.save(update_fields=["plan_version_applied"])
        record(
            actor=by,
            action="programme.template_followed",
            target=place,
            athlete_id=place.athlete_id,
            plan_id=plan.pk,
        )
    return "updated"


@transaction.atomic
def decide_update(*, update: PlanUpdate, by: User, make: bool, today: dt.date) -> PlanUpdate:
    update = PlanUpdate.objects.select_for_update().select_related("place").get(pk=update.pk)
    if update.status != UpdateStatus.PROPOSED:
        raise DomainError(gettext("This change was decided already."))
    place = update.place
    if make and place.plan is not None:
        locked = Plan.objects.select_for_update().get(pk=place.plan_id)
        start = max(first_open_day(place, today), update.from_date)
        rows = [r for r in update.sessions if dt.date.fromisoformat(r["date"]) >= start]
        _replace_future(locked, rows, start)
        new_version(
            locked,
            by=by,
            reason=Phrase("Programme {title}: template changed", title=place.programme.title),
        )
        place.plan_version_applied = locked.current_version
        place.save(update_fields=["plan_version_applied"])
    update.status = UpdateStatus.MADE if make else UpdateStatus.DECLINED
    update.decided_by = by
    update.decided_at = timezone.now()
    update.save(update_fields=["status", "decided_by", "decided_at"])
    record(
        actor=by,
        action="programme.plan_update_decided",
        target=update,
        athlete_id=place.athlete_id,
        made=make,
    )
    return update


def follow_template_all(*, programme_id: int, by: User, today: dt.date) -> dict[str, int]:
    from collections import Counter

    counts: Counter[str] = Counter()
    for place in Place.objects.filter(
        programme_id=programme_id, status=PlaceStatus.ACTIVE
    ).select_related("plan", "programme__template", "athlete"):
        counts[follow_template(place=place, by=by, today=today)] += 1
    return dict(counts)
