"""Reads for the calf check: the athlete's runs, shoes and symptom log in CASE.json shape.

Each function returns the CASE.json section (docs/calf-check.md) or nothing when the data is not
there, so the engine says what is missing. Dates are the athlete's local dates.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from statistics import median
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import Min

from tagalong.activities.models import Activity
from tagalong.assessments.models import Intake
from tagalong.athletes.models import AthleteProfile
from tagalong.calfcheck.cadence import reference_cadence
from tagalong.calfcheck.merge import RUNNING_SPORTS, steps_per_minute
from tagalong.shoes.models import ShoeUse
from tagalong.shoes.selectors import shoes_of
from tagalong.symptoms.models import SIDES, TIMES, SymptomLog

RUN_DAYS = 60  # spike check: 14 recent days plus the 30 days before the oldest of them
TECHNIQUE_DAYS = 28  # cadence from a run of the last 4 weeks
FOOT_STRIKE_DAYS = 60
SYMPTOM_DAYS = 14  # the same two weeks as the spike check's recent runs
EASY_RPE_AT_MOST = 4  # CR-10 "somewhat hard" and below
CADENCE_RANGE = (130.0, 250.0)  # what CASE.json accepts, in steps/min
SPEED_RANGE = (0.5, 12.0)
MAX_RUN_KM = 500.0
MAX_RUN_MINUTES = 6000.0


def local_day(moment: datetime, zone: str) -> date:
    return moment.astimezone(ZoneInfo(zone)).date()


def recent_runs(athlete: AthleteProfile, *, today: date) -> list[Activity]:
    """Runs with a distance from the last 60 days up to today, oldest first."""
    # A day of slack on each side of the window: local dates are settled below.
    since = datetime.combine(today - timedelta(days=RUN_DAYS + 1), time.min, tzinfo=UTC)
    activities = (
        Activity.objects.filter(
            athlete=athlete,
            sport__in=RUNNING_SPORTS,
            start__gte=since,
            distance_m__gt=0,
            distance_m__lte=MAX_RUN_KM * 1000,
        )
        .defer("chart", "warnings", "stream_names")
        .order_by("start")
    )
    first_day = today - timedelta(days=RUN_DAYS)
    zone = athlete.time_zone
    return [a for a in activities if first_day <= local_day(a.start, zone) <= today]


def run_row(activity: Activity, zone: str) -> dict[str, Any]:
    row: dict[str, Any] = {
        "date": local_day(activity.start, zone).isoformat(),
        "distance_km": round((activity.distance_m or 0) / 1000, 2),
    }
    minutes = round(activity.duration_s / 60, 1)
    if 0 <= minutes <= MAX_RUN_MINUTES:  # CASE.json's range; a broken clock gives no duration
        row["duration_min"] = minutes
    if activity.rpe is not None:
        row["rpe"] = activity.rpe
    return row


def speed_of(activity: Activity) -> float | None:
    value = activity.metrics.get("avg_speed_m_s") if isinstance(activity.metrics, dict) else None
    if not isinstance(value, int | float) and activity.distance_m and activity.moving_s:
        value = activity.distance_m / activity.moving_s
    if not isinstance(value, int | float) or not SPEED_RANGE[0] <= value <= SPEED_RANGE[1]:
        return None
    return float(value)


def cadence_of(activity: Activity) -> float | None:
    """Steps per minute for both feet; a per-leg value (below 130) is doubled."""
    value = activity.avg_cadence_spm
    if value is None or value <= 0:
        return None
    spm = steps_per_minute(float(value))
    return spm if CADENCE_RANGE[0] <= spm <= CADENCE_RANGE[1] else None


def easy_runs(runs: Iterable[Activity]) -> list[Activity]:
    """Runs with cadence and speed that were easy: RPE 4 or less when rated, and not faster than
    the median of those runs (the faster half holds the workouts). Oldest first."""
    measured = [
        r
        for r in runs
        if cadence_of(r) is not None
        and speed_of(r) is not None
        and (r.rpe is None or r.rpe <= EASY_RPE_AT_MOST)
    ]
    if len(measured) < 3:
        return measured
    middle = median(speed_of(r) or 0.0 for r in measured)
    return [r for r in measured if (speed_of(r) or 0.0) <= middle]


def technique_section(runs: list[Activity], *, today: date, zone: str) -> dict[str, Any]:
    """Cadence and speed of the latest easy run (a speed the reference covers if there is one)
    and the latest foot strike a pod reported. Cadence is never averaged across runs."""
    section: dict[str, Any] = {}
    since = today - timedelta(days=TECHNIQUE_DAYS - 1)
    easy = easy_runs(r for r in runs if local_day(r.start, zone) >= since)
    judged = [r for r in easy if reference_cadence(speed_of(r) or 0.0) is not None]
    pool = judged or easy
    if pool:
        run = pool[-1]
        section["cadence_spm"] = round(cadence_of(run) or 0.0, 1)
        section["speed_m_s"] = round(speed_of(run) or 0.0, 2)
        section["cadence_date"] = local_day(run.start, zone).isoformat()
    strike = latest_foot_strike(runs, today=today, zone=zone)
    if strike is not None:
        section["foot_strike"], section["foot_strike_date"] = strike
    return section


def foot_strike_of(activity: Activity) -> str | None:
    found = activity.metrics.get("foot_strike") if isinstance(activity.metrics, dict) else None
    category = found.get("category") if isinstance(found, dict) else None
    return category if category in ("forefoot", "midfoot", "rearfoot") else None


def latest_foot_strike(runs: list[Activity], *, today: date, zone: str) -> tuple[str, str] | None:
    since = today - timedelta(days=FOOT_STRIKE_DAYS - 1)
    for run in reversed(runs):
        day = local_day(run.start, zone)
        strike = foot_strike_of(run)
        if strike is not None and day >= since:
            return strike, day.isoformat()
    return None


def load_section(runs: list[Activity], intake: Intake | None, *, zone: str) -> dict[str, Any]:
    """Dated runs with RPE; the intake's longest run only fills a gap the imports leave."""
    load: dict[str, Any] = {}
    rows = [run_row(r, zone) for r in runs]
    if rows:
        load["runs"] = rows
    fallback = intake_longest_run(intake, rows, zone=zone)
    if fallback is not None:
        load["longest_run_km_30d"] = fallback
    return load


