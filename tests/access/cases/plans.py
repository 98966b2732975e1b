from __future__ import annotations

import datetime as dt

from tagalong.athletes.models import AthleteGroup
from tagalong.plans.models import CalendarFeedToken, Plan, PlanSession, Proposal, Template
from tests.access.matrix import LOGIN, Case, statuses

START = dt.date(2026, 3, 2)


def _plan(world):  # type: ignore[no-untyped-def]
    plan = Plan.objects.create(
        athlete=world.athlete_a,
        title="10K plan",
        goal_type="10k",
        start=START,
        end=START + dt.timedelta(days=27),
        created_by=world.coach_a,
    )
    PlanSession.objects.create(
        plan=plan,
        date=START + dt.timedelta(days=1),
        kind="run",
        run_type="easy",
        duration_min=40,
        pace_fast_s_per_km=330,
        pace_slow_s_per_km=360,
    )
    return plan


def _athlete_a(world):  # type: ignore[no-untyped-def]
    return {"athlete_id": world.athlete_a.pk}


def _plan_a(world):  # type: ignore[no-untyped-def]
    return {"athlete_id": world.athlete_a.pk, "plan_id": _plan(world).pk}


def _session_a(world):  # type: ignore[no-untyped-def]
    session = _plan(world).sessions.get()
    return {"athlete_id": world.athlete_a.pk, "session_id": session.pk}


def _plan_session_a(world):  # type: ignore[no-untyped-def]
    session = _plan(world).sessions.get()
    return {
        "athlete_id": world.athlete_a.pk,
        "plan_id": session.plan_id,
        "session_id": session.pk,
    }


def _token(world):  # type: ignore[no-untyped-def]
    CalendarFeedToken.objects.create(athlete=world.athlete_a, token="a-secret-feed-token")
    return {"token": "a-secret-feed-token"}


def _template(world):  # type: ignore[no-untyped-def]
    template = Template.objects.create(
        coach=world.coach_a,
        name="Base block",
        weeks=[{"week": 0, "weekday": 1, "kind": "run", "run_type": "easy", "duration_min": 30}],
    )
    return {"template_id": template.pk}


def _proposal(world):  # type: ignore[no-untyped-def]
    plan = _plan(world)
    session = plan.sessions.get()
    change = {
        "kind": "run",
        "session_id": session.pk,
        "on": session.date.isoformat(),
        "text": "Tue easy run: 40 → 28 min",
        "reason": {"text": "Calf pain.", "evidence": ["rehab.pain_monitoring.silbernagel_2007"]},
        "max_duration_min": 28.0,
        "max_distance_km": None,
        "easy": False,
        "ladder_level": None,
        "to": None,
    }
    return Proposal.objects.create(
        plan=plan,
        trigger="pain",
        source="symptoms",
        key="pain:2026-03-02:left",
        fingerprint="f",
        summary="Calf pain: step back.",
        reasons=[{"text": "Pain 6/10.", "evidence": ["rehab.pain_monitoring.silbernagel_2007"]}],
        changes=[change],
        plan_version=plan.current_version,
    )


def _proposal_a(world):  # type: ignore[no-untyped-def]
    return {"athlete_id": world.athlete_a.pk, "proposal_id": _proposal(world).pk}


def _group_body(world):  # type: ignore[no-untyped-def]
    group = AthleteGroup.objects.create(coach=world.coach_a, name="Tuesday runners")
    group.members.add(world.athlete_a)
    return {"group": group.pk, "start": "2026-03-02"}


READ = statuses(404, anonymous=LOGIN, athlete_a=200, coach_a=200, colleague=200, staff=200)
# Only the athlete's own coach changes the plan.
COACH_WRITE = statuses(404, anonymous=LOGIN, athlete_a=403, coach_a=302, colleague=403, staff=403)
# The athlete and their coach: comments and the calendar link.
OWN_WRITE = statuses(404, anonymous=LOGIN, athlete_a=302, coach_a=302, colleague=403, staff=403)

