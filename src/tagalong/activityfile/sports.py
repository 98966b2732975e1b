"""Which activities are runs, whatever the file or form called them.

Every place that counts runs (weekly kilometres, the long-run check, the calf check, the load
series' running distance, pages that show pace and steps) asks here, so a trail run, a
treadmill run, a track session or a virtual run counts as a run everywhere.

* FIT keeps ``sport = running`` and says the kind in ``sub_sport`` (``trail``, ``treadmill``,
  ``track``, ``street``, ``virtual_activity``, ``indoor_running``); a file that writes
  ``sport = generic`` with a treadmill or indoor-running sub-sport is a run as well.
* TCX ``Sport`` is ``Running``, ``Biking`` or ``Other``; GPX ``<type>`` is free text
  ("TrailRun", "trail_running", "VirtualRun", "treadmill", Strava's number 9): any label
  naming a run, a jog or a treadmill is a run.
* Older rows and forms store ``trail_running``, ``treadmill_running`` and the like as the sport.
"""

from __future__ import annotations

from tagalong.wording import Phrase

RUN_SPORTS = frozenset(
    {
        "running",
        "run",
        "trail_running",
        "treadmill_running",
        "track_running",
        "indoor_running",
        "virtual_running",
        "street_running",
    }
)

# FIT sub-sports that make a ``generic`` session a run (a treadmill has no other use).
RUN_SUB_SPORTS_OF_GENERIC = frozenset({"treadmill", "indoor_running"})


def is_run_sport(sport: str | None) -> bool:
    """Whether a stored or decoded sport name is a run."""
    return sport in RUN_SPORTS


def fit_sport(sport: str | None, sub_sport: str | None) -> str | None:
    """A FIT session's sport in our names: a generic treadmill session is a run."""
    if sport in (None, "generic") and sub_sport in RUN_SUB_SPORTS_OF_GENERIC:
        return "running"
    return sport


# What a page calls each sport key (``activities.display.sport_name`` picks one).
SPORT_NAMES: dict[str, Phrase] = {
    "running": Phrase("Run"),
    "trail_running": Phrase("Trail run"),
    "treadmill_running": Phrase("Treadmill run"),
    "track_running": Phrase("Track run"),
    "cycling": Phrase("Ride"),
    "e_biking": Phrase("E-bike ride"),
    "mountain_biking": Phrase("Mountain-bike ride"),
    "road_biking": Phrase("Road ride"),
    "gravel_cycling": Phrase("Gravel ride"),
    "walking": Phrase("Walk"),
    "hiking": Phrase("Hike"),
    "swimming": Phrase("Swim"),
    "lap_swimming": Phrase("Pool swim"),
    "open_water": Phrase("Open-water swim"),
    "training": Phrase("Training"),
    "fitness_equipment": Phrase("Gym session"),
    "generic": Phrase("Activity"),
}
