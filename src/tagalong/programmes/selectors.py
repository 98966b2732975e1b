"""Reads for programmes: public facts, a member's week, the cohort view, the leaderboard."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.db.models import QuerySet
from django.utils import dateformat
from django.utils.translation import gettext

from tagalong.accounts.models import User
from tagalong.bookings.models import Booking, BookingStatus, Session, SessionStatus
from tagalong.bookings.timefmt import span_label
from tagalong.programmes.models import Place, PlaceStatus, Programme, Stage

PUBLIC_STAGES = (Stage.PUBLISHED, Stage.RUNNING, Stage.FINISHED)


def visible_zone(requested: str | None, default: str) -> str:
    """The visitor's zone when it names a real one, else the practice's."""
    if requested:
        try:
            ZoneInfo(requested)
        except (ZoneInfoNotFoundError, ValueError):
            return default
        return requested
    return default


def window(place: Place) -> tuple[dt.date, dt.date]:
    """The first and last day of this runner's weeks."""
    programme = place.programme
    first = place.start_date or programme.start_date or dt.date.today()
    return first, first + dt.timedelta(weeks=programme.weeks) - dt.timedelta(days=1)


def group_sessions(
    programme: Programme, *, after: dt.datetime, until: dt.date | None = None
) -> QuerySet[Session]:
    sessions = Session.objects.filter(
        session_type__in=programme.session_types.all(),
        status=SessionStatus.SCHEDULED,
        end__gt=after,
    ).select_related("session_type")
    if programme.start_date is not None and programme.is_cohort:
        sessions = sessions.filter(start__date__gte=programme.start_date)
        until = until or programme.end_date
    if until is not None:
        sessions = sessions.filter(start__date__lte=until)
    return sessions.order_by("start")


@dataclass(frozen=True)
class SessionTime:
    name: str
    label: str  # on the reader's wall clock, zone named
    iso: str
    session: Session


def session_times(sessions: QuerySet[Session], tz_name: str, limit: int = 8) -> list[SessionTime]:
    return [
        SessionTime(
            s.session_type.name, span_label(s.start, s.end, tz_name), s.start.isoformat(), s
        )
        for s in sessions[:limit]
    ]


def programme_for_member(user: User, slug: str) -> Place | None:
    if not user.is_authenticated:
        return None
    return (
        Place.objects.select_related("programme__coach", "athlete__user", "plan")
        .filter(
            programme__slug=slug,
            athlete__user=user,
            status__in=[PlaceStatus.ACTIVE, PlaceStatus.FINISHED, PlaceStatus.WAITLISTED],
        )
        .order_by("-created_at")
        .first()
    )


