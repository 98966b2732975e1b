"""Cause 5: shoes past their mileage (weak evidence: check comfort and wear)."""

from __future__ import annotations

from tagalong.calfcheck.model import Action, CalfCase, EvidenceItem, Finding, Shoe
from tagalong.calfcheck.signals import Signal, finding, no_data

REPLACE = "shoes.replace_km.expert_target"
ROTATION = "shoes.rotation.malisoux_2015"
PHASE_IN = "shoes.phase_in.expert_target"

DEFAULT_RETIRE_KM = 800.0  # REPLACE: strong nudge
NUDGE_KM = 500.0  # REPLACE: soft nudge, scaled to each pair's retire_km
SHOES_CAP = 75.0  # weak evidence: shoes alone never score higher than this


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


def shoes_signal(case: CalfCase) -> Signal:
    if not case.shoes:
        return no_data("shoes (name, km and retire_km of each pair you run in)")
    worn = max(case.shoes, key=wear)
    evidence = tuple(
        EvidenceItem(f"shoe: {s.name}", s.km, "km", note=f"retire at {s.retire_km:g} km")
        for s in case.shoes
    )
    points = wear_points(wear(worn))
    actions: list[Action] = []
    if wear(worn) >= NUDGE_KM / DEFAULT_RETIRE_KM:
        actions.append(
            Action(
                "shoes",
                f"Replace or rotate shoes: {worn.name} has {worn.km:g} km (retire at "
                f"{worn.retire_km:g} km). The evidence is weak: check comfort and wear; phase in "
                "a pair with a different drop or stack over 2–4 weeks.",
                citations=(REPLACE, PHASE_IN),
            )
        )
    if len(case.shoes) == 1:
        points += 5.0
        actions.append(
            Action(
                "shoes",
                "Rotate two or more pairs: runners who did had a 39 % lower injury risk.",
                citations=(ROTATION,),
            )
        )
    return Signal(points, evidence, (REPLACE, ROTATION), (), tuple(actions))


def shoes_finding(case: CalfCase) -> Finding:
    return finding("shoes", (shoes_signal(case),), cap=SHOES_CAP)
