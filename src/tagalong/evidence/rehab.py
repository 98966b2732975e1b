"""Evidence entries: calf and Achilles rehab (shared/science.md section 7).

The plan generator and the exercise library cite these ids; keep them stable.
"""

from tagalong.evidence.model import Evidence, Strength
from tagalong.wording import Phrase

ALFREDSON_1998 = Evidence(
    id="rehab.alfredson_1998",
    statement=Phrase(
        "Eccentric-only calf training for mid-portion Achilles tendinopathy: 3x15 knee straight "
        "plus 3x15 knee bent, twice daily, 7 days a week for 12 weeks (180 reps a day). Pain "
        "during the exercise is accepted; load is added in a backpack once it is pain-free. "
        "All 15 patients returned to running."
    ),
    source="Alfredson H et al. 1998, Am J Sports Med 26:360-366",
    strength=Strength.VERIFIED,
)

ALFREDSON_LOAD_PROGRESSION = Evidence(
    id="rehab.alfredson.load_progression",
    statement=Phrase(
        "One published version of the eccentric programme adds about 5 kg a week in a backpack, "
        "up to 60 kg, once the body-weight drops are pain-free."
    ),
    source="Practice convention quoted by clinic pages (Tagalong's evidence summary)",
    strength=Strength.SECONDARY,
    expert_target=True,
)

FAHLSTROM_2003 = Evidence(
    id="rehab.alfredson.fahlstrom_2003",
    statement=Phrase(
        "The Alfredson eccentric programme succeeded in 89% of mid-portion but only 32% of "
        "insertional Achilles tendinopathy."
    ),
    source="Fahlström M et al. 2003, Knee Surg Sports Traumatol Arthrosc 11:327-333",
    strength=Strength.VERIFIED,
)

SILBERNAGEL_2007 = Evidence(
    id="rehab.pain_monitoring.silbernagel_2007",
    statement=Phrase(
        "Running and jumping under a pain-monitoring model did as well as active rest "
        "(RCT, n = 38; VISA-A 57 to 85 vs 57 to 91). Pain up to 5/10 during activity is "
        "allowed (0-3 safe, 4-5 acceptable, above 5 too much); it must settle by the next "
        "morning and must not worsen from week to week."
    ),
    source="Silbernagel KG et al. 2007, Am J Sports Med 35:897-906",
    strength=Strength.VERIFIED,
)

BEYER_2015 = Evidence(
    id="rehab.hsr.beyer_2015",
    statement=Phrase(
        "Heavy slow resistance: 3 sessions a week for 12 weeks of seated bent-knee machine "
        "raises, straight-knee leg-press raises and standing barbell raises on a step; 3 s up, "
        "3 s down; 2-3 min rest between sets and 5 min between exercises. Week 1 3x15RM, "
        "weeks 2-3 3x12RM, weeks 4-5 4x10RM, weeks 9-12 4x6RM. Discomfort is acceptable; more "
        "pain afterwards means regress. Outcomes equal to eccentric training with higher "
        "satisfaction."
    ),
    source="Beyer R et al. 2015, Am J Sports Med 43:1704-1711",
    strength=Strength.VERIFIED,
)

HSR_WEEKS_6_8 = Evidence(
    id="rehab.hsr.weeks_6_8",
    statement=Phrase("Heavy slow resistance weeks 6-8 are loaded at 4x8RM."),
    source=(
        "Secondary sources and the parent protocol (Kongsgaard M et al. 2009); not read in "
        "Beyer 2015 itself"
    ),
    strength=Strength.SECONDARY,
)

ONEILL_2018 = Evidence(
    id="rehab.isometric.oneill_2018",
    statement=Phrase(
        "Isometric calf holds, 5x45 s at 70% of maximal contraction with the knee bent and 2 min "
        "rest, gave no acute pain relief in Achilles tendinopathy: use them as early loading, "
        "not as a painkiller."
    ),
    source="O'Neill S et al. 2018, Knee Surg Sports Traumatol Arthrosc",
    strength=Strength.VERIFIED,
)

GREEN_2022 = Evidence(
    id="rehab.return_to_run.green_2022",
    statement=Phrase(
        "Expert rules for running after a calf strain: no running on consecutive days at first; "
        "avoid early slow 'plodding', which is hard on the soleus; never raise volume and "
        "intensity together; run before strength work; avoid sudden changes of surface or shoes."
    ),
    source="Green B et al. 2022, Sports Med Open 8:10",
    strength=Strength.VERIFIED,
)

RETURN_TO_RUN_CRITERIA = Evidence(
    id="rehab.return_to_run.criteria",
    statement=Phrase(
        "To start jogging after a calf strain: pain-free walking, seated and standing calf "
        "strength within 10% of the other side, at least 25 single-leg heel raises with under "
        "10% asymmetry, heel-raise height within 10%, pain-free double-leg jumps. Before speed "
        "work: single-leg hop distance and reactive strength index within 10%."
    ),
    source="Practice criteria from clinic and secondary sources (Tagalong's evidence summary)",
    strength=Strength.SECONDARY,
    expert_target=True,
)

CALF_STRAIN_TIME_LOST = Evidence(
    id="rehab.calf_strain.time_lost",
    statement=Phrase("Soleus strains cost on average 25.1 days, gastrocnemius strains 7.7 days."),
    source=(
        "Tagalong's evidence summary (calf-strain return to running); the original study is "
        "not named there"
    ),
    strength=Strength.VERIFIED,
)

