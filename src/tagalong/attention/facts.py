"""What the providers read about one athlete, each query made at most once per refresh."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import Max, Min

from tagalong.activityfile import sports
from tagalong.athletes.models import AthleteProfile

RUN_SPORTS = tuple(sorted(sports.RUN_SPORTS))
RUN_DAYS = 56  # the cadence comparison (2 + 6 weeks) and the 30-day spike window behind 14 days


@dataclass
class Facts:
    athlete: AthleteProfile
    now: dt.datetime
    _cache: dict[str, Any] = field(default_factory=dict)

    @cached_property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.athlete.time_zone)

    @cached_property
    def today(self) -> dt.date:
        return self.now.astimezone(self.zone).date()

    @property
    def url(self) -> str:
        return f"/athletes/{self.athlete.pk}/"

    @cached_property
    def runs(self) -> list[tuple[dt.date, float, float, dict[str, Any]]]:
        """(local day, km, seconds, metrics) of runs of the last 56 days, oldest first."""
        from tagalong.activities.models import Activity

        since = dt.datetime.combine(
            self.today - dt.timedelta(days=RUN_DAYS), dt.time.min, self.zone
        )
        rows = (
            Activity.objects.filter(athlete=self.athlete, start__gte=since, sport__in=RUN_SPORTS)
            .order_by("start")
            .values_list("start", "distance_m", "duration_s", "metrics")
        )
        return [
            (start.astimezone(self.zone).date(), (metres or 0.0) / 1000, seconds, metrics or {})
            for start, metres, seconds, metrics in rows
        ]

    @cached_property
    def seconds_by_day(self) -> dict[dt.date, float]:
        done: dict[dt.date, float] = {}
        for day, _, seconds, _ in self.runs:
            done[day] = done.get(day, 0.0) + seconds
        return done

    @cached_property
    def first_activity_day(self) -> dt.date | None:
        from tagalong.activities.models import Activity

        first = Activity.objects.filter(athlete=self.athlete).aggregate(first=Min("start"))["first"]
        return first.astimezone(self.zone).date() if first else None

    @cached_property
    def last_data_day(self) -> dt.date | None:
        from tagalong.activities.models import Activity
        from tagalong.assessments.models import TestSession
        from tagalong.symptoms.models import SymptomLog

        days = [self.runs[-1][0]] if self.runs else []
        if not days:
            last = Activity.objects.filter(athlete=self.athlete).aggregate(last=Max("start"))[
                "last"
            ]
            days += [last.astimezone(self.zone).date()] if last else []
        for model, name in ((SymptomLog, "day"), (TestSession, "date")):
            value = model.objects.filter(athlete=self.athlete).aggregate(last=Max(name))["last"]
            days += [value] if value else []
        return max(days) if days else None

    @cached_property
    def unavailable(self) -> frozenset[dt.date]:
        from tagalong.attention.models import AvailabilityMarker

        since = self.today - dt.timedelta(days=28)
        days: set[dt.date] = set()
        for start, end in AvailabilityMarker.objects.filter(
            athlete=self.athlete, end__gte=since
        ).values_list("start", "end"):
            day = max(start, since)
            while day <= min(end, self.today):
                days.add(day)
                day += dt.timedelta(days=1)
        return frozenset(days)

    @cached_property
    def no_data_days(self) -> int:
        from tagalong.attention.models import AttentionSetting

        setting = AttentionSetting.objects.filter(athlete=self.athlete).first()
        return setting.no_data_days if setting else 7
