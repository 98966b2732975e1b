"""One plan session's page, and comments on it."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from tagalong import units
from tagalong.access import rules
from tagalong.access.policy import athlete_for
from tagalong.athletes.models import AthleteProfile
from tagalong.errors import DomainError
from tagalong.plans import workouts
from tagalong.plans.forms import ChangeForm, CommentForm, CopySessionForm, ExerciseForm, MoveForm
from tagalong.plans.models import PlanSession
from tagalong.plans.selectors.done import compliance_by_session
from tagalong.plans.selectors.evidence import why_entries
from tagalong.plans.selectors.exercises import exercise_rows_by_session
from tagalong.plans.selectors.lookups import athlete_today, session_for
from tagalong.plans.selectors.paces import pace_text, paces_in
from tagalong.plans.services.comments import add_comment
from tagalong.plans.views.common import may_edit, may_plan, user_of
from tagalong.web.unit_fields import KM_PER_MILE


def session_context(
    request: HttpRequest, athlete: AthleteProfile, session: PlanSession, **extra: Any
) -> dict[str, Any]:
    today = athlete_today(athlete)
    can_plan = may_plan(request, athlete)
    exercise_form = extra.pop("exercise_form", None)
    if exercise_form is None and can_plan:  # its choices are the coach's practice's exercises
        exercise_form = ExerciseForm(user=request.user)
    return {
        "athlete": athlete,
        "session": session,
        "why": why_entries(session),
        "exercises": exercise_rows_by_session([session], request.user)[session.pk],
        "comments": session.comments.select_related("author"),
        "compliance": compliance_by_session(athlete, [session], today).get(session.pk),
        "can_plan": can_plan,
        "can_comment": may_edit(request, athlete),
        "comment_form": extra.pop("comment_form", CommentForm()),
        "move_form": extra.pop("move_form", MoveForm(initial={"date": session.date})),
        "change_form": extra.pop(
            "change_form", _change_form(session, units.units_of(request.user))
        ),
        "exercise_form": exercise_form,
        "copy_form": extra.pop("copy_form", CopySessionForm(initial={"date": session.date})),
        "workout_text": paces_in(workouts.workout_text(session), units.units_of(request.user)),
        **extra,
    }


def _change_form(session: PlanSession, reader: units.Units) -> ChangeForm:
    pace = session.pace_range
    per = 1.0 if reader == "km" else KM_PER_MILE
    return ChangeForm(
        initial={
            "kind": session.kind,
            "run_type": session.run_type,
            "duration_min": session.duration_min,
            "distance_km": session.distance_km,
            "pace_fast": pace_text(pace[0] * per) if pace else "",
            "pace_slow": pace_text(pace[1] * per) if pace else "",
            "hr_zone": session.hr_zone,
        },
        units=reader,
    )


@rules.athlete_scoped
def session_detail(request: HttpRequest, athlete_id: int, session_id: int) -> HttpResponse:
    athlete = athlete_for(request.user, athlete_id)
    session = session_for(athlete, session_id)
    return render(request, "plans/session.html", session_context(request, athlete, session))


@rules.athlete_scoped
@require_POST
def comment(request: HttpRequest, athlete_id: int, session_id: int) -> HttpResponse:
    athlete = athlete_for(request.user, athlete_id, write=True)
    session = session_for(athlete, session_id)
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            add_comment(session=session, author=user_of(request), text=form.cleaned_data["text"])
        except DomainError as error:
            form.add_error("text", error.message)
        else:
            return redirect("plans:session", athlete_id=athlete.pk, session_id=session.pk)
    context = session_context(request, athlete, session, comment_form=form)
    return render(request, "plans/session.html", context, status=400)
