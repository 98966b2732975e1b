"""Cause 1: calves too weak for the training load, or the load too much for healthy tissue."""

from __future__ import annotations

from datetime import date, timedelta
from statistics import mean

from tagalong.assessment import BilateralTest, heel_raise_test, limb_symmetry_index
from tagalong.assessment.hret import NORM, RETURN_TO_RUN, RETURN_TO_RUN_REPS
from tagalong.assessment.symmetry import LSI_FORMULA, LSI_THRESHOLD
from tagalong.calfcheck.model import Action, CalfCase, EvidenceItem, Finding, LeftRight, Run
from tagalong.calfcheck.signals import Signal, finding, no_data
from tagalong.calfcheck.words import REPS
from tagalong.wording import Phrase

SPIKE = "capacity.single_run_spike.frandsen_2025"
WEEKLY = "load.weekly_distance.nielsen_2014"
PAIN_RULES = "rehab.pain_monitoring.silbernagel_2007"
LADDER = "rehab.progression_ladder"
SPIKE_GRADING = "capacity.spike_grading.expert_target"
WEEKLY_GRADING = "load.weekly_grading.expert_target"
WEAK_ALONE = "capacity.weak_calves_alone.expert_target"

SPIKE_AMBER_ABOVE_PCT = 10.0  # SPIKE
SPIKE_MID_ABOVE_PCT = 30.0  # SPIKE: HR 1.52 above 30 %, similar to 1.64 below
SPIKE_RED_ABOVE_PCT = 100.0  # SPIKE: HR 2.28
SPIKE_LOOKBACK_DAYS = 30  # SPIKE
RECENT_RUN_DAYS = 14  # practice: only a recent spike explains today's calves
WEEKLY_FLAG_ABOVE_PCT = 30.0  # WEEKLY
WEEKS_NEEDED = 3  # WEEKLY: this week against the mean of the 2 before
DURING_TOO_MUCH_ABOVE = 5.0  # PAIN_RULES
# Ranking weights (SPIKE_GRADING, WEEKLY_GRADING, WEAK_ALONE): a signal far past its threshold
# weighs more than one just over it, and either alternative of the cause can make it likely alone.
SPIKE_JUST_OVER_POINTS = 20.0
SPIKE_DOUBLED_POINTS = 40.0
SPIKE_MORE_THAN_DOUBLE_POINTS = 60.0
WEEKLY_JUST_OVER_POINTS = 15.0
WEEKLY_DOUBLED_POINTS = 25.0
WEEKLY_FULL_ABOVE_PCT = 100.0
BELOW_LOWER_LIMIT_POINTS = 45.0
BELOW_MEDIAN_POINTS = 20.0


def heel_raise_signal(case: CalfCase) -> Signal:
    reps = case.tests.heel_raise_reps
    if reps is None:
        return no_data(
            Phrase(
                "{field} (single-leg heel raises to failure, each side)",
                field="tests.heel_raise_reps",
            )
        )
    side = case.symptoms.side
    involved = side if side in ("left", "right") else None
    points = 0.0
    evidence = [EvidenceItem(Phrase("heel raises (left/right)"), left_right(reps), REPS)]
    citations = [RETURN_TO_RUN, LSI_FORMULA]
    missing: list[str] = []
    athlete = case.athlete
    test = BilateralTest("heel_raise", reps.left, reps.right, involved=involved)
    if athlete.age is not None and athlete.sex is not None:
        score = heel_raise_test(test, age=athlete.age, sex=athlete.sex)
        norm = score.references[0]
        weaker_band = min((score.left_band or "", score.right_band or ""), key=_band_rank)
        points += {
            "below_lower_limit": BELOW_LOWER_LIMIT_POINTS,
            "below_median": BELOW_MEDIAN_POINTS,
        }.get(weaker_band, 0.0)
        evidence.append(
            EvidenceItem(
                Phrase("age/sex norm (median, lower limit)"),
                Phrase("{median:g}/{lower:g}", median=norm.value, lower=norm.lower_limit),
                REPS,
                note=Phrase(
                    "weaker side {band} (norm)", band=BAND_NOTES.get(weaker_band, weaker_band)
                ),
            )
        )
        citations.append(NORM)
        if weaker_band == "below_lower_limit":
            citations.append(WEAK_ALONE)
    else:
        missing.append(
            Phrase(
                "{age} and {sex} (for the heel-raise age/sex norm)",
                age="athlete.age",
                sex="athlete.sex",
            )
        )
    if reps.weaker < RETURN_TO_RUN_REPS:
        points += 15.0
        evidence.append(
            EvidenceItem(
                Phrase("weaker side vs 25-rep return-to-run target"),
                reps.weaker,
                REPS,
                note=Phrase("below the expert target"),
            )
        )
    sym = limb_symmetry_index(test.left, test.right, test.involved)
    if sym is not None:
        evidence.append(EvidenceItem(Phrase("heel-raise LSI"), round(sym, 1), "%"))
        if sym < 90.0:
            points += 15.0
            citations.append(LSI_THRESHOLD)
    actions = _strength_actions(reps.weaker, sym) if points > 0 else ()
    if actions:
        citations.append(LADDER)
    return Signal(points, tuple(evidence), tuple(citations), tuple(missing), actions)


