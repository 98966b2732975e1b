"""Cause 5: shoes past their mileage, or a new pair not yet phased in (weak evidence)."""

from __future__ import annotations

from datetime import date

from tagalong.calfcheck.model import Action, CalfCase, EvidenceItem, Finding, Shoe
from tagalong.calfcheck.signals import Signal, finding, no_data
from tagalong.calfcheck.words import DAYS_IN_USE
from tagalong.wording import Phrase

REPLACE = "shoes.replace_km.expert_target"
ROTATION = "shoes.rotation.malisoux_2015"
PHASE_IN = "shoes.phase_in.expert_target"
NO_SUDDEN_CHANGE = "rehab.return_to_run.green_2022"

DEFAULT_RETIRE_KM = 800.0  # REPLACE: strong nudge
NUDGE_KM = 500.0  # REPLACE: soft nudge, scaled to each pair's retire_km
SHOES_CAP = 75.0  # weak evidence: shoes alone never score higher than this
PHASE_IN_DAYS = 28  # PHASE_IN: a pair first run in less than 4 weeks ago is still being phased in
NEW_PAIR_POINTS = 30.0  # ranking weight: a recent change alone makes shoes "possible"


def wear(shoe: Shoe) -> float:
    return shoe.km / shoe.retire_km


def wear_points(ratio: float) -> float:
    """Continuous and non-decreasing in the km run, with steps at the nudge and at retirement."""
    soft = NUDGE_KM / DEFAULT_RETIRE_KM
    if ratio < soft:
        return 20.0 * ratio
    if ratio < 1.0:
        return 35.0 + 20.0 * (ratio - soft) / (1.0 - soft)
    return 60.0 + min(10.0, 20.0 * (ratio - 1.0))


def days_in_use(shoe: Shoe, today: date) -> int | None:
    """Days since the first run in the pair; None when unknown or after ``today``."""
    if shoe.first_used is None or shoe.first_used > today:
        return None
    return (today - shoe.first_used).days


def is_new_pair(shoe: Shoe, today: date) -> bool:
    days = days_in_use(shoe, today)
    return days is not None and days < PHASE_IN_DAYS


def wear_signal(case: CalfCase) -> Signal:
    worn = max(case.shoes, key=wear)
    evidence = tuple(
        EvidenceItem(
            Phrase("shoe: {name}", name=s.name),
            s.km,
            "km",
            date=s.first_used,
            note=Phrase("retire at {km:g} km, first run on this date", km=s.retire_km)
            if s.first_used
            else Phrase("retire at {km:g} km", km=s.retire_km),
        )
        for s in case.shoes
    )
    actions: list[Action] = []
    if wear(worn) >= NUDGE_KM / DEFAULT_RETIRE_KM:
        actions.append(
            Action(
                "shoes",
                Phrase(
                    "Replace or rotate shoes: {name} has {km:g} km (retire at {retire:g} km). "
                    "The evidence is weak: check comfort and wear; phase in a pair with a "
                    "different drop or stack over 2–4 weeks.",
                    name=worn.name,
                    km=worn.km,
                    retire=worn.retire_km,
                ),
                citations=(REPLACE, PHASE_IN),
            )
        )
    return Signal(wear_points(wear(worn)), evidence, (REPLACE,), (), tuple(actions))


def rotation_signal(case: CalfCase) -> Signal:
    if len(case.shoes) != 1:
        return Signal(citations=(ROTATION,))
    action = Action(
        "shoes",
        Phrase("Rotate two or more pairs: runners who did had a 39 % lower injury risk."),
        citations=(ROTATION,),
    )
    return Signal(5.0, (), (ROTATION,), (), (action,))


def change_signal(case: CalfCase, today: date) -> Signal:
    """A pair first run in less than 4 weeks ago: a sudden change of shoe loads the calf anew."""
    if all(s.first_used is None for s in case.shoes):
        missing = Phrase(
            "{field} (the date of the first run in each pair)", field="shoes[].first_used"
        )
        return Signal(missing=(missing,))
    new = sorted(
        (s for s in case.shoes if is_new_pair(s, today)), key=lambda s: s.first_used or today
    )
    if not new:
        return Signal(citations=(PHASE_IN,))
    newest = new[-1]
    days = days_in_use(newest, today)
    item = EvidenceItem(
        Phrase("new pair: {name}", name=newest.name),
        days,
        DAYS_IN_USE,
        date=newest.first_used,
        note=Phrase("phase a new pair in over 2–4 weeks"),
    )
    action = Action(
        "shoes",
        Phrase(
            "Phase in {name}: alternate with a pair you know and build its share over 2–4 "
            "weeks, more slowly if its drop or stack differs. Avoid sudden changes of shoe.",
            name=newest.name,
        ),
        citations=(PHASE_IN, NO_SUDDEN_CHANGE),
    )
    return Signal(NEW_PAIR_POINTS, (item,), (PHASE_IN, NO_SUDDEN_CHANGE), (), (action,))


def shoes_finding(case: CalfCase, *, today: date) -> Finding:
    if not case.shoes:
        signals: tuple[Signal, ...] = (
            no_data(
                Phrase("{field} (name, km and retire_km of each pair you run in)", field="shoes")
            ),
        )
    else:
        signals = (wear_signal(case), rotation_signal(case), change_signal(case, today))
    return finding("shoes", signals, cap=SHOES_CAP)
