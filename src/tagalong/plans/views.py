from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRefresh

from tagalong import units
from tagalong.access import rules
from tagalong.access.policy import (
    Access,
    access_to_athlete,
    athlete_for,
    group_for,
    own_athlete_profile,
    visible_athletes,
)
from tagalong.accounts.models import User
from tagalong.athletes.groups import coach_groups
from tagalong.athletes.models import AthleteProfile
from tagalong.attention.red_flags import plan_pause
from tagalong.errors import DomainError
from tagalong.plans import builder, calendar_items, intake, selectors, services, workouts
from tagalong.plans import proposals as adaptation
from tagalong.plans.forms import (
    ApplyGroupForm,
    ApplyTemplateForm,
    AutoApplyForm,
    ChangeForm,
    CommentForm,
    CopySessionForm,
    CopyWeekForm,
    DecisionForm,
    ExerciseForm,
    GeneratePlanForm,
    MoveForm,
    TemplateForm,
)
from tagalong.plans.models import PlanSession, Template
from tagalong.web.unit_fields import KM_PER_MILE


def user_of(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def _can_edit(request: HttpRequest, athlete: AthleteProfile) -> bool:
    return access_to_athlete(request.user, athlete) is Access.WRITE


def _can_plan(request: HttpRequest, athlete: AthleteProfile) -> bool:
    """Coaches with write access build plans; athletes see and comment."""
    return _can_edit(request, athlete) and user_of(request).is_coach


def coach_for(request: HttpRequest, athlete_id: int) -> AthleteProfile:
    athlete = athlete_for(request.user, athlete_id, write=True)
    if not user_of(request).is_coach:
        rules.forbid("Only the athlete's coach changes the plan.")
    return athlete


@rules.athlete_scoped
def plan_index(request: HttpRequest, athlete_id: int) -> HttpResponse:
    athlete = athlete_for(request.user, athlete_id)
    context = {
        "athlete": athlete,
        "plans": athlete.plans.all(),
        "can_plan": _can_plan(request, athlete),
        "can_edit": _can_edit(request, athlete),
        "feed": selectors.live_feed_token(athlete),
        "auto_apply": AutoApplyForm(initial={"auto_apply": selectors.auto_apply_on(athlete)}),
    }
    return render(request, "plans/index.html", context)


@rules.athlete
def my_plan(request: HttpRequest) -> HttpResponse:
    athlete = own_athlete_profile(request.user)
    return redirect("plans:index", athlete_id=athlete.pk)


@rules.athlete_scoped
def generate(request: HttpRequest, athlete_id: int) -> HttpResponse:
    athlete = coach_for(request, athlete_id)
    today = selectors.athlete_today(athlete)
    start = selectors.monday_of(today) + dt.timedelta(days=7)
    inputs = intake.plan_inputs(athlete, today=today, start=start)
    alternatives: list[dict[str, Any]] = []
    form = GeneratePlanForm(
        request.POST or None, athlete=athlete, initial={"start": start, **inputs.initial}
    )
    if request.method == "POST" and form.is_valid():
        try:
            plan = services.generate_for_athlete(
                athlete=athlete,
                by=user_of(request),
                inputs_used=intake.inputs_used(inputs, form.cleaned_data),
                **form.service_args(),
            )
        except DomainError as error:
            name = (error.field or "").rsplit(".", 1)[-1]
            form.add_error(name if name in form.fields else None, error.message)
            alternatives = _alternative_forms(request, error)
        else:
            messages.success(request, "Plan ready. Review it and adjust anything you like.")
            return redirect("plans:detail", athlete_id=athlete.pk, plan_id=plan.pk)
    context = {"athlete": athlete, "form": form, "inputs": inputs, "alternatives": alternatives}
    return render(request, "plans/generate.html", context)


def _open_week(grid: list[Any], today: dt.date) -> int:
    """The week (counted from 1) that the plan page opens: this week, else the first or last."""
    for number, week in enumerate(grid, start=1):
        if week[0][0] <= today <= week[6][0]:
            return number
    return len(grid) if grid and today > grid[-1][6][0] else 1


def _alternative_forms(request: HttpRequest, error: DomainError) -> list[dict[str, Any]]:
    """A refused request's alternatives, each as the same form with the goal changed: one
    click plans it."""
    found = error.details.get("alternatives", []) if isinstance(error.details, dict) else []
    posted = {k: v for k, v in request.POST.items() if k != "csrfmiddlewaretoken"}
    out = []
    for alt in found:
        fields = {**posted, "goal": alt["goal"], "race_date": alt["race_date"] or ""}
        fields["weeks"] = "" if alt["race_date"] else str(alt["weeks"] or "")
        fields.pop("walk_breaks", None)
        if alt["walk_breaks"]:
            fields["walk_breaks"] = "on"
        out.append({"label": alt["label"], "fields": sorted(fields.items())})
    return out


def _builder_context(request: HttpRequest, athlete: AthleteProfile, plan: Any) -> dict[str, Any]:
    today = selectors.athlete_today(athlete)
    sessions = list(plan.sessions.all())
    can_plan = _can_plan(request, athlete)
    grid = selectors.calendar_weeks(plan.start, plan.end, sessions)
    return {
        "athlete": athlete,
        "plan": plan,
        "grid": grid,
        "open_week": _open_week(grid, today),
        "today": today,
        "compliance": selectors.compliance_by_session(athlete, sessions, today),
        "can_plan": can_plan,
        "warnings": selectors.limit_warnings(plan) if can_plan else [],
        "versions": plan.versions.select_related("created_by")[:10],
        "exercise_rows": selectors.exercise_rows_by_session(sessions, request.user),
        "template_form": TemplateForm(initial={"name": plan.title}, coach=request.user),
        "open_proposals": selectors.proposal_rows(selectors.open_proposals(plan)),
        "made_proposals": selectors.proposal_rows(selectors.made_proposals(plan)),
    }


@rules.athlete_scoped
def plan_detail(request: HttpRequest, athlete_id: int, plan_id: int) -> HttpResponse:
    athlete = athlete_for(request.user, athlete_id)
    plan = selectors.plan_for(athlete, plan_id)
    return render(request, "plans/detail.html", _builder_context(request, athlete, plan))


@rules.athlete_scoped
def plan_print(request: HttpRequest, athlete_id: int, plan_id: int) -> HttpResponse:
    athlete = athlete_for(request.user, athlete_id)
    plan = selectors.plan_for(athlete, plan_id)
    context = {
        "athlete": athlete,
        "plan": plan,
        "weeks": selectors.weeks_of(plan),
        "exercise_rows": selectors.exercise_rows_by_session(plan.sessions.all(), request.user),
    }
    return render(request, "plans/print.html", context)


@rules.athlete_scoped
def calendar(request: HttpRequest, athlete_id: int) -> HttpResponse:
    athlete = athlete_for(request.user, athlete_id)
    today = selectors.athlete_today(athlete)
    view = "week" if request.GET.get("view") == "week" else "month"
    try:
        anchor = dt.date.fromisoformat(request.GET.get("date", ""))
    except ValueError:
        anchor = today
    if view == "week":
        start = selectors.monday_of(anchor)
        end = start + dt.timedelta(days=6)
        prev, nxt = start - dt.timedelta(days=7), start + dt.timedelta(days=7)
    else:
        start = anchor.replace(day=1)
        end = (start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        prev, nxt = (start - dt.timedelta(days=1)).replace(day=1), end + dt.timedelta(days=1)
    first, last = selectors.monday_of(start), selectors.monday_of(end) + dt.timedelta(days=6)
    sessions = selectors.athlete_sessions(athlete, first, last)
    compliance = selectors.compliance_by_session(athlete, sessions, today)
    items = calendar_items.items_between(athlete, first, last, sessions, compliance)
    weeks = calendar_items.weeks_of(start, end, items)
    # On a phone the month is one week strip and the sessions of one day: the chosen day, else
    # today when it is in this month, else the first of the month.
    try:
        day = dt.date.fromisoformat(request.GET.get("day", ""))
    except ValueError:
        day = today if start <= today <= end else start
    day = min(max(day, first), last)
    strip = next(week for week in weeks if week[0][0] <= day <= week[6][0])
    context = {
        "athlete": athlete,
        "view": view,
        "start": start,
        "end": end,
        "prev": prev,
        "next": nxt,
        "today": today,
        "weeks": weeks,
        "day": day,
        "strip": strip,
        "kinds": list(calendar_items.KIND_WORDS.items()),
        "day_items": next(items for d, items in strip if d == day),
        "strip_prev": day - dt.timedelta(days=7),
        "strip_next": day + dt.timedelta(days=7),
    }
    return render(request, "plans/calendar.html", context)


def session_context(
    request: HttpRequest, athlete: AthleteProfile, session: PlanSession, **extra: Any
) -> dict[str, Any]:
    today = selectors.athlete_today(athlete)
    can_plan = _can_plan(request, athlete)
    exercise_form = extra.pop("exercise_form", None)
    if exercise_form is None and can_plan:  # its choices are the coach's practice's exercises
        exercise_form = ExerciseForm(user=request.user)
    return {
        "athlete": athlete,
        "session": session,
        "why": selectors.why_entries(session),
        "exercises": selectors.exercise_rows_by_session([session], request.user)[session.pk],
        "comments": session.comments.select_related("author"),
        "compliance": selectors.compliance_by_session(athlete, [session], today).get(session.pk),
        "can_plan": can_plan,
        "can_comment": _can_edit(request, athlete),
        "comment_form": extra.pop("comment_form", CommentForm()),
        "move_form": extra.pop("move_form", MoveForm(initial={"date": session.date})),
        "change_form": extra.pop(
            "change_form", _change_form(session, units.units_of(request.user))
        ),
        "exercise_form": exercise_form,
        "copy_form": extra.pop("copy_form", CopySessionForm(initial={"date": session.date})),
        "workout_text": selectors.paces_in(
            workouts.workout_text(session), units.units_of(request.user)
        ),
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
            "pace_fast": selectors.pace_text(pace[0] * per) if pace else "",
            "pace_slow": selectors.pace_text(pace[1] * per) if pace else "",
            "hr_zone": session.hr_zone,
        },
        units=reader,
    )


@rules.athlete_scoped
def session_detail(request: HttpRequest, athlete_id: int, session_id: int) -> HttpResponse:
    athlete = athlete_for(request.user, athlete_id)
    session = selectors.session_for(athlete, session_id)
    return render(request, "plans/session.html", session_context(request, athlete, session))


@rules.athlete_scoped
@require_POST
def comment(request: HttpRequest, athlete_id: int, session_id: int) -> HttpResponse:
    athlete = athlete_for(request.user, athlete_id, write=True)
    session = selectors.session_for(athlete, session_id)
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            services.add_comment(
                session=session, author=user_of(request), text=form.cleaned_data["text"]
            )
        except DomainError as error:
            form.add_error("text", error.message)
        else:
            return redirect("plans:session", athlete_id=athlete.pk, session_id=session.pk)
    context = session_context(request, athlete, session, comment_form=form)
    return render(request, "plans/session.html", context, status=400)


def _card(
    request: HttpRequest, athlete: AthleteProfile, session: PlanSession, errors: list[str]
) -> HttpResponse:
    """The builder's card after an inline (htmx) edit, with the limit warnings swapped too."""
    session.refresh_from_db()
    today = selectors.athlete_today(athlete)
    context = {
        "athlete": athlete,
        "plan": session.plan,
        "s": session,
        "can_plan": True,
        "errors": errors,
        "compliance": selectors.compliance_by_session(athlete, [session], today),
        "exercise_rows": selectors.exercise_rows_by_session([session], request.user),
        "warnings": selectors.limit_warnings(session.plan),
    }
    return render(request, "plans/_session_card_htmx.html", context)


def _edited(
    request: HttpRequest,
    athlete: AthleteProfile,
    session: PlanSession,
    *,
    moved: bool = False,
    **forms: Any,
) -> HttpResponse:
    """After an edit: the card again for an inline (htmx) edit, else back to the session page.

    ``forms`` holds the form that failed, if any, so its errors are shown.
    """
    if request.htmx:  # type: ignore[attr-defined]
        errors = [str(e) for form in forms.values() for es in form.errors.values() for e in es]
        if moved and not errors:
            return HttpResponseClientRefresh()  # the card may now belong to another week
        return _card(request, athlete, session, errors)
    if forms:
        context = session_context(request, athlete, session, **forms)
        return render(request, "plans/session.html", context, status=400)
    messages.success(request, "Saved. The calendar feed shows the change on its next refresh.")
    return redirect("plans:session", athlete_id=athlete.pk, session_id=session.pk)


@rules.athlete_scoped
@require_POST
def move(request: HttpRequest, athlete_id: int, session_id: int) -> HttpResponse:
    athlete = coach_for(request, athlete_id)
    session = selectors.session_for(athlete, session_id)
    form = MoveForm(request.POST)
    if form.is_valid():
        try:
            builder.move_session(session=session, to=form.cleaned_data["date"], by=user_of(request))
        except DomainError as error:
            form.add_error("date", error.message)
    failed = {"move_form": form} if form.errors else {}
    return _edited(request, athlete, session, moved=True, **failed)


@rules.athlete_scoped
@require_POST
def change(request: HttpRequest, athlete_id: int, session_id: int) -> HttpResponse:
    athlete = coach_for(request, athlete_id)
    session = selectors.session_for(athlete, session_id)
    form = ChangeForm(request.POST, units=units.units_of(request.user))
    if form.is_valid():
        try:
            builder.change_session(session=session, by=user_of(request), changes=form.changes())
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
    return _edited(request, athlete, session, **({"change_form": form} if form.errors else {}))


@rules.athlete_scoped
@require_POST
def add_exercise(request: HttpRequest, athlete_id: int, session_id: int) -> HttpResponse:
    athlete = coach_for(request, athlete_id)
    session = selectors.session_for(athlete, session_id)
    form = ExerciseForm(request.POST, user=request.user)
    if form.is_valid():
        try:
            services.add_exercise(session=session, by=user_of(request), **form.cleaned_data)
        except DomainError as error:
            form.add_error("slug", error.message)
    return _edited(request, athlete, session, **({"exercise_form": form} if form.errors else {}))


@rules.athlete_scoped
@require_POST
def delete(request: HttpRequest, athlete_id: int, session_id: int) -> HttpResponse:
    athlete = coach_for(request, athlete_id)
    session = selectors.session_for(athlete, session_id)
    plan_id = session.plan_id
    services.delete_session(session=session, by=user_of(request))
    messages.success(request, "Session removed.")
    return redirect("plans:detail", athlete_id=athlete.pk, plan_id=plan_id)


@rules.athlete_scoped
@require_POST
def copy_week(request: HttpRequest, athlete_id: int, plan_id: int) -> HttpResponse:
    athlete = coach_for(request, athlete_id)
    plan = selectors.plan_for(athlete, plan_id)
    form = CopyWeekForm(request.POST)
    if form.is_valid():
        try:
            services.copy_week(plan=plan, by=user_of(request), **form.cleaned_data)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, "Week copied.")
    else:
        messages.error(request, "Pick the Monday of the week to copy onto.")
    return redirect("plans:detail", athlete_id=athlete.pk, plan_id=plan.pk)


