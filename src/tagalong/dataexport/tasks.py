"""Building the export zip in the background, and the periodic clean-up of old archives."""

from __future__ import annotations

import logging
import tempfile
from datetime import datetime

from django.core.files import File
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from tagalong.dataexport import registry
from tagalong.dataexport.archive import Archive
from tagalong.dataexport.models import DataExport, ExportStatus
from tagalong.dataexport.services import LINK_LIFETIME, expire_archives, fail_stalled
from tagalong.notifications.email import send_templated
from tagalong.notifications.services import notify
from tagalong.wording import Phrase

log = logging.getLogger(__name__)


def _claim(export_id: int, total: int) -> DataExport | None:
    claimed = DataExport.objects.filter(pk=export_id, status=ExportStatus.QUEUED).update(
        status=ExportStatus.RUNNING, areas_total=total, areas_done=0
    )
    if not claimed:
        return None  # done, running elsewhere, or gone
    return DataExport.objects.select_related("athlete__user", "requested_by").get(pk=export_id)


def build(export_id: int, *, now: datetime | None = None) -> str:
    areas = registry.areas()
    export = _claim(export_id, len(areas))
    if export is None:
        return "skipped"
    athlete = export.athlete
    stage = "archive"
    try:
        with tempfile.TemporaryFile() as target:
            archive = Archive(target)
            for area in areas:
                stage = area.title.lower()
                DataExport.objects.filter(pk=export.pk).update(current_area=area.title)
                area.write(athlete, archive)
                DataExport.objects.filter(pk=export.pk).update(areas_done=F("areas_done") + 1)
            archive.close()
            size = target.tell()
            target.seek(0)
            stamp = (now or timezone.now()).strftime("%Y%m%d-%H%M%S")
            export.file.save(f"tagalong-export-{athlete.pk}-{stamp}.zip", File(target), save=False)
    except Exception as error:  # the runner is told; the log keeps the cause
        log.exception("export %s failed", export.pk)
        DataExport.objects.filter(pk=export.pk).update(
            status=ExportStatus.FAILED,
            error=f"The {stage} could not be exported ({type(error).__name__}).",
            finished_at=timezone.now(),
        )
        return "failed"
    finished = now or timezone.now()
    DataExport.objects.filter(pk=export.pk).update(
        status=ExportStatus.DONE,
        file=export.file.name,
        size=size,
        current_area="",
        finished_at=finished,
        expires_at=finished + LINK_LIFETIME,
    )
    export.refresh_from_db()
    _tell_ready(export)
    return "done"


def _tell_ready(export: DataExport) -> None:
    person = export.requested_by or export.athlete.user
    url = reverse("dataexport:export", kwargs={"export_id": export.pk})
    whose = (
        Phrase("Your data")
        if person.pk == export.athlete.user_id
        else Phrase("{name}'s data", name=export.athlete.name)
    )
    notify(
        person,
        kind="export_ready",
        title=Phrase("{whose} is ready to download", whose=whose),
        url=url,
    )
    send_templated(
        template="export_ready",
        to=[person.email],
        context={"person": person, "whose": whose, "export": export, "url": url},
    )


@task()
def build_export(export_id: int) -> str:
    return build(export_id)


@task()
def tidy_exports() -> int:
    now = timezone.now()
    return fail_stalled(now) + expire_archives(now)


@task()
def send_deletion_confirmation(request_id: int) -> str:
    from tagalong.dataexport.deletion import GRACE, confirm_url
    from tagalong.dataexport.models import DeletionRequest

    request = DeletionRequest.objects.select_related("user").filter(pk=request_id).first()
    if request is None or request.user is None or not request.is_open:
        return "skipped"
    send_templated(
        template="deletion_confirm",
        to=[request.user.email],
        context={"person": request.user, "url": confirm_url(request), "grace_days": GRACE.days},
    )
    return "sent"


@task()
def carry_out_deletions() -> int:
    from tagalong.dataexport.deletion import carry_out, due_requests

    now = timezone.now()
    return sum(carry_out(pk, now=now) for pk in due_requests(now))
