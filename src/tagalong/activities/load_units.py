"""The unit of each load measure, in a runner's words, wherever a load figure is shown.

Fitness, fatigue and form are 42- and 7-day averages of the daily load, so they carry its unit:
"114" from effort ratings is not TrainingPeaks' TSS-based CTL and must not read as one.
"""

from __future__ import annotations

from dataclasses import dataclass

from tagalong.wording import Phrase

UNITS = {
    "srpe": Phrase("effort points (effort rating × minutes)"),
    "trimp": Phrase("TRIMP points (heart rate × minutes)"),
    "rtss": Phrase("rTSS points (pace against threshold pace)"),
    "duration": Phrase("minutes of activity"),
}
SHORT = {
    "srpe": Phrase("effort pts"),
    "trimp": Phrase("TRIMP"),
    "rtss": Phrase("rTSS"),
    "duration": Phrase("min"),
}


def not_tss(unit: Phrase) -> Phrase:
    return Phrase(
        "Fitness, fatigue and form here are averages of {unit}, not TrainingPeaks' TSS: compare "
        "them only with this page, not with CTL figures from TrainingPeaks or similar tools.",
        unit=unit,
    )


@dataclass(frozen=True, slots=True)
class LoadUnit:
    measure: str
    long: Phrase
    short: Phrase
    comparison: Phrase | None  # what the figures are not, when they could be mistaken for TSS


def load_unit(measure: str | None) -> LoadUnit:
    key = measure if measure in UNITS else "duration"
    comparison = None if key == "rtss" else not_tss(UNITS[key])
    return LoadUnit(key, UNITS[key], SHORT[key], comparison)