@rules.athlete_scoped
@require_POST
def save_template(request: HttpRequest, athlete_id: int, plan_id: int) -> HttpResponse:
    athlete = coach_for(request, athlete_id)
    plan = selectors.plan_for(athlete, plan_id)
    form = TemplateForm(request.POST, coach=request.user)
    if form.is_valid():
        replace = form.cleaned_data.get("replace")
        if replace is not None:
            services.replace_template_sessions(template=replace, plan=plan, by=user_of(request))
            messages.success(request, f"{replace.name} now has this plan's sessions.")
        else:
            services.save_as_template(
                plan=plan, by=user_of(request), name=form.cleaned_data["name"]
            )
            messages.success(request, "Saved as a template.")
        return redirect("plans:templates")
    messages.error(request, "Give the template a name, or pick one of your templates.")
    return redirect("plans:detail", athlete_id=athlete.pk, plan_id=plan.pk)


@rules.athlete_scoped
def workout_fit(request: HttpRequest, athlete_id: int, session_id: int) -> HttpResponse:
    athlete = athlete_for(request.user, athlete_id)
    session = selectors.session_for(athlete, session_id)
    if session.kind != "run":
        raise Http404("Only run sessions have a workout file")
    if pause := plan_pause(athlete):
        return render(request, "attention/plan_paused.html", {"pause": pause}, status=409)
    try:
        data = selectors.fit_bytes(session, now=timezone.now())
    except ValueError as error:
        messages.error(request, str(error))
        return redirect("plans:session", athlete_id=athlete.pk, session_id=session.pk)
    response = HttpResponse(data, content_type="application/vnd.ant.fit")
    name = f"{session.date:%Y-%m-%d}-{session.run_type or 'run'}.fit"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@rules.athlete_scoped
