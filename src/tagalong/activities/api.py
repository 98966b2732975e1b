from datetime import date, datetime
from typing import Literal

from django.http import Http404, HttpRequest, HttpResponse
from ninja import File, Query, Router, Schema, Status
from ninja.files import UploadedFile
from pydantic import Field

from tagalong.access import rules
from tagalong.access.policy import athlete_for
from tagalong.accounts.models import User
from tagalong.activities import selectors, services
from tagalong.activities.load import settings_of
from tagalong.activities.models import Activity, DailyLoad, ImportBatch, ImportItem, LoadSettings
from tagalong.api.pagination import PAGINATED, PageQuery, one_page
from tagalong.api.schemas import ERRORS
from tagalong.trainingload.cadence_speed import NOVICE_REFERENCE

router = Router(tags=["activities"])


class ActivityOut(Schema):
    id: int
    sport: str
    sub_sport: str
    name: str
    start: datetime
    duration_s: float
    moving_s: float
    distance_m: float | None
    pace_s_per_km: float | None
    avg_cadence_spm: float | None
    load_value: float
    load_measure: str
    rpe: int | None
    manual: bool
    source_format: str
    gear_name: str


class ActivityDetailOut(ActivityOut):
    ascent_m: float | None
    descent_m: float | None
    device: str
    recovered: bool
    warnings: list[str]
    metrics: dict
    chart: dict

    @staticmethod
    def resolve_warnings(obj: Activity) -> list[str]:
        """In the reader's language, as the page shows them."""
        return [str(warning) for warning in obj.warning_texts]


class ItemOut(Schema):
    name: str
    status: str
    reason: str
    gear_name: str
    activity_id: int | None


class BatchOut(Schema):
    id: int
    status: str
    total: int
    done: int
    error: str
    created_at: datetime
    finished_at: datetime | None
    items: list[ItemOut]
    resumed_at: datetime | None = Field(
        default=None, description="When another worker took up an import a stopped one left."
    )


class ManualRunIn(Schema):
    day: date
    duration_min: float = Field(ge=1, le=1440)
    distance_km: float | None = Field(default=None, ge=0, le=500)
    rpe: int | None = Field(default=None, ge=1, le=10)


class DayLoadOut(Schema):
    day: date
    load: float
    ctl: float
    atl: float
    tsb: float
    acwr: float | None
    acwr_warning: bool
    ramp: float | None
    weekly_km: float
    weekly_change_pct: float | None
    spike_band: str
    longest_run_km: float


def _batch_out(batch: ImportBatch) -> BatchOut:
    items = [_item_out(item) for item in batch.items.all()]
    return BatchOut(
        id=batch.pk,
        status=batch.status,
        total=batch.total,
        done=batch.done,
        error=str(batch.error_text),
        created_at=batch.created_at,
        finished_at=batch.finished_at,
        items=items,
        resumed_at=batch.resumed_at,
    )


def _item_out(item: ImportItem) -> ItemOut:
    return ItemOut(
        name=item.name,
        status=item.status,
        reason=str(item.reason_text),  # in the reader's language, as the page shows it
        gear_name=item.gear_name,
        activity_id=item.activity_id,
    )


def _activity(request: HttpRequest, athlete_id: int, activity_id: int, write: bool) -> Activity:
    athlete = athlete_for(request.user, athlete_id, write=write)
    try:
        return selectors.activity_of(athlete, activity_id)
    except Activity.DoesNotExist:
        raise Http404("No such activity") from None


@router.post(
    "/athletes/{athlete_id}/imports",
    response={201: BatchOut, **ERRORS},
    summary="Upload activity files (FIT, GPX, TCX, .gz or .zip) to import",
)
@rules.athlete_scoped
def create_import(
    request: HttpRequest, athlete_id: int, files: File[list[UploadedFile]] = None
) -> Status:
    athlete = athlete_for(request.user, athlete_id, write=True)
    batch = services.start_import(athlete=athlete, by=request.user, upload=list(files or []))
    return Status(201, _batch_out(batch))


@router.get(
    "/athletes/{athlete_id}/imports/{batch_id}",
    response={200: BatchOut, **ERRORS},
    summary="An import's progress and each file's outcome",
)
@rules.athlete_scoped
def get_import(request: HttpRequest, athlete_id: int, batch_id: int) -> BatchOut:
    athlete = athlete_for(request.user, athlete_id)
    try:
        return _batch_out(selectors.batch_of(athlete, batch_id))
    except ImportBatch.DoesNotExist:
        raise Http404("No such import") from None


@router.get(
    "/athletes/{athlete_id}/activities",
    response={200: list[ActivityOut], **ERRORS},
    summary="An athlete's activities, newest first",
    description=PAGINATED.strip(),
)
@rules.athlete_scoped
def list_activities(
    request: HttpRequest, athlete_id: int, response: HttpResponse, page: Query[PageQuery]
) -> list[Activity]:
    athlete = athlete_for(request.user, athlete_id)
    return one_page(request, response, selectors.activities_of(athlete), page)


@router.post(
    "/athletes/{athlete_id}/activities",
    response={201: ActivityOut, **ERRORS},
    summary="Enter a run by hand",
)
@rules.athlete_scoped
def create_manual_run(request: HttpRequest, athlete_id: int, payload: ManualRunIn) -> Status:
    athlete = athlete_for(request.user, athlete_id, write=True)
    activity = services.add_manual_run(athlete=athlete, by=request.user, **payload.dict())
    return Status(201, activity)


@router.get(
    "/athletes/{athlete_id}/activities/{activity_id}",
    response={200: ActivityDetailOut, **ERRORS},
    summary="One activity with its metrics and chart streams",
)
@rules.athlete_scoped
def get_activity(request: HttpRequest, athlete_id: int, activity_id: int) -> Activity:
    return _activity(request, athlete_id, activity_id, write=False)


