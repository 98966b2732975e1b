"""Writes about an athlete's load: the stored daily series, its measure, and load settings.

The series keeps to one measure per athlete (``trainingload.athlete_load``). What it was last
computed with (``LoadSettings.measure_in_use`` / ``rate_in_use``) is stored next to it; when
new data moves either, the next refresh recomputes the whole series instead of continuing the
stored one, so an incremental update always equals a full recompute.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from tagalong.accounts.models import User
from tagalong.activities.models import Activity, DailyLoad, LoadSettings, SeriesMeasure
from tagalong.activityfile import sports
from tagalong.athletes.models import AthleteProfile
from tagalong.audit.services import record
from tagalong.errors import DomainError
from tagalong.trainingload import daily
from tagalong.trainingload.athlete_load import (
    ActivityLoads,
    SeriesBasis,
    choose_basis,
    series_load,
)
from tagalong.trainingload.session_load import LoadMeasure, running_tss

RUNNING_SPORTS = sports.RUN_SPORTS


def local_day(moment: datetime, zone: ZoneInfo) -> date:
    return moment.astimezone(zone).date()


def settings_of(athlete: AthleteProfile) -> LoadSettings:
    """The athlete's settings row (an unsaved default when there is none yet)."""
    found = LoadSettings.objects.filter(athlete=athlete).first()
    return found if found is not None else LoadSettings(athlete=athlete)


def _activity_loads(loads: object, load_value: float, measure: str, minutes: float) -> dict:
    """An activity's stored measures; rows from before ``loads`` existed give what they have."""
    if isinstance(loads, dict) and loads:
        return loads
    return {measure: load_value, "duration": minutes} if measure else {"duration": minutes}


def series_inputs(
    athlete: AthleteProfile, settings: LoadSettings
) -> tuple[dict[date, daily.DayInput], SeriesBasis]:
    """The day inputs of the athlete's series, every load in the one measure of the basis."""
    zone = ZoneInfo(athlete.time_zone)
    rows = list(
        Activity.objects.filter(athlete=athlete).values_list(
            "start",
            "loads",
            "load_value",
            "load_measure",
            "moving_s",
            "duration_s",
            "distance_m",
            "sport",
        )
    )
    offered = []
    for _, loads, value, measure, moving, duration, _, _ in rows:
        minutes = (moving or duration or 0.0) / 60
        offered.append(ActivityLoads(_activity_loads(loads, value, measure, minutes), minutes))
    setting: LoadMeasure | None = (
        None if settings.measure == SeriesMeasure.AUTO else settings.measure  # type: ignore[assignment]
    )
    basis = choose_basis(offered, setting=setting)
    totals: dict[date, list[float]] = {}
    for row, activity in zip(rows, offered, strict=True):
        start, distance_m, sport = row[0], row[6], row[7]
        load_km_longest = totals.setdefault(local_day(start, zone), [0.0, 0.0, 0.0])
        load_km_longest[0] += series_load(activity, basis)
        if sport in RUNNING_SPORTS and distance_m:
            km = distance_m / 1000
            load_km_longest[1] += km
            load_km_longest[2] = max(load_km_longest[2], km)
    return {day: daily.DayInput(*values) for day, values in totals.items()}, basis


def basis_of(athlete: AthleteProfile) -> SeriesBasis:
    """How the athlete's series is measured now (for the pages)."""
    return series_inputs(athlete, settings_of(athlete))[1]


def _today(athlete: AthleteProfile) -> date:
    return timezone.now().astimezone(ZoneInfo(athlete.time_zone)).date()


