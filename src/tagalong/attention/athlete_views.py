"""One athlete's attention page: signals with their evidence, notes, availability, red flag."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from tagalong.access import rules
from tagalong.access.policy import Access, access_to_athlete, athlete_for
from tagalong.accounts.models import User
from tagalong.athletes.models import AthleteProfile
from tagalong.attention import selectors, services
from tagalong.attention.facts import Facts
from tagalong.attention.forms import (
    AcknowledgeForm,
    ClearRedFlagForm,
    MarkerForm,
    SettingForm,
    SnoozeForm,
)
from tagalong.attention.red_flags import clear_red_flag, open_red_flag
from tagalong.errors import DomainError


def coach_writer(request: HttpRequest, athlete_id: int) -> tuple[AthleteProfile, User]:
    """The athlete, for a coach who may change their record (the runner may not act here)."""
    athlete = athlete_for(request.user, athlete_id, write=True)
    assert isinstance(request.user, User)
    if not request.user.is_coach:
        raise PermissionDenied(gettext("Only the runner's coach can do this."))
    return athlete, request.user


def _today(athlete: AthleteProfile) -> object:
    return Facts(athlete=athlete, now=timezone.now()).today


@rules.athlete_scoped
def athlete_attention(request: HttpRequest, athlete_id: int) -> HttpResponse:
    athlete = athlete_for(request.user, athlete_id)
    signals = selectors.athlete_signals(athlete)
    today = _today(athlete)
    setting = getattr(athlete, "attention_setting", None)
    can_act = access_to_athlete(request.user, athlete) is Access.WRITE and bool(
        request.user.is_coach
    )  # type: ignore[union-attr]
    return render(
        request,
        "attention/athlete.html",
        {
            "athlete": athlete,
            "open": [s for s in signals if s.is_open_on(today)],  # type: ignore[arg-type]
            "handled": [s for s in signals if not s.is_open_on(today)],  # type: ignore[arg-type]
            "notes": selectors.notes_of(athlete),
            "markers": selectors.markers_of(athlete),
            "red_flag": open_red_flag(athlete),
            "red_flags": selectors.red_flags_of(athlete),
            "can_act": can_act,
            "snooze_form": SnoozeForm(),
            "ack_form": AcknowledgeForm(),
            "marker_form": MarkerForm(),
            "clear_form": ClearRedFlagForm(initial={"seen_on": today}),
            "setting_form": SettingForm(
                initial={"no_data_days": setting.no_data_days if setting else 7}
            ),
            "today": today,
        },
    )


def _back(athlete: AthleteProfile) -> HttpResponse:
    return redirect("attention:athlete", athlete_id=athlete.pk)


def _errors(request: HttpRequest, form: object) -> None:
    for field, errors in form.errors.items():  # type: ignore[attr-defined]
        label = form.fields[field].label if field in form.fields else ""  # type: ignore[attr-defined]
        messages.error(request, f"{label}: {' '.join(errors)}" if label else " ".join(errors))


def _act(request: HttpRequest, athlete: AthleteProfile, action: object, done: str) -> HttpResponse:
    try:
        action()  # type: ignore[operator]
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, done)
    return _back(athlete)


@rules.athlete_scoped
@require_POST
def acknowledge(request: HttpRequest, athlete_id: int, signal_id: int) -> HttpResponse:
    athlete, coach = coach_writer(request, athlete_id)
    signal = selectors.signal_for(athlete, signal_id)
    form = AcknowledgeForm(request.POST)
    if not form.is_valid():
        _errors(request, form)
        return _back(athlete)
    return _act(
        request,
        athlete,
        lambda: services.acknowledge(signal=signal, by=coach, note=form.cleaned_data["note"]),
        gettext("“%(reason)s” acknowledged; the note is on %(name)s's record.")
        % {"reason": signal.label, "name": athlete.name},
    )


@rules.athlete_scoped
@require_POST
def snooze(request: HttpRequest, athlete_id: int, signal_id: int) -> HttpResponse:
    athlete, coach = coach_writer(request, athlete_id)
    signal = selectors.signal_for(athlete, signal_id)
    form = SnoozeForm(request.POST)
    if not form.is_valid():
        _errors(request, form)
        return _back(athlete)
    until = form.cleaned_data["until"]
    return _act(
        request,
        athlete,
        lambda: services.snooze(
            signal=signal,
            by=coach,
            until=until,
            reason=form.cleaned_data["reason"],
            today=_today(athlete),
        ),  # type: ignore[arg-type]
        gettext("“%(reason)s” snoozed until %(day)s; it comes back sooner if it gets worse.")
        % {"reason": signal.label, "day": f"{until:%-d %b}"},
    )


@rules.athlete_scoped
@require_POST
def add_marker(request: HttpRequest, athlete_id: int) -> HttpResponse:
    athlete, coach = coach_writer(request, athlete_id)
    form = MarkerForm(request.POST)
    if not form.is_valid():
        _errors(request, form)
        return _back(athlete)
    return _act(
        request,
        athlete,
        lambda: services.add_marker(athlete=athlete, by=coach, **form.cleaned_data),
        gettext("Days marked; they no longer count against the plan."),
    )


@rules.athlete_scoped
@require_POST
def remove_marker(request: HttpRequest, athlete_id: int, marker_id: int) -> HttpResponse:
    athlete, coach = coach_writer(request, athlete_id)
    marker = selectors.marker_for(athlete, marker_id)
    return _act(
        request,
        athlete,
        lambda: services.remove_marker(marker=marker, by=coach),
        gettext("Marker removed."),
    )


@rules.athlete_scoped
@require_POST
def settings_view(request: HttpRequest, athlete_id: int) -> HttpResponse:
    athlete, coach = coach_writer(request, athlete_id)
    form = SettingForm(request.POST)
    if not form.is_valid():
        _errors(request, form)
        return _back(athlete)
    return _act(
        request,
        athlete,
        lambda: services.set_no_data_days(
            athlete=athlete, by=coach, days=form.cleaned_data["no_data_days"]
        ),
        gettext("Setting saved."),
    )


@rules.athlete_scoped
@require_POST
def clear_flag(request: HttpRequest, athlete_id: int) -> HttpResponse:
    athlete, coach = coach_writer(request, athlete_id)
    flag = open_red_flag(athlete)
    if flag is None:
        messages.info(request, gettext("There is no open red flag."))
        return _back(athlete)
    form = ClearRedFlagForm(request.POST)
    if not form.is_valid():
        _errors(request, form)
        return _back(athlete)
    return _act(
        request,
        athlete,
        lambda: clear_red_flag(
            flag=flag,
            by=coach,
            seen_on=form.cleaned_data["seen_on"],
            note=form.cleaned_data["note"],
            today=_today(athlete),
        ),  # type: ignore[arg-type]
        gettext("Red flag cleared: the plan runs again."),
    )
