"""Cause 3: tension in the calf itself, the kind rolling can ease (for comfort only)."""

from __future__ import annotations

from tagalong.assessment import heel_raise_norm
from tagalong.assessment.hret import RETURN_TO_RUN_REPS
from tagalong.assessment.knee_to_wall import (
    ASYMMETRY_FLAG_CM,
    DEGREES,
    DEGREES_PER_CM,
    FLAG,
    FLAG_BELOW_CM,
    NORM,
    NORM_MEAN_CM,
    NORM_SD_CM,
)
from tagalong.calfcheck.capacity import LADDER, left_right
from tagalong.calfcheck.model import Action, CalfCase, EvidenceItem, Finding
from tagalong.calfcheck.signals import Signal, finding, no_data
from tagalong.calfcheck.words import REPS
from tagalong.wording import Phrase

ROLLING_DOSE = "rolling.dose.review_2022"
ROLLING_NO_ROM = "rolling.no_dorsiflexion.konrad_2022"
ROLLING_EFFECTS = "rolling.effects.wiewelhove_2019"

ROLLING = Action(
    "rolling",
    Phrase(
        "Optional: roll the calves for comfort after runs. It does not improve ankle range, so "
        "never use it in place of the loading work."
    ),
    exercise="foam-roll-calf",
    dosage=Phrase("1–3 sets of 30–120 s per muscle"),
    citations=(ROLLING_DOSE, ROLLING_EFFECTS, ROLLING_NO_ROM),
)
RANGE_WORK = (
    Action(
        "mobility",
        Phrase(
            "For calf range, load through full range: single-leg heel raises off a step, "
            "full range."
        ),
        exercise="single-leg-heel-raise-off-step",
        dosage=Phrase("3×15 per side"),
        citations=(LADDER, ROLLING_NO_ROM),
    ),
    Action(
        "mobility",
        Phrase("Stretch the calves with the knee straight and bent (gastrocnemius and soleus)."),
        exercise="calf-stretch-straight-knee",
        citations=(ROLLING_NO_ROM,),
    ),
)


def symptom_pattern_signal(case: CalfCase) -> Signal:
    """Tightness after runs that has eased by the next morning points at soft tissue."""
    after, next_morning = case.symptoms.after, case.symptoms.next_morning
    if after is None:
        return no_data(Phrase("{field} (0–10)", field="symptoms.calf_tightness.after"))
    evidence = [
        EvidenceItem(Phrase("tightness after runs"), after, "/10", date=case.symptoms.after_date)
    ]
    if after <= 0:
        return Signal(0.0, tuple(evidence))
    if next_morning is None:
        missing = Phrase("{field} (0–10)", field="symptoms.calf_tightness.next_morning")
        return Signal(15.0, tuple(evidence), (), (missing,))
    if next_morning > 0:
        return Signal(5.0, tuple(evidence))
    evidence.append(
        EvidenceItem(
            Phrase("tightness next morning"),
            0,
            "/10",
            date=case.symptoms.next_morning_date,
            note=Phrase("eases overnight"),
        )
    )
    return Signal(30.0, tuple(evidence), (ROLLING_EFFECTS,), (), (ROLLING,))


def knee_to_wall_signal(case: CalfCase) -> Signal:
    ktw = case.tests.knee_to_wall_cm
    if ktw is None:
        return no_data(
            Phrase("{field} (knee-to-wall distance, each side)", field="tests.knee_to_wall_cm")
        )
    points = 0.0
    evidence = [
        EvidenceItem(
            Phrase("knee-to-wall (left/right)"),
            left_right(ktw),
            "cm",
            note=Phrase(
                "≈ {left:.0f}°/{right:.0f}°; norm {mean:.1f} ± {sd:.1f} cm",
                left=ktw.left * DEGREES_PER_CM,
                right=ktw.right * DEGREES_PER_CM,
                mean=NORM_MEAN_CM,
                sd=NORM_SD_CM,
            ),
        )
    ]
    if ktw.weaker < FLAG_BELOW_CM:
        points += 25.0
    if abs(ktw.left - ktw.right) > ASYMMETRY_FLAG_CM:
        points += 15.0
    return Signal(points, tuple(evidence), (NORM, FLAG, DEGREES), (), RANGE_WORK if points else ())


def capacity_normal_signal(case: CalfCase) -> Signal:
    """Normal heel-raise capacity makes tension, rather than weakness, the better explanation."""
    reps = case.tests.heel_raise_reps
    if reps is None:
        missing = Phrase("{field} (to rule out weak calves)", field="tests.heel_raise_reps")
        return Signal(missing=(missing,), has_data=False)
    athlete = case.athlete
    normal = reps.weaker >= RETURN_TO_RUN_REPS
    if athlete.age is not None and athlete.sex is not None:
        normal = normal and reps.weaker >= heel_raise_norm(age=athlete.age, sex=athlete.sex).value
    note = (
        Phrase("normal calf capacity") if normal else Phrase("calf capacity below target or norm")
    )
    item = EvidenceItem(Phrase("weaker-side heel raises"), reps.weaker, REPS, note=note)
    return Signal(20.0 if normal else 0.0, (item,), (), (), (), has_data=False)


def soft_tissue_finding(case: CalfCase) -> Finding:
    return finding(
        "soft_tissue",
        (symptom_pattern_signal(case), knee_to_wall_signal(case), capacity_normal_signal(case)),
    )