def intake_longest_run(
    intake: Intake | None, rows: list[dict[str, Any]], *, zone: str
) -> float | None:
    """The intake's "longest run in the last 30 days", when it was given in the 30 days before
    the latest run and no imported run covers those 30 days."""
    if intake is None or not intake.longest_run_km_30d or not rows:
        return None
    latest = date.fromisoformat(rows[-1]["date"])
    window = latest - timedelta(days=30)
    if any(window <= date.fromisoformat(r["date"]) < latest for r in rows):
        return None
    if local_day(intake.created_at, zone) < window:
        return None
    return float(intake.longest_run_km_30d)


def first_runs(athlete: AthleteProfile) -> dict[int, datetime]:
    rows = (
        ShoeUse.objects.filter(shoe__athlete=athlete)
        .values("shoe")
        .annotate(first=Min("activity__start"))
    )
    return {row["shoe"]: row["first"] for row in rows}


def shoes_section(athlete: AthleteProfile) -> list[dict[str, Any]]:
    """Pairs in use with their km and retirement distance, and the first run in each pair (the
    shoe's own first-used date; else its first assigned run when it started at 0 km)."""
    firsts = first_runs(athlete)
    section = []
    for shoe in sorted(shoes_of(athlete), key=lambda s: (s.name, s.pk)):
        if shoe.is_retired:
            continue
        row: dict[str, Any] = {
            "name": shoe.name,
            "km": shoe.mileage_km,  # type: ignore[attr-defined]
            "retire_km": shoe.retire_km,
        }
        first = shoe.first_used
        if first is None and shoe.starting_km == 0 and shoe.pk in firsts:
            first = local_day(firsts[shoe.pk], athlete.time_zone)
        if first is not None:
            row["first_used"] = first.isoformat()
        section.append(row)
    return section


def worst_of_log(log: SymptomLog, when: str) -> tuple[int, set[str]] | None:
    """The worst calf tightness or pain noted at ``time`` that day, and the sides above zero."""
    values = {
        (side, measure): getattr(log, f"calf_{measure}_{side}_{when}")
        for side in SIDES
        for measure in ("tightness", "pain")
    }
    noted = {key: v for key, v in values.items() if v is not None}
    if not noted:
        return None
    sides = {side for (side, _), v in noted.items() if v > 0}
    return max(noted.values()), sides


def symptoms_section(athlete: AthleteProfile, *, today: date) -> dict[str, Any]:
    """From the log of the last 14 days: per time (during, after, next morning) the worst calf
    tightness or pain and the day it was noted (the latest day on a tie), and the side."""
    since = today - timedelta(days=SYMPTOM_DAYS - 1)
    logs = SymptomLog.objects.filter(athlete=athlete, day__gte=since, day__lte=today)
    worst: dict[str, tuple[int, date]] = {}
    sides: set[str] = set()
    for log in logs.order_by("day", "created_at"):
        for when in TIMES:
            found = worst_of_log(log, when)
            if found is None:
                continue
            value, log_sides = found
            sides |= log_sides
            if when not in worst or value >= worst[when][0]:
                worst[when] = (value, log.day)
    if not worst:
        return {}
    section: dict[str, Any] = {
        "calf_tightness": {t: v for t, (v, _) in worst.items()},
        "dates": {t: d.isoformat() for t, (_, d) in worst.items()},
    }
    if sides:
        section["side"] = "both" if len(sides) == 2 else sides.pop()
    return section


def symptoms_from_intake(intake: Intake | None) -> dict[str, Any]:
    if intake is None:
        return {}
    concerns = intake.concerns
    tight = {t: concerns[t] for t in TIMES if concerns.get(t) is not None}
    section: dict[str, Any] = {}
    if tight:
        section["calf_tightness"] = tight
    if concerns.get("side") in ("left", "right", "both"):
        section["side"] = concerns["side"]
    return section
