from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tagalong.access import rules
from tagalong.access.policy import Access, access_to_athlete, athlete_for, own_athlete_profile
from tagalong.accounts.models import User
from tagalong.athletes.models import AthleteProfile
from tagalong.errors import DomainError
from tagalong.evidence import cite
from tagalong.shoes.forms import ShoeForm
from tagalong.shoes.models import Shoe
from tagalong.shoes.selectors import (
    REPLACE_EVIDENCE,
    ROTATION_EVIDENCE,
    activity_of,
    runs_without_shoe,
    shoe_alerts,
    shoe_of,
    shoes_of,
)
from tagalong.shoes.services import (
    assign_shoe,
    create_shoe,
    retire_shoe,
    unretire_shoe,
    update_shoe,
)
from tagalong.units import units_of


def _by(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


@rules.athlete
def my_shoes(request: HttpRequest) -> HttpResponse:
    return redirect("shoes:list", athlete_id=own_athlete_profile(request.user).pk)


@rules.athlete_scoped
def shoe_list(request: HttpRequest, athlete_id: int) -> HttpResponse:
    athlete = athlete_for(request.user, athlete_id)
    can_edit = access_to_athlete(request.user, athlete) is Access.WRITE
    now = timezone.now()
    shoes = shoes_of(athlete)
    context = {
        "athlete": athlete,
        "can_edit": can_edit,
        "shoes": shoes,
        "active_shoes": [s for s in shoes if not s.is_retired],
        "alerts": shoe_alerts(athlete, now=now),
        "pending": list(runs_without_shoe(athlete, now=now)) if can_edit else [],
        "replace_evidence": cite(REPLACE_EVIDENCE),
        "rotation_evidence": cite(ROTATION_EVIDENCE),
    }
    return render(request, "shoes/list.html", context)


@rules.athlete_scoped
def shoe_create(request: HttpRequest, athlete_id: int) -> HttpResponse:
    athlete = athlete_for(request.user, athlete_id, write=True)
    return _shoe_form(request, athlete, Shoe(athlete=athlete))


@rules.athlete_scoped
def shoe_edit(request: HttpRequest, athlete_id: int, shoe_id: int) -> HttpResponse:
    athlete = athlete_for(request.user, athlete_id, write=True)
    return _shoe_form(request, athlete, shoe_of(athlete, shoe_id))


def _shoe_form(request: HttpRequest, athlete: AthleteProfile, shoe: Shoe) -> HttpResponse:
    form = ShoeForm(request.POST or None, instance=shoe, units=units_of(request.user))
    if request.method == "POST" and form.is_valid():
        # The form validated a copy; the service re-validates and owns the write.
        fresh = Shoe.objects.get(pk=shoe.pk) if shoe.pk else None
        try:
            if fresh is None:
                create_shoe(athlete=athlete, by=_by(request), fields=form.changes())
            else:
                update_shoe(shoe=fresh, by=_by(request), changes=form.changes())
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, _("Shoes saved."))
            return redirect("shoes:list", athlete_id=athlete.pk)
    context = {"form": form, "athlete": athlete, "shoe": shoe, "evidence": cite(REPLACE_EVIDENCE)}
    return render(request, "shoes/form.html", context)


@rules.athlete_scoped
@require_POST
def shoe_retire(request: HttpRequest, athlete_id: int, shoe_id: int) -> HttpResponse:
    athlete = athlete_for(request.user, athlete_id, write=True)
    shoe = retire_shoe(shoe=shoe_of(athlete, shoe_id), by=_by(request), now=timezone.now())
    messages.success(request, _("%(name)s retired. Their history stays.") % {"name": shoe.name})
    return redirect("shoes:list", athlete_id=athlete.pk)


@rules.athlete_scoped
@require_POST
def shoe_unretire(request: HttpRequest, athlete_id: int, shoe_id: int) -> HttpResponse:
    athlete = athlete_for(request.user, athlete_id, write=True)
    shoe = unretire_shoe(shoe=shoe_of(athlete, shoe_id), by=_by(request))
    messages.success(request, _("%(name)s are back in use.") % {"name": shoe.name})
    return redirect("shoes:list", athlete_id=athlete.pk)


@rules.athlete_scoped
@require_POST
def assign_view(request: HttpRequest, athlete_id: int, activity_id: int) -> HttpResponse:
    athlete = athlete_for(request.user, athlete_id, write=True)
    activity = activity_of(athlete, activity_id)
    try:
        shoe = shoe_of(athlete, int(request.POST.get("shoe_id", "")))
    except ValueError:
        shoe = None
    if shoe is None:
        return HttpResponse(_("Choose one of your shoes."), status=400)
    assign_shoe(activity=activity, shoe=shoe, by=_by(request))
    if request.htmx:  # type: ignore[attr-defined]
        return render(request, "shoes/_assigned.html", {"activity": activity, "shoe": shoe})
    messages.success(request, _("Saved: %(name)s.") % {"name": shoe.name})
    return redirect("shoes:list", athlete_id=athlete.pk)
