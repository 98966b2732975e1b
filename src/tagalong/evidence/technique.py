"""Evidence entries: running technique (see shared/science.md section 4).

Append new entries at the end of ENTRIES, one ``Evidence(...)`` per entry.
"""

from tagalong.evidence.model import Evidence, Strength
from tagalong.wording import Phrase

ENTRIES: tuple[Evidence, ...] = (
    Evidence(
        id="cadence.by_speed.van_oeveren_2017",
        statement=Phrase(
            "Novice runners chose 154, 158 and 160 steps/min at 2.4, 2.6 and 2.9 m/s; the "
            "heart-rate optimum was 166 steps/min."
        ),
        source="van Oeveren BT et al. 2017, PLoS One e0184273",
        strength=Strength.VERIFIED,
    ),
    Evidence(
        id="cadence.no_fixed_180.daniels",
        statement=Phrase(
            "Daniels' '180' was an observation of elites at race pace; never aim at a fixed 180, "
            "judge cadence at a fixed pace."
        ),
        source="Daniels J (secondary sources); elite 100 km runners 160–210 spm (Burns)",
        strength=Strength.SECONDARY,
    ),
    Evidence(
        id="cadence.plus_5pct.heiderscheit_2011",
        statement=Phrase(
            "+5% step rate cut knee energy absorption; +10% also cut hip absorption and hip "
            "adduction; suggest +5% first, +10% at most."
        ),
        source="Heiderscheit BC et al. 2011, MSSE 43:296–302",
        strength=Strength.VERIFIED,
    ),
    Evidence(
        id="cadence.achilles.lyght_2016",
        statement=Phrase(
            "+5% step frequency lowered peak Achilles stress and strain with rearfoot or "
            "forefoot strike."
        ),
        source="Lyght M et al. 2016, J Appl Biomech 32:365–372",
        strength=Strength.VERIFIED,
    ),
    Evidence(
        id="cadence.calf_forces.lenhart_2014",
        statement=Phrase(
            "+10% step rate lowered ankle-extensor and hip-abductor forces in midstance."
        ),
        source="Lenhart RL et al. 2014, MSSE 46:557–564",
        strength=Strength.VERIFIED,
    ),
    Evidence(
        id="foot_strike.achilles_load.almonroeder_2013",
        statement=Phrase(
            "Non-rearfoot strike raised Achilles loading rate 15% and impulse 11% per step "
            "(+47.7 BW per mile)."
        ),
        source="Almonroeder T et al. 2013, Ann Biomed Eng 41:1758–1766",
        strength=Strength.VERIFIED,
    ),
    Evidence(
        id="foot_strike.achilles_strain.lyght_2016",
        statement=Phrase(
            "Rearfoot strike gave less Achilles stress, strain and strain rate than "
            "forefoot strike."
        ),
        source="Lyght M et al. 2016, J Appl Biomech 32:365–372",
        strength=Strength.VERIFIED,
    ),
    Evidence(
        id="foot_strike.calf_forces.vannatta_2015",
        statement=Phrase("Forefoot strike raised gastrocnemius and soleus forces."),
        source="Vannatta CN & Kernozek TW 2015, MSSE 47:1001–1008",
        strength=Strength.VERIFIED,
    ),
    Evidence(
        id="foot_strike.heel_touch.expert_target",
        statement=Phrase(
            "Let the heel touch down just after the forefoot lands on longer runs; if the calf "
            "complains try a midfoot or rearfoot landing for a few weeks; do not switch to "
            "forefoot deliberately with a calf or Achilles history."
        ),
        source="Practitioner consensus; Daniels (secondary sources)",
        strength=Strength.SECONDARY,
        expert_target=True,
    ),
    Evidence(
        id="fit.cadence.steps_per_minute",
        statement=Phrase(
            "A FIT file's record cadence (field 4, 'rpm') plus its fractional cadence (field 53, "
            "scale 128) counts one foot: for running steps/min = 2 × (cadence + fraction), e.g. "
            "79 + 0.5 gives 159. A run whose cadence is below about 130 is per-leg and must be "
            "doubled."
        ),
        source="FIT SDK profile; GoldenCheetah issue #2060",
        strength=Strength.VERIFIED,
    ),
    Evidence(
        id="cadence.easy_band.own_runs",
        statement=Phrase(
            "Without a threshold pace, a runner's easy speed band is the 10th to 70th centile of "
            "their own running time by speed over their last 90 days of runs: endurance runners "
            "do about 75–80 % of their training at low intensity (Seiler), so the slower 70 % of "
            "running time is mostly easy; the slowest tenth (warm-ups, shuffles) is left out. "
            "With a threshold pace, Daniels' E range (63–73 % of VDOT) is used instead."
        ),
        source=(
            "Practice convention built on Seiler & Kjerland, SJMSS 2006;16:49–56 and Seiler & "
            "Tønnessen 2009 (Seiler); Daniels' Running Formula 3rd ed."
        ),
        strength=Strength.SECONDARY,
        expert_target=True,
    ),
    Evidence(
        id="cadence.shortfall_grading.expert_target",
        statement=Phrase(
            "Ranking weight for a cadence below what novices choose at that speed, graded by the "
            "shortfall as a share of it: 8 points per 1 % up to 5 % below (40 points), and more "
            "than 5 % below (past the +5 % step that changed joint loading) 60 points plus 3 per "
            "further 1 %: a clearly low cadence makes technique likely without a forefoot strike."
        ),
        source=(
            "Reading of the source's five causes (low cadence or an aggressive forefoot strike, "
            "each alone); van Oeveren BT et al. 2017; Heiderscheit BC et al. 2011"
        ),
        strength=Strength.SECONDARY,
        expert_target=True,
    ),
)