PAGES = {
    "plans:my_plan": Case(statuses(403, anonymous=LOGIN, athlete_a=302, athlete_b=302)),
    "plans:index": Case(READ, kwargs=_athlete_a),
    "plans:generate": Case(
        statuses(404, anonymous=LOGIN, athlete_a=403, coach_a=200, colleague=403, staff=403),
        kwargs=_athlete_a,
    ),
    "plans:detail": Case(READ, kwargs=_plan_a),
    "plans:print": Case(READ, kwargs=_plan_a),
    "plans:calendar": Case(READ, kwargs=_athlete_a),
    "plans:session": Case(READ, kwargs=_session_a),
    "plans:workout_fit": Case(READ, kwargs=_session_a),
    "plans:comment": Case(
        OWN_WRITE, method="post", kwargs=_session_a, data=lambda w: {"text": "Felt good."}
    ),
    "plans:move": Case(
        COACH_WRITE, method="post", kwargs=_session_a, data=lambda w: {"date": "2026-03-05"}
    ),
    "plans:change": Case(
        COACH_WRITE,
        method="post",
        kwargs=_session_a,
        data=lambda w: {"kind": "run", "run_type": "easy", "duration_min": "35"},
    ),
    "plans:add_exercise": Case(
        COACH_WRITE,
        method="post",
        kwargs=_session_a,
        data=lambda w: {"slug": "knee-to-wall-mobilisation"},
    ),
    "plans:delete": Case(COACH_WRITE, method="post", kwargs=_session_a),
    "plans:copy_week": Case(
        COACH_WRITE,
        method="post",
        kwargs=_plan_a,
        data=lambda w: {"source": "2026-03-02", "target": "2026-03-16"},
    ),
    "plans:save_template": Case(
        COACH_WRITE, method="post", kwargs=_plan_a, data=lambda w: {"name": "My block"}
    ),
    "plans:feed_rotate": Case(OWN_WRITE, method="post", kwargs=_athlete_a),
    "plans:feed_revoke": Case(OWN_WRITE, method="post", kwargs=_athlete_a),
    "plans:feed": Case(statuses(200), kwargs=_token),
    "plans:templates": Case(
        statuses(403, anonymous=LOGIN, coach_a=200, colleague=200, coach_other=200)
    ),
    "plans:apply_template": Case(
        statuses(403, anonymous=LOGIN, coach_a=302, colleague=404, coach_other=404),
        method="post",
        kwargs=_template,
        data=lambda w: {"athlete": w.athlete_a.pk, "start": "2026-03-02"},
    ),
    "plans:apply_template_group": Case(
        statuses(403, anonymous=LOGIN, coach_a=302, colleague=404, coach_other=404),
        method="post",
        kwargs=_template,
        data=_group_body,
    ),
    "plans:proposals": Case(
        statuses(403, anonymous=LOGIN, coach_a=200, colleague=200, coach_other=200)
    ),
    "plans:approve": Case(COACH_WRITE, method="post", kwargs=_proposal_a),
    "plans:reject": Case(
        COACH_WRITE, method="post", kwargs=_proposal_a, data=lambda w: {"note": "Not now."}
    ),
    "plans:auto_apply": Case(
        COACH_WRITE, method="post", kwargs=_athlete_a, data=lambda w: {"auto_apply": "on"}
    ),
    "plans:add_session": Case(
        COACH_WRITE,
        method="post",
        kwargs=_plan_a,
        data=lambda w: {
            "date": "2026-03-04",
            "kind": "run",
            "run_type": "easy",
            "duration_min": "30",
        },
    ),
    "plans:copy_session": Case(
        COACH_WRITE, method="post", kwargs=_session_a, data=lambda w: {"date": "2026-03-05"}
    ),
    "plans:workout": Case(
        statuses(404, anonymous=LOGIN, athlete_a=403, coach_a=200, colleague=403, staff=403),
        kwargs=_session_a,
    ),
    "plans:clear_workout": Case(COACH_WRITE, method="post", kwargs=_session_a),
}

API_READ = statuses(404, anonymous=401, athlete_a=200, coach_a=200, colleague=200, staff=200)
API_OWN = statuses(404, anonymous=401, athlete_a=200, coach_a=200, colleague=403, staff=403)
API_COACH_WRITE = statuses(404, anonymous=401, athlete_a=403, coach_a=200, colleague=403, staff=403)
API_COACH_CREATE = statuses(
    404, anonymous=401, athlete_a=403, coach_a=201, colleague=403, staff=403
)


