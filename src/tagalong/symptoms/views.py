from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from tagalong.access import rules
from tagalong.access.policy import Access, access_to_athlete, athlete_for, own_athlete_profile
from tagalong.accounts.models import User
from tagalong.activities.models import Activity
from tagalong.errors import DomainError
from tagalong.evidence import cite
from tagalong.symptoms.forms import SymptomForm
from tagalong.symptoms.selectors import PAIN_EVIDENCE, calf_pain_series, history
from tagalong.symptoms.services import athlete_today, log_symptoms

HISTORY_DAYS = 90


@rules.athlete
def my_symptoms(request: HttpRequest) -> HttpResponse:
    return redirect("symptoms:log", athlete_id=own_athlete_profile(request.user).pk)


@rules.athlete_scoped
def history_view(request: HttpRequest, athlete_id: int) -> HttpResponse:
    athlete = athlete_for(request.user, athlete_id)
    since = athlete_today(athlete) - timedelta(days=HISTORY_DAYS)
    logs = list(history(athlete, since=since))
    context = {
        "athlete": athlete,
        "logs": logs,
        "series": calf_pain_series(logs),
        "can_edit": access_to_athlete(request.user, athlete) is Access.WRITE,
        "evidence": cite(PAIN_EVIDENCE),
    }
    return render(request, "symptoms/history.html", context)


@rules.athlete_scoped
def log_view(request: HttpRequest, athlete_id: int) -> HttpResponse:
    athlete = athlete_for(request.user, athlete_id, write=True)
    today = athlete_today(athlete)
    recent = Activity.objects.filter(
        athlete=athlete, start__gte=timezone.now() - timedelta(days=14)
    ).order_by("-start")
    form = SymptomForm(request.POST or None, initial={"day": today}, activities=recent)
    if request.method == "POST" and form.is_valid():
        assert isinstance(request.user, User)
        try:
            log_symptoms(
                athlete=athlete,
                by=request.user,
                day=form.cleaned_data["day"],
                scores=form.scores(),
                other_regions=form.other_regions(),
                note=form.cleaned_data["note"],
                activity=form.cleaned_data["activity"],
                red_flags=form.cleaned_data["red_flags"],
            )
        except DomainError as error:
            field = error.field if error.field in form.fields else None
            form.add_error(field, error.message)
        else:
            if form.cleaned_data["red_flags"]:
                return redirect("assessments:calf_check", athlete_id=athlete.pk)
            messages.success(request, _("Thanks, noted."))
            return redirect("symptoms:history", athlete_id=athlete.pk)
    context = {"form": form, "athlete": athlete, "evidence": cite(PAIN_EVIDENCE)}
    return render(request, "symptoms/log.html", context)
