"""generate_plan: a pure, deterministic training plan that obeys every rule in ``limits``.

The plan is laid out in 7-day blocks. With a race date the blocks end on race day (the first
block may begin before the start date); otherwise they begin on the start date. Loading
blocks grow running time; every fourth running block repeats the block before at 75 %; the
taper replays the last loading block at 65 % and then about 35 % before the race.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, replace

from tagalong.physiology import vdot as vd
from tagalong.plangen import gates, ladder, limits
from tagalong.plangen.model import (
    HARD_RUN_TYPES,
    RACE_DISTANCE_M,
    RACE_GOALS,
    RETURN_GOALS,
    WEEKDAYS,
    InfeasiblePlan,
    Phase,
    Plan,
    PlanRequest,
    Reason,
    RunType,
    Session,
    Week,
)
from tagalong.plangen.paces import RUN_TYPE_HR_ZONE, athlete_vdot, pace_table, plan_hr_zones
from tagalong.plangen.pattern import WeekPattern, choose_pattern

GROWTH = 1.08  # per loading block; well under Nielsen's 30 %-over-2-weeks flag
WALK_RUN_GROWTH = 1.12
DELOAD_FACTOR = 0.75  # periodisation.deload.convention: −20 to −30 %
DELOAD_EVERY = 4
TAPER_FIRST = 0.65  # periodisation.taper.bosquet_2007: ≈ 50 % average cut, falling
TAPER_RACE_WEEK = 0.35
TAPER_SINGLE = 0.50
SPIKE_SAFETY = 1.09  # a hair under the 10 % limit so rounding never crosses it
LONG_SHARE = 0.28
LONG_VS_OTHERS = 0.42  # long ≤ 0.42 × the other easy runs keeps it ≤ 30 % of the week
HARD_VS_EASY = 0.24  # hard ≤ 0.24 × easy keeps easy ≥ 80 % with rounding room
QUALITY_SHARE = 0.18
MIN_QUALITY_MIN = 30.0
SETTLE_ROUNDS = 50
QUALITY_WARMUP_MIN = 15.0
NOVICE_WEEKLY_KM = 8.0
NOVICE_LONGEST_KM = 3.0
WALK_RUN_START_MIN = 8.0  # periodisation.couch_to_5k.nhs week 1: 8 × 60 s running
WALK_RUN_WARMUP_MIN = 5.0
WALK_RUN_BLOCKS = ((1.0, 1.5), (1.5, 1.5), (2.0, 1.5), (3.0, 1.5), (5.0, 1.0), (8.0, 1.0))
CROSS_MINUTES = 30.0
READINESS_SHARE = {"5k": 0.6, "10k": 0.6, "half": 0.6, "marathon": 0.5}
PEAK_WEEK_MINUTES = {
    "5k": 300.0,
    "10k": 360.0,
    "half": 420.0,
    "marathon": 540.0,
    "endurance": 360.0,
    "return_to_run": 240.0,
    "postnatal": 240.0,
}
DEFAULT_WEEKS = 12
MIN_WEEKS, MAX_WEEKS = 4, 24

EASY_WHY = Reason(
    "Easy, conversational running: at least 80 % of each week's running is easy.",
    ("periodisation.plan.easy_share", "periodisation.intensity.seiler"),
)
SPIKE_WHY = Reason(
    "No run is more than 10 % longer than your longest run of the previous 30 days.",
    ("load.single_run_spike.frandsen_2025",),
)
LONG_WHY = Reason(
    "Long run: at most 30 % of the week's running and 150 minutes.",
    ("periodisation.plan.long_run_share", "periodisation.session_caps.daniels"),
)
TEMPO_WHY = Reason(
    "Threshold running at Daniels T pace; the hard block stays within 10 % of the week.",
    ("periodisation.zones.daniels", "periodisation.session_caps.daniels"),
)
INTERVAL_WHY = Reason(
    "Intervals at Daniels I pace; the hard block stays within 8 % of the week.",
    ("periodisation.zones.daniels", "periodisation.session_caps.daniels"),
)
WALK_RUN_WHY = Reason(
    "Walk–run, never on consecutive days at first; do it before any strength work.",
    ("periodisation.couch_to_5k.nhs", "rehab.return_to_run.green_2022"),
)
POSTNATAL_WHY = Reason(
    "Postnatal return: running only from 12 weeks postnatal (2019 guideline) and after the "
    "return tests, walk–run first.",
    ("periodisation.postnatal.goom_2019", "periodisation.postnatal.delphi_2024"),
)
DELOAD_WHY = Reason(
    "Lighter week: the previous week's sessions at 75 %.", ("periodisation.deload.convention",)
)
TAPER_WHY = Reason(
    "Taper: volume cut by about half over two weeks, intensity and frequency kept.",
    ("periodisation.taper.bosquet_2007",),
)
RACE_WHY = Reason(
    "Race day; the predicted time comes from your VDOT.", ("periodisation.vdot.daniels_gilbert",)
)
STRENGTH_WHY = Reason(
    "Calf strength 2–3 times a week, never the day before a hard run; move up a step when "
    "pain stays at or below 3/10 and settles by the next morning.",
    ("periodisation.plan.calf_strength_frequency", "rehab.pain_monitoring.silbernagel_2007"),
)
HIP_WHY = Reason(
    "Hip, glute and hamstring work: your bridge or side-plank test was low or uneven.",
    ("periodisation.plan.posterior_chain",),
)
MOBILITY_WHY = Reason(
    "Optional mobility; rolling is for comfort only and never replaces loading.",
    ("periodisation.plan.mobility_optional", "rolling.no_dorsiflexion.konrad_2022"),
)
REST_WHY = Reason("Rest day.", ("periodisation.plan.rest_day",))
RETURN_GATE_WHY = Reason(
    "Running starts once you manage 25 single-leg heel raises each side with a limb symmetry "
    "index of at least 90 %; until then, calf loading and walking or cycling. Re-test and re-plan.",
    ("rehab.return_to_run.criteria",),
)
POSTNATAL_GATE_WHY = Reason(
    "No running yet: the 2019 guideline waits until 12 weeks postnatal and until the return "
    "tests pass (20 single-leg calf raises and bridges each side, plus the impact tests).",
    ("periodisation.postnatal.goom_2019", "periodisation.postnatal.delphi_2024"),
)


@dataclass(frozen=True, slots=True)
class Frame:
    """Dates and settings fixed for the whole plan."""

    request: PlanRequest
    vdot: float
    vdot_estimated: bool
    paces: dict[str, tuple[float, float]]
    first_block: dt.date
    blocks: int
    race_date: dt.date | None
    last_day: dt.date
    pattern: WeekPattern
    running: bool
    first_run: dt.date
    strength_minutes: float
    hip_work: bool
    start_level: int

    @property
    def easy_pace(self) -> float:
        fast, slow = self.paces["easy"]
        return (fast + slow) / 2.0


def generate_plan(request: PlanRequest) -> Plan:
    """A plan for ``request``; raises InfeasiblePlan when no plan can meet the hard limits."""
    plan = _build(request)
    _check_ready(request, plan, suggest=True)
    return plan


def _build(request: PlanRequest) -> Plan:
    frame = _frame(request)
    weeks = _weeks(frame)
    plan = Plan(
        vdot=round(frame.vdot, 1),
        vdot_estimated=frame.vdot_estimated,
        paces=frame.paces,
        hr_zones=plan_hr_zones(request),
        weeks=weeks,
        race_date=frame.race_date,
        notes=_notes(frame),
    )
    problems = limits.violations(plan, request)
    if problems:  # a generator bug, never the athlete's fault
        raise AssertionError("plan broke its own limits: " + "; ".join(problems[:5]))
    return plan


def _notes(frame: Frame) -> tuple[Reason, ...]:
    goal = frame.request.goal.type
    notes: list[Reason] = []
    if goal == "return_to_run" and not frame.running:
        notes.append(RETURN_GATE_WHY)
    if goal == "postnatal" and not frame.running:
        notes.append(POSTNATAL_GATE_WHY)
    override = frame.request.goal.coach_override
    if goal == "postnatal" and override is not None:
        notes.append(
            Reason(
                f"Coach override of the 12-week block: {override.reason}",
                ("periodisation.postnatal.delphi_2024",),
            )
        )
    if frame.vdot_estimated:
        notes.append(
            Reason(
                "Paces are estimated: add a recent race or time trial for personal paces.",
                ("periodisation.vdot.daniels_gilbert",),
            )
        )
    return tuple(notes)


def _plan_dates(request: PlanRequest) -> tuple[dt.date, int, dt.date | None]:
    goal = request.goal
    if goal.type in RACE_GOALS and goal.race_date is not None:
        days = (goal.race_date - request.start).days
        blocks = days // 7 + 1
        if days < 0 or blocks < MIN_WEEKS:
            raise InfeasiblePlan(
                f"The race is {days} days after the start; a plan needs at least 4 weeks.",
                "Choose a race at least 4 weeks away, or run it as a training effort.",
            )
        if blocks > MAX_WEEKS:
            raise InfeasiblePlan(
                f"The race is {blocks} weeks away; plans cover at most {MAX_WEEKS} weeks.",
                "Start an endurance plan now and plan the race nearer the date.",
            )
        return goal.race_date - dt.timedelta(days=7 * blocks - 1), blocks, goal.race_date
    blocks = goal.weeks or DEFAULT_WEEKS
    race = request.start + dt.timedelta(days=7 * blocks - 1) if goal.type in RACE_GOALS else None
    return request.start, blocks, race


def _frame(request: PlanRequest) -> Frame:
    first_block, blocks, race = _plan_dates(request)
    vdot, estimated = athlete_vdot(request)
    goal = request.goal.type
    running = gates.running_allowed(request)
    hip = gates.needs_hip_work(request)
    strength_minutes = ladder.MAX_STRENGTH_MINUTES + (ladder.HIP_MINUTES if hip else 0.0)
    wanted_runs = max(request.current.runs_per_week, 3)
    if goal in RETURN_GOALS:
        wanted_runs = 3
    pattern = choose_pattern(
        request,
        wanted_runs=min(wanted_runs, 6),
        running=running,
        quality_wanted=goal not in RETURN_GOALS,
        long_wanted=goal not in RETURN_GOALS,
        strength_minutes=strength_minutes,
        race_weekday=race.weekday() if race else None,
    )
    need = {"half": 3, "marathon": 4}.get(goal, 2)
    if running and len(pattern.run_days) < need:
        raise InfeasiblePlan(
            f"A {_goal_name(goal)} plan needs {need} run days a week with at least 20 minutes; "
            f"the availability gives {len(pattern.run_days)}.",
            f"Make {need} or more days available"
            + (", or choose the 10K." if goal in ("half", "marathon") else "."),
        )
    last = race if race is not None else first_block + dt.timedelta(days=7 * blocks - 1)
    return Frame(
        request=request,
        vdot=vdot,
        vdot_estimated=estimated,
        paces=pace_table(vdot),
        first_block=first_block,
        blocks=blocks,
        race_date=race,
        last_day=last,
        pattern=pattern,
        running=running,
        first_run=gates.first_run_date(request),
        strength_minutes=strength_minutes,
        hip_work=hip,
        start_level=ladder.placement(request.tests, returning=goal in RETURN_GOALS),
    )


def _goal_name(goal: str) -> str:
    return {"5k": "5K", "10k": "10K", "half": "half marathon", "marathon": "marathon"}.get(
        goal, goal.replace("_", " ")
    )


# --- running blocks -------------------------------------------------------------------------


@dataclass(slots=True)
class Progress:
    """Running state carried from block to block."""

    target_minutes: float  # weekly running minutes (running time only during walk–run)
    walk_run_stage: int | None  # None once running is continuous
    running_blocks: int = 0
    last_loading: tuple[Session, ...] = ()


def _weeks(frame: Frame) -> tuple[Week, ...]:
    progress = _initial_progress(frame)
    history: list[Session] = []
    run_blocks: list[tuple[Session, ...]] = []
    phases: list[Phase] = []
    taper_n = 1 if frame.blocks < limits.SHORT_PLAN_WEEKS else 2
    taper_from = frame.blocks - taper_n if frame.race_date else frame.blocks
    for k in range(frame.blocks):
        block_start = frame.first_block + dt.timedelta(days=7 * k)
        phase: Phase = "taper"
        if k >= taper_from:
            runs = _taper_block(frame, k, taper_n, run_blocks)
        else:
            runs, phase = _running_block(frame, block_start, progress, run_blocks, history)
            phase = _phase_name(frame, k, taper_from, phase)
        history.extend(runs)
        run_blocks.append(runs)
        phases.append(phase)
    _add_cadence(frame, run_blocks)
    return tuple(
        Week(
            index=k,
            phase=phases[k],
            start=frame.first_block + dt.timedelta(days=7 * k),
            sessions=_assemble(frame, frame.first_block + dt.timedelta(days=7 * k), runs),
        )
        for k, runs in enumerate(run_blocks)
    )


def _phase_name(frame: Frame, k: int, taper_from: int, phase: Phase) -> Phase:
    if phase != "build":
        return phase
    if frame.race_date is None:
        return "base" if k < frame.blocks // 2 else "build"
    if k >= taper_from - 2:
        return "peak"
    return "base" if k < taper_from // 3 else "build"


def _initial_progress(frame: Frame) -> Progress:
    current = frame.request.current
    runs = max(len(frame.pattern.run_days), 1)
    novice = current.weekly_km < NOVICE_WEEKLY_KM or current.longest_run_km_30d < NOVICE_LONGEST_KM
    if frame.request.goal.type in RETURN_GOALS or novice:
        return Progress(target_minutes=WALK_RUN_START_MIN * runs, walk_run_stage=0)
    minutes = current.weekly_km * frame.easy_pace / 60.0
    return Progress(target_minutes=max(minutes, 20.0 * runs), walk_run_stage=None)


def _running_block(
    frame: Frame,
    block_start: dt.date,
    progress: Progress,
    run_blocks: list[tuple[Session, ...]],
    history: list[Session],
) -> tuple[tuple[Session, ...], Phase]:
    dates = _run_dates(frame, block_start)
    if not frame.running or not dates:
        return (), "return" if frame.request.goal.type in RETURN_GOALS else "base"
    progress.running_blocks += 1
    if progress.running_blocks % DELOAD_EVERY == 0 and run_blocks and run_blocks[-1]:
        return _scaled(run_blocks[-1], 7, DELOAD_FACTOR, DELOAD_WHY), "recovery"
    if progress.running_blocks > 1:
        growth = WALK_RUN_GROWTH if progress.walk_run_stage is not None else GROWTH
        progress.target_minutes *= growth
    cap = min(PEAK_WEEK_MINUTES[frame.request.goal.type], sum(frame.pattern.run_capacity.values()))
    progress.target_minutes = min(progress.target_minutes, cap)
    if progress.walk_run_stage is not None:
        runs = _walk_run_block(frame, dates, progress, history)
        phase: Phase = "return" if frame.request.goal.type in RETURN_GOALS else "base"
    else:
        runs = _continuous_block(frame, dates, progress, history)
        phase = "build"
    progress.last_loading = runs
    return runs, phase


def _run_dates(frame: Frame, block_start: dt.date) -> list[dt.date]:
    earliest = max(frame.request.start, frame.first_run)
    out = []
    for offset in range(7):
        date = block_start + dt.timedelta(days=offset)
        if date.weekday() in frame.pattern.run_days and earliest <= date < frame.last_day:
            out.append(date)
    return out


def _spike_cap_km(date: dt.date, frame: Frame, history: list[Session]) -> float:
    window = date - dt.timedelta(days=limits.SPIKE_WINDOW_DAYS)
    recent = [s.distance_km or 0.0 for s in history if window <= s.date < date]
    if (date - frame.request.start).days < limits.SPIKE_WINDOW_DAYS:
        recent.append(frame.request.current.longest_run_km_30d)
    return SPIKE_SAFETY * max([limits.SPIKE_FLOOR_KM, *recent])


def _walk_run_block(
    frame: Frame, dates: list[dt.date], progress: Progress, history: list[Session]
) -> tuple[Session, ...]:
    stage = progress.walk_run_stage or 0
    per_run = progress.target_minutes / len(dates)
    slow = frame.paces["walk_run"][0]
    runs: list[Session] = []
    continuous = stage >= len(WALK_RUN_BLOCKS)
    for date in dates:
        cap_km = _spike_cap_km(date, frame, [*history, *runs])
        run_min = min(per_run, cap_km * slow / 60.0)
        capacity = frame.pattern.run_capacity[date.weekday()] - WALK_RUN_WARMUP_MIN
        if continuous:
            run_min = min(run_min, capacity)
            runs.append(_walk_run_session(frame, date, run_min, None, slow))
            continue
        block, walk = WALK_RUN_BLOCKS[stage]
        reps = max(
            1, min(math.floor(run_min / block), math.floor((capacity + walk) / (block + walk)))
        )
        runs.append(_walk_run_session(frame, date, reps * block, (block, walk, reps), slow))
    progress.walk_run_stage = stage + 1
    if continuous and per_run >= 30.0:
        progress.walk_run_stage = None  # NHS week 9: 30 minutes continuous
    return tuple(runs)


def _walk_run_session(
    frame: Frame,
    date: dt.date,
    run_min: float,
    intervals: tuple[float, float, int] | None,
    pace: float,
) -> Session:
    why = [WALK_RUN_WHY, SPIKE_WHY]
    if frame.request.goal.type == "postnatal":
        why.append(POSTNATAL_WHY)
    if intervals is None:
        duration = WALK_RUN_WARMUP_MIN + run_min
        text = f"5 min brisk walk, then {run_min:.0f} min easy running."
    else:
        block, walk, reps = intervals
        duration = WALK_RUN_WARMUP_MIN + reps * block + (reps - 1) * walk
        text = f"5 min brisk walk, then {reps} × ({block:g} min run / {walk:g} min walk)."
    why.insert(0, Reason(text, ("periodisation.couch_to_5k.nhs",)))
    return Session(
        date=date,
        kind="run",
        run_type="walk_run",
        duration_min=round(duration, 1),
        distance_km=round(run_min * 60.0 / pace, 2),
        target_pace_s_per_km=frame.paces["walk_run"],
        hr_zone=RUN_TYPE_HR_ZONE["walk_run"],
        why=tuple(why),
    )


def _continuous_block(
    frame: Frame, dates: list[dt.date], progress: Progress, history: list[Session]
) -> tuple[Session, ...]:
    pattern = frame.pattern
    total = progress.target_minutes
    plan: dict[dt.date, tuple[RunType, float]] = {}
    quality_ok = progress.running_blocks > 2 and pattern.quality_day is not None
    long_min = min(LONG_SHARE * total, limits.LONG_RUN_MAX_MIN)
    quality_min = QUALITY_SHARE * total if quality_ok else 0.0
    for date in dates:
        if date.weekday() == pattern.long_day:
            plan[date] = ("long", long_min)
        elif date.weekday() == pattern.quality_day and quality_min >= MIN_QUALITY_MIN:
            plan[date] = (_quality_type(frame, progress), quality_min)
    used = sum(m for _, m in plan.values())
    easy_dates = [d for d in dates if d not in plan]
    caps = {d: pattern.run_capacity[d.weekday()] for d in dates}
    for date, share in _fill(max(total - used, 0.0), easy_dates, caps).items():
        plan[date] = ("easy", share)
    minutes = {d: min(m, caps[d]) for d, (_, m) in plan.items()}
    kinds = {d: t for d, (t, _) in plan.items()}
    return _settle(frame, kinds, minutes, history)


def _fill(total: float, dates: list[dt.date], caps: dict[dt.date, float]) -> dict[dt.date, float]:
    """Share ``total`` evenly, pouring what a capped day cannot hold onto the others."""
    out: dict[dt.date, float] = {}
    left = total
    open_dates = sorted(dates, key=lambda d: caps[d])
    while open_dates:
        even = left / len(open_dates)
        date = open_dates.pop(0)
        out[date] = min(even, caps[date])
        left -= out[date]
    return out


def _quality_type(frame: Frame, progress: Progress) -> RunType:
    goal = frame.request.goal.type
    if goal == "5k" or (goal == "10k" and progress.running_blocks % 2 == 0):
        return "intervals"
    return "tempo"


def _settle(
    frame: Frame,
    kinds: dict[dt.date, RunType],
    minutes: dict[dt.date, float],
    history: list[Session],
) -> tuple[Session, ...]:
    """Shrink runs until the week meets the share and spike limits (shrinking only)."""
    for _ in range(SETTLE_ROUNDS):
        changed = _apply_shares(kinds, minutes)
        sessions = [_run_session(frame, d, kinds[d], minutes[d]) for d in sorted(minutes)]
        for i, s in enumerate(sessions):
            cap = _spike_cap_km(s.date, frame, [*history, *sessions[:i]])
            if (s.distance_km or 0.0) > cap:
                # Distances are kept to 0.01 km: aim half a unit lower so rounding stays under.
                target = cap * 0.999 - 0.005
                minutes[s.date] = _minutes_for_km(frame, kinds[s.date], s, target)
                changed = True
                break
        if not changed:
            return tuple(s for s in sessions if s.duration_min > 0)
    raise AssertionError("run durations did not settle")


def _minutes_for_km(frame: Frame, run_type: RunType, s: Session, km: float) -> float:
    """Minutes, rounded down to the 0.1 sessions keep, that cover at most ``km``.

    A quality run's 15-min easy warm-up covers a fixed distance, so scaling its minutes would
    reach the cap only slowly: solve for the work instead. Rounding down matters: rounding
    to the nearest 0.1 min can add more distance than the 0.1 % margin below the cap.
    """
    if run_type not in HARD_RUN_TYPES:
        minutes = s.duration_min * km / (s.distance_km or 1.0)
    else:
        easy = frame.easy_pace
        fast, _slow = frame.paces["tempo" if run_type == "tempo" else "intervals"]
        warm_km = QUALITY_WARMUP_MIN * 60.0 / easy
        if km <= warm_km:  # too short for quality work: _apply_shares makes it an easy run
            minutes = km * easy / 60.0
        else:
            minutes = QUALITY_WARMUP_MIN + (km - warm_km) * fast / 60.0
    return math.floor(minutes * 10) / 10


def _apply_shares(kinds: dict[dt.date, RunType], minutes: dict[dt.date, float]) -> bool:
    changed = False
    easy_others = sum(m for d, m in minutes.items() if kinds[d] == "easy")
    for d in [d for d in minutes if kinds[d] == "long"]:
        if minutes[d] > LONG_VS_OTHERS * easy_others + 1e-9:
            minutes[d] = LONG_VS_OTHERS * easy_others
            changed = True
        if minutes[d] <= max((m for x, m in minutes.items() if kinds[x] == "easy"), default=0):
            kinds[d] = "easy"
            changed = True
    easy = sum(m for d, m in minutes.items() if kinds[d] not in HARD_RUN_TYPES)
    for d in [d for d in minutes if kinds[d] in HARD_RUN_TYPES]:
        if minutes[d] > HARD_VS_EASY * easy + 1e-9:
            minutes[d] = HARD_VS_EASY * easy
            changed = True
        if minutes[d] < MIN_QUALITY_MIN:
            kinds[d] = "easy"
            changed = True
    return changed


def _run_session(frame: Frame, date: dt.date, run_type: RunType, minutes: float) -> Session:
    minutes = round(minutes, 1)
    easy = frame.easy_pace
    why = [SPIKE_WHY]
    if run_type in HARD_RUN_TYPES:
        key = "tempo" if run_type == "tempo" else "intervals"
        fast, _slow = frame.paces[key]
        work = max(minutes - QUALITY_WARMUP_MIN, 0.0)
        km = QUALITY_WARMUP_MIN * 60.0 / easy + work * 60.0 / fast
        why.insert(0, TEMPO_WHY if run_type == "tempo" else INTERVAL_WHY)
        target = frame.paces[key]
        text = f"15 min easy warm-up and cool-down around {work:.0f} min at {key} pace."
        why.insert(0, Reason(text, ("periodisation.zones.daniels",)))
    else:
        km = minutes * 60.0 / easy
        why.insert(0, LONG_WHY if run_type == "long" else EASY_WHY)
        target = frame.paces[run_type]
    return Session(
        date=date,
        kind="run",
        run_type=run_type,
        duration_min=minutes,
        distance_km=round(km, 2),
        target_pace_s_per_km=target,
        hr_zone=RUN_TYPE_HR_ZONE.get(run_type),
        why=tuple(why),
    )


def _scaled(
    sessions: tuple[Session, ...], shift_days: int, factor: float, reason: Reason
) -> tuple[Session, ...]:
    out = []
    for s in sessions:
        km = None if s.distance_km is None else round(s.distance_km * factor, 2)
        out.append(
            replace(
                s,
                date=s.date + dt.timedelta(days=shift_days),
                duration_min=round(s.duration_min * factor, 1),
                distance_km=km,
                why=(reason, *(r for r in s.why if r not in (DELOAD_WHY, TAPER_WHY))),
            )
        )
    return tuple(out)


def _taper_block(
    frame: Frame, k: int, taper_n: int, run_blocks: list[tuple[Session, ...]]
) -> tuple[Session, ...]:
    """Replay the bigger pre-taper block, scaled; the race's weekday is left out like for like."""
    assert frame.race_date is not None
    race_weekday = frame.race_date.weekday()
    first = max(frame.blocks - taper_n - 2, 0)
    candidates = run_blocks[first : frame.blocks - taper_n]

    def off_race_day(block: tuple[Session, ...]) -> float:
        return sum(s.duration_min for s in block if s.date.weekday() != race_weekday)

    index = max(range(len(candidates)), key=lambda i: (off_race_day(candidates[i]), i))
    template = candidates[index]
    shift = 7 * (k - (first + index))
    if k != frame.blocks - 1:
        return _scaled(template, shift, TAPER_FIRST, TAPER_WHY)
    factor = TAPER_SINGLE if taper_n == 1 else TAPER_RACE_WEEK
    kept = tuple(s for s in template if s.date.weekday() != race_weekday)
    runs = [_race_week_run(frame, s) for s in _scaled(kept, shift, factor, TAPER_WHY)]
    return (*_limit_hard(runs), _race_session(frame))


