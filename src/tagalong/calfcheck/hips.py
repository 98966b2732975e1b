"""Cause 2: weak glutes and hamstrings leaving the calves to do more (a hypothesis)."""

from __future__ import annotations

from tagalong.assessment import limb_symmetry_index, side_plank_norm
from tagalong.assessment.bridge import BANDS as BRIDGE_BANDS
from tagalong.assessment.bridge import POOR_BELOW_REPS
from tagalong.assessment.plank import NORM as PLANK_NORM
from tagalong.assessment.plank import TARGET as PLANK_TARGET
from tagalong.assessment.plank import TARGET_S
from tagalong.assessment.symmetry import LSI_THRESHOLD
from tagalong.calfcheck.capacity import left_right
from tagalong.calfcheck.model import Action, CalfCase, EvidenceItem, Finding
from tagalong.calfcheck.signals import Signal, finding, no_data
from tagalong.calfcheck.words import REPS
from tagalong.wording import Phrase

HYPOTHESIS = "hips.calf_link.franettovich_smith_2014"
HYPOTHESIS_NOTE = Phrase(
    "hypothesis: weaker hips may shift work to the calves (Franettovich Smith 2014); "
    "not a stand-alone predictor of calf injury"
)


def bridge_signal(case: CalfCase) -> Signal:
    reps = case.tests.single_leg_bridge_reps
    if reps is None:
        return no_data(
            Phrase(
                "{field} (single-leg hamstring bridge, each side)",
                field="tests.single_leg_bridge_reps",
            )
        )
    points = 0.0
    evidence = [
        EvidenceItem(
            Phrase("single-leg bridge (left/right)"),
            left_right(reps),
            REPS,
            note=HYPOTHESIS_NOTE,
        )
    ]
    if reps.weaker < POOR_BELOW_REPS:
        points += 30.0
    lsi = limb_symmetry_index(reps.left, reps.right)
    if lsi is not None:
        evidence.append(EvidenceItem(Phrase("bridge side difference (LSI)"), round(lsi, 1), "%"))
        if lsi < 90.0:
            points += 20.0
    actions: tuple[Action, ...] = ()
    if points:
        actions = (
            Action(
                "strength",
                Phrase("Add posterior-chain capacity work: single-leg hamstring bridges."),
                exercise="single-leg-bridge",
                dosage=Phrase("sets to near failure, building towards 25+ reps per side"),
                citations=(BRIDGE_BANDS,),
            ),
        )
    return Signal(points, tuple(evidence), (BRIDGE_BANDS, LSI_THRESHOLD, HYPOTHESIS), (), actions)


def side_plank_signal(case: CalfCase) -> Signal:
    seconds = case.tests.side_plank_s
    if seconds is None:
        return no_data(Phrase("{field} (side plank hold, each side)", field="tests.side_plank_s"))
    evidence = [EvidenceItem(Phrase("side plank (left/right)"), left_right(seconds), "s")]
    athlete = case.athlete
    norm = None
    missing: tuple[str, ...] = ()
    if athlete.age is not None and athlete.sex is not None:
        norm = side_plank_norm(age=athlete.age, sex=athlete.sex)
    else:
        missing = (
            Phrase(
                "{age} and {sex} (for the side-plank norm)", age="athlete.age", sex="athlete.sex"
            ),
        )
    points = 0.0
    if norm is not None:
        evidence.append(
            EvidenceItem(Phrase("side-plank age/sex norm"), norm.value, "s", note=Phrase("norm"))
        )
    if norm is not None and seconds.weaker < norm.value:
        points = 25.0
    elif seconds.weaker < TARGET_S:
        points = 10.0
    actions: tuple[Action, ...] = ()
    if points:
        actions = (
            Action(
                "strength",
                Phrase("Build lateral hip endurance with side planks."),
                exercise="side-plank",
                dosage=Phrase("build towards a 60 s hold per side (expert target)"),
                citations=(PLANK_TARGET,),
            ),
        )
    return Signal(points, tuple(evidence), (PLANK_NORM, PLANK_TARGET, HYPOTHESIS), missing, actions)


def hip_finding(case: CalfCase) -> Finding:
    return finding("hip_glute_hamstring", (bridge_signal(case), side_plank_signal(case)))
