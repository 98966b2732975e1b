"""Settings › Who can see my data: the runner's coaches, the colleagues of their practice
and whether each may look, with a switch per colleague and one for the whole practice."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from tagalong.access import rules
from tagalong.access.policy import (
    consent_colleague_for,
    consent_for,
    consent_practice_for,
    own_athlete_profile,
    who_can_see,
)
from tagalong.accounts.models import User
from tagalong.athletes import consent
from tagalong.errors import DomainError


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


@rules.athlete
def privacy(request: HttpRequest) -> HttpResponse:
    athlete = own_athlete_profile(request.user)
    return render(request, "athletes/privacy.html", {"practices": who_can_see(athlete)})


def _number(request: HttpRequest, name: str) -> int | None:
    raw = request.POST.get(name, "").strip()
    if not raw:
        return None
    if not raw.isdigit():
        raise Http404(f"No such {name}")
    return int(raw)


@rules.athlete
@require_POST
def allow(request: HttpRequest) -> HttpResponse:
    """Form fields: ``colleague`` (a person's id) or ``practice`` (everyone there)."""
    colleague_id, practice_id = _number(request, "colleague"), _number(request, "practice")
    if colleague_id is not None:
        try:
            athlete, colleague = consent_colleague_for(request.user, colleague_id)
        except DomainError as error:
            messages.error(request, error.message)
            return redirect("athletes:privacy")
        practice = colleague.coach_profile.practice
        consent.allow(athlete=athlete, by=_user(request), practice=practice, colleague=colleague)
        messages.success(
            request, gettext("%(name)s can now see your record.") % {"name": colleague.full_name}
        )
    elif practice_id is not None:
        athlete, practice = consent_practice_for(request.user, practice_id)
        consent.allow(athlete=athlete, by=_user(request), practice=practice)
        messages.success(
            request,
            gettext("Everyone at %(practice)s can now see your record.")
            % {"practice": practice.name},
        )
    else:
        messages.error(request, gettext("Choose a person or a practice to allow."))
    return redirect("athletes:privacy")


@rules.athlete
@require_POST
def withdraw(request: HttpRequest, consent_id: int) -> HttpResponse:
    given = consent_for(request.user, consent_id)
    whom = (
        given.colleague.full_name
        if given.colleague
        else gettext("Everyone at %(practice)s") % {"practice": given.practice.name}
    )
    consent.withdraw(consent=given, by=_user(request))
    messages.success(
        request,
        gettext("Done: %(whom)s no longer sees your record (unless allowed below).")
        % {"whom": whom},
    )
    return redirect("athletes:privacy")
