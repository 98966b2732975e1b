"""Maximal heart rate, Karvonen targets and five training zones.

Zone bounds are half-open in bpm: a heart rate belongs to a zone when ``low_bpm <= hr < high_bpm``;
``None`` means open-ended. Friel publishes whole percentages (Z2 85–89 %), so each published range
is read as running up to the next whole percentage (Z2 = 85 % to just under 90 %).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from tagalong.wording import Phrase

ZoneBasis = Literal["measured_lthr", "measured_hr_max", "estimated_tanaka"]

ESTIMATED_NOTE = Phrase("estimated ±10 bpm")  # hr.hr_max.estimate_error_robergs_2002

# hr.zones.friel_lthr_run: lower bounds in % of LTHR.
FRIEL_RUN_BOUNDS_PCT = (85.0, 90.0, 95.0, 100.0)
FRIEL_RUN_Z5_SPLIT_PCT = (103.0, 107.0)  # Z5a 100–102, Z5b 103–106, Z5c > 106
# hr.zones.percent_hr_max_five_zone (recalled): lower bounds in % of HRmax.
HR_MAX_BOUNDS_PCT = (50.0, 60.0, 70.0, 80.0, 90.0)


@dataclass(frozen=True, slots=True)
class HeartRateZone:
    name: str
    low_bpm: float | None
    high_bpm: float | None

    def contains(self, hr_bpm: float) -> bool:
        above_low = self.low_bpm is None or hr_bpm >= self.low_bpm
        below_high = self.high_bpm is None or hr_bpm < self.high_bpm
        return above_low and below_high


@dataclass(frozen=True, slots=True)
class HeartRateZones:
    zones: tuple[HeartRateZone, ...]
    basis: ZoneBasis
    estimated: bool
    note: str | None
    evidence_ids: tuple[str, ...]

    def zone(self, name: str) -> HeartRateZone:
        for zone in self.zones:
            if zone.name == name:
                return zone
        raise KeyError(f"no heart-rate zone named {name!r}")


def _check_age(age_years: float) -> None:
    if not 5 <= age_years <= 110:
        raise ValueError(f"age_years must be between 5 and 110, got {age_years}")


def _check_positive_bpm(name: str, value: float) -> None:
    if not 20 <= value <= 250:
        raise ValueError(f"{name} must be a heart rate between 20 and 250 bpm, got {value}")


def hr_max_tanaka(age_years: float) -> float:
    """HRmax = 208 − 0.7·age (hr.hr_max.tanaka_2001)."""
    _check_age(age_years)
    return 208.0 - 0.7 * age_years


def hr_max_gellish(age_years: float) -> float:
    """HRmax = 206.9 − 0.67·age, the ACSM alternative (hr.hr_max.gellish_2007)."""
    _check_age(age_years)
    return 206.9 - 0.67 * age_years


def karvonen_target(*, hr_rest: float, hr_max: float, intensity: float) -> float:
    """Target HR at ``intensity`` (0–1) of heart-rate reserve (hr.karvonen)."""
    _check_positive_bpm("hr_rest", hr_rest)
    _check_positive_bpm("hr_max", hr_max)
    if hr_rest >= hr_max:
        raise ValueError(f"hr_rest ({hr_rest}) must be below hr_max ({hr_max})")
    if not 0.0 <= intensity <= 1.0:
        raise ValueError(f"intensity must be a fraction between 0 and 1, got {intensity}")
    return hr_rest + intensity * (hr_max - hr_rest)


def _zones_from_bounds(
    names: tuple[str, ...], bounds_bpm: tuple[float, ...]
) -> tuple[HeartRateZone, ...]:
    lows: list[float | None] = [None, *bounds_bpm]
    highs: list[float | None] = [*bounds_bpm, None]
    return tuple(HeartRateZone(n, lo, hi) for n, lo, hi in zip(names, lows, highs, strict=True))


def friel_lthr_zones(lthr_bpm: float, *, split_z5: bool = False) -> HeartRateZones:
    """Friel run zones from a measured lactate-threshold heart rate (hr.zones.friel_lthr_run)."""
    _check_positive_bpm("lthr_bpm", lthr_bpm)
    percents = FRIEL_RUN_BOUNDS_PCT + (FRIEL_RUN_Z5_SPLIT_PCT if split_z5 else ())
    names = ("Z1", "Z2", "Z3", "Z4") + (("Z5a", "Z5b", "Z5c") if split_z5 else ("Z5",))
    bounds = tuple(lthr_bpm * p / 100.0 for p in percents)
    return HeartRateZones(
        zones=_zones_from_bounds(names, bounds),
        basis="measured_lthr",
        estimated=False,
        note=None,
        evidence_ids=("hr.zones.friel_lthr_run",),
    )


def hr_max_zones(hr_max_bpm: float, *, estimated: bool = False) -> HeartRateZones:
    """Five zones as % of HRmax, the fallback when no LTHR is known."""
    _check_positive_bpm("hr_max_bpm", hr_max_bpm)
    bounds = tuple(hr_max_bpm * p / 100.0 for p in HR_MAX_BOUNDS_PCT[1:])
    evidence: tuple[str, ...] = ("hr.zones.percent_hr_max_five_zone",)
    if estimated:
        evidence += ("hr.hr_max.tanaka_2001", "hr.hr_max.estimate_error_robergs_2002")
    return HeartRateZones(
        zones=_zones_from_bounds(("Z1", "Z2", "Z3", "Z4", "Z5"), bounds),
        basis="estimated_tanaka" if estimated else "measured_hr_max",
        estimated=estimated,
        note=ESTIMATED_NOTE if estimated else None,
        evidence_ids=evidence,
    )


def heart_rate_zones(
    *,
    lthr_bpm: float | None = None,
    measured_hr_max_bpm: float | None = None,
    age_years: float | None = None,
    split_z5: bool = False,
) -> HeartRateZones:
    """Zones from the best available input: measured LTHR, then measured HRmax, then Tanaka."""
    if lthr_bpm is not None:
        return friel_lthr_zones(lthr_bpm, split_z5=split_z5)
    if measured_hr_max_bpm is not None:
        return hr_max_zones(measured_hr_max_bpm)
    if age_years is not None:
        return hr_max_zones(hr_max_tanaka(age_years), estimated=True)
    raise ValueError("heart-rate zones need lthr_bpm, measured_hr_max_bpm or age_years")


def zone_for(hr_bpm: float, zones: HeartRateZones) -> HeartRateZone | None:
    """The zone holding ``hr_bpm``; None for a missing (NaN) or sub-zone reading."""
    if hr_bpm != hr_bpm:  # NaN
        return None
    for zone in zones.zones:
        if zone.contains(hr_bpm):
            return zone
    return None