def left_right(values: LeftRight) -> Phrase:
    """A test's two sides as the evidence shows them: "18/24"."""
    return Phrase("{left:g}/{right:g}", left=values.left, right=values.right)


# The heel-raise norm bands as the evidence note names the weaker side's.
BAND_NOTES = {
    "below_lower_limit": Phrase("below lower limit"),
    "below_median": Phrase("below median"),
    "at_or_above_median": Phrase("at or above median"),
}


def _band_rank(band: str) -> int:
    return ["below_lower_limit", "below_median", "at_or_above_median"].index(band)


def _strength_actions(weaker: float, lsi: float | None) -> tuple[Action, ...]:
    actions = [
        Action(
            "strength",
            Phrase("Build calf capacity: single-leg heel raises, knee straight and bent."),
            exercise="single-leg-heel-raise",
            dosage=Phrase("3×15 per side, building to 25+ reps; 3 sessions a week"),
            citations=(LADDER, RETURN_TO_RUN),
        )
    ]
    if lsi is not None and lsi < 90.0:
        actions.append(
            Action(
                "strength",
                Phrase("Add a set on the weaker side until both sides are within 10 %."),
                exercise="single-leg-heel-raise",
                citations=(LSI_THRESHOLD,),
            )
        )
    return tuple(actions)


def percent_change(new: float, old: float) -> float:
    """Rounded so that exactly 10 % or 30 % above stays on the threshold despite float error."""
    return round((new / old - 1.0) * 100.0, 9)


def recent_runs(runs: tuple[Run, ...], today: date) -> list[Run]:
    return [r for r in runs if today - timedelta(days=RECENT_RUN_DAYS - 1) <= r.date <= today]


def longest_before(runs: tuple[Run, ...], day: date) -> float | None:
    window = [
        r.distance_km for r in runs if day - timedelta(days=SPIKE_LOOKBACK_DAYS) <= r.date < day
    ]
    return max(window) if window else None


def _graded(pct: float, *, above: float, full: float, low: float, high: float) -> float:
    """``low`` just past ``above``, rising linearly to ``high`` at ``full`` (and held there)."""
    share = min(1.0, (pct - above) / (full - above))
    return low + (high - low) * share


def spike_points(spike_pct: float) -> float:
    """0 up to 10 %; 20 just past it rising to 40 at a doubled run; 60 beyond double (HR 2.28)."""
    if spike_pct > SPIKE_RED_ABOVE_PCT:
        return SPIKE_MORE_THAN_DOUBLE_POINTS
    if spike_pct <= SPIKE_AMBER_ABOVE_PCT:
        return 0.0
    return _graded(
        spike_pct,
        above=SPIKE_AMBER_ABOVE_PCT,
        full=SPIKE_RED_ABOVE_PCT,
        low=SPIKE_JUST_OVER_POINTS,
        high=SPIKE_DOUBLED_POINTS,
    )


def weekly_points(weekly_pct: float) -> float:
    """0 up to 30 %; 15 just past it rising to 25 at a doubled week (and beyond)."""
    if weekly_pct <= WEEKLY_FLAG_ABOVE_PCT:
        return 0.0
    if weekly_pct == float("inf"):
        return WEEKLY_DOUBLED_POINTS
    return _graded(
        weekly_pct,
        above=WEEKLY_FLAG_ABOVE_PCT,
        full=WEEKLY_FULL_ABOVE_PCT,
        low=WEEKLY_JUST_OVER_POINTS,
        high=WEEKLY_DOUBLED_POINTS,
    )