def refresh_daily_load(
    *, athlete: AthleteProfile, from_day: date, today: date | None = None
) -> None:
    """Recompute the daily series from ``from_day`` on, continuing from the stored state.

    The stored row to continue from is the last one before ``from_day`` that keeps its state
    (see ``_keeps_state``; the series has no rows in long rests either, ``daily.REST_GAP_DAYS``):
    the days between are recomputed too. A
    change of measure or of the typical rate that fills activities lacking it (see module doc)
    recomputes everything.
    """
    settings = settings_of(athlete)
    days, basis = series_inputs(athlete, settings)
    _summarise(athlete, basis)
    if not days:
        DailyLoad.objects.filter(athlete=athlete).delete()
        return
    first = min(days)
    end = max(max(days), today or _today(athlete))
    previous = (
        DailyLoad.objects.filter(athlete=athlete, day__lt=from_day)
        .exclude(state={})
        .order_by("-day")
        .first()
    )
    same_basis = (settings.measure_in_use, settings.rate_in_use) == (
        basis.measure,
        basis.rate_per_minute,
    )
    if previous is None or not same_basis or from_day <= first or from_day > end:
        _replace(athlete, daily.recompute(days, start=first, end=end), since=None)
        _remember(settings, basis)
        return
    state = daily.LoadState.from_dict(previous.state)
    rows = daily.update_from(state, days, from_day=previous.day + timedelta(days=1), end=end)
    # The row continued from may have been the last day of an earlier refresh, inside what is
    # now a long rest: a full recompute would not keep it, so neither does this.
    trained = daily.training_days(days, start=first)
    keeps_previous = daily.has_row(previous.day, trained, end=end)
    _replace(athlete, rows, since=previous.day + timedelta(days=1 if keeps_previous else 0))


def recompute_daily_load(*, athlete: AthleteProfile, today: date | None = None) -> int:
    """The whole series from the first activity; returns the number of days written."""
    settings = settings_of(athlete)
    days, basis = series_inputs(athlete, settings)
    _summarise(athlete, basis)
    if not days:
        DailyLoad.objects.filter(athlete=athlete).delete()
        return 0
    rows = daily.recompute(days, start=min(days), end=max(max(days), today or _today(athlete)))
    _replace(athlete, rows, since=None)
    _remember(settings, basis)
    return len(rows)


def _summarise(athlete: AthleteProfile, basis: SeriesBasis) -> None:
    """The trends page's stored summary follows every change of the series' inputs."""
    from tagalong.activities.trends import refresh_trend_summary

    refresh_trend_summary(athlete=athlete, basis=basis)


def _remember(settings: LoadSettings, basis: SeriesBasis) -> None:
    settings.measure_in_use = basis.measure
    settings.rate_in_use = basis.rate_per_minute
    if settings.pk is None:
        settings.save()
    else:
        settings.save(update_fields=["measure_in_use", "rate_in_use", "updated_at"])


@transaction.atomic
def update_load_settings(
    *,
    athlete: AthleteProfile,
    by: User | None,
    measure: str,
    threshold_pace_s_per_km: float | None,
) -> LoadSettings:
    """Change the series measure or the threshold pace; the series and easy cadence follow."""
    if measure not in SeriesMeasure.values:
        raise DomainError(
            gettext("Unknown load measure %(measure)r.") % {"measure": measure}, field="measure"
        )
    if threshold_pace_s_per_km is not None and not 150 <= threshold_pace_s_per_km <= 900:
        raise DomainError(
            gettext("Threshold pace must be between 2:30 and 15:00 per km."), field="threshold_pace"
        )
    settings = settings_of(athlete)
    changed = {
        "measure": measure,
        "threshold_pace_s_per_km": threshold_pace_s_per_km,
    }
    before = {name: getattr(settings, name) for name in changed}
    for name, value in changed.items():
        setattr(settings, name, value)
    settings.save()
    record(
        actor=by,
        action="activities.load_settings_changed",
        target=settings,
        athlete_id=athlete.pk,
        before=before,
        after=changed,
    )
    if before["threshold_pace_s_per_km"] != threshold_pace_s_per_km:
        from tagalong.activities.easy import refresh_easy_cadence

        refresh_easy_cadence(athlete=athlete, only=None)
        _refresh_rtss(athlete, settings.threshold_m_s)
    first = Activity.objects.filter(athlete=athlete).order_by("start").first()
    if first is not None:
        recompute_daily_load(athlete=athlete)
    else:
        _summarise(athlete, basis_of(athlete))
    return settings


