"""Reads for plans: weeks, calendars, compliance, limit warnings, feed and FIT files."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from tagalong import units
from tagalong.access.policy import AnyUser, visible_custom_exercises
from tagalong.accounts.models import User
from tagalong.activityfile import sports
from tagalong.assessments.exercise_selectors import custom_url, library_url
from tagalong.assessments.models import custom_id
from tagalong.athletes.models import AthleteProfile, CoachingLink
from tagalong.attention.red_flags import plan_pause
from tagalong.calendars import FeedEvent, build_feed
from tagalong.evidence import REGISTRY
from tagalong.exercises import LIBRARY
from tagalong.plangen import generate_plan, plan_from_json
from tagalong.plangen import limits as plan_limits
from tagalong.plangen.fit_workout import encode_workout_fit, fit_serial
from tagalong.plangen.model import ExercisePrescription, Reason, Session, Week
from tagalong.plangen.workouts import session_workout
from tagalong.plans.models import (
    AdaptationSetting,
    CalendarFeedToken,
    Plan,
    PlanSession,
    PlanStatus,
    Proposal,
    ProposalStatus,
)
from tagalong.plans.workouts import stored_workout
from tagalong.trainingload.compliance import Compliance, compliance

RUN_SPORTS = tuple(sorted(sports.RUN_SPORTS))
# The evidence behind each hard limit in plangen.limits, shown with its warning.
LIMIT_EVIDENCE: dict[str, tuple[str, ...]] = {
    "check_easy_share": ("periodisation.plan.easy_share", "periodisation.intensity.seiler"),
    "check_long_run_share": ("periodisation.plan.long_run_share",),
    "check_single_run_spike": ("load.single_run_spike.frandsen_2025",),
    "check_lighter_weeks": ("periodisation.deload.convention",),
    "check_taper": ("periodisation.taper.bosquet_2007",),
    "check_calf_strength": ("periodisation.plan.calf_strength_frequency",),
    "check_hip_work": ("periodisation.plan.posterior_chain",),
    "check_cadence_step": ("periodisation.plan.cadence_step",),
    "check_rest_days": ("periodisation.plan.rest_day",),
    "check_return_gate": ("rehab.return_to_run.criteria",),
}


def athlete_today(athlete: AthleteProfile, now: dt.datetime | None = None) -> dt.date:
    return (now or timezone.now()).astimezone(ZoneInfo(athlete.time_zone)).date()


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def active_plan(athlete: AthleteProfile) -> Plan | None:
    return athlete.plans.filter(status=PlanStatus.ACTIVE).order_by("-start", "-pk").first()


def plan_for(athlete: AthleteProfile, plan_id: int) -> Plan:
    plan = Plan.objects.filter(athlete=athlete, pk=plan_id).first()
    if plan is None:
        raise Http404("No such plan")
    return plan


def session_for(athlete: AthleteProfile, session_id: int) -> PlanSession:
    session = (
        PlanSession.objects.select_related("plan")
        .filter(plan__athlete=athlete, pk=session_id)
        .first()
    )
    if session is None:
        raise Http404("No such session")
    return session


def weeks_of(plan: Plan) -> list[tuple[dt.date, list[PlanSession]]]:
    """The plan's sessions by Monday-based week, empty weeks included."""
    by_week: dict[dt.date, list[PlanSession]] = defaultdict(list)
    for session in plan.sessions.all():
        by_week[monday_of(session.date)].append(session)
    weeks = []
    monday = monday_of(plan.start)
    while monday <= plan.end:
        weeks.append((monday, by_week.get(monday, [])))
        monday += dt.timedelta(days=7)
    return weeks


