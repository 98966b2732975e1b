from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from tagalong.access import rules
from tagalong.accounts.models import User
from tagalong.athletes.models import AthleteProfile, CoachingLink
from tagalong.web.checklist import dismiss_checklist
from tagalong.web.sections import render_context


@rules.signed_in
@require_POST
def dismiss_checklist_view(request: HttpRequest) -> HttpResponse:
    assert isinstance(request.user, User)
    dismiss_checklist(user=request.user)
    return redirect("web:home")


@rules.public
def home(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not user.is_authenticated:
        return render(request, "web/landing.html")
    assert isinstance(user, User)
    if user.is_coach:
        return _coach_home(request, user)
    if user.is_athlete:
        return _athlete_home(request, user)
    return render(
        request,
        "web/home_staff.html",
        {"athlete_count": AthleteProfile.objects.count(), "user_count": User.objects.count()},
    )


def _coach_home(request: HttpRequest, coach: User) -> HttpResponse:
    """The coach's home is the attention queue: who needs them today."""
    from tagalong.attention.views import queue_page

    return queue_page(request, home=True)


def _athlete_home(request: HttpRequest, user: User) -> HttpResponse:
    profile, _ = AthleteProfile.objects.get_or_create(user=user)
    missing = [
        label
        for field, label in (
            ("birth_date", gettext("birth date")),
            ("sex", gettext("sex")),
            ("body_mass_kg", gettext("body mass")),
            ("runs_per_week", gettext("runs per week")),
            ("weekly_distance_km", gettext("weekly distance")),
        )
        if getattr(profile, field) in (None, "")
    ]
    links = CoachingLink.objects.active().filter(athlete=profile).select_related("coach")
    return render(
        request,
        "web/home_athlete.html",
        {
            "athlete": profile,
            "missing": missing,
            "coaches": [link.coach for link in links],
            "sections": render_context(request, profile),
        },
    )