def _refresh_rtss(athlete: AthleteProfile, threshold_m_s: float | None) -> None:
    """Every run's rTSS for a new threshold pace, from the graded speed stored at import."""
    changed = []
    for activity in Activity.objects.filter(athlete=athlete).only(
        "id", "loads", "metrics", "moving_s", "duration_s"
    ):
        loads = dict(activity.loads or {})
        graded = (activity.metrics or {}).get("graded_speed_m_s")
        loads.pop("rtss", None)
        if threshold_m_s is not None and isinstance(graded, int | float):
            seconds = activity.moving_s or activity.duration_s
            loads["rtss"] = running_tss(
                duration_s=seconds, ngp_m_s=graded, threshold_m_s=threshold_m_s
            )
        if loads != activity.loads:
            activity.loads = loads
            changed.append(activity)
    Activity.objects.bulk_update(changed, ["loads"], batch_size=200)


@transaction.atomic
def _replace(athlete: AthleteProfile, rows: Iterable[daily.DayLoad], *, since: date | None) -> None:
    stale = DailyLoad.objects.filter(athlete=athlete)
    if since is not None:
        stale = stale.filter(day__gte=since)
    stale.delete()
    _insert_rows(athlete, rows)


# The daily rows are the one bulk write of an import (a row per day for years of history): they
# go in with one executemany, the values prepared once per column type rather than through
# bulk_create's per-field machinery, which cost ten times as much.
_LOAD_COLUMNS = (
    "athlete",
    "day",
    "load",
    "ctl",
    "atl",
    "tsb",
    "acwr",
    "acwr_warning",
    "ramp",
    "weekly_km",
    "weekly_change_pct",
    "weekly_flagged",
    "spike_band",
    "longest_run_km",
    "state",
)


def _insert_rows(athlete: AthleteProfile, rows: Iterable[daily.DayLoad]) -> None:
    connection = transaction.get_connection()
    meta = DailyLoad._meta
    columns = ", ".join(connection.ops.quote_name(meta.get_field(n).column) for n in _LOAD_COLUMNS)
    # Only quoted model names and placeholders go into the text; values are parameters.
    sql = (
        f"INSERT INTO {connection.ops.quote_name(meta.db_table)} ({columns}) "  # noqa: S608
        f"VALUES ({', '.join(['%s'] * len(_LOAD_COLUMNS))})"
    )
    state = meta.get_field("state")
    no_state = state.get_db_prep_save({}, connection)
    rows = list(rows)
    last = rows[-1].day if rows else None
    params = [
        (
            athlete.pk,
            connection.ops.adapt_datefield_value(r.day),
            *_row_values(r),
            state.get_db_prep_save(r.state.to_dict(), connection)
            if _keeps_state(r.day, last)
            else no_state,
        )
        for r in rows
    ]
    with connection.cursor() as cursor:
        for start in range(0, len(params), 1000):
            cursor.executemany(sql, params[start : start + 1000])


def _keeps_state(day: date, last: date | None) -> bool:
    """Rows that store the state to continue from: one day a week, and the last day.

    A refresh continues from the last stored state before the first changed day and recomputes
    the days after it (at most six more), so weekly states are enough, at a seventh of the JSON.
    """
    return day.toordinal() % 7 == 0 or day == last


def _row_values(r: daily.DayLoad) -> tuple[object, ...]:
    change = r.weekly_distance.change
    return (
        r.load,
        r.ctl,
        r.atl,
        r.tsb,
        r.acwr,
        r.acwr_warning,
        r.ramp_rate,
        r.weekly_distance.this_week_km,
        None if change is None else change * 100,
        r.weekly_distance.flagged,
        r.run_spike.band,
        r.run_spike.run_km,
    )
