"""Evidence entries: calf capacity testing (see shared/science.md sections 1 and 7).

Ids are stable: code cites them by string.
"""

from tagalong.evidence.model import Evidence, Strength
from tagalong.wording import Phrase

_HL2017 = (
    "Hébert-Losier K et al. 2017, Physiotherapy 103(4):446–452, doi 10.1016/j.physio.2017.03.002"
)

ENTRIES: tuple[Evidence, ...] = (
    Evidence(
        id="hret.protocol.hebert_losier_2017",
        statement=Phrase(
            "Single-leg heel-raise endurance: 10° incline, knee straight, fingertips on the wall, "
            "60 bpm metronome (30 reps/min); stop when the heel cannot lift or pace or posture "
            "is lost."
        ),
        source=_HL2017,
        strength=Strength.VERIFIED,
    ),
    Evidence(
        id="hret.norm.hebert_losier_2017",
        statement=Phrase(
            "Age/sex median and 2.5th-centile lower limit of heel-raise reps "
            "(n = 566, aged 20–81), "
            "from the paper's quantile-regression models; interpolate between decades."
        ),
        source=_HL2017 + " (values via a reproduction of the quantile-regression models)",
        strength=Strength.VERIFIED,
    ),
    Evidence(
        id="hret.retest_error.hebert_losier_2017",
        statement=Phrase(
            "Between-day 95% limits of agreement ±6.2 reps: a retest change of 7 reps or more "
            "is real, smaller changes are noise."
        ),
        source=_HL2017,
        strength=Strength.VERIFIED,
    ),
    Evidence(
        id="hret.return_to_run.expert_target",
        statement=Phrase(
            "Return to running: 25 or more single-leg heel raises per side with under 10% "
            "asymmetry (practice criterion; Lunsford & Perry 1995 is the usual source of "
            "'25 reps = normal')."
        ),
        source="Calf-strain return-to-run practice criteria; Lunsford & Perry 1995, "
        "Phys Ther 75(8):694–698",
        strength=Strength.SECONDARY,
        expert_target=True,
    ),
    Evidence(
        id="lsi.formula.silbernagel_2010",
        statement=Phrase("Limb symmetry index = involved ÷ uninvolved × 100."),
        source="Silbernagel KG et al. 2010, KSSTA 18:258–264",
        strength=Strength.VERIFIED,
    ),
    Evidence(
        id="lsi.threshold_90.expert_target",
        statement=Phrase(
            "LSI below 90% blocks progression; a convention borrowed from ACL return-to-sport "
            "work, written as 'within 10%' in calf-strain criteria."
        ),
        source="ACL return-to-sport convention; calf-strain return-to-run criteria",
        strength=Strength.SECONDARY,
        expert_target=True,
    ),
    Evidence(
        id="soleus.protocol.lee_2023",
        statement=Phrase(
            "Seated isometric soleus test: knee 90–110°, ankle in maximal dorsiflexion, 30 kg "
            "pre-tension, three 3–4 s maximal efforts; result as × body weight."
        ),
        source="Lee 2023 protocol (secondary sources)",
        strength=Strength.SECONDARY,
    ),
    Evidence(
        id="soleus.bands.expert_target",
        statement=Phrase(
            "Seated isometric soleus force below 1.5 × BW = low, 1.5–1.7 = developing, "
            "1.7–2.0 = target for endurance runners."
        ),
        source="Clinician targets for endurance runners (secondary sources)",
        strength=Strength.SECONDARY,
        expert_target=True,
    ),
    Evidence(
        id="ktw.degrees_per_cm.bennell_1998",
        statement=Phrase("Knee-to-wall: 1 cm of distance ≈ 3.6° of ankle dorsiflexion."),
        source="Bennell K et al. 1998 (via Physiopedia)",
        strength=Strength.VERIFIED,
    ),
    Evidence(
        id="ktw.norm.hoch_mckeon_2011",
        statement=Phrase(
            "Knee-to-wall norm 12.0 ± 2.8 cm; in 68% of healthy adults the side-to-side "
            "difference is ≤ 1.5 cm, some reach about 3 cm."
        ),
        source="Hoch MC & McKeon PO 2011, Man Ther 16:516–519",
        strength=Strength.VERIFIED,
    ),
    Evidence(
        id="ktw.flag.expert_target",
        statement=Phrase(
            "Flag a knee-to-wall distance below about 10 cm or an asymmetry above 2 cm."
        ),
        source="Practice convention (secondary sources)",
        strength=Strength.SECONDARY,
        expert_target=True,
    ),
    Evidence(
        id="ktw.retest_error.powden_2015",
        statement=Phrase(
            "Minimal detectable change 1.6 cm between testers, 1.9 cm within one tester: "
            "treat a change of 2 cm or more as real."
        ),
        source="Powden CJ et al. 2015, Man Ther 20:524–532",
        strength=Strength.VERIFIED,
    ),
    Evidence(
        id="hop.lsi.expert_target",
        statement=Phrase(
            "Before speed work: single-leg hop distance (and reactive strength) within 10% "
            "side to side."
        ),
        source="Calf-strain return-to-run practice criteria (secondary sources)",
        strength=Strength.SECONDARY,
        expert_target=True,
    ),
    Evidence(
        id="capacity.single_run_spike.frandsen_2025",
        statement=Phrase(
            "A single run longer than the longest run in the previous 30 days raised injury "
            "hazard: by 10–30% HR 1.64, by 30–100% HR 1.52, by more than 100% HR 2.28."
        ),
        source="Frandsen JSB et al. 2025, BJSM 59:1203–1210 (5,205 runners)",
        strength=Strength.VERIFIED,
    ),
    Evidence(
        id="capacity.spike_grading.expert_target",
        statement=Phrase(
            "Ranking weight for a single-run spike, graded by how far past the 10 % threshold: "
            "20 points just past it, rising linearly to 40 for a run twice as long as any in the "
            "previous 30 days, 60 for more than twice (HR 2.28): the load alone can then make "
            "'calves too weak for the load, or the load too much' likely."
        ),
        source=(
            "Reading of the source's five causes (each alternative alone is the cause when "
            "clearly present); thresholds from Frandsen JSB et al. 2025, BJSM 59:1203–1210"
        ),
        strength=Strength.SECONDARY,
        expert_target=True,
    ),
    Evidence(
        id="capacity.weak_calves_alone.expert_target",
        statement=Phrase(
            "Ranking weight: heel raises on the weaker side below the age/sex lower limit "
            "(2.5th centile) score 45 points, which with the 25-rep target missed makes weak "
            "calves likely on their own, without any load signal."
        ),
        source=(
            "Reading of the source's five causes (each alternative alone is the cause when "
            "clearly present); norm from Hébert-Losier K et al. 2017"
        ),
        strength=Strength.SECONDARY,
        expert_target=True,
    ),
)