def week_number(place: Place, today: dt.date) -> int:
    first, _ = window(place)
    return max(1, min(place.programme.weeks, (today - first).days // 7 + 1))


def steps_done(place: Place) -> dict[str, bool]:
    from tagalong.assessments.models import Intake, TestSession

    athlete = place.athlete
    if athlete is None:
        return {"intake": False, "tests": False, "plan": False}
    return {
        "intake": Intake.objects.filter(athlete=athlete).exists(),
        "tests": TestSession.objects.filter(athlete=athlete).exists(),
        "plan": place.plan_id is not None,
    }


def ready_for_plan(place: Place) -> bool:
    done = steps_done(place)
    programme = place.programme
    return (done["intake"] or not programme.requires_intake) and (
        done["tests"] or not programme.requires_tests
    )


def week_sessions(place: Place, today: dt.date) -> list[Any]:
    if place.plan is None:
        return []
    monday = today - dt.timedelta(days=today.weekday())
    first, _ = window(place)
    monday = max(monday, first - dt.timedelta(days=first.weekday()))
    return list(place.plan.sessions.filter(date__gte=monday, date__lt=monday + dt.timedelta(7)))


def completion(place: Place, today: dt.date) -> list[tuple[int, int, int]]:
    """Per week so far: (week, sessions done, sessions planned). A session is done when a run
    or log of that day is recorded (activities); rest days do not count."""
    from tagalong.activities.models import Activity

    if place.plan is None or place.athlete is None:
        return []
    first, last = window(place)
    zone = ZoneInfo(place.athlete.time_zone)
    days_active = {
        a.astimezone(zone).date()
        for a in Activity.objects.filter(
            athlete=place.athlete,
            start__date__gte=first - dt.timedelta(days=1),
            start__date__lte=last + dt.timedelta(days=1),
        ).values_list("start", flat=True)
    }
    rows = []
    sessions = place.plan.sessions.exclude(kind="rest").filter(date__gte=first, date__lte=last)
    by_week: dict[int, list[dt.date]] = {}
    for session in sessions:
        by_week.setdefault((session.date - first).days // 7 + 1, []).append(session.date)
    for week in sorted(by_week):
        if first + dt.timedelta(weeks=week - 1) > today:
            break
        days = by_week[week]
        rows.append((week, sum(1 for d in days if d in days_active), len(days)))
    return rows


@dataclass
class MemberRow:
    place: Place
    steps: dict[str, bool]
    week: int
    done: int
    planned: int
    attended: int
    booked: int
    signals: list[str] = field(default_factory=list)


def cohort(programme: Programme, today: dt.date) -> list[MemberRow]:
    from tagalong.attention.models import Signal, SignalState

    places = programme.places.filter(
        status__in=[PlaceStatus.ACTIVE, PlaceStatus.FINISHED]
    ).select_related("athlete__user", "plan", "programme")
    rows = []
    for place in places:
        weeks = completion(place, today)
        bookings = Booking.objects.filter(
            athlete=place.athlete, session__session_type__in=programme.session_types.all()
        )
        signals = list(
            Signal.objects.filter(athlete=place.athlete, state=SignalState.OPEN)
            .order_by("severity", "opened_at")
            .values_list("words", flat=True)[:5]
        )
        rows.append(
            MemberRow(
                place=place,
                steps=steps_done(place),
                week=week_number(place, today),
                done=sum(w[1] for w in weeks),
                planned=sum(w[2] for w in weeks),
                attended=bookings.filter(status=BookingStatus.ATTENDED).count(),
                booked=bookings.exclude(status=BookingStatus.CANCELLED).count(),
                signals=signals,
            )
        )
    return rows


def leaderboard(programme: Programme, today: dt.date) -> list[tuple[str, int, int]]:
    """(name or "A runner", sessions done, planned), most done first; names only by opt-in."""
    out = []
    for row in cohort(programme, today):
        shown = row.place.show_name and row.place.athlete
        name = row.place.athlete.name if shown else gettext("A runner")
        out.append((name, row.done, row.planned))
    return sorted(out, key=lambda r: (-r[1], r[0]))


@dataclass(frozen=True)
class Change:
    what: str
    before: str
    after: str
    source: str


def finisher_summary(place: Place) -> list[Change]:
    """What changed over the programme: each home test (first and last result in the runner's
    weeks, or the one before them) and weekly running (first and last two weeks)."""
    from tagalong.activities.models import Activity
    from tagalong.assessments.models import TestResult
    from tagalong.assessments.scoring import TESTS

    athlete = place.athlete
    if athlete is None:
        return []
    first, last = window(place)
    out: list[Change] = []
    results = (
        TestResult.objects.filter(session__athlete=athlete, session__date__lte=last)
        .order_by("session__date", "pk")
        .select_related("session")
    )
    by_test: dict[str, list[Any]] = {}
    for result in results:
        by_test.setdefault(result.test, []).append(result)
    for test, rows in sorted(by_test.items()):
        before = [r for r in rows if r.session.date <= first] or rows[:1]
        start, end = before[-1], rows[-1]
        if start.pk == end.pk:
            continue
        name = TESTS.get(test, test).split(" (")[0]
        out.append(
            Change(
                name,
                _sides(start),
                _sides(end),
                gettext("home tests of %(first)s and %(last)s")
                % {
                    "first": dateformat.format(start.session.date, "j M"),
                    "last": dateformat.format(end.session.date, "j M Y"),
                },
            )
        )
    two = dt.timedelta(days=14)
    runs = Activity.objects.filter(athlete=athlete, start__date__gte=first, start__date__lte=last)
    early = sum(
        r
        for r in runs.filter(start__date__lt=first + two).values_list("distance_m", flat=True)
        if r
    )
    late = sum(
        r for r in runs.filter(start__date__gt=last - two).values_list("distance_m", flat=True) if r
    )
    if early or late:
        out.append(
            Change(
                gettext("Running a week"),
                f"{early / 2000:.1f} km",
                f"{late / 2000:.1f} km",
                gettext("your recorded runs, first and last two weeks (%(first)s – %(last)s)")
                % {
                    "first": dateformat.format(first, "j M"),
                    "last": dateformat.format(last, "j M Y"),
                },
            )
        )
    return out


def _sides(result: Any) -> str:
    return gettext("left %(left)s, right %(right)s") % {
        "left": f"{result.left:g}",
        "right": f"{result.right:g}",
    }
