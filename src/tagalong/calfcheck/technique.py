"""Cause 4: technique — cadence low for the speed, or a forefoot strike high on the toes."""

from __future__ import annotations

from tagalong.calfcheck.cadence import BY_SPEED, NO_FIXED_180, plus_five_percent, reference_cadence
from tagalong.calfcheck.model import Action, CalfCase, EvidenceItem, Finding
from tagalong.calfcheck.signals import Signal, finding, no_data
from tagalong.calfcheck.words import FOOT_STRIKE_WORDS, SPM
from tagalong.wording import Phrase

PLUS_5 = "cadence.plus_5pct.heiderscheit_2011"
ACHILLES_CADENCE = "cadence.achilles.lyght_2016"
CALF_FORCES_CADENCE = "cadence.calf_forces.lenhart_2014"
FOREFOOT_LOAD = "foot_strike.achilles_load.almonroeder_2013"
FOREFOOT_STRAIN = "foot_strike.achilles_strain.lyght_2016"
FOREFOOT_FORCES = "foot_strike.calf_forces.vannatta_2015"
HEEL_TOUCH = "foot_strike.heel_touch.expert_target"

CADENCE_GRADING = "cadence.shortfall_grading.expert_target"

# Ranking weights (CADENCE_GRADING), graded by the shortfall as a share of the reference: up to
# the +5 % step of PLUS_5 the cadence is "a little low"; past it, low cadence alone is likely.
CLEARLY_LOW_ABOVE_PCT = 5.0
POINTS_PER_PCT_A_LITTLE_LOW = 8.0  # 40 points (possible) at 5 % below
CLEARLY_LOW_POINTS = 60.0  # likely on its own, whatever the foot strike
POINTS_PER_PCT_CLEARLY_LOW = 3.0
TECHNIQUE_CAP = 75.0  # cadence and foot strike together never outrank a clear capacity finding


def cadence_points(shortfall_pct: float) -> float:
    """Non-decreasing in the shortfall; 0 at or above the reference."""
    if shortfall_pct <= 0:
        return 0.0
    if shortfall_pct <= CLEARLY_LOW_ABOVE_PCT:
        return POINTS_PER_PCT_A_LITTLE_LOW * shortfall_pct
    extra = shortfall_pct - CLEARLY_LOW_ABOVE_PCT
    return min(TECHNIQUE_CAP, CLEARLY_LOW_POINTS + POINTS_PER_PCT_CLEARLY_LOW * extra)


def cadence_signal(case: CalfCase) -> Signal:
    cadence, speed = case.technique.cadence_spm, case.technique.speed_m_s
    if cadence is None or speed is None:
        return no_data(
            Phrase(
                "{field} with {other} (same easy run)",
                field="technique.cadence_spm",
                other="technique.speed_m_s",
            )
        )
    reference = reference_cadence(speed)
    if reference is None:
        return no_data(
            Phrase(
                "{field} at an easy speed between {low:g} and {high:g} m/s",
                field="technique.cadence_spm",
                low=1.9,
                high=3.4,
            )
        )
    below = reference - cadence
    shortfall_pct = round(below / reference * 100.0, 9)
    points = cadence_points(shortfall_pct)
    item = EvidenceItem(
        Phrase("cadence at {speed:g} m/s", speed=round(speed, 2)),
        cadence,
        SPM,
        date=case.technique.cadence_date,
        note=_cadence_note(below, reference),
    )
    actions: tuple[Action, ...] = ()
    if below > 0 or case.symptoms.calf_complains:
        target = plus_five_percent(cadence)
        actions = (
            Action(
                "cadence",
                Phrase(
                    "+5 % cadence at easy pace with a metronome: {cadence:.0f} → {target} spm "
                    "(+10 % at most, judged at the same pace).",
                    cadence=cadence,
                    target=target,
                ),
                exercise="metronome-cadence-run",
                dosage=Phrase("{target} spm on easy runs", target=target),
                citations=(PLUS_5, ACHILLES_CADENCE, CALF_FORCES_CADENCE),
            ),
        )
    citations: tuple[str, ...] = (BY_SPEED, NO_FIXED_180, PLUS_5, ACHILLES_CADENCE)
    if points:
        citations = (*citations, CADENCE_GRADING)
    return Signal(points, (item,), citations, (), actions)


def _cadence_note(below: float, reference: float) -> Phrase:
    if below > 0:
        return Phrase(
            "{below:.0f} spm under the {reference:.0f} spm novices choose at this speed; "
            "never aim at a fixed 180",
            below=below,
            reference=reference,
        )
    return Phrase(
        "novices choose about {reference:.0f} spm at this speed; never aim at a fixed 180",
        reference=reference,
    )


def foot_strike_signal(case: CalfCase) -> Signal:
    strike = case.technique.foot_strike
    if strike == "unknown":
        return no_data(
            Phrase("{field} (forefoot, midfoot or rearfoot)", field="technique.foot_strike")
        )
    complains = case.symptoms.calf_complains
    points = {"forefoot": 35.0 if complains else 20.0, "midfoot": 10.0 if complains else 0.0}
    item = EvidenceItem(
        Phrase("foot strike"),
        FOOT_STRIKE_WORDS[strike],
        None,
        date=case.technique.foot_strike_date,
    )
    if strike != "forefoot":
        return Signal(points.get(strike, 0.0), (item,), (FOREFOOT_LOAD,))
    action = Action(
        "foot_strike",
        Phrase(
            "On longer runs let the heel touch down shortly after the ball of the foot; do not "
            "force a forefoot strike. If you keep it, cut volume for a while and add calf "
            "strength work."
        ),
        citations=(HEEL_TOUCH, FOREFOOT_LOAD, FOREFOOT_STRAIN),
    )
    citations = (FOREFOOT_LOAD, FOREFOOT_STRAIN, FOREFOOT_FORCES, HEEL_TOUCH)
    return Signal(points["forefoot"], (item,), citations, (), (action,))


def technique_finding(case: CalfCase) -> Finding:
    return finding("technique", (cadence_signal(case), foot_strike_signal(case)), cap=TECHNIQUE_CAP)