def _done_by_day(athlete: AthleteProfile, start: dt.date, end: dt.date) -> dict[dt.date, float]:
    """Seconds of running per local day; empty when the activities app has nothing."""
    try:
        from tagalong.activities.models import Activity
    except ImportError:  # the activities app is not installed here
        return {}
    zone = ZoneInfo(athlete.time_zone)
    lo = dt.datetime.combine(start, dt.time.min, zone)
    hi = dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, zone)
    done: dict[dt.date, float] = defaultdict(float)
    rows = Activity.objects.filter(
        athlete=athlete, start__gte=lo, start__lt=hi, sport__in=RUN_SPORTS
    ).values_list("start", "duration_s")
    for start_at, seconds in rows:
        done[start_at.astimezone(zone).date()] += seconds
    return done


def compliance_by_session(
    athlete: AthleteProfile, sessions: Iterable[PlanSession], today: dt.date
) -> dict[int, Compliance]:
    """Planned vs done for past run sessions (neutral words from trainingload.compliance)."""
    runs = [s for s in sessions if s.kind == "run" and s.duration_min > 0 and s.date <= today]
    if not runs:
        return {}
    done = _done_by_day(athlete, min(s.date for s in runs), max(s.date for s in runs))
    out = {}
    for s in runs:
        completed = done.get(s.date)
        if completed is None and s.date == today:
            continue  # the day is not over yet
        out[s.pk] = compliance(planned=s.duration_min * 60, completed=completed)
    return out


def calendar_weeks(start: dt.date, end: dt.date, sessions: Iterable[PlanSession]) -> list[Any]:
    """Monday-first weeks of days between ``start`` and ``end``: [[(date, [sessions])]]."""
    by_day: dict[dt.date, list[PlanSession]] = defaultdict(list)
    for s in sessions:
        by_day[s.date].append(s)
    weeks, day = [], monday_of(start)
    while day <= end:
        weeks.append(
            [(day + dt.timedelta(i), by_day.get(day + dt.timedelta(i), [])) for i in range(7)]
        )
        day += dt.timedelta(days=7)
    return weeks


def athlete_sessions(athlete: AthleteProfile, start: dt.date, end: dt.date) -> list[PlanSession]:
    return list(
        PlanSession.objects.filter(
            plan__athlete=athlete,
            plan__status=PlanStatus.ACTIVE,
            date__gte=start,
            date__lte=end,
        ).select_related("plan")
    )


def why_entries(session: PlanSession) -> list[dict[str, Any]]:
    return [
        {
            "text": reason.get("text", ""),
            "evidence": [REGISTRY[i] for i in reason.get("evidence", []) if i in REGISTRY],
        }
        for reason in session.why
    ]


@dataclasses.dataclass(frozen=True)
class ExerciseRef:
    name: str
    url: str | None  # None where the viewer may not open it (or it was deleted)


# A coach's exercise the viewer may not see (another practice, or deleted): no name, no link.
UNAVAILABLE = ExerciseRef("Coach's exercise (no longer available)", None)


def exercise_refs(sessions: Iterable[PlanSession], viewer: AnyUser) -> dict[str, ExerciseRef]:
    """Name and page of each exercise in these sessions: the library's, and the coaches' own
    that ``viewer`` may see (``tagalong.access.policy``), in one query."""
    slugs = {str(item.get("slug", "")) for s in sessions for item in s.exercises}
    refs = {
        slug: ExerciseRef(LIBRARY[slug].name, library_url(slug)) for slug in slugs & LIBRARY.keys()
    }
    ids = [number for number in map(custom_id, slugs) if number is not None]
    if ids:
        for exercise in visible_custom_exercises(viewer).filter(pk__in=ids):
            refs[exercise.slug] = ExerciseRef(exercise.name, custom_url(exercise))
    return refs


def exercise_rows(session: PlanSession, refs: dict[str, ExerciseRef]) -> list[dict[str, Any]]:
    """The session's exercises with the name and page (``url``) of each, from ``exercise_refs``."""
    rows = []
    for item in session.exercises:
        slug = str(item.get("slug", ""))
        ref = refs.get(slug) or (
            UNAVAILABLE if custom_id(slug) is not None else ExerciseRef(slug, None)
        )
        rows.append({**item, "name": ref.name, "url": ref.url})
    return rows