POSTNATAL_GOOM_2019 = Evidence(
    id="rehab.return_to_run.postnatal_goom_2019",
    statement=Phrase(
        "Strength thresholds before returning to running after childbirth: 20 reps each of "
        "single-leg calf raise, single-leg bridge, single-leg sit-to-stand and side-lying hip "
        "abduction."
    ),
    source="Goom T, Donnelly G, Brockwell E 2019, Returning to running postnatal guidelines",
    strength=Strength.VERIFIED,
    expert_target=True,
)

PROGRESSION_LADDER = Evidence(
    id="rehab.progression_ladder",
    statement=Phrase(
        "Calf loading ladder, each step gated by pain monitoring and a limb symmetry index of at "
        "least 90%: (1) isometric holds 5x30-45 s daily; (2) double-leg raises 3x15-20; "
        "(3) single-leg raises 3x15 building to 25+; (4) single-leg raises off a step, full "
        "range; (5) weighted straight- and bent-knee raises, heavy slow resistance 15RM to 6RM "
        "3x a week; (6) heavy seated soleus raises toward 1.5-2x body weight; (7) eccentric "
        "emphasis (Alfredson volume if tendinopathy); (8) pogos 3x20, double- then single-leg; "
        "(9) hops 2x a week on non-consecutive days; (10) walk-run."
    ),
    source="Synthesis of Alfredson 1998, Silbernagel 2007, Beyer 2015, O'Neill 2018, Green 2022",
    strength=Strength.SECONDARY,
    expert_target=True,
)

HOPS_FREQUENCY = Evidence(
    id="rehab.plyometric.frequency",
    statement=Phrase("Hopping and pogo work: 2 sessions a week on non-consecutive days."),
    source="Practice convention (Tagalong's evidence summary, progression ladder)",
    strength=Strength.SECONDARY,
    expert_target=True,
)

STRENGTH_DOSAGE_ACSM = Evidence(
    id="rehab.strength.acsm_2009",
    statement=Phrase(
        "General resistance training for novice to intermediate adults: 1-3 sets of 8-12 "
        "repetitions, 2-3 sessions a week, progressing load when the top of the range is easy."
    ),
    source=(
        "American College of Sports Medicine 2009 position stand, Progression models in "
        "resistance training for healthy adults, Med Sci Sports Exerc 41:687-708 (recalled)"
    ),
    strength=Strength.RECALLED,
)

STATIC_STRETCH_BANDY_1997 = Evidence(
    id="rehab.stretch.bandy_1997",
    statement=Phrase(
        "A 30 s static stretch once a day improved hamstring flexibility as much as 60 s or "
        "three repetitions a day."
    ),
    source="Bandy WD, Irion JM, Briggler M 1997, Phys Ther 77:1090-1096 (recalled)",
    strength=Strength.RECALLED,
)

PAIN_MONITORING_ADAPTATION = Evidence(
    id="rehab.pain_monitoring.plan_adaptation",
    statement=Phrase(
        "Plan rule built on the pain-monitoring model, per calf and 0-10 score: pain above 5/10 "
        "during or after running is too much; pain not back in the safe zone (0-3/10) by the "
        "next morning has not settled; the worst score of the last 7 days above the worst of "
        "the 7 days before, and above 3/10, is worse than last week. Any of these steps calf "
        "loading back one step of the ladder and cuts the runs of the next 7 days by 30 %, "
        "hard sessions run easy. Calf tightness is shown but does not trigger the model."
    ),
    source=(
        "Silbernagel 2007 (pain thresholds); size of the cut from the lighter-week "
        "convention of -20 to -30 %"
    ),
    strength=Strength.SECONDARY,
    expert_target=True,
)

RETEST_STEP_FORWARD = Evidence(
    id="rehab.progression.retest_step",
    statement=Phrase(
        "Plan rule: calf loading moves one ladder step forward when a heel-raise retest of the "
        "last 14 days, on the same protocol as the test before, improves the weaker side by 7 "
        "or more reps (beyond the test's error), "
        "limb symmetry is at least 90 % and calf pain stayed at or below 3/10 for the last "
        "7 days; the step never passes what the test supports (25 single-leg raises before "
        "the loaded steps)."
    ),
    source=(
        "Hébert-Losier 2017 retest error (7 reps); the 90 % symmetry target; "
        "the calf progression ladder; Silbernagel 2007 (safe zone 0-3)"
    ),
    strength=Strength.SECONDARY,
    expert_target=True,
)

ENTRIES: tuple[Evidence, ...] = (
    PAIN_MONITORING_ADAPTATION,
    RETEST_STEP_FORWARD,
    ALFREDSON_1998,
    ALFREDSON_LOAD_PROGRESSION,
    FAHLSTROM_2003,
    SILBERNAGEL_2007,
    BEYER_2015,
    HSR_WEEKS_6_8,
    ONEILL_2018,
    GREEN_2022,
    RETURN_TO_RUN_CRITERIA,
    CALF_STRAIN_TIME_LOST,
    POSTNATAL_GOOM_2019,
    PROGRESSION_LADDER,
    HOPS_FREQUENCY,
    STRENGTH_DOSAGE_ACSM,
    STATIC_STRETCH_BANDY_1997,
)
