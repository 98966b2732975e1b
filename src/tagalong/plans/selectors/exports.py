"""Files for other programs: the private calendar feed and a run's FIT workout."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from django.http import Http404
from django.utils.translation import gettext

from tagalong import units
from tagalong.athletes.models import AthleteProfile
from tagalong.attention.red_flags import plan_pause
from tagalong.calendars import FeedEvent, build_feed
from tagalong.notifications.email import in_language_of
from tagalong.plangen.fit_workout import encode_workout_fit, fit_serial
from tagalong.plangen.model import reason_from_json
from tagalong.plangen.workouts import session_workout
from tagalong.plans.models import CalendarFeedToken, PlanSession, PlanStatus
from tagalong.plans.selectors.exercises import ExerciseRef, dose_text, exercise_refs, exercise_rows
from tagalong.plans.selectors.limits import core_session
from tagalong.plans.selectors.paces import paces_in


def feed_token_lookup(token: str) -> CalendarFeedToken:
    found = (
        CalendarFeedToken.objects.select_related("athlete__user")
        .filter(token=token, revoked_at__isnull=True)
        .first()
    )
    if found is None:
        raise Http404("No such feed")
    return found


def live_feed_token(athlete: AthleteProfile) -> CalendarFeedToken | None:
    return athlete.feed_tokens.filter(revoked_at__isnull=True).first()


def _describe(s: PlanSession, refs: dict[str, ExerciseRef], reader: units.Units) -> str:
    lines = []
    if s.duration_min:
        lines.append(gettext("%(minutes).0f min") % {"minutes": s.duration_min})
    if s.distance_km:
        lines.append(
            gettext("about %(distance)s") % {"distance": units.km_text(s.distance_km, reader)}
        )
    if s.pace_range:
        fast, slow = s.pace_range
        fast_text = units.pace_text(fast, reader, suffix=False)
        slow_text = units.pace_text(slow, reader)
        lines.append(gettext("pace %(fast)s–%(slow)s") % {"fast": fast_text, "slow": slow_text})
    if s.hr_zone:
        lines.append(gettext("heart rate %(zone)s") % {"zone": s.hr_zone})
    lines += [f"{row['name']}: {dose_text(row)}" for row in exercise_rows(s, refs)]
    lines += [paces_in(str(reason_from_json(reason).text), reader) for reason in s.why]
    return "\n".join(lines)


# The profile has no preferred training time yet: sessions start at 07:00 on the athlete's
# clock. A day's sessions follow one another, runs first (run before strength work,
# rehab.return_to_run.green_2022).
DEFAULT_START = dt.time(7, 0)


MIN_EVENT_MIN = 15.0


DAY_ORDER = {"run": 0, "strength": 1, "mobility": 2, "cross": 3}


def session_times(
    sessions: Iterable[PlanSession], zone: ZoneInfo
) -> dict[int, tuple[dt.datetime, dt.datetime]]:
    """Start and end of each session on the athlete's wall clock (aware datetimes)."""
    out: dict[int, tuple[dt.datetime, dt.datetime]] = {}
    by_day: dict[dt.date, list[PlanSession]] = defaultdict(list)
    for s in sessions:
        by_day[s.date].append(s)
    for day, todays in by_day.items():
        start = dt.datetime.combine(day, DEFAULT_START, zone)
        for s in sorted(todays, key=lambda x: (DAY_ORDER.get(x.kind, 9), x.pk)):
            end = start + dt.timedelta(minutes=max(s.duration_min or 0.0, MIN_EVENT_MIN))
            out[s.pk] = (start, end)
            start = end
    return out


def planned_windows(
    athlete: AthleteProfile, *, start: dt.datetime, end: dt.datetime
) -> list[tuple[dt.datetime, dt.datetime]]:
    """When the athlete's active plan has them training between ``start`` and ``end``, on the
    same clock as the calendar feed: bookings offered to them avoid these times."""
    zone = ZoneInfo(athlete.time_zone)
    sessions = PlanSession.objects.filter(
        plan__athlete=athlete,
        plan__status=PlanStatus.ACTIVE,
        date__gte=start.astimezone(zone).date(),
        date__lte=end.astimezone(zone).date(),
    ).exclude(kind="rest")
    windows = session_times(sessions, zone).values()
    return sorted((a, b) for a, b in windows if a < end and b > start)


def plan_feed_events(athlete: AthleteProfile) -> list[FeedEvent]:
    """The calendar events of the athlete's active plan, timed on their clock."""
    sessions = list(
        PlanSession.objects.filter(plan__athlete=athlete, plan__status=PlanStatus.ACTIVE).exclude(
            kind="rest"
        )
    )
    times = session_times(sessions, ZoneInfo(athlete.time_zone))
    refs = exercise_refs(
        sessions, athlete.user
    )  # the feed is the athlete's: names as they see them
    pause = plan_pause(athlete)  # a red flag: every event cancelled, saying why
    reader = units.units_of(athlete.user)
    return [
        FeedEvent(
            uid=f"{s.ical_uid}@tagalong",
            summary=str(s.label)
            if s.kind != "run"
            else gettext("%(session)s · %(minutes).0f min")
            % {"session": s.label, "minutes": s.duration_min},
            start=times[s.pk][0],
            end=times[s.pk][1],
            sequence=s.ical_sequence + (1 if pause else 0),
            description=f"{pause.explanation}\n\n{_describe(s, refs, reader)}"
            if pause
            else _describe(s, refs, reader),
            status="CANCELLED" if pause else "CONFIRMED",
        )
        for s in sessions
    ]


def feed_bytes(athlete: AthleteProfile, *, now: dt.datetime) -> bytes:
    """The feed in its runner's language: a calendar app sends no language of its own."""
    with in_language_of(athlete.user):
        return build_feed(
            name=gettext("Training plan · %(name)s") % {"name": athlete.name},
            events=plan_feed_events(athlete),
            tz_name=athlete.time_zone,
            dtstamp=now,
        )


def fit_bytes(session: PlanSession, *, now: dt.datetime) -> bytes:
    core = core_session(session)
    workout = dataclasses.replace(session_workout(core), name=session.label[:16] or "Run")
    return encode_workout_fit(workout, serial=fit_serial(session.pk, now), created=now)
