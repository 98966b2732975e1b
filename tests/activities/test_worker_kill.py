"""A worker killed in the middle of an import: another takes the work up after its lease
expires, the batch finishes once, and every file is imported exactly once (SQLite and, with
DATABASE_URL, PostgreSQL)."""

from __future__ import annotations

import io
import os
import signal
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.deployment import deployment, wait_for

FILES = 120  # three parts of up to 50: the kill lands in one, the others are still queued


def _gpx(n: int) -> bytes:
    start = datetime(2025, 1, 1, 7, tzinfo=UTC) + timedelta(days=n)
    points = []
    for i in range(400):
        at = (start + timedelta(seconds=5 * i)).strftime("%Y-%m-%dT%H:%M:%SZ")
        lat, lon = 51.5 + i * 0.0001, -0.12 + n * 0.001
        points.append(f'<trkpt lat="{lat:.6f}" lon="{lon:.6f}"><time>{at}</time></trkpt>')
    return (
        '<?xml version="1.0"?><gpx version="1.1" creator="test" '
        'xmlns="http://www.topografix.com/GPX/1/1"><trk><type>running</type><trkseg>'
        + "".join(points)
        + "</trkseg></trk></gpx>"
    ).encode()


def _archive(path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for n in range(FILES):
            zf.writestr(f"runs/run-{n:03d}.gpx", _gpx(n))
    path.write_bytes(buffer.getvalue())


SETUP = """
from django.core.files.uploadedfile import SimpleUploadedFile
from tagalong.accounts.models import User
from tagalong.athletes.models import AthleteProfile
from tagalong.activities.services import start_import
user = User.objects.create_user("runner@example.org", "a-long-pass-123", full_name="R")
athlete = AthleteProfile.objects.create(user=user, birth_date="1990-01-01", sex="female")
data = open({path!r}, "rb").read()
start_import(athlete=athlete, by=user, upload=SimpleUploadedFile("runs.zip", data))
"""


def _items(install) -> int:  # type: ignore[no-untyped-def]
    return int(install.query("SELECT count(*) FROM activities_importitem")[0][0])


@pytest.mark.django_db
def test_a_killed_worker_s_import_is_taken_up_and_finishes_once(tmp_path: Path) -> None:
    with deployment(tmp_path) as install:
        install.tagalong("manage", "migrate", "--verbosity", "0")
        _archive(tmp_path / "runs.zip")
        install.python(SETUP.format(path=str(tmp_path / "runs.zip")))

        first = install.start("worker", "--no-clock", "--verbosity", "0")
        wait_for(lambda: _items(install) >= 3, timeout=120, every=0.02)
        os.kill(first.pid, signal.SIGKILL)
        first.wait(timeout=10)
        killed_at = _items(install)
        assert killed_at < FILES, "the import finished before the worker could be killed"
        (status,) = install.query("SELECT status FROM activities_importbatch")[0]
        assert status == "running"

        install.start("worker", "--verbosity", "0")  # with the clock: it sweeps stalled work
        wait_for(
            lambda: install.query("SELECT status FROM activities_importbatch")[0][0] == "done",
            timeout=180,
            every=0.2,
        )

        done, total, parts_done, parts_total, resumed = install.query(
            "SELECT done, total, parts_done, parts_total, resumed_at FROM activities_importbatch"
        )[0]
        assert (parts_done, parts_total) == (3, 3)
        assert done == total == FILES
        assert resumed is not None  # what the runner's page shows
        statuses = install.query("SELECT status, count(*) FROM activities_importitem GROUP BY 1")
        assert dict(statuses) == {"imported": FILES}
        assert install.query("SELECT count(*) FROM activities_activity")[0][0] == FILES
        hashes = install.query("SELECT count(DISTINCT content_hash) FROM activities_activity")
        assert hashes[0][0] == FILES
