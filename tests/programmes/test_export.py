"""A member's programmes are in their data export: the place, the gift and its message, and
the announcements sent to members."""

from __future__ import annotations

import csv
import io
import json
import zipfile

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tagalong.dataexport.models import ExportStatus
from tagalong.dataexport.services import request_export
from tagalong.programmes.models import Announcement, PlaceStatus
from tagalong.programmes.services import give_gift
from tests.factories import World, make_athlete
from tests.programmes.helpers import programme


def test_a_members_export_holds_their_place_gift_and_announcements(
    world: World, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    p = programme(world.coach_a, clinic=False)
    runner = make_athlete(coach=world.coach_a)
    gift = give_gift(
        programme=p,
        giver_name="Ana",
        giver_email="ana@example.org",
        recipient_email=runner.user.email,
        message="Happy Mother's Day!",
        now=timezone.now(),
    )
    client = Client()
    client.force_login(runner.user)
    client.post(reverse("programmes:claim", args=[gift.place.invitation.token()]))
    gift.place.refresh_from_db()
    assert gift.place.status == PlaceStatus.ACTIVE
    Announcement.objects.create(programme=p, author=world.coach_a, text="Clinic moves to 19:00")

    with django_capture_on_commit_callbacks(execute=True):
        export = request_export(athlete=runner, by=runner.user)
    export.refresh_from_db()
    assert export.status == ExportStatus.DONE
    with zipfile.ZipFile(io.BytesIO(export.file.read())) as archive:
        names = archive.namelist()
        places = list(csv.DictReader(io.StringIO(archive.read("programmes/places.csv").decode())))
        gifts = json.loads(archive.read("programmes/gifts.json"))
        news = json.loads(archive.read("programmes/announcements.json"))
    assert "programmes/places.json" in names
    assert [(r["programme__title"], r["status"]) for r in places] == [(p.title, "active")]
    assert [(g["giver_name"], g["message"]) for g in gifts] == [("Ana", "Happy Mother's Day!")]
    assert [a["text"] for a in news] == ["Clinic moves to 19:00"]
