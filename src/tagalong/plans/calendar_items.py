"""What a runner's calendar shows on each day: planned sessions, booked sessions with a coach and
test days, each with its kind so every calendar and list gives it the same colour and icon."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tagalong.assessments.models import TestSession
from tagalong.athletes.models import AthleteProfile
from tagalong.bookings.models import Booking, BookingStatus
from tagalong.plans.models import PlanSession
from tagalong.plans.selectors.lookups import monday_of
from tagalong.trainingload.compliance import Compliance

KIND_WORDS = {
    "run": _("Run"),
    "strength": _("Strength"),
    "mobility": _("Mobility"),
    "cross": _("Cross-training"),
    "rest": _("Rest"),
    "booked": _("Booked session"),
    "test": _("Tests"),
}
SHOWN_BOOKINGS = (BookingStatus.CONFIRMED, BookingStatus.ATTENDED)


@dataclass(frozen=True)
class CalendarItem:
    date: dt.date
    kind: str  # one of KIND_WORDS
    label: str
    url: str
    minutes: float | None = None
    time: str = ""  # "09:30" for booked sessions
    compliance: Compliance | None = None

    @property
    def kind_words(self) -> str:
        return KIND_WORDS.get(self.kind, self.kind)


def items_between(
    athlete: AthleteProfile,
    start: dt.date,
    end: dt.date,
    plan_sessions: Iterable[PlanSession],
    compliance: dict[int, Compliance],
) -> list[CalendarItem]:
    items = [
        CalendarItem(
            date=s.date,
            kind=s.kind,
            label=s.label,
            url=reverse("plans:session", args=[athlete.pk, s.pk]),
            minutes=s.duration_min or None,
            compliance=compliance.get(s.pk),
        )
        for s in plan_sessions
    ]
    bookings = Booking.objects.filter(
        athlete=athlete,
        status__in=SHOWN_BOOKINGS,
        session__start__date__gte=start - dt.timedelta(days=1),
        session__start__date__lte=end + dt.timedelta(days=1),
    ).select_related("session__session_type")
    for booking in bookings:
        session = booking.session
        local = session.start.astimezone(ZoneInfo(session.tz_name))
        if start <= local.date() <= end:
            items.append(
                CalendarItem(
                    date=local.date(),
                    kind="booked",
                    label=session.session_type.name,
                    url=reverse("bookings:booking", args=[booking.pk]),
                    minutes=(session.end - session.start).total_seconds() / 60,
                    time=local.strftime("%H:%M"),
                )
            )
    tests = TestSession.objects.filter(athlete=athlete, date__gte=start, date__lte=end)
    url = reverse("assessments:tests", args=[athlete.pk])
    items += [
        CalendarItem(date=t.date, kind="test", label=gettext("Calf tests"), url=url) for t in tests
    ]
    return sorted(items, key=lambda i: (i.date, i.time, i.kind == "rest"))


Day = tuple[dt.date, list[CalendarItem]]


def weeks_of(start: dt.date, end: dt.date, items: Iterable[CalendarItem]) -> list[list[Day]]:
    """Monday-first weeks covering ``start``..``end``: [[(date, [items])]]."""
    by_day: dict[dt.date, list[CalendarItem]] = defaultdict(list)
    for item in items:
        by_day[item.date].append(item)
    weeks, day = [], monday_of(start)
    while day <= end:
        days = [day + dt.timedelta(days=i) for i in range(7)]
        weeks.append([(d, by_day.get(d, [])) for d in days])
        day += dt.timedelta(days=7)
    return weeks
