"""Where the acute:chronic ratio may be shown: only on days with 28 days of training behind them.

The chronic side is a 28-day load (load.ewma.williams_2017). With weeks of that window empty (a new
athlete, a sparse history, a comeback) it is close to zero and the ratio shoots to meaningless
values, so pages hide it and say why. The stored series is unchanged.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from tagalong.activities.models import DailyLoad
from tagalong.wording import Phrase

ACWR_WEEKS = 4  # the chronic window, 28 days (load.ewma.williams_2017)


@dataclass(frozen=True, slots=True)
class AcwrShown:
    value: float | None
    warning: bool
    weeks_with_training: int
    why_hidden: Phrase | None


def weeks_with_training(day: date, training_days: Sequence[date]) -> int:
    """How many of the four 7-day blocks ending on ``day`` hold a day with load (sorted days)."""
    count = 0
    for week in range(ACWR_WEEKS):
        end = day - timedelta(days=7 * week)
        start = end - timedelta(days=6)
        if bisect_right(training_days, end) > bisect_left(training_days, start):
            count += 1
    return count


def shown(row: DailyLoad, training_days: Sequence[date], first_day: date) -> AcwrShown:
    """``first_day``: the first day of the athlete's series (28 days of data must lie behind)."""
    weeks = weeks_with_training(row.day, training_days)
    full = first_day <= row.day - timedelta(days=7 * ACWR_WEEKS - 1)
    if row.acwr is not None and weeks == ACWR_WEEKS and full:
        return AcwrShown(row.acwr, row.acwr_warning, weeks, None)
    return AcwrShown(None, False, weeks, _why_hidden(weeks))


def _why_hidden(weeks: int) -> Phrase:
    if weeks < ACWR_WEEKS:
        return Phrase(
            "shown once each of the last 4 weeks has training ({weeks} of 4 so far): with "
            "less, the 28-day load it compares against is too thin for the ratio to mean anything",
            weeks=weeks,
        )
    return Phrase(
        "shown once each of the last 4 weeks has training (the history is shorter): with "
        "less, the 28-day load it compares against is too thin for the ratio to mean anything"
    )


def training_days(rows: Sequence[DailyLoad]) -> list[date]:
    return sorted(r.day for r in rows if r.load > 0)


def shown_for_rows(rows: Sequence[DailyLoad]) -> list[AcwrShown]:
    """For a day-ordered series (no extra query)."""
    days = training_days(rows)
    return [shown(r, days, rows[0].day) for r in rows]


def shown_for_latest(row: DailyLoad) -> AcwrShown:
    """For one row: two queries, the series' first day and the training days of the 28 up to it."""
    since = row.day - timedelta(days=7 * ACWR_WEEKS - 1)
    first = DailyLoad.objects.filter(athlete_id=row.athlete_id).only("day").order_by("day").first()
    days = list(
        DailyLoad.objects.filter(
            athlete_id=row.athlete_id, day__gte=since, day__lte=row.day, load__gt=0
        )
        .order_by("day")
        .values_list("day", flat=True)
    )
    return shown(row, days, first.day if first is not None else row.day)
