"""The reasons the plan gives for its sessions, each with its evidence ids."""

from __future__ import annotations

from tagalong.plangen.model import Reason
from tagalong.plangen.steps import Workout, describe
from tagalong.wording import Phrase

EASY_WHY = Reason(
    Phrase("Easy, conversational running: at least 80 % of each week's running is easy."),
    ("periodisation.plan.easy_share", "periodisation.intensity.seiler"),
)
SPIKE_WHY = Reason(
    Phrase("No run is more than 10 % longer than your longest run of the previous 30 days."),
    ("load.single_run_spike.frandsen_2025",),
)
LONG_WHY = Reason(
    Phrase(
        "Long run: it grows each loading week towards what the race needs, within 150 minutes "
        "(or your coach's cap); with few run days it is a bigger share of the week, as in novice "
        "programmes."
    ),
    (
        "periodisation.plan.long_run_share",
        "periodisation.session_caps.daniels",
        "periodisation.novice_marathon.higdon",
    ),
)
STRIDES_WHY = Reason(
    Phrase(
        "Strides: six relaxed 20-second pick-ups at the end of an easy run, for form and economy."
    ),
    ("periodisation.zones.daniels", "periodisation.plan.phases"),
)
WALK_BREAK_WHY = Reason(
    Phrase(
        "Finish goal with walk breaks: 1 minute walking every 9 minutes on the long run and in "
        "the race, as run–walk programmes allow."
    ),
    ("periodisation.novice_marathon.higdon",),
)
TEMPO_WHY = Reason(
    Phrase("Threshold running at Daniels T pace; the hard block stays within 10 % of the week."),
    ("periodisation.zones.daniels", "periodisation.session_caps.daniels"),
)
INTERVAL_WHY = Reason(
    Phrase("Intervals at Daniels I pace; the hard block stays within 8 % of the week."),
    ("periodisation.zones.daniels", "periodisation.session_caps.daniels"),
)
WALK_RUN_WHY = Reason(
    Phrase("Walk–run, never on consecutive days at first; do it before any strength work."),
    ("periodisation.couch_to_5k.nhs", "rehab.return_to_run.green_2022"),
)
POSTNATAL_WHY = Reason(
    Phrase(
        "Postnatal return: running only from 12 weeks postnatal (2019 guideline) and after the "
        "return tests, walk–run first."
    ),
    ("periodisation.postnatal.goom_2019", "periodisation.postnatal.delphi_2024"),
)
DELOAD_WHY = Reason(
    Phrase("Lighter week: the previous week's runs at about 75 %."),
    ("periodisation.deload.convention",),
)
TAPER_WHY = Reason(
    Phrase("Taper: volume cut by about half over two weeks, intensity and frequency kept."),
    ("periodisation.taper.bosquet_2007",),
)
RACE_WHY = Reason(
    Phrase("Race day; the predicted time comes from your VDOT."),
    ("periodisation.vdot.daniels_gilbert",),
)
STRENGTH_WHY = Reason(
    Phrase(
        "Calf strength 2–3 times a week, never the day before a hard run; move up a step when "
        "pain stays at or below 3/10 and settles by the next morning."
    ),
    ("periodisation.plan.calf_strength_frequency", "rehab.pain_monitoring.silbernagel_2007"),
)
HIP_WHY = Reason(
    Phrase("Hip, glute and hamstring work: your bridge or side-plank test was low or uneven."),
    ("periodisation.plan.posterior_chain",),
)
MOBILITY_WHY = Reason(
    Phrase("Optional mobility; rolling is for comfort only and never replaces loading."),
    ("periodisation.plan.mobility_optional", "rolling.no_dorsiflexion.konrad_2022"),
)
REST_WHY = Reason(Phrase("Rest day."), ("periodisation.plan.rest_day",))
RETURN_GATE_WHY = Reason(
    Phrase(
        "Running starts once you manage 25 single-leg heel raises each side with a limb "
        "symmetry index of at least 90 %; until then, calf loading and walking or cycling. "
        "Re-test and re-plan."
    ),
    ("rehab.return_to_run.criteria",),
)
POSTNATAL_GATE_WHY = Reason(
    Phrase(
        "No running yet: the 2019 guideline waits until 12 weeks postnatal and until the return "
        "tests pass (20 single-leg calf raises and bridges each side, plus the impact tests)."
    ),
    ("periodisation.postnatal.goom_2019", "periodisation.postnatal.delphi_2024"),
)


def steps_why(workout: Workout, evidence: tuple[str, ...]) -> Reason:
    """A run's first reason: its steps, as the runner follows them."""
    return Reason(Phrase("{steps}.", steps=describe(workout)), evidence)