def _race_week_run(frame: Frame, s: Session) -> Session:
    """No long run in race week, and no hard run the day before the race."""
    eve = frame.race_date is not None and s.date == frame.race_date - dt.timedelta(days=1)
    if s.run_type == "long" or (eve and s.run_type in HARD_RUN_TYPES):
        km = s.duration_min * 60.0 / frame.easy_pace
        return replace(
            s,
            run_type="easy",
            distance_km=round(min(km, s.distance_km or km), 2),
            target_pace_s_per_km=frame.paces["easy"],
            hr_zone=RUN_TYPE_HR_ZONE["easy"],
            why=(TAPER_WHY, EASY_WHY, SPIKE_WHY),
        )
    return s


def _limit_hard(runs: list[Session]) -> list[Session]:
    easy = sum(s.duration_min for s in runs if s.run_type not in HARD_RUN_TYPES)
    out = []
    for s in runs:
        if s.run_type in HARD_RUN_TYPES and s.duration_min > HARD_VS_EASY * easy:
            factor = HARD_VS_EASY * easy / s.duration_min
            s = replace(
                s,
                duration_min=math.floor(s.duration_min * factor * 10) / 10,
                distance_km=round((s.distance_km or 0.0) * factor, 2),
            )
        out.append(s)
    return out


