"""Asking for an export, and tidying archives away when their link expires."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext

from tagalong.accounts.models import User
from tagalong.athletes.models import AthleteProfile
from tagalong.audit.services import record
from tagalong.dataexport.models import DataExport, ExportStatus
from tagalong.errors import DomainError

ONE_A_DAY = timedelta(days=1)
LINK_LIFETIME = timedelta(days=7)


@transaction.atomic
def request_export(*, athlete: AthleteProfile, by: User, now: datetime | None = None) -> DataExport:
    """Queue an export of everything about this athlete. The caller has checked that ``by``
    may change the athlete's record (the athlete, or the coach who manages them)."""
    from tagalong.dataexport.tasks import build_export

    now = now or timezone.now()
    AthleteProfile.objects.select_for_update().filter(pk=athlete.pk).first()
    recent = (
        DataExport.objects.filter(athlete=athlete, created_at__gt=now - ONE_A_DAY)
        .exclude(status=ExportStatus.FAILED)
        .order_by("-created_at")
        .first()
    )
    if recent is not None:
        again = recent.created_at + ONE_A_DAY
        raise DomainError(
            gettext(
                "An export of %(name)s was asked for less than a day ago; you can ask again "
                "after %(time)s UTC on %(day)s."
            )
            % {
                "name": athlete.name,
                "time": date_format(again, "H:i"),
                "day": date_format(again, "j F"),
            },
            field="export",
            code="rate_limited",
        )
    export = DataExport.objects.create(athlete=athlete, requested_by=by, created_at=now)
    record(actor=by, action="dataexport.requested", target=export, athlete_id=athlete.pk)
    transaction.on_commit(lambda: build_export.enqueue(export.pk))
    return export


STALLED_AFTER = timedelta(hours=6)


def fail_stalled(now: datetime) -> int:
    """An export whose worker died part-way: say so, so the runner can ask again at once."""
    return DataExport.objects.filter(
        status__in=[ExportStatus.QUEUED, ExportStatus.RUNNING], created_at__lte=now - STALLED_AFTER
    ).update(
        status=ExportStatus.FAILED,
        error="The export stopped before it finished. Ask for a new one.",
        finished_at=now,
    )


def expire_archives(now: datetime) -> int:
    """Delete the files of exports whose link has expired; the row stays as a record."""
    expired = 0
    for export in DataExport.objects.filter(status=ExportStatus.DONE, expires_at__lte=now):
        claimed = DataExport.objects.filter(pk=export.pk, status=ExportStatus.DONE).update(
            status=ExportStatus.EXPIRED
        )
        if claimed:
            if export.file:
                export.file.delete(save=False)
            DataExport.objects.filter(pk=export.pk).update(file="", size=0)
            expired += 1
    return expired