def exercise_rows_by_session(
    sessions: Iterable[PlanSession], viewer: AnyUser
) -> dict[int, list[dict[str, Any]]]:
    sessions = list(sessions)
    refs = exercise_refs(sessions, viewer)
    return {s.pk: exercise_rows(s, refs) for s in sessions}


def dose_text(item: dict[str, Any]) -> str:
    parts = [f"{item.get('sets') or 1} ×"]
    if item.get("reps"):
        parts.append(f"{item['reps']} reps")
    if item.get("hold_s"):
        parts.append(f"{item['hold_s']} s hold")
    if item.get("load"):
        parts.append(f"({item['load']})")
    return " ".join(parts)


# --- hard limits after edits -----------------------------------------------------------


def core_session(s: PlanSession) -> Session:
    """A stored session as the plan generator's ``Session``."""
    return Session(
        date=s.date,
        kind=s.kind,  # type: ignore[arg-type]
        run_type=s.run_type or None,  # type: ignore[arg-type]
        duration_min=s.duration_min,
        distance_km=s.distance_km,
        target_pace_s_per_km=s.pace_range,
        hr_zone=s.hr_zone or None,
        exercises=tuple(ExercisePrescription(**e) for e in s.exercises),
        why=tuple(Reason(r.get("text", ""), tuple(r.get("evidence", []))) for r in s.why),
        ladder_level=s.ladder_level,
        workout=stored_workout(s),
    )


def limit_warnings(plan: Plan) -> list[dict[str, Any]]:
    """Hard limits the edited plan breaks, as warnings for the coach (who decides).

    The generated plan is rebuilt from the stored profile for its weeks, phases, paces and zones;
    the stored sessions then replace the generated ones, block by block.
    """
    if not plan.profile:
        return []
    request = plan_from_json(plan.profile)
    base = generate_plan(request)
    blocks = sorted(base.weeks, key=lambda w: w.start)
    grouped: dict[int, list[Session]] = defaultdict(list)
    for s in plan.sessions.all():
        index = 0
        for i, week in enumerate(blocks):
            if week.start <= s.date:
                index = i
        grouped[index].append(core_session(s))
    weeks: list[Week] = [
        dataclasses.replace(w, sessions=tuple(grouped.get(i, ()))) for i, w in enumerate(blocks)
    ]
    edited = dataclasses.replace(base, weeks=tuple(weeks))
    out = []
    for checker in plan_limits.CHECKERS:
        rule = checker.__name__.removeprefix("check_").replace("_", " ")
        ids = LIMIT_EVIDENCE.get(checker.__name__, ())
        evidence = [
            {"id": i, "statement": REGISTRY[i].statement, "source": REGISTRY[i].source}
            for i in ids
            if i in REGISTRY
        ]
        out.extend(
            {"rule": rule, "text": text, "evidence": evidence} for text in checker(edited, request)
        )
    return out


# --- exports ---------------------------------------------------------------------------


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
        lines.append(f"{s.duration_min:.0f} min")
    if s.distance_km:
        lines.append(f"about {units.km_text(s.distance_km, reader)}")
    if s.pace_range:
        fast, slow = s.pace_range
        fast_text = units.pace_text(fast, reader, suffix=False)
        lines.append(f"pace {fast_text}–{units.pace_text(slow, reader)}")
    if s.hr_zone:
        lines.append(f"heart rate {s.hr_zone}")
    lines += [f"{row['name']}: {dose_text(row)}" for row in exercise_rows(s, refs)]
    lines += [paces_in(reason.get("text", ""), reader) for reason in s.why]
    return "\n".join(lines)


_KM_PACE = re.compile(r"(\d+):(\d{2})(–(\d+):(\d{2}))?\s?/km")


