"""An imported run gets its shoe from the Strava gear name or the default pair."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tagalong.activities.services import start_import
from tagalong.shoes.models import Shoe, ShoeUse
from tagalong.shoes.services import create_shoe, set_default
from tests.factories import make_athlete

RUN = Path(__file__).resolve().parents[2].parent / "shared/corpus/fitparse/garmin-fenix-5-run.fit"


@pytest.mark.django_db
def test_imported_run_is_worn_in_the_default_shoe(django_capture_on_commit_callbacks) -> None:  # type: ignore[no-untyped-def]
    athlete = make_athlete()
    shoe = create_shoe(athlete=athlete, by=athlete.user, fields={"name": "Daily trainer"})
    set_default(shoe=shoe, by=athlete.user, sport="running")
    upload = SimpleUploadedFile("run.fit", RUN.read_bytes())
    with django_capture_on_commit_callbacks(execute=True):
        start_import(athlete=athlete, by=athlete.user, upload=[upload])
    use = ShoeUse.objects.get()
    assert use.shoe == Shoe.objects.get(pk=shoe.pk)
    assert use.activity.sport == "running"