def _race_session(frame: Frame) -> Session:
    assert frame.race_date is not None
    distance = RACE_DISTANCE_M[frame.request.goal.type]
    seconds = vd.predict_race_time(frame.vdot, distance)
    pace = seconds / (distance / 1000.0)
    return Session(
        date=frame.race_date,
        kind="run",
        run_type="race",
        duration_min=round(seconds / 60.0, 1),
        distance_km=round(distance / 1000.0, 3),
        target_pace_s_per_km=(round(pace - 2.0, 1), round(pace + 2.0, 1)),
        why=(RACE_WHY,),
    )


def _add_cadence(frame: Frame, run_blocks: list[tuple[Session, ...]]) -> None:
    if not gates.needs_cadence_step(frame.request):
        return
    for k, runs in enumerate(run_blocks):
        easy = [i for i, s in enumerate(runs) if s.run_type in ("easy", "long", "recovery")]
        if not easy or any(ladder.CADENCE_DRILL in s.exercises for s in runs):
            continue
        i = easy[0]
        s = runs[i]
        drilled = replace(
            s, exercises=(*s.exercises, ladder.CADENCE_DRILL), why=(*s.why, ladder.CADENCE_REASON)
        )
        run_blocks[k] = (*runs[:i], drilled, *runs[i + 1 :])


