from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from tagalong import units
from tagalong.access import rules
from tagalong.access.policy import Access, access_to_athlete, athlete_for, own_athlete_profile
from tagalong.activities import display, route_display, selectors, services
from tagalong.activities.forms import LoadSettingsForm, ManualRunForm, UploadForm, pace_text
from tagalong.activities.load import settings_of
from tagalong.activities.load_units import load_unit
from tagalong.activities.models import Activity, ImportBatch
from tagalong.activities.trends import summary_of
from tagalong.errors import DomainError
from tagalong.evidence import REGISTRY
from tagalong.trainingload.daily import ACWR_NOTE, ACWR_WARNING_ABOVE, PMC_CONVENTION
from tagalong.web.pagination import page_of


@rules.athlete
def my_activities(request: HttpRequest) -> HttpResponse:
    return redirect("activities:list", athlete_id=own_athlete_profile(request.user).pk)


PAGE_SIZE = 50


@rules.athlete_scoped
def activity_list(request: HttpRequest, athlete_id: int) -> HttpResponse:
    athlete = athlete_for(request.user, athlete_id)
    listing = page_of(request, selectors.activities_of(athlete), per_page=PAGE_SIZE)
    context = {
        "athlete": athlete,
        "activities": listing.rows,
        "listing": listing,
        "can_edit": access_to_athlete(request.user, athlete) is Access.WRITE,
        "load": selectors.latest_load(athlete),
    }
    return render(request, "activities/list.html", context)


@rules.athlete_scoped
def upload(request: HttpRequest, athlete_id: int) -> HttpResponse:
    athlete = athlete_for(request.user, athlete_id, write=True)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            batch = services.start_import(
                athlete=athlete, by=request.user, upload=form.cleaned_data["files"]
            )
        except DomainError as error:
            form.add_error("files", error.message)
        else:
            return redirect("activities:batch", athlete_id=athlete.pk, batch_id=batch.pk)
    return render(request, "activities/upload.html", {"athlete": athlete, "form": form})


@rules.athlete_scoped
def batch_detail(request: HttpRequest, athlete_id: int, batch_id: int) -> HttpResponse:
    athlete = athlete_for(request.user, athlete_id)
    try:
        batch = selectors.batch_of(athlete, batch_id)
    except ImportBatch.DoesNotExist:
        raise Http404("No such import") from None
    context = {"athlete": athlete, "batch": batch}
    if request.htmx:  # type: ignore[attr-defined]
        return render(request, "activities/_batch.html", context)
    return render(request, "activities/batch.html", context)


def _activity(athlete_id: int, activity_id: int, request: HttpRequest, *, write: bool) -> Activity:
    athlete = athlete_for(request.user, athlete_id, write=write)
    try:
        return selectors.activity_of(athlete, activity_id)
    except Activity.DoesNotExist:
        raise Http404("No such activity") from None


@rules.athlete_scoped
def activity_detail(request: HttpRequest, athlete_id: int, activity_id: int) -> HttpResponse:
    activity = _activity(athlete_id, activity_id, request, write=False)
    reader = units.units_of(request.user)
    context = {
        "athlete": activity.athlete,
        "activity": activity,
        "can_edit": access_to_athlete(request.user, activity.athlete) is Access.WRITE,
        "zones": activity.metrics.get("time_in_hr_zones") or [],
        "sport": display.sport_view(activity),
        "sport_name": display.sport_name(activity.sport, activity.sub_sport),
        "chart": display.activity_chart(activity, reader),
        "route": route_display.route_view(activity),
        "splits": route_display.split_rows(activity, reader),
        "laps": route_display.lap_rows(activity, reader),
        "reader_units": reader,
    }
    return render(request, "activities/detail.html", context)


@rules.athlete_scoped
def manual_run(request: HttpRequest, athlete_id: int) -> HttpResponse:
    athlete = athlete_for(request.user, athlete_id, write=True)
    reader = units.units_of(request.user)
    form = ManualRunForm(request.POST or None, units=reader)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_manual_run(
                athlete=athlete, by=request.user, units=reader, **form.cleaned_data
            )
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, gettext("Run saved."))
            return redirect("activities:list", athlete_id=athlete.pk)
    return render(request, "activities/manual.html", {"athlete": athlete, "form": form})


@rules.athlete_scoped
@require_POST
def delete(request: HttpRequest, athlete_id: int, activity_id: int) -> HttpResponse:
    activity = _activity(athlete_id, activity_id, request, write=True)
    services.delete_activity(activity=activity, by=request.user)
    messages.success(request, gettext("Activity deleted."))
    return redirect("activities:list", athlete_id=athlete_id)


@rules.athlete_scoped
def trends(request: HttpRequest, athlete_id: int) -> HttpResponse:
    athlete = athlete_for(request.user, athlete_id)
    period = request.GET.get("period", "year")
    if period not in selectors.TREND_PERIODS:
        period = "year"
    latest = selectors.latest_load(athlete)
    rows = [] if latest is None else selectors.trend_rows(athlete, latest=latest, period=period)
    summary = summary_of(athlete)
    cadence = selectors.cadence_speed(athlete, summary)
    basis = selectors.load_basis(athlete, summary)
    band = cadence.easy_band
    reader = units.units_of(request.user)
    cadence_chart = {
        **selectors.cadence_chart(cadence),
        "metres_per_unit": units.metres_per_unit(reader),
        "pace_unit": units.pace_unit(reader),
    }
    chart = display.trend_chart(selectors.trends_chart(rows), rows, reader)
    chart["load_unit"] = str(load_unit(settings_of(athlete).measure_in_use).short)
    context = {
        "athlete": athlete,
        "latest": latest,
        "period": period,
        "periods": {key: label for key, (label, _) in selectors.TREND_PERIODS.items()},
        "chart": chart,
        "acwr_any": any(v is not None for v in chart["acwr"]),  # type: ignore[attr-defined]
        "spikes": selectors.recent_spikes(athlete),
        "convention": PMC_CONVENTION,
        "acwr_note": ACWR_NOTE,
        "acwr_warning_above": ACWR_WARNING_ABOVE,
        "basis": basis,
        "basis_evidence": REGISTRY.get(basis.evidence_id or ""),
        "cadence": cadence,
        "cadence_chart": cadence_chart,
        "easy_band": (
            units.pace_range_text(band.high_m_s, band.low_m_s, reader) if band is not None else None
        ),
        "easy_evidence": REGISTRY.get(band.evidence_id) if band is not None else None,
        "can_edit": access_to_athlete(request.user, athlete) is Access.WRITE,
    }
    return render(request, "activities/trends.html", context)


@rules.athlete_scoped
def load_settings(request: HttpRequest, athlete_id: int) -> HttpResponse:
    athlete = athlete_for(request.user, athlete_id, write=True)
    current = settings_of(athlete)
    reader = units.units_of(request.user)
    initial = {
        "measure": current.measure,
        "threshold_pace": pace_text(current.threshold_pace_s_per_km, reader),
    }
    form = LoadSettingsForm(request.POST or None, initial=initial, units=reader)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_load_settings(
                athlete=athlete,
                by=request.user,  # type: ignore[arg-type]
                measure=form.cleaned_data["measure"],
                threshold_pace_s_per_km=form.cleaned_data["threshold_pace"],
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, gettext("Load settings saved; the trends are recalculated."))
            return redirect("activities:trends", athlete_id=athlete.pk)
    return render(request, "activities/load_settings.html", {"athlete": athlete, "form": form})