def paces_in(text: str, reader: units.Units) -> str:
    """The generator writes paces per km; a runner who reads miles gets them per mile."""
    if reader == "km":
        return text

    def convert(m: re.Match[str]) -> str:
        fast = int(m.group(1)) * 60 + int(m.group(2))
        if m.group(3) is None:
            return units.pace_text(fast, reader)
        slow = int(m.group(4)) * 60 + int(m.group(5))
        return f"{units.pace_text(fast, reader, suffix=False)}–{units.pace_text(slow, reader)}"

    return _KM_PACE.sub(convert, text)


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
            summary=s.label if s.kind != "run" else f"{s.label} · {s.duration_min:.0f} min",
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
    return build_feed(
        name=f"Training plan · {athlete.name}",
        events=plan_feed_events(athlete),
        tz_name=athlete.time_zone,
        dtstamp=now,
    )


def fit_bytes(session: PlanSession, *, now: dt.datetime) -> bytes:
    core = core_session(session)
    workout = dataclasses.replace(session_workout(core), name=session.label[:16] or "Run")
    return encode_workout_fit(workout, serial=fit_serial(session.pk, now), created=now)


def pace_text(seconds: float) -> str:
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


# --- proposals ---------------------------------------------------------------------------


def proposal_for(athlete: AthleteProfile, proposal_id: int) -> Proposal:
    proposal = (
        Proposal.objects.select_related("plan")
        .filter(plan__athlete=athlete, pk=proposal_id)
        .first()
    )
    if proposal is None:
        raise Http404("No such proposal")
    return proposal


def athlete_proposals(athlete: AthleteProfile, status: str | None = None) -> QuerySet[Proposal]:
    found = Proposal.objects.select_related("plan", "decided_by").filter(plan__athlete=athlete)
    return found.filter(status=status) if status else found


def open_proposals(plan: Plan) -> list[Proposal]:
    return list(plan.proposals.filter(status=ProposalStatus.PROPOSED))


def made_proposals(plan: Plan, limit: int = 20) -> list[Proposal]:
    made = (ProposalStatus.APPROVED, ProposalStatus.APPLIED)
    return list(plan.proposals.filter(status__in=made).order_by("-decided_at", "-pk")[:limit])


def coach_open_proposals(coach: User) -> list[Proposal]:
    """Open proposals for the athletes this coach looks after (and may change)."""
    mine = CoachingLink.objects.active().filter(coach=coach).values("athlete_id")
    return list(
        Proposal.objects.select_related("plan__athlete__user")
        .filter(status=ProposalStatus.PROPOSED, plan__athlete_id__in=mine)
        .order_by("-created_at", "-pk")
    )


def reason_entries(reasons: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Reasons with their evidence entries, for display."""
    return [
        {
            "text": r.get("text", ""),
            "evidence": [REGISTRY[i] for i in r.get("evidence", []) if i in REGISTRY],
        }
        for r in reasons
    ]


def auto_apply_on(athlete: AthleteProfile) -> bool:
    return AdaptationSetting.objects.filter(athlete=athlete, auto_apply=True).exists()


def proposal_rows(proposals: Iterable[Proposal]) -> list[dict[str, Any]]:
    """For display: the proposal, its reasons with evidence, and one line per session."""
    proposals = list(proposals)
    paused = paused_athletes({p.plan.athlete_id for p in proposals if p.is_open})
    rows = []
    for p in proposals:
        lines = [m["text"] for m in p.applied] if p.made else [c["text"] for c in p.changes]
        held = p.is_open and p.plan.athlete_id in paused  # a red flag holds it
        rows.append({"p": p, "reasons": reason_entries(p.reasons), "changes": lines, "held": held})
    return rows


def paused_athletes(athlete_ids: set[int]) -> set[int]:
    """Of these athletes, those whose plan a red flag has paused (one query)."""
    if not athlete_ids:
        return set()
    from tagalong.attention.models import RedFlag

    open_flags = RedFlag.objects.filter(athlete_id__in=athlete_ids, cleared_at__isnull=True)
    return set(open_flags.values_list("athlete_id", flat=True))