@router.delete(
    "/athletes/{athlete_id}/activities/{activity_id}",
    response={204: None, **ERRORS},
    summary="Delete an activity; the daily load is recalculated",
)
@rules.athlete_scoped
def delete_activity(request: HttpRequest, athlete_id: int, activity_id: int) -> Status:
    activity = _activity(request, athlete_id, activity_id, write=True)
    services.delete_activity(activity=activity, by=request.user)
    return Status(204, None)


@router.get(
    "/athletes/{athlete_id}/load",
    response={200: list[DayLoadOut], **ERRORS},
    summary="The daily load series: fitness, fatigue, form, acute:chronic, weekly distance",
    description="Oldest day first, from `start` to `end` (both optional)." + PAGINATED,
)
@rules.athlete_scoped
def load(
    request: HttpRequest,
    athlete_id: int,
    response: HttpResponse,
    page: Query[PageQuery],
    start: date | None = None,
    end: date | None = None,
) -> list[DailyLoad]:
    athlete = athlete_for(request.user, athlete_id)
    return one_page(request, response, selectors.load_series(athlete, start=start, end=end), page)


class SpeedPointOut(Schema):
    speed_m_s: float
    pace_s_per_km: float
    cadence_spm: float
    running_minutes: float


class CadenceLineOut(Schema):
    slope_spm_per_m_s: float
    intercept_spm: float
    r_squared: float
    speed_range_m_s: tuple[float, float]
    evidence_id: str


class EasyBandOut(Schema):
    low_m_s: float
    high_m_s: float
    source: str
    evidence_id: str


class CadenceSpeedOut(Schema):
    runs: int
    points: list[SpeedPointOut]
    line: CadenceLineOut | None
    why_no_line: str | None
    easy_band: EasyBandOut | None
    novice_reference: list[tuple[float, float]] = Field(
        description="van Oeveren 2017 novices: (speed m/s, steps/min)"
    )


@router.get(
    "/athletes/{athlete_id}/cadence-speed",
    response={200: CadenceSpeedOut, **ERRORS},
    summary="Cadence at each running speed over the last year, and the line through it",
)
@rules.athlete_scoped
def cadence_speed(request: HttpRequest, athlete_id: int) -> CadenceSpeedOut:
    athlete = athlete_for(request.user, athlete_id)
    view = selectors.cadence_speed(athlete)
    fit, band = view.fit, view.easy_band
    return CadenceSpeedOut(
        runs=view.runs,
        points=[
            SpeedPointOut(
                speed_m_s=p.speed_m_s,
                pace_s_per_km=1000 / p.speed_m_s,
                cadence_spm=p.cadence_spm,
                running_minutes=p.seconds / 60,
            )
            for p in view.points
        ],
        line=None
        if fit is None
        else CadenceLineOut(
            slope_spm_per_m_s=fit.slope_spm_per_m_s,
            intercept_spm=fit.intercept_spm,
            r_squared=fit.r_squared,
            speed_range_m_s=fit.speed_range_m_s,
            evidence_id=fit.evidence_id,
        ),
        why_no_line=view.why_no_fit,
        easy_band=None
        if band is None
        else EasyBandOut(
            low_m_s=band.low_m_s,
            high_m_s=band.high_m_s,
            source=band.source,
            evidence_id=band.evidence_id,
        ),
        novice_reference=list(NOVICE_REFERENCE),
    )


class LoadBasisOut(Schema):
    measure: str
    chosen_by: str
    activities_with_measure: int
    activities: int
    rate_per_minute: float | None
    evidence_id: str | None


class LoadSettingsOut(Schema):
    measure: str
    threshold_pace_s_per_km: float | None
    basis: LoadBasisOut


class LoadSettingsIn(Schema):
    measure: Literal["auto", "srpe", "trimp", "rtss", "duration"] = "auto"
    threshold_pace_s_per_km: float | None = Field(default=None, ge=150, le=900)


def _settings_out(settings: LoadSettings) -> LoadSettingsOut:
    basis = selectors.load_basis(settings.athlete)
    return LoadSettingsOut(
        measure=settings.measure,
        threshold_pace_s_per_km=settings.threshold_pace_s_per_km,
        basis=LoadBasisOut(
            measure=basis.measure,
            chosen_by=basis.chosen_by,
            activities_with_measure=basis.having,
            activities=basis.total,
            rate_per_minute=basis.rate_per_minute,
            evidence_id=basis.evidence_id,
        ),
    )


@router.get(
    "/athletes/{athlete_id}/load-settings",
    response={200: LoadSettingsOut, **ERRORS},
    summary="How the daily load is measured: the measure in use and the threshold pace",
)
@rules.athlete_scoped
def get_load_settings(request: HttpRequest, athlete_id: int) -> LoadSettingsOut:
    athlete = athlete_for(request.user, athlete_id)
    return _settings_out(settings_of(athlete))


@router.put(
    "/athletes/{athlete_id}/load-settings",
    response={200: LoadSettingsOut, **ERRORS},
    summary="Set the load measure (or auto) and the threshold pace; the series is recomputed",
)
@rules.athlete_scoped
def put_load_settings(
    request: HttpRequest, athlete_id: int, payload: LoadSettingsIn
) -> LoadSettingsOut:
    athlete = athlete_for(request.user, athlete_id, write=True)
    assert isinstance(request.user, User)
    settings = services.update_load_settings(
        athlete=athlete,
        by=request.user,
        measure=payload.measure,
        threshold_pace_s_per_km=payload.threshold_pace_s_per_km,
    )
    return _settings_out(settings)
