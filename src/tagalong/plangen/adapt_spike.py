"""The load-spike rule: no upcoming run jumps past the longest run recently done.

Evidence: load.single_run_spike.frandsen_2025, load.single_run_spike.plan_response. Upcoming
runs of the next 30 days are capped at 110 % of the longest run actually done (or planned
before them) in the 30 days before each; for 7 days after a logged spike they are held at the
longest run before it, and run easy after a spike of more than +100 %.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from tagalong.plangen import limits
from tagalong.plangen.adapt_change import floor_to, session_change
from tagalong.plangen.adapt_model import AthleteData, Context, DoneRun, PlanView, Proposal
from tagalong.plangen.adapt_shared import (
    done_reference,
    fingerprint,
    run_change,
    trainable_runs,
    upcoming,
)
from tagalong.plangen.model import HARD_RUN_TYPES, Reason
from tagalong.trainingload.daily import single_run_spike
from tagalong.wording import Phrase

SPIKE_HOLD_DAYS = 7  # load.single_run_spike.plan_response
RED_SPIKE_BAND = "over_100"  # load.single_run_spike.frandsen_2025: more than +100 %
SPIKE_EVIDENCE = ("load.single_run_spike.frandsen_2025", "load.single_run_spike.plan_response")


def propose(view: PlanView, data: AthleteData, ctx: Context) -> Proposal | None:
    runs = [r for r in data.runs or () if r.distance_km and r.day <= ctx.today]
    tomorrow = ctx.today + dt.timedelta(days=1)
    if done_reference(runs, tomorrow) is None:
        return None  # no runs with a distance lately: nothing to compare with
    reasons, holds = _logged_spikes(runs, ctx)
    history = [(r.day, r.distance_km or 0.0) for r in runs]
    horizon = ctx.today + dt.timedelta(days=limits.SPIKE_WINDOW_DAYS)
    changes = []
    for slot in trainable_runs(upcoming(view, ctx)):
        s = slot.session
        if s.date > horizon:
            break
        km, easy, why = _spike_cap(history, holds, s.date)
        history.append((s.date, min(s.distance_km or 0.0, km)))
        longer = s.distance_km is not None and s.distance_km > km + 1e-9
        if longer or (easy and s.run_type in HARD_RUN_TYPES):
            most = Phrase("at most {km:.1f} km", km=km)
            text = session_change(s, (most, Phrase("run easy")) if easy else most)
            changes.append(run_change(slot, text, why, km=floor_to(km, 0.01), easy=easy))
    if not changes:
        return None
    days = ",".join(str(day) for day, _km, _red in holds)
    return Proposal(
        trigger="load_spike",
        key=f"spike:{days}:{fingerprint(changes)}",
        summary=Phrase(
            "Load spike: the next runs capped so that none jumps past the recent longest run."
        ),
        reasons=tuple(reasons) or (PLANNED_SPIKE_WHY,),
        changes=tuple(changes),
    )


PLANNED_SPIKE_WHY = Reason(
    Phrase("No run more than 10 % longer than the longest run done in the 30 days before it."),
    SPIKE_EVIDENCE,
)


HOLD_WHY = Reason(
    Phrase("For 7 days after a spike, no run longer than the longest run before it."),
    SPIKE_EVIDENCE,
)


Hold = tuple[dt.date, float, bool]  # spike day, the longest run before it, more than +100 %


def _spike_cap(
    history: list[tuple[dt.date, float]], holds: list[Hold], day: dt.date
) -> tuple[float, bool, Reason]:
    """The most ``day``'s run may cover: 110 % of the 30-day longest, or a spike's hold."""
    first = day - dt.timedelta(days=limits.SPIKE_WINDOW_DAYS)
    recent = [km for d, km in history if first <= d < day]
    km, easy, why = (
        limits.SPIKE_MAX_RATIO * max([limits.SPIKE_FLOOR_KM, *recent]),
        False,
        PLANNED_SPIKE_WHY,
    )
    for spike_day, before_km, red in holds:
        if spike_day < day <= spike_day + dt.timedelta(days=SPIKE_HOLD_DAYS):
            if before_km < km:
                km, why = before_km, HOLD_WHY
            easy = easy or red
    return km, easy, why


def _logged_spikes(runs: Sequence[DoneRun], ctx: Context) -> tuple[list[Reason], list[Hold]]:
    """Runs of the last 7 days more than 10 % longer than the longest of their 30 days before."""
    reasons: list[Reason] = []
    holds: list[Hold] = []
    first = ctx.today - dt.timedelta(days=SPIKE_HOLD_DAYS - 1)
    for run in sorted(runs, key=lambda r: r.day):
        if not run.distance_km or not first <= run.day <= ctx.today:
            continue
        window = run.day - dt.timedelta(days=limits.SPIKE_WINDOW_DAYS)
        history = [r.distance_km or 0.0 for r in runs if window <= r.day < run.day]
        spike = single_run_spike(run.distance_km, history)
        if spike.tone == "none" or spike.previous_longest_km is None:
            continue
        reasons.append(
            Reason(
                Phrase(
                    "The {km:.1f} km run on {day:%a %-d %b} was {percent:.0f} % longer than the "
                    "longest run of the 30 days before ({longest:.1f} km).",
                    km=run.distance_km,
                    day=run.day,
                    percent=(spike.increase or 0.0) * 100,
                    longest=spike.previous_longest_km,
                ),
                SPIKE_EVIDENCE,
            )
        )
        holds.append((run.day, spike.previous_longest_km, spike.band == RED_SPIKE_BAND))
    return reasons, holds
