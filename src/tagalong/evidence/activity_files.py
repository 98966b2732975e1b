"""How activity files are read: time definitions, device totals, units (docs/activity-times.md)."""

from __future__ import annotations

from tagalong.evidence.model import Evidence, Strength
from tagalong.wording import Phrase

ENTRIES = (
    Evidence(
        id="activityfile.times.definitions",
        statement=Phrase(
            "Elapsed time runs from start to finish, stops included. Moving time is how long the "
            "athlete was active: where the device paused its timer (auto-pause or the pause "
            "button), its timer time is taken as the moving time; otherwise it is worked out "
            "from the samples, leaving out time below walking speed and pauses in the recording. "
            "FIT session total_timer_time and TCX lap TotalTimeSeconds are the device's timer."
        ),
        source=(
            "Strava support, 'Moving Time, Speed, and Pace Calculations' and 'Auto-Pause'; "
            "FIT SDK profile (session.total_elapsed_time, total_timer_time); Garmin TCX v2 schema"
        ),
        strength=Strength.SECONDARY,
    ),
    Evidence(
        id="activityfile.totals.device_first",
        statement=Phrase(
            "Where the device wrote session totals (distance, times, average and maximum heart "
            "rate, average cadence with its fractional part), they are shown as Garmin Connect "
            "and Strava show them; figures worked out from the samples fill only what the device "
            "left out. A gap of more than 5 bpm, 5 steps/min or 5 % of the distance (100 m at "
            "least) between the two is flagged: sampling differences alone stay within that."
        ),
        source="FIT SDK profile (session messages); tolerances: Tagalong engineering choice",
        strength=Strength.SECONDARY,
        expert_target=True,
    ),
    Evidence(
        id="activityfile.cadence.sprint_check",
        statement=Phrase(
            "Doubled, a run's cadence above 210 steps/min at a median speed below 5 m/s (18 km/h) "
            "is not a human cadence: such values were written in steps per minute already "
            "(treadmill apps), so they are not doubled again."
        ),
        source=(
            "Novices run 154-160 steps/min at 2.4-2.9 m/s (van Oeveren 2017), "
            "elite 100 km runners 160-210 (Burns); the cut-off is a Tagalong engineering choice"
        ),
        strength=Strength.SECONDARY,
        expert_target=True,
    ),
    Evidence(
        id="activityfile.gpx.segment_breaks",
        statement=Phrase(
            "A GPX track segment (trkseg) is a stretch recorded without a break; a recorder "
            "starts a new segment after a pause or a lost fix, so no distance is drawn across "
            "the gap and the gap is not moving time."
        ),
        source="GPX 1.1 schema (trksegType documentation, topografix.com)",
        strength=Strength.VERIFIED,
    ),
    Evidence(
        id="activityfile.times.local_without_zone",
        statement=Phrase(
            "A time written without a UTC offset is local time (ISO 8601): some devices (a "
            "Garmin Dakota's TCX) write the clock the runner saw. It is read in the time zone of "
            "the place the track starts, looked up offline from the time zone boundaries; a file "
            "without positions is read in the athlete's zone. Times marked Z or with an offset "
            "are taken as written."
        ),
        source=(
            "ISO 8601-1:2019 section 4.3.2 (local time without a UTC designator); time zone "
            "boundaries: timezone-boundary-builder via the tzfpy package (ODbL)"
        ),
        strength=Strength.SECONDARY,
    ),
)