# --- the other sessions ---------------------------------------------------------------------


def _assemble(frame: Frame, block_start: dt.date, runs: tuple[Session, ...]) -> tuple[Session, ...]:
    by_date: dict[dt.date, list[Session]] = {}
    for s in runs:
        by_date.setdefault(s.date, []).append(s)
    for offset in range(7):
        date = block_start + dt.timedelta(days=offset)
        if date < frame.request.start or date > frame.last_day:
            continue
        day = date.weekday()
        if date < frame.last_day or frame.race_date is None:
            for extra in _extras(frame, date, day, bool(by_date.get(date))):
                by_date.setdefault(date, []).append(extra)
        if date not in by_date:
            by_date[date] = [Session(date=date, kind="rest", why=(REST_WHY,))]
    return tuple(s for d in sorted(by_date) for s in by_date[d])


def _extras(frame: Frame, date: dt.date, day: int, has_run: bool) -> list[Session]:
    pattern = frame.pattern
    out: list[Session] = []
    if day in pattern.strength_days:
        out.append(_strength_session(frame, date))
    if day in pattern.run_days and not has_run and not frame.running:
        out.append(_cross_session(frame, date))
    if day == pattern.mobility_day and _wants_mobility(frame):
        out.append(_mobility_session(frame, date))
    return out