def spike_signal(case: CalfCase, today: date) -> Signal:
    """The biggest single-run spike among recent runs, vs the longest of the 30 days before."""
    runs = tuple(r for r in case.load.runs if r.date <= today)
    recent = sorted(recent_runs(runs, today), key=lambda r: r.date)
    if not recent:
        return no_data(
            Phrase(
                "{field} (dated runs of the last 14 days and the 30 days before)",
                field="load.runs",
            )
        )
    worst: tuple[float, Run, float] | None = None
    for run in recent:
        baseline = longest_before(runs, run.date)
        if run is recent[-1] and case.load.longest_run_km_30d is not None:
            baseline = case.load.longest_run_km_30d
        if not baseline:
            continue
        pct = percent_change(run.distance_km, baseline)
        if worst is None or pct > worst[0]:
            worst = (pct, run, baseline)
    if worst is None:
        return no_data(
            Phrase(
                "{field} (no runs in the 30 days before the latest run)",
                field="load.longest_run_km_30d",
            )
        )
    pct, run, baseline = worst
    points = spike_points(pct)
    item = EvidenceItem(
        Phrase("longest recent run vs longest in the previous 30 days"),
        round(pct, 1),
        "%",
        date=run.date,
        note=km_vs_km(run.distance_km, baseline),
    )
    if points == 0:
        return Signal(0.0, (item,), (SPIKE,))
    citations = (SPIKE, SPIKE_GRADING)
    action = Action(
        "adjust_load",
        Phrase(
            "Adjust the load: keep the next long run within 10 % of {longest:g} km "
            "(at most {most:.1f} km) and build from there.",
            longest=baseline,
            most=baseline * 1.1,
        ),
        citations=(SPIKE,),
    )
    return Signal(points, (item,), citations, (), (action,))


def km_vs_km(new: float, old: float) -> Phrase:
    return Phrase("{new:g} km vs {old:g} km", new=new, old=old)


def weekly_totals(case: CalfCase, today: date) -> tuple[float, ...]:
    """The given weekly_km (3 weeks or more), else the last three 7-day totals from runs when
    they reach back 14 days: a shorter weekly list cannot be judged, so it never hides the runs."""
    if len(case.load.weekly_km) >= WEEKS_NEEDED:
        return case.load.weekly_km
    runs = [r for r in case.load.runs if r.date <= today]
    if not runs or min(r.date for r in runs) > today - timedelta(days=14):
        return ()
    return tuple(
        sum(
            r.distance_km
            for r in runs
            if today - timedelta(days=7 * (k + 1)) < r.date <= today - timedelta(days=7 * k)
        )
        for k in (2, 1, 0)
    )


def weekly_signal(case: CalfCase, today: date) -> Signal:
    weeks = weekly_totals(case, today)
    if len(weeks) < WEEKS_NEEDED:
        return no_data(Phrase("{field} (at least 3 weeks, oldest first)", field="load.weekly_km"))
    previous = mean(weeks[-3:-1])
    newest = weeks[-1]
    if previous == 0:
        pct = 0.0 if newest == 0 else float("inf")
    else:
        pct = percent_change(newest, previous)
    item = EvidenceItem(
        Phrase("this week vs mean of the previous 2 weeks"),
        round(pct, 1) if pct != float("inf") else Phrase("new running"),
        "%" if pct != float("inf") else None,
        note=km_vs_km(newest, previous),
    )
    if pct <= WEEKLY_FLAG_ABOVE_PCT:
        return Signal(0.0, (item,), (WEEKLY,))
    action = Action(
        "adjust_load",
        Phrase(
            "Adjust the load: hold weekly distance near {km:g} km until the calves settle.",
            km=previous,
        ),
        citations=(WEEKLY,),
    )
    return Signal(weekly_points(pct), (item,), (WEEKLY, WEEKLY_GRADING), (), (action,))


def symptom_signal(case: CalfCase) -> Signal:
    symptoms = case.symptoms
    if symptoms.next_morning is None and symptoms.during is None:
        return no_data(
            Phrase(
                "{field} and {other} (0–10)",
                field="symptoms.calf_tightness.next_morning",
                other=".during",
            )
        )
    points = 0.0
    evidence = []
    if symptoms.next_morning is not None:
        evidence.append(
            EvidenceItem(
                Phrase("tightness next morning"),
                symptoms.next_morning,
                "/10",
                date=symptoms.next_morning_date,
            )
        )
        if symptoms.next_morning > 0:
            points += 15.0
    if symptoms.during is not None:
        evidence.append(
            EvidenceItem(
                Phrase("tightness during runs"),
                symptoms.during,
                "/10",
                date=symptoms.during_date,
            )
        )
        if symptoms.during > DURING_TOO_MUCH_ABOVE:
            points += 10.0
    actions: tuple[Action, ...] = ()
    if points:
        actions = (
            Action(
                "adjust_load",
                Phrase(
                    "Adjust the load: keep calf pain during runs at 5/10 or less (0–3 is safe) "
                    "and make sure it settles by the next morning; if not, shorten or ease the "
                    "next runs."
                ),
                citations=(PAIN_RULES,),
            ),
        )
    return Signal(points, tuple(evidence), (PAIN_RULES,), (), actions)


def capacity_finding(case: CalfCase, *, today: date) -> Finding:
    return finding(
        "capacity_vs_load",
        (
            heel_raise_signal(case),
            spike_signal(case, today),
            weekly_signal(case, today),
            symptom_signal(case),
        ),
    )
