from __future__ import annotations

from datetime import UTC
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.views.decorators.http import require_POST

from tagalong import advice, exercises
from tagalong.access import rules
from tagalong.access.policy import (
    Access,
    access_to_athlete,
    access_to_custom_exercise,
    athlete_for,
    custom_exercise_for,
)
from tagalong.accounts.models import User
from tagalong.activities.display import sport_name
from tagalong.activityfile.analyze import summarize
from tagalong.activityfile.decode import decode_activities
from tagalong.activityfile.errors import ActivityFileError
from tagalong.activityfile.zones import read_in_zone
from tagalong.assessments import exercise_selectors, selectors, services
from tagalong.assessments.forms import CustomExerciseForm, IntakeForm, TestSessionForm
from tagalong.assessments.models import CalfCheckRun, CustomExercise, TestSession
from tagalong.assessments.protocols import PROTOCOLS
from tagalong.assessments.selfcheck import SelfCheckForm
from tagalong.assessments.settle import settle
from tagalong.calfcheck import (
    DISCLAIMER,
    RunSummary,
    case_from_json,
    cause_title,
    merge_activity_summaries,
    said_again,
    verdict_word,
)
from tagalong.errors import DomainError

MAX_FILES = 5
MAX_TOTAL_BYTES = 20 * 1024 * 1024


def _can_write(request: HttpRequest, athlete: Any) -> bool:
    return access_to_athlete(request.user, athlete) is Access.WRITE


@rules.athlete_scoped
def intake(request: HttpRequest, athlete_id: int) -> HttpResponse:
    athlete = athlete_for(request.user, athlete_id, write=request.method == "POST")
    current = selectors.current_intake(athlete)
    form = IntakeForm(
        request.POST or None, initial=IntakeForm.initial_from(current), profile=athlete
    )
    if request.method == "POST" and form.is_valid():
        assert isinstance(request.user, User)
        saved = services.submit_intake(athlete=athlete, by=request.user, data=form.to_data())
        if saved.red_flags:
            return redirect("assessments:calf_check", athlete_id=athlete.pk)
        messages.success(request, gettext("Intake saved. Next: the home tests."))
        return redirect("assessments:tests", athlete_id=athlete.pk)
    return render(
        request,
        "assessments/intake.html",
        {
            "athlete": athlete,
            "form": form,
            "current": current,
            "can_edit": _can_write(request, athlete),
            "from_profile": form.from_profile,
        },
    )