def _wants_mobility(frame: Frame) -> bool:
    return gates.needs_mobility(frame.request.tests) or gates.wants_rolling(frame.request)


def _strength_session(frame: Frame, date: dt.date) -> Session:
    first = _first_strength_date(frame)
    weeks = max((date - first).days // 7, 0)
    level = min(ladder.TOP_LEVEL, frame.start_level + weeks // ladder.WEEKS_PER_LEVEL)
    week_at_level = weeks - (level - frame.start_level) * ladder.WEEKS_PER_LEVEL
    rung = ladder.calf_session(level, week_at_level)
    exercises = rung.exercises
    why = [
        Reason(
            ladder.step_text(level),
            rung.evidence,
        ),
        STRENGTH_WHY,
    ]
    minutes = rung.minutes
    if frame.hip_work:
        exercises = (*exercises, *ladder.HIP_EXERCISES)
        minutes += ladder.HIP_MINUTES
        why.append(HIP_WHY)
    return Session(
        date=date,
        kind="strength",
        duration_min=round(minutes, 1),
        exercises=exercises,
        why=tuple(why),
        ladder_level=level,
    )


def _first_strength_date(frame: Frame) -> dt.date:
    for offset in range(7):
        date = frame.request.start + dt.timedelta(days=offset)
        if date.weekday() in frame.pattern.strength_days:
            return date
    return frame.request.start


def _cross_session(frame: Frame, date: dt.date) -> Session:
    minutes = min(CROSS_MINUTES, frame.pattern.run_capacity.get(date.weekday(), CROSS_MINUTES))
    gate = POSTNATAL_GATE_WHY if frame.request.goal.type == "postnatal" else RETURN_GATE_WHY
    return Session(
        date=date,
        kind="cross",
        duration_min=round(minutes, 1),
        why=(Reason("Brisk walk or easy cycling instead of running.", gate.evidence), gate),
    )


def _mobility_session(frame: Frame, date: dt.date) -> Session:
    exercises = ladder.MOBILITY_EXERCISES if gates.needs_mobility(frame.request.tests) else ()
    if gates.wants_rolling(frame.request):
        exercises = (*exercises, *ladder.ROLLING_EXERCISES)
    return Session(
        date=date, kind="mobility", duration_min=10.0, exercises=exercises, why=(MOBILITY_WHY,)
    )


# --- feasibility ----------------------------------------------------------------------------


def readiness_km(request: PlanRequest, plan: Plan) -> float:
    """Longest training run a race goal needs before the taper (≤ 150 min at easy pace)."""
    goal = request.goal.type
    distance_km = RACE_DISTANCE_M[goal] / 1000.0
    fast, slow = plan.paces["easy"]
    reachable = 0.95 * limits.LONG_RUN_MAX_MIN * 60.0 / ((fast + slow) / 2.0)
    return min(READINESS_SHARE[goal] * distance_km, reachable)


def longest_planned_km(plan: Plan) -> float:
    return max(
        (s.distance_km or 0.0 for s in plan.sessions() if s.is_run and s.run_type != "race"),
        default=0.0,
    )


def _check_ready(request: PlanRequest, plan: Plan, *, suggest: bool) -> None:
    goal = request.goal.type
    if goal not in RACE_GOALS:
        return
    need = readiness_km(request, plan)
    if longest_planned_km(plan) >= need:
        return
    reason = (
        f"A {_goal_name(goal)} from {request.current.weekly_km:g} km/week "
        f"(longest run {request.current.longest_run_km_30d:g} km) needs a training run of "
        f"{need:.1f} km, which {len(plan.weeks)} weeks cannot reach within the plan's limits "
        "(no run 10 % longer than the 30-day longest, long run ≤ 30 % of the week, "
        "and the minutes available)."
    )
    raise InfeasiblePlan(reason, _suggestion(request, len(plan.weeks)) if suggest else "")


def _feasible(request: PlanRequest) -> bool:
    try:
        plan = _build(request)
        _check_ready(request, plan, suggest=False)
    except InfeasiblePlan:
        return False
    return True


def _suggestion(request: PlanRequest, weeks: int) -> str:
    goal = request.goal
    parts = []
    low, high = weeks + 1, MAX_WEEKS
    found: int | None = None
    while low <= high:  # feasibility grows with the weeks, so bisect
        mid = (low + high) // 2
        if _feasible(replace(request, goal=replace(goal, weeks=mid, race_date=None))):
            found, high = mid, mid - 1
        else:
            low = mid + 1
    if found is not None:
        parts.append(f"choose {found}+ weeks")
    order = ["5k", "10k", "half", "marathon"]
    for smaller in reversed(order[: order.index(goal.type)]):
        other = replace(request, goal=replace(goal, type=smaller))  # type: ignore[arg-type]
        if _feasible(other):
            parts.append(f"the {_goal_name(smaller)}")
            break
    if not parts:
        return "build regular easy running with an endurance plan first."
    return " or ".join(parts) + "."


__all__ = ["WEEKDAYS", "generate_plan"]
