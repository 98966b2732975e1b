from __future__ import annotations

from tagalong.dataexport.deletion import confirm_url
from tagalong.dataexport.models import DataExport, DeletionRequest
from tests.access.matrix import LOGIN, Case, statuses


def _export_a(world):  # type: ignore[no-untyped-def]
    export = DataExport.objects.create(athlete=world.athlete_a, requested_by=world.coach_a)
    return {"export_id": export.pk}


def _athlete_a(world):  # type: ignore[no-untyped-def]
    return {"athlete_id": world.athlete_a.pk}


def _deletion_token(world):  # type: ignore[no-untyped-def]
    user = world.athlete_b.user
    request = DeletionRequest.objects.create(user=user, user_ref=user.pk, role=user.role)
    return {"token": confirm_url(request).rstrip("/").rsplit("/", 1)[1]}


# The runner and the coach who asked see an export; nobody else learns it exists.
EXPORT = statuses(404, anonymous=LOGIN, athlete_a=200, coach_a=200)

PAGES = {
    "dataexport:mine": Case(statuses(200, anonymous=LOGIN)),
    # The runner and the coach who manages them; a colleague may only look (403).
    "dataexport:ask_export": Case(
        statuses(404, anonymous=LOGIN, athlete_a=302, coach_a=302, colleague=403, staff=403),
        method="post",
        kwargs=_athlete_a,
    ),
    "dataexport:export": Case(EXPORT, kwargs=_export_a),
    # Not ready yet (still queued): the page says so (410) to those who may see it.
    "dataexport:download": Case(
        statuses(404, anonymous=LOGIN, athlete_a=410, coach_a=410), kwargs=_export_a
    ),
    "dataexport:ask_deletion": Case(statuses(302, anonymous=LOGIN), method="post"),
    "dataexport:cancel_deletion": Case(statuses(302, anonymous=LOGIN), method="post"),
    # The signed link from the email is the proof; it shows the confirmation button.
    "dataexport:confirm_deletion": Case(statuses(200), kwargs=_deletion_token),
}

API = {
    "POST /api/athletes/{athlete_id}/exports": Case(
        statuses(404, anonymous=401, athlete_a=202, coach_a=202, colleague=403, staff=403),
        method="post",
        kwargs=_athlete_a,
    ),
    "GET /api/exports/{export_id}": Case(
        statuses(404, anonymous=401, athlete_a=200, coach_a=200), kwargs=_export_a
    ),
}
