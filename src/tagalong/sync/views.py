"""The sync page: the athlete connects and removes their intervals.icu account; athlete and
coach see the state, each activity's outcome and each planned workout's."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from tagalong.access import rules
from tagalong.access.policy import athlete_for, own_athlete_profile
from tagalong.accounts.models import User
from tagalong.athletes.models import AthleteProfile
from tagalong.errors import DomainError
from tagalong.sync import services
from tagalong.sync.forms import ConnectForm
from tagalong.sync.models import Connection
from tagalong.sync.selectors import page_context


def _by(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def _own(request: HttpRequest, athlete_id: int) -> AthleteProfile:
    """The key is the athlete's own: only they connect or remove it."""
    athlete = athlete_for(request.user, athlete_id, write=True)
    if athlete.user_id != request.user.pk:
        raise PermissionDenied(
            gettext("Only the runner connects or removes their intervals.icu account.")
        )
    return athlete


@rules.athlete
def my_sync(request: HttpRequest) -> HttpResponse:
    return redirect("sync:page", athlete_id=own_athlete_profile(request.user).pk)


@rules.athlete_scoped
def sync_page(request: HttpRequest, athlete_id: int) -> HttpResponse:
    athlete = athlete_for(request.user, athlete_id)
    return _page(request, athlete, ConnectForm())


def _page(request: HttpRequest, athlete: AthleteProfile, form: ConnectForm) -> HttpResponse:
    context = page_context(request.user, athlete)
    context["form"] = form
    return render(request, "sync/page.html", context, status=400 if form.errors else 200)


@rules.athlete_scoped
@sensitive_post_parameters("api_key")  # kept out of error reports
@require_POST
def connect_view(request: HttpRequest, athlete_id: int) -> HttpResponse:
    athlete = _own(request, athlete_id)
    form = ConnectForm(request.POST)
    if form.is_valid():
        try:
            services.connect(
                athlete=athlete,
                by=_by(request),
                remote_athlete_id=form.cleaned_data["remote_athlete_id"],
                api_key=form.cleaned_data["api_key"],
            )
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(
                request,
                gettext("Connected to intervals.icu: your runs are on their way, then your plan."),
            )
            return redirect("sync:page", athlete_id=athlete.pk)
    return _page(request, athlete, form)


@rules.athlete_scoped
@require_POST
def disconnect_view(request: HttpRequest, athlete_id: int) -> HttpResponse:
    athlete = _own(request, athlete_id)
    if services.disconnect(athlete=athlete, by=_by(request)):
        messages.success(
            request,
            gettext("intervals.icu disconnected and your key deleted. The runs already here stay."),
        )
    return redirect("sync:page", athlete_id=athlete.pk)


@rules.athlete_scoped
@require_POST
def sync_now_view(request: HttpRequest, athlete_id: int) -> HttpResponse:
    athlete = athlete_for(request.user, athlete_id, write=True)
    connection = Connection.objects.filter(athlete=athlete).first()
    if connection is None:
        messages.error(request, gettext("Nothing to sync: intervals.icu is not connected."))
    else:
        from tagalong.sync.tasks import run_sync

        transaction.on_commit(lambda: run_sync.enqueue(connection.pk), robust=True)
        messages.success(request, gettext("Sync started; this page shows what arrived."))
    return redirect("sync:page", athlete_id=athlete.pk)