@require_POST
def feed_rotate(request: HttpRequest, athlete_id: int) -> HttpResponse:
    athlete = athlete_for(request.user, athlete_id, write=True)
    services.rotate_feed_token(athlete=athlete, by=user_of(request))
    messages.success(request, "New calendar link made. The old link no longer works.")
    return redirect("plans:index", athlete_id=athlete.pk)


@rules.athlete_scoped
@require_POST
def feed_revoke(request: HttpRequest, athlete_id: int) -> HttpResponse:
    athlete = athlete_for(request.user, athlete_id, write=True)
    services.revoke_feed_token(athlete=athlete, by=user_of(request))
    messages.success(request, "Calendar link turned off.")
    return redirect("plans:index", athlete_id=athlete.pk)


@rules.public
def feed(request: HttpRequest, token: str) -> HttpResponse:
    found = selectors.feed_token_lookup(token)
    data = selectors.feed_bytes(found.athlete, now=timezone.now())
    response = HttpResponse(data, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, max-age=900"
    return response


def feed_url(request: HttpRequest, token: str) -> str:
    return request.build_absolute_uri(reverse("plans:feed", kwargs={"token": token}))


@rules.coach
def templates(request: HttpRequest) -> HttpResponse:
    athletes = visible_athletes(request.user)
    context = {
        "templates": Template.objects.filter(coach=user_of(request)),
        "apply_form": ApplyTemplateForm(athletes=athletes),
        "group_form": ApplyGroupForm(groups=coach_groups(user_of(request))),
    }
    return render(request, "plans/templates.html", context)


@rules.coach
@require_POST
def apply_template(request: HttpRequest, template_id: int) -> HttpResponse:
    template = get_object_or_404(Template, pk=template_id, coach=request.user)
    form = ApplyTemplateForm(request.POST, athletes=visible_athletes(request.user))
    if not form.is_valid():
        messages.error(request, "Pick an athlete and a start date.")
        return redirect("plans:templates")
    athlete = athlete_for(request.user, form.cleaned_data["athlete"].pk, write=True)
    try:
        (plan,) = services.apply_template(
            template=template,
            athletes=[athlete],
            start=form.cleaned_data["start"],
            by=user_of(request),
        )
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("plans:templates")
    messages.success(request, f"Plan made for {athlete.name}.")
    return redirect("plans:detail", athlete_id=athlete.pk, plan_id=plan.pk)


@rules.coach
@require_POST
def apply_template_group(request: HttpRequest, template_id: int) -> HttpResponse:
    template = get_object_or_404(Template, pk=template_id, coach=request.user)
    form = ApplyGroupForm(request.POST, groups=coach_groups(user_of(request)))
    if not form.is_valid():
        messages.error(request, "Pick one of your groups and a start date.")
        return redirect("plans:templates")
    group = group_for(request.user, form.cleaned_data["group"].pk)
    try:
        result = services.apply_template_to_group(
            template=template, group=group, start=form.cleaned_data["start"], by=user_of(request)
        )
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("plans:templates")
    made = ", ".join(p.athlete.name for p in result.plans) or "no one"
    messages.success(request, f"Plans made from {template.name} for {made}.")
    for athlete, reason in result.skipped:
        messages.warning(request, f"Skipped {athlete.name}: {reason}.")
    return redirect("plans:templates")


# --- adaptation proposals ---------------------------------------------------------------------


@rules.coach
def proposals(request: HttpRequest) -> HttpResponse:
    rows = selectors.proposal_rows(selectors.coach_open_proposals(user_of(request)))
    return render(request, "plans/proposals.html", {"rows": rows, "decision_form": DecisionForm()})


def _decided(request: HttpRequest, athlete: AthleteProfile, proposal: Any) -> HttpResponse:
    form = DecisionForm(request.POST)
    if form.is_valid() and form.cleaned_data.get("back") == "list":
        return redirect("plans:proposals")
    url = reverse("plans:detail", kwargs={"athlete_id": athlete.pk, "plan_id": proposal.plan_id})
    return redirect(f"{url}#proposals")


@rules.athlete_scoped
@require_POST
def approve_proposal(request: HttpRequest, athlete_id: int, proposal_id: int) -> HttpResponse:
    athlete = coach_for(request, athlete_id)
    proposal = selectors.proposal_for(athlete, proposal_id)
    try:
        adaptation.approve(proposal=proposal, by=user_of(request))
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "Approved: the plan has changed and the athlete sees why.")
    return _decided(request, athlete, proposal)


@rules.athlete_scoped
@require_POST
def reject_proposal(request: HttpRequest, athlete_id: int, proposal_id: int) -> HttpResponse:
    athlete = coach_for(request, athlete_id)
    proposal = selectors.proposal_for(athlete, proposal_id)
    form = DecisionForm(request.POST)
    note = form.cleaned_data.get("note", "") if form.is_valid() else ""
    try:
        adaptation.reject(proposal=proposal, by=user_of(request), note=note)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "Rejected: the plan stays as it is.")
    return _decided(request, athlete, proposal)


@rules.athlete_scoped
@require_POST
def auto_apply(request: HttpRequest, athlete_id: int) -> HttpResponse:
    athlete = coach_for(request, athlete_id)
    form = AutoApplyForm(request.POST)
    enabled = bool(form.is_valid() and form.cleaned_data["auto_apply"])
    adaptation.set_auto_apply(athlete=athlete, by=user_of(request), enabled=enabled)
    if enabled:
        messages.success(request, "Proposed changes for this athlete are now made at once.")
    else:
        messages.success(request, "Proposed changes now wait for your approval.")
    return redirect("plans:index", athlete_id=athlete.pk)
