from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
FENIX_RUN = CORPUS / "fitparse" / "garmin-fenix-5-run.fit"
SWEATPY_TCX = CORPUS / "sweatpy" / "activity_5039744860.tcx"
SETTINGS_FIT = CORPUS / "fitparse" / "Settings.fit"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path / "media"


def upload(path: Path, name: str | None = None) -> SimpleUploadedFile:
    return SimpleUploadedFile(name or path.name, path.read_bytes())


def raw_upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


def strava_zip(members: dict[str, bytes], csv_text: str) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("activities.csv", csv_text)
        for name, data in members.items():
            zf.writestr(name, data)
    return SimpleUploadedFile("export_1234.zip", buffer.getvalue())
