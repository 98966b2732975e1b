"""Evidence entries: load (see shared/science.md sections 3 and 4)."""

from tagalong.evidence.model import Evidence, Strength
from tagalong.wording import Phrase

ENTRIES: tuple[Evidence, ...] = (
    Evidence(
        id="load.srpe.foster_2001",
        statement=Phrase(
            "Session load (arbitrary units) = CR-10 session RPE, asked about 30 min after the "
            "session, × session minutes."
        ),
        source="Foster C et al. J Strength Cond Res 2001;15:109–115.",
        strength=Strength.VERIFIED,
    ),
    Evidence(
        id="load.trimp.banister",
        statement=Phrase(
            "Banister TRIMP = minutes × HRr × 0.64·e^(1.92·HRr) for men and × 0.86·e^(1.67·HRr) "
            "for women, HRr = (HR − HRrest) ÷ (HRmax − HRrest)."
        ),
        source="Banister EW 1991, in MacDougall et al., Physiological Testing of the "
        "High-Performance Athlete (secondary sources).",
        strength=Strength.SECONDARY,
    ),
    Evidence(
        id="load.rtss.trainingpeaks",
        statement=Phrase(
            "Running TSS = hours × IF² × 100 with IF = normalised graded pace ÷ threshold pace, "
            "both expressed as speeds; threshold pace is the pace sustainable for about 60 min."
        ),
        source="TrainingPeaks help centre: 'Running Training Stress Score (rTSS) explained'.",
        strength=Strength.VERIFIED,
    ),
    Evidence(
        id="load.grade_cost.minetti_2002",
        statement=Phrase(
            "Energy cost of running on a gradient i (J/kg/m) = 155.4i⁵ − 30.4i⁴ − 43.3i³ + 46.3i² "
            "+ 19.5i + 3.6, valid for gradients −0.45 to +0.45; used to grade-adjust speed."
        ),
        source="Minetti AE et al. J Appl Physiol 2002;93:1039–1046 (recalled, not re-checked).",
        strength=Strength.RECALLED,
    ),
    Evidence(
        id="load.pmc.trainingpeaks",
        statement=Phrase(
            "Fitness CTL_t = CTL_t−1 + (day t's load − CTL_t−1)/42; fatigue ATL uses 7; form TSB = "
            "CTL − ATL (λ = 1/τ, not 2/(N+1))."
        ),
        source="TrainingPeaks Performance Management Chart documentation.",
        strength=Strength.VERIFIED,
    ),
    Evidence(
        id="load.ewma.williams_2017",
        statement=Phrase(
            "EWMA_today = λ·today's load + (1 − λ)·EWMA_yesterday with λ = 2/(N+1), N = 7 days "
            "(acute) and 28 days (chronic)."
        ),
        source="Williams S et al. Br J Sports Med 2017;51:209–210.",
        strength=Strength.VERIFIED,
    ),
    Evidence(
        id="load.acwr.uncoupled_lolli_2019",
        statement=Phrase(
            "Coupling the acute week into the chronic load creates a spurious correlation of about "
            "0.50 between the two; compute the chronic load without the acute window."
        ),
        source="Lolli L et al. Br J Sports Med 2019;53:921–922.",
        strength=Strength.VERIFIED,
    ),
    Evidence(
        id="load.acwr.danger_gabbett_2016",
        statement=Phrase(
            "ACWR 0.8–1.3 was the 'sweet spot' and ≥ 1.5 the 'danger zone' in team sports; shown "
            "for information only, warning above 1.5, never the only reason to cut training."
        ),
        source="Gabbett TJ. Br J Sports Med 2016;50:273–280.",
        strength=Strength.VERIFIED,
    ),
    Evidence(
        id="load.acwr.critique_impellizzeri_2020",
        statement=Phrase(
            "The ACWR has conceptual pitfalls and no causal basis; in runners it showed a negative "
            "dose-response (Frandsen 2025)."
        ),
        source="Impellizzeri FM et al. Int J Sports Physiol Perform 2020;15(6):907–913.",
        strength=Strength.VERIFIED,
    ),
    Evidence(
        id="load.weekly_distance.nielsen_2014",
        statement=Phrase(
            "Novices increasing weekly distance by more than 30 % over 2 weeks, compared with "
            "under 10 %, had HR 1.59 (95 % CI 0.96–2.66) for distance-related injuries; soft "
            "flag when weekly distance is more than 30 % above the mean of the last 2 weeks."
        ),
        source="Nielsen RO et al. J Orthop Sports Phys Ther 2014;44:739–747.",
        strength=Strength.VERIFIED,
    ),
    Evidence(
        id="load.single_run_spike.frandsen_2025",
        statement=Phrase(
            "A single run longer than the longest run of the previous 30 days raised injury "
            "hazard: by 10–30 % HR 1.64, by 30–100 % HR 1.52, by more than 100 % HR 2.28. Flag "
            "amber above 10 % and red above 100 %."
        ),
        source="Frandsen JSB et al. Br J Sports Med 2025;59:1203–1210 (5,205 runners).",
        strength=Strength.VERIFIED,
    ),
    Evidence(
        id="load.single_run_spike.plan_response",
        statement=Phrase(
            "Plan rule: each run of the next 30 days is capped at 110 % of the longest run of "
            "the 30 days before it, counting the runs actually done and the planned runs "
            "before it. For 7 days after a logged run more than 10 % longer than the longest "
            "of its previous 30 days, no run is longer than that previous longest; after a "
            "spike of more than 100 % those runs are also easy."
        ),
        source=(
            "Frandsen JSB et al. Br J Sports Med 2025;59:1203–1210 (thresholds); the 7-day "
            "hold is a practice convention"
        ),
        strength=Strength.SECONDARY,
        expert_target=True,
    ),
    Evidence(
        id="load.cadence_by_speed.van_oeveren_2017",
        statement=Phrase(
            "Novice runners' cadence was 154, 158 and 160 steps/min at 2.4, 2.6 and 2.9 m/s: "
            "judge cadence at a given speed, never against a fixed 180."
        ),
        source="van Oeveren BT et al. PLoS One 2017;12:e0184273.",
        strength=Strength.VERIFIED,
    ),
    Evidence(
        id="load.foot_strike.runscribe_scale",
        statement=Phrase(
            "RunScribe foot-strike type: 1–5 rearfoot, 6–10 midfoot, 11–16 forefoot (78 % "
            "agreement with motion capture)."
        ),
        source="DeJong AF, Hertel J. J Athl Train 2020;55(12):1307–1313.",
        strength=Strength.VERIFIED,
    ),
    Evidence(
        id="load.weekly_grading.expert_target",
        statement=Phrase(
            "Ranking weight for a weekly jump, graded by how far past the 30 % threshold: 15 "
            "points just past it, rising linearly to 25 for a week twice the mean of the two "
            "before (and beyond)."
        ),
        source=(
            "Reading of the source's five causes (signals far past their threshold weigh more); "
            "threshold from Nielsen RO et al. JOSPT 2014;44:739–747"
        ),
        strength=Strength.SECONDARY,
        expert_target=True,
    ),
)
