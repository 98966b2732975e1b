from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tagalong.activityfile.decode import decode_activities
from tests.sync.contract_server import ContractServer, ContractState, Listed

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
REMOTE_ID = "i424242"
KEY = "k3y5ecretABCDEF0123456789"
# Thirty single-activity files with distinct starts (no two of a sport within a minute).
FILES = (
    "gpxpy/Mojstrovka.gpx",
    "fitparse/antfs-dump.63.fit",
    "fitparse/compressed-speed-distance.fit",
    "gpxpy/track_with_speed.gpx",
    "gpxpy/cerknicko-jezero-no-creator.gpx",
    "gpxpy/cerknicko-without-times.gpx",
    "gpxpy/korita-zbevnica.gpx",
    "fitparse/sample-activity.fit",
    "fitparse/garmin-edge-500-activity.fit",
    "fitparse/sample-activity-indoor-trainer.fit",
    "fitparse/Activity.fit",
    "tcxparser/no_hr.tcx",
    "gpxpy/gpx1.0_with_all_fields.gpx",
    "fitparse/2013-02-06-12-11-14.fit",
    "gpxpy/first_and_last_elevation.gpx",
    "gpxpy/track-with-empty-segment.gpx",
    "fitparse/Edge810-Vector-2013-08-16-15-35-10.fit",
    "gpxpy/gpx-with-node-with-comments.gpx",
    "fitparse/activity-small-fenix2-run.fit",
    "fitparse/2015-10-13-08-43-15.fit",
    "gpxpy/track-with-less-sec-time.gpx",
    "fitparse/developer-types-sample.fit",
    "fitparse/20170518-191602-1740899583.fit",
    "fitparse/garmin-fenix-5-walk.fit",
    "fitparse/garmin-fenix-5-run.fit",
    "fitparse/garmin-fenix-5-bike.fit",
    "fitparse/event_timestamp.fit",
    "fitparse/elemnt-bolt-no-application-id-inside-developer-data-id.fit",
    "fitparse/null_compressed_speed_dist.fit",
    "fitdecode/garmin-fr935-cr.fit",
)


def listed(path: str, number: int) -> Listed:
    data = (CORPUS / path).read_bytes()
    decoded = decode_activities(data, filename=Path(path).name)[0]
    return Listed(
        id=f"i{9000 + number}",
        start=decoded.start,
        sport="Run" if decoded.sport == "running" else decoded.sport.title(),
        name=Path(path).stem,
        distance_m=decoded.distance_m,
        moving_s=decoded.moving_s,
        data=data,
    )


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def contract(settings) -> Iterator[ContractServer]:  # type: ignore[no-untyped-def]
    server = ContractServer(ContractState(REMOTE_ID, KEY)).start()
    settings.SYNC_BASE_URL = server.url
    settings.SYNC_TIMEOUT_S = 1
    settings.SYNC_HISTORY_DAYS = 365 * 200  # the corpus holds files from 1901 on
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def thirty(contract: ContractServer) -> list[Listed]:
    items = [listed(path, n) for n, path in enumerate(FILES)]
    for item in items:
        contract.state.add_activity(item)
    return items
