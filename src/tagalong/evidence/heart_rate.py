"""Evidence entries: heart_rate (see shared/science.md section 10)."""

from tagalong.evidence.model import Evidence, Strength
from tagalong.wording import Phrase

ENTRIES: tuple[Evidence, ...] = (
    Evidence(
        id="hr.hr_max.tanaka_2001",
        statement=Phrase(
            "Age-predicted maximal heart rate = 208 − 0.7 × age (meta-analysis of 351 studies, "
            "18,712 people; laboratory confirmation 209 − 0.7 × age in 514 people)."
        ),
        source="Tanaka H, Monahan KD, Seals DR. J Am Coll Cardiol 2001;37:153–156.",
        strength=Strength.VERIFIED,
    ),
    Evidence(
        id="hr.hr_max.gellish_2007",
        statement=Phrase(
            "Alternative age-predicted maximal heart rate used by ACSM: 206.9 − 0.67 × age."
        ),
        source="Gellish RL et al. Med Sci Sports Exerc 2007;39:822–829 (ACSM guidelines).",
        strength=Strength.VERIFIED,
    ),
    Evidence(
        id="hr.hr_max.estimate_error_robergs_2002",
        statement=Phrase(
            "Age formulas for maximal heart rate carry an error of 7–11 bpm, so zones built on an "
            "estimate are shown as 'estimated ±10 bpm' and a measured value is preferred."
        ),
        source="Robergs RA, Landwehr R. J Exerc Physiol Online 2002;5(2):1–10.",
        strength=Strength.VERIFIED,
    ),
    Evidence(
        id="hr.hr_max.female_marathoners_nikolaidis_2018",
        statement=Phrase(
            "In female marathon runners Tanaka's formula overestimates HRmax by about 5 bpm."
        ),
        source="Nikolaidis PT et al. Front Physiol 2018;9:226.",
        strength=Strength.VERIFIED,
    ),
    Evidence(
        id="hr.karvonen",
        statement=Phrase(
            "Karvonen target heart rate = HRrest + intensity × (HRmax − HRrest); ACSM range "
            "40–85 % of heart-rate reserve."
        ),
        source="Karvonen MJ et al. Ann Med Exp Biol Fenn 1957;35:307–315; ACSM guidelines.",
        strength=Strength.VERIFIED,
    ),
    Evidence(
        id="hr.zones.friel_lthr_run",
        statement=Phrase(
            "Friel run zones by % of lactate-threshold heart rate: Z1 < 85, Z2 85–89, Z3 90–94, "
            "Z4 95–99, Z5a 100–102, Z5b 103–106, Z5c > 106. LTHR = average HR over the last "
            "20 min of a 30-min solo time trial."
        ),
        source="Friel J. TrainingPeaks: 'Joe Friel's quick guide to setting zones'.",
        strength=Strength.VERIFIED,
    ),
    Evidence(
        id="hr.zones.percent_hr_max_five_zone",
        statement=Phrase(
            "Five zones at 50–60, 60–70, 70–80, 80–90 and 90–100 % of HRmax (the common "
            "watch default), used only when no LTHR is known."
        ),
        source="Edwards S. The Heart Rate Monitor Book, 1993 (recalled, not re-checked).",
        strength=Strength.RECALLED,
    ),
)
