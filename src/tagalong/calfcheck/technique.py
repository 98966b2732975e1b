"""Cause 4: technique — cadence low for the speed, or a forefoot strike high on the toes."""

from __future__ import annotations

from tagalong.calfcheck.cadence import BY_SPEED, NO_FIXED_180, plus_five_percent, reference_cadence
from tagalong.calfcheck.model import Action, CalfCase, EvidenceItem, Finding
from tagalong.calfcheck.signals import Signal, finding, no_data

PLUS_5 = "cadence.plus_5pct.heiderscheit_2011"
ACHILLES_CADENCE = "cadence.achilles.lyght_2016"
CALF_FORCES_CADENCE = "cadence.calf_forces.lenhart_2014"
FOREFOOT_LOAD = "foot_strike.achilles_load.almonroeder_2013"
FOREFOOT_STRAIN = "foot_strike.achilles_strain.lyght_2016"
FOREFOOT_FORCES = "foot_strike.calf_forces.vannatta_2015"
HEEL_TOUCH = "foot_strike.heel_touch.expert_target"

POINTS_PER_SPM_BELOW = 4.0  # ranking weight, not evidence
MAX_CADENCE_POINTS = 40.0


def cadence_signal(case: CalfCase) -> Signal:
    cadence, speed = case.technique.cadence_spm, case.technique.speed_m_s
    if cadence is None or speed is None:
        return no_data("technique.cadence_spm with technique.speed_m_s (same easy run)")
    reference = reference_cadence(speed)
    if reference is None:
        return no_data("technique.cadence_spm at an easy speed between 1.9 and 3.4 m/s")
    below = reference - cadence
    points = min(MAX_CADENCE_POINTS, max(0.0, below * POINTS_PER_SPM_BELOW))
    item = EvidenceItem(
        f"cadence at {round(speed, 2):g} m/s",
        cadence,
        "spm",
        date=case.technique.cadence_date,
        note=f"novices choose about {reference:.0f} spm at this speed; never aim at a fixed 180",
    )
    actions: tuple[Action, ...] = ()
    if below > 0 or case.symptoms.calf_complains:
        target = plus_five_percent(cadence)
        actions = (
            Action(
                "cadence",
                f"+5 % cadence at easy pace with a metronome: {cadence:.0f} → {target} spm "
                "(+10 % at most, judged at the same pace).",
                exercise="metronome-cadence-run",
                dosage=f"{target} spm on easy runs",
                citations=(PLUS_5, ACHILLES_CADENCE, CALF_FORCES_CADENCE),
            ),
        )
    citations = (BY_SPEED, NO_FIXED_180, PLUS_5, ACHILLES_CADENCE)
    return Signal(points, (item,), citations, (), actions)


def foot_strike_signal(case: CalfCase) -> Signal:
    strike = case.technique.foot_strike
    if strike == "unknown":
        return no_data("technique.foot_strike (forefoot, midfoot or rearfoot)")
    complains = case.symptoms.calf_complains
    points = {"forefoot": 35.0 if complains else 20.0, "midfoot": 10.0 if complains else 0.0}
    item = EvidenceItem("foot strike", strike, None, date=case.technique.foot_strike_date)
    if strike != "forefoot":
        return Signal(points.get(strike, 0.0), (item,), (FOREFOOT_LOAD,))
    action = Action(
        "foot_strike",
        "On longer runs let the heel touch down shortly after the ball of the foot; do not force "
        "a forefoot strike. If you keep it, cut volume for a while and add calf strength work.",
        citations=(HEEL_TOUCH, FOREFOOT_LOAD, FOREFOOT_STRAIN),
    )
    citations = (FOREFOOT_LOAD, FOREFOOT_STRAIN, FOREFOOT_FORCES, HEEL_TOUCH)
    return Signal(points["forefoot"], (item,), citations, (), (action,))


def technique_finding(case: CalfCase) -> Finding:
    return finding("technique", (cadence_signal(case), foot_strike_signal(case)))
