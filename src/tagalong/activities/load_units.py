"""The unit of each load measure, in a runner's words, wherever a load figure is shown.

Fitness, fatigue and form are 42- and 7-day averages of the daily load, so they carry its unit:
"114" from effort ratings is not TrainingPeaks' TSS-based CTL and must not read as one.
"""

from __future__ import annotations

from dataclasses import dataclass

UNITS = {
    "srpe": "effort points (effort rating × minutes)",
    "trimp": "TRIMP points (heart rate × minutes)",
    "rtss": "rTSS points (pace against threshold pace)",
    "duration": "minutes of activity",
}
SHORT = {"srpe": "effort pts", "trimp": "TRIMP", "rtss": "rTSS", "duration": "min"}
NOT_TSS = (
    "Fitness, fatigue and form here are averages of {unit}, not TrainingPeaks' TSS: compare them "
    "only with this page, not with CTL figures from TrainingPeaks or similar tools."
)


@dataclass(frozen=True, slots=True)
class LoadUnit:
    measure: str
    long: str
    short: str
    comparison: str | None  # what the figures are not, when they could be mistaken for TSS


def load_unit(measure: str | None) -> LoadUnit:
    key = measure if measure in UNITS else "duration"
    comparison = None if key == "rtss" else NOT_TSS.format(unit=UNITS[key])
    return LoadUnit(key, UNITS[key], SHORT[key], comparison)
