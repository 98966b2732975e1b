"""Exports through the API: ask for one, follow its progress, find its download link."""

from datetime import datetime

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from ninja import Router, Schema, Status

from tagalong.access import rules
from tagalong.access.policy import athlete_for, export_for
from tagalong.accounts.models import User
from tagalong.api.schemas import ERRORS
from tagalong.dataexport.models import DataExport
from tagalong.dataexport.services import request_export

router = Router(tags=["data export"])


class ExportAskOut(Schema):
    id: int
    status: str
    url: str


class ExportOut(Schema):
    id: int
    athlete_id: int
    status: str
    percent: int
    current_area: str
    size: int
    error: str
    created_at: datetime
    expires_at: datetime | None
    download_url: str | None


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def _page(export: DataExport) -> str:
    return reverse("dataexport:export", kwargs={"export_id": export.pk})


@router.post(
    "/athletes/{athlete_id}/exports",
    response={202: ExportAskOut, **ERRORS},
    summary="Ask for a zip of everything about this athlete (once a day)",
)
@rules.athlete_scoped
def ask_export(request: HttpRequest, athlete_id: int) -> Status:
    athlete = athlete_for(request.user, athlete_id, write=True)
    export = request_export(athlete=athlete, by=_user(request))
    export.refresh_from_db()  # the immediate backend may have built it already
    return Status(202, ExportAskOut(id=export.pk, status=export.status, url=_page(export)))


@router.get("/exports/{export_id}", response={200: ExportOut, **ERRORS})
@rules.signed_in
def get_export(request: HttpRequest, export_id: int) -> ExportOut:
    export = export_for(request.user, export_id)
    ready = export.is_downloadable(timezone.now())
    return ExportOut(
        id=export.pk,
        athlete_id=export.athlete_id,
        status=export.status,
        percent=export.percent,
        current_area=export.current_area,
        size=export.size,
        error=export.error,
        created_at=export.created_at,
        expires_at=export.expires_at,
        download_url=(
            reverse("dataexport:download", kwargs={"export_id": export.pk}) if ready else None
        ),
    )
