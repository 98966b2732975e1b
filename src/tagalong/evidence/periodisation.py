"""Evidence entries: periodisation (see shared/science.md sections 9 and 10)."""

from tagalong.evidence.model import Evidence, Strength
from tagalong.wording import Phrase

_V = Strength.VERIFIED
_S = Strength.SECONDARY

ENTRIES: tuple[Evidence, ...] = (
    Evidence(
        id="periodisation.vdot.daniels_gilbert",
        statement=Phrase(
            "VO2(v) = −4.60 + 0.182258·v + 0.000104·v² (v in m/min); share of VO2max held for "
            "t min = 0.8 + 0.1894393·e^(−0.012778·t) + 0.2989558·e^(−0.1932605·t); "
            "VDOT = VO2 ÷ share; inverse v = 29.54 + 5.000663·VO2 − 0.007546·VO2²."
        ),
        source="Daniels J, Gilbert J. Oxygen Power (1979); Daniels' Running Formula, 3rd ed.",
        strength=_V,
    ),
    Evidence(
        id="periodisation.zones.daniels",
        statement=Phrase(
            "Daniels' training paces match these shares of VDOT fed into the velocity formula: "
            "E 63–73 %, T 88 %, I 97–98 %, R about 104–107 %; M is the predicted marathon pace. "
            "Checked against the 3rd edition's tables 5.1–5.2."
        ),
        source="Daniels' Running Formula, 3rd ed. (2014), tables 5.1–5.2",
        strength=_V,
    ),
    Evidence(
        id="periodisation.zones.hr_equivalents",
        statement=Phrase(
            "Heart-rate equivalents of Daniels' zones: E 65–79 % HRmax, M 80–89 %, T 88–92 %."
        ),
        source="Summaries of Daniels' Running Formula",
        strength=_S,
    ),
    Evidence(
        id="periodisation.session_caps.daniels",
        statement=Phrase(
            "Long run at most 25–30 % of weekly volume and 150 min; threshold at most 10 % of "
            "weekly volume; intervals at most 8 % or 10 km; repetitions at most 5 % or 8 km."
        ),
        source="Daniels' Running Formula (secondary summaries)",
        strength=_S,
        expert_target=True,
    ),
    Evidence(
        id="periodisation.riegel_1981",
        statement=Phrase("T2 = T1·(D2/D1)^1.06, fair for efforts of about 3.5–230 min."),
        source="Riegel PS. Athletic records and human endurance. American Scientist 1981;69:285",
        strength=_S,
    ),
    Evidence(
        id="periodisation.intensity.seiler",
        statement=Phrase(
            "Endurance athletes do about 75–80 % of training at low intensity (Seiler & Kjerland "
            "2006: 75/8/17 % by HR zone); elites do at least 80 % below lactate threshold."
        ),
        source="Seiler & Kjerland, SJMSS 2006;16:49–56; Seiler & Tønnessen 2009",
        strength=_V,
    ),
    Evidence(
        id="periodisation.plan.easy_share",
        statement=Phrase("Plan rule: at least 80 % of each week's running time is easy."),
        source="Tagalong's evidence summary, after Seiler 2006/2009",
        strength=_S,
        expert_target=True,
    ),
    Evidence(
        id="periodisation.plan.long_run_share",
        statement=Phrase(
            "Plan rule: the long run is at most 150 min unless the coach raises the cap; its "
            "share of the week is guidance that grows as run days fall (about 25–30 % at 6+ "
            "days, up to about half at 3–4 days, as novice programmes do), not a limit."
        ),
        source="Daniels' session caps; Hal Higdon's Novice 1 marathon programme",
        strength=_S,
        expert_target=True,
    ),
    Evidence(
        id="periodisation.taper.bosquet_2007",
        statement=Phrase(
            "A 2-week taper cutting volume by 41–60 %, exponentially, while keeping intensity "
            "and frequency, gives the best performance (ES 0.72 for the volume cut)."
        ),
        source="Bosquet L et al. MSSE 2007;39:1358–1365; Wang 2023 PLoS One",
        strength=_V,
    ),
    Evidence(
        id="periodisation.deload.convention",
        statement=Phrase(
            "A lighter week at −20 to −30 % every 3rd–4th week is convention; no running RCT "
            "(strength athletes deload about 6.4 days every 5.8 weeks, Bell 2023)."
        ),
        source="Coaching convention; Bell 2023 deload consensus",
        strength=_S,
        expert_target=True,
    ),
    Evidence(
        id="periodisation.weekly_progression.nielsen_2014",
        statement=Phrase(
            "Weekly distance rises of more than 30 % over 2 weeks went with more distance-related "
            "injuries (HR 1.59) in novices; no benefit shown for the 10 % rule (Buist 2008)."
        ),
        source="Nielsen RO et al. JOSPT 2014;44:739–747; Buist 2008 AJSM 36:33–39",
        strength=_V,
    ),
    Evidence(
        id="periodisation.couch_to_5k.nhs",
        statement=Phrase(
            "NHS Couch to 5K: 9 weeks, 3 runs a week with rest days between, 5-min brisk-walk "
            "warm-up; week 1 = 60 s run / 90 s walk for 20 min; week 9 = 30 min continuous."
        ),
        source="NHS Couch to 5K programme",
        strength=_V,
    ),
    Evidence(
        id="periodisation.postnatal.goom_2019",
        statement=Phrase(
            "2019 guideline: no running before 3 months (12 weeks) postnatal or while pelvic-floor "
            "symptoms persist; first pass the return tests (walk 30 min, balance, single-leg "
            "squat, jog, bounds, hops, running man; 20 reps of single-leg calf raise, bridge, "
            "sit-to-stand and side-lying abduction)."
        ),
        source="Goom, Donnelly & Brockwell 2019 (ACPSEM-endorsed); BJSM 2020 summary",
        strength=_V,
    ),
    Evidence(
        id="periodisation.postnatal.delphi_2024",
        statement=Phrase(
            "Delphi consensus: individualised return to running after at least 3 weeks of rest "
            "and recovery, using walk–run protocols; a coach may override the 12-week block."
        ),
        source="Christopher SM et al. BJSM 2024;58:299–312",
        strength=_V,
    ),
    Evidence(
        id="periodisation.plan.calf_strength_frequency",
        statement=Phrase(
            "Plan rule: calf strength 2–3 times a week, never the day before a hard run, "
            "progressing along the loading ladder from the step the tests place the athlete on."
        ),
        source=(
            "Tagalong's evidence summary (calf ladder); Beyer 2015 (3×/week); plyometrics 2×/week"
        ),
        strength=_S,
        expert_target=True,
    ),
    Evidence(
        id="periodisation.plan.posterior_chain",
        statement=Phrase(
            "Plan rule: a single-leg bridge below 20 reps, a side-to-side difference above 10 %, "
            "or a side plank below the age/sex mean adds hip, glute and hamstring work."
        ),
        source="Freckleton 2014 BJSM 48:713; McGill 1999 norms; Tagalong's evidence summary",
        strength=_S,
        expert_target=True,
    ),
    Evidence(
        id="periodisation.plan.cadence_step",
        statement=Phrase(
            "Plan rule: when technique is a likely or possible cause, add a +5 % step-rate block "
            "with a metronome at easy pace (+5 % lowered Achilles stress and strain)."
        ),
        source="Heiderscheit 2011 MSSE 43:296; Lyght 2016 J Appl Biomech 32:365",
        strength=_V,
    ),
    Evidence(
        id="periodisation.plan.mobility_optional",
        statement=Phrase(
            "Plan rule: stretching for a knee-to-wall below 10 cm or 2 cm asymmetry; foam rolling "
            "only as optional comfort, 30–120 s per muscle, never instead of loading."
        ),
        source="Hoch & McKeon 2011; Wiewelhove 2019; Konrad 2022",
        strength=_S,
        expert_target=True,
    ),
    Evidence(
        id="periodisation.plan.rest_day",
        statement=Phrase("Plan rule: at least one day a week without running or strength work."),
        source="Coaching convention",
        strength=_S,
        expert_target=True,
    ),
    Evidence(
        id="periodisation.novice_marathon.higdon",
        statement=Phrase(
            "Hal Higdon's Novice 1 marathon: 18 weeks on 4 days a week from 24–40 km a week; the "
            "long run builds from 10 km to 32 km by week 15 with a step-back every third week, "
            "then a 3-week taper; at the peak the long run is about half the week's distance; "
            "walk breaks are allowed in training and racing."
        ),
        source="Higdon, Novice 1 marathon programme (the programme's own text)",
        strength=_V,
    ),
    Evidence(
        id="periodisation.plan.phases",
        statement=Phrase(
            "Plan rule: base (easy volume, strides and hills), build (threshold and intervals), "
            "peak (race-specific sessions, longest long runs) and taper, with a lighter week "
            "every fourth week; the long run grows every loading week to what the goal needs "
            "(about 30 km marathon, 18 km half, 12 km 10K) within the spike rule and the "
            "runner's minutes."
        ),
        source="Daniels' Running Formula; Hal Higdon's marathon programmes",
        strength=_S,
        expert_target=True,
    ),
    Evidence(
        id="periodisation.plan.intake",
        statement=Phrase(
            "Plan rule: a partial intake still gets a plan; each missing field is named with the "
            "value assumed (e.g. walk–run start without current running, ladder step 1 without "
            "a heel-raise test)."
        ),
        source="Product rule (issue 10)",
        strength=_S,
        expert_target=True,
    ),
)