def _generate_body(world):  # type: ignore[no-untyped-def]
    return {
        "goal": "10k",
        "start": "2026-03-02",
        "weeks": 8,
        "availability": {"mon": 45, "tue": 60, "thu": 60, "sat": 90, "sun": 120},
        "current": {"weekly_km": 30, "longest_run_km_30d": 12, "runs_per_week": 4},
    }


API = {
    "GET /api/athletes/{athlete_id}/plans": Case(API_READ, kwargs=_athlete_a),
    "POST /api/athletes/{athlete_id}/plans": Case(
        statuses(404, anonymous=401, athlete_a=403, coach_a=201, colleague=403, staff=403),
        method="post",
        kwargs=_athlete_a,
        data=_generate_body,
    ),
    "GET /api/athletes/{athlete_id}/plans/{plan_id}": Case(API_READ, kwargs=_plan_a),
    "PATCH /api/athletes/{athlete_id}/plans/{plan_id}/sessions/{session_id}": Case(
        statuses(404, anonymous=401, athlete_a=403, coach_a=200, colleague=403, staff=403),
        method="patch",
        kwargs=_plan_session_a,
        data=lambda w: {"duration_min": 35, "date": "2026-03-05"},
    ),
    "GET /api/templates": Case(
        statuses(403, anonymous=401, coach_a=200, colleague=200, coach_other=200)
    ),
    "POST /api/templates": Case(
        statuses(403, anonymous=401, coach_a=201, coach_other=404),
        method="post",
        data=lambda w: {
            "athlete_id": w.athlete_a.pk,
            "plan_id": _plan(w).pk,
            "name": "My block",
        },
    ),
    "GET /api/athletes/{athlete_id}/proposals": Case(API_READ, kwargs=_athlete_a),
    "POST /api/athletes/{athlete_id}/proposals/{proposal_id}/approve": Case(
        API_COACH_WRITE, method="post", kwargs=_proposal_a
    ),
    "POST /api/athletes/{athlete_id}/proposals/{proposal_id}/reject": Case(
        API_COACH_WRITE, method="post", kwargs=_proposal_a, data=lambda w: {"note": "Not now."}
    ),
    "GET /api/athletes/{athlete_id}/plan-adaptation": Case(API_READ, kwargs=_athlete_a),
    "PUT /api/athletes/{athlete_id}/plan-adaptation": Case(
        API_COACH_WRITE, method="put", kwargs=_athlete_a, data=lambda w: {"auto_apply": True}
    ),
    "GET /api/athletes/{athlete_id}/calendar-feed": Case(API_OWN, kwargs=_athlete_a),
    "POST /api/athletes/{athlete_id}/plans/{plan_id}/sessions": Case(
        API_COACH_CREATE,
        method="post",
        kwargs=_plan_a,
        data=lambda w: {"date": "2026-03-04", "kind": "run", "duration_min": 30},
    ),
    "POST /api/athletes/{athlete_id}/plans/{plan_id}/sessions/{session_id}/copy": Case(
        API_COACH_CREATE,
        method="post",
        kwargs=_plan_session_a,
        data=lambda w: {"date": "2026-03-05"},
    ),
    "DELETE /api/athletes/{athlete_id}/plans/{plan_id}/sessions/{session_id}": Case(
        API_COACH_WRITE, method="delete", kwargs=_plan_session_a
    ),
    "PUT /api/athletes/{athlete_id}/plans/{plan_id}/sessions/{session_id}/workout": Case(
        API_COACH_WRITE,
        method="put",
        kwargs=_plan_session_a,
        data=lambda w: {
            "steps": [
                {"kind": "warmup", "seconds": 600},
                {"type": "repeat", "times": 4, "steps": [{"kind": "work", "seconds": 180}]},
            ]
        },
    ),
    "POST /api/athletes/{athlete_id}/plans/{plan_id}/weeks/copy": Case(
        API_COACH_CREATE,
        method="post",
        kwargs=_plan_a,
        data=lambda w: {"source": "2026-03-02", "target": "2026-03-16"},
    ),
    "POST /api/athletes/{athlete_id}/calendar-feed": Case(
        statuses(404, anonymous=401, athlete_a=201, coach_a=201, colleague=403, staff=403),
        method="post",
        kwargs=_athlete_a,
    ),
}