@rules.athlete_scoped
def tests(request: HttpRequest, athlete_id: int) -> HttpResponse:
    athlete = athlete_for(request.user, athlete_id, write=request.method == "POST")
    if selectors.red_flag_intake(athlete):
        return redirect("assessments:calf_check", athlete_id=athlete.pk)
    form = TestSessionForm(request.POST or None, initial={"date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        assert isinstance(request.user, User)
        try:
            services.record_test_session(
                athlete=athlete,
                by=request.user,
                day=form.cleaned_data["date"],
                values=form.values(),
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, gettext("Results saved."))
            return redirect("assessments:tests", athlete_id=athlete.pk)
    sessions = list(TestSession.objects.filter(athlete=athlete).prefetch_related("results")[:12])
    latest = selectors.scored_session(athlete, sessions[0]) if sessions else []
    return render(
        request,
        "assessments/tests.html",
        {
            "athlete": athlete,
            "form": form,
            "protocols": PROTOCOLS,
            "latest": latest,
            "sessions": sessions,
            "series": selectors.history_series(athlete),
            "soleus_target": selectors.soleus_target(),
            "can_edit": _can_write(request, athlete),
        },
    )


@rules.athlete_scoped
def calf_check(request: HttpRequest, athlete_id: int) -> HttpResponse:
    athlete = athlete_for(request.user, athlete_id, write=request.method == "POST")
    if request.method == "POST":
        assert isinstance(request.user, User)
        today = selectors.athlete_today(athlete)
        case = selectors.build_case(athlete, today=today)
        try:
            services.run_calf_check(athlete=athlete, by=request.user, case=case, today=today)
        except DomainError as error:
            messages.error(request, error.message)
        return redirect("assessments:calf_check", athlete_id=athlete.pk)
    red = selectors.red_flag_intake(athlete)
    run = None if red else selectors.latest_run(athlete)
    return render(
        request,
        "assessments/calf_check.html",
        {
            "athlete": athlete,
            "red_flag": red,
            "red_flag_message": _red_message(red.red_flags) if red else None,
            "coaches_told": bool(red) and athlete.links.filter(ended_at__isnull=True).exists(),
            "run": run,
            "result": run.result if run else None,
            **(_result_context(_said(run), athlete_id=athlete.pk) if run else {}),
            "missing": selectors.missing_inputs(athlete),
            "can_edit": _can_write(request, athlete),
            "is_coach": request.user.is_coach,  # type: ignore[union-attr]
            "disclaimer": DISCLAIMER,
        },
    )


def _said(run: CalfCheckRun) -> dict[str, Any]:
    """The stored result with its texts as phrases again, in the reader's language."""
    said: dict[str, Any] = said_again(run.result, run.phrases)
    return said


def _red_message(flags: list[str]) -> str:
    from tagalong.calfcheck.red_flags import urgent_message

    return urgent_message(tuple(flags))


def _result_context(result: dict[str, Any], *, athlete_id: int | None) -> dict[str, Any]:
    findings = []
    for finding in result.get("findings", []):
        findings.append(
            {
                **finding,
                "sources": selectors.citations_for(
                    list(finding.get("citations", []))
                    + [c for a in finding.get("actions", []) for c in a.get("citations", [])]
                ),
                "title": cause_title(finding["cause"]),
                "verdict_word": verdict_word(finding["verdict"]),
                "articles": advice.for_cause(finding["cause"], get_language()),
                "settle": settle(list(finding.get("missing", [])), athlete_id=athlete_id),
            }
        )
    return {
        "findings": findings,
        "top_sources": selectors.citations_for(result.get("citations", [])),
    }


@rules.coach
@require_POST
def calf_check_note(request: HttpRequest, athlete_id: int, run_id: int) -> HttpResponse:
    athlete = athlete_for(request.user, athlete_id, write=True)
    if run_id >= 2**63:  # the database cannot hold the id
        raise Http404("No such calf check.")
    run = get_object_or_404(CalfCheckRun, athlete=athlete, pk=run_id)
    assert isinstance(request.user, User)
    services.add_coach_note(run=run, by=request.user, note=request.POST.get("note", "")[:4000])
    messages.success(request, gettext("Note saved."))
    return redirect("assessments:calf_check", athlete_id=athlete.pk)


@rules.public
def exercise_list(request: HttpRequest) -> HttpResponse:
    """The library for everyone, with the coaches' own exercises for those who may see them."""
    return render(
        request,
        "assessments/exercise_list.html",
        {
            "groups": exercise_selectors.exercise_groups(request.user),
            "is_coach": getattr(request.user, "is_coach", False),
        },
    )


@rules.public
def exercise_detail(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        exercise = exercises.get(slug)
    except KeyError:
        raise Http404("No such exercise.") from None
    link = {s: exercises.LIBRARY.get(s) for s in (exercise.regression, exercise.progression) if s}
    return render(
        request,
        "assessments/exercise_detail.html",
        {
            "exercise": exercise,
            "equipment": exercises.equipment_words(exercise.equipment),
            "regression": link.get(exercise.regression or ""),
            "progression": link.get(exercise.progression or ""),
            "sources": selectors.citations_for(list(exercise.citations)),
        },
    )


@rules.public
def article_detail(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        article = advice.get(slug, get_language())
    except KeyError:
        raise Http404("No such article.") from None
    return render(
        request,
        "assessments/article.html",
        {
            "article": article,
            "body": advice.render_html(article),
            "sources": selectors.citations_for(list(article.citations)),
        },
    )


@rules.public
def self_check(request: HttpRequest) -> HttpResponse:
    """No account, nothing stored: the case lives only for this request."""
    form = SelfCheckForm(request.POST or None, request.FILES or None)
    context: dict[str, Any] = {"form": form, "disclaimer": DISCLAIMER}
    if request.method == "POST" and form.is_valid():
        summaries, file_errors = _summaries(request.FILES.getlist("files"))
        context["file_errors"] = file_errors
        case_dict = form.to_case()
        try:
            result = services.evaluate_case(case_dict, today=timezone.localdate())
            if summaries and not result["stop"]:
                merged = merge_activity_summaries(case_from_json(case_dict), summaries)
                from tagalong.calfcheck import check_calves, result_to_json

                result = result_to_json(check_calves(merged, today=timezone.localdate()))
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            context["result"] = result
            if result["stop"]:
                context["red_flag_message"] = result["message"]
            context.update(_result_context(result, athlete_id=None))
    return render(request, "assessments/self_check.html", context)


def _summaries(files: list[Any]) -> tuple[list[RunSummary], list[str]]:
    errors: list[str] = []
    if len(files) > MAX_FILES:
        return [], [
            gettext("Up to %(most)s files at a time; you sent %(sent)s.")
            % {"most": MAX_FILES, "sent": len(files)}
        ]
    if sum(f.size for f in files) > MAX_TOTAL_BYTES:
        return [], [gettext("The files add up to more than 20 MB; send fewer or smaller files.")]
    summaries = []
    for upload in files:
        try:
            # Every leg of a multisport file: only the running legs are the calf check's runs.
            activities = [
                read_in_zone(activity, None)
                for activity in decode_activities(upload.read(), filename=upload.name)
            ]
        except ActivityFileError as error:
            errors.append(str(error.message))
            continue
        runs = [activity for activity in activities if activity.is_run]
        if not runs:
            sports = sorted({str(sport_name(a.sport, a.sub_sport or "")) for a in activities})
            errors.append(
                gettext("%(file)s: no run in this file (%(sports)s); skipped.")
                % {"file": upload.name, "sports": ", ".join(sports).lower()}
            )
            continue
        for activity in runs:
            if not activity.distance_m:
                errors.append(
                    gettext("%(file)s: no distance recorded; skipped.") % {"file": upload.name}
                )
                continue
            summaries.append(_summary(activity, upload.name))
    return summaries, errors


def _summary(activity: Any, name: str) -> RunSummary:
    """As the command line summarises a file, so the self-check and the CLI agree."""
    cadence = summarize(activity, file=name)["avg_cadence_spm"] if activity.is_run else None
    moving = activity.moving_s or activity.duration_s
    return RunSummary(
        date=activity.start.astimezone(UTC).date(),
        distance_km=activity.distance_m / 1000,
        duration_min=activity.duration_s / 60,
        avg_cadence_spm=cadence if isinstance(cadence, int | float) else None,
        avg_speed_m_s=activity.distance_m / moving if moving else None,
        sport=activity.sport,
    )


# --- coaches' own exercises ---------------------------------------------------------------------


def _custom_form(request: HttpRequest, exercise: CustomExercise | None) -> CustomExerciseForm:
    practice_id = exercise.practice_id if exercise else _coach_practice_id(request.user)
    return CustomExerciseForm(
        request.POST or None,
        initial=CustomExerciseForm.initial_from(exercise),
        links=exercise_selectors.link_choices(
            practice_id, exclude=exercise.pk if exercise else None
        ),
    )


def _coach_practice_id(user: Any) -> int | None:
    profile = getattr(user, "coach_profile", None)
    return profile.practice_id if profile is not None else None


def _save_custom(
    request: HttpRequest, form: CustomExerciseForm, exercise: CustomExercise | None
) -> CustomExercise | None:
    assert isinstance(request.user, User)
    try:
        if exercise is None:
            return services.create_custom_exercise(author=request.user, data=form.to_data())
        return services.update_custom_exercise(
            exercise=exercise, by=request.user, data=form.to_data()
        )
    except DomainError as error:
        form.add_error(error.field if error.field in form.fields else None, error.message)
        return None


@rules.coach
def custom_exercise_new(request: HttpRequest) -> HttpResponse:
    form = _custom_form(request, None)
    if request.method == "POST" and form.is_valid():
        saved = _save_custom(request, form, None)
        if saved is not None:
            messages.success(
                request, gettext("Exercise saved. Your practice's coaches can see it.")
            )
            return redirect("assessments:custom_exercise", exercise_id=saved.pk)
    return render(request, "assessments/custom_exercise_form.html", {"form": form})


@rules.coach
def custom_exercise_edit(request: HttpRequest, exercise_id: int) -> HttpResponse:
    exercise = custom_exercise_for(request.user, exercise_id, write=True)
    form = _custom_form(request, exercise)
    if request.method == "POST" and form.is_valid():
        saved = _save_custom(request, form, exercise)
        if saved is not None:
            messages.success(request, gettext("Exercise saved."))
            return redirect("assessments:custom_exercise", exercise_id=saved.pk)
    return render(
        request, "assessments/custom_exercise_form.html", {"form": form, "exercise": exercise}
    )


@rules.coach
@require_POST
def custom_exercise_delete(request: HttpRequest, exercise_id: int) -> HttpResponse:
    exercise = custom_exercise_for(request.user, exercise_id, write=True)
    assert isinstance(request.user, User)
    services.delete_custom_exercise(exercise=exercise, by=request.user)
    messages.success(request, gettext("%(name)s deleted.") % {"name": exercise.name})
    return redirect("assessments:exercises")


@rules.signed_in
def custom_exercise_detail(request: HttpRequest, exercise_id: int) -> HttpResponse:
    exercise = custom_exercise_for(request.user, exercise_id)
    link = {
        k: exercise_selectors.linked(
            getattr(exercise, k), practice_id=exercise.practice_id, user=request.user
        )
        for k in ("regression", "progression")
    }
    return render(
        request,
        "assessments/custom_exercise_detail.html",
        {
            "exercise": exercise,
            "equipment": exercises.equipment_words(exercise.equipment),
            **link,
            "can_edit": access_to_custom_exercise(request.user, exercise) is Access.WRITE,
        },
    )
