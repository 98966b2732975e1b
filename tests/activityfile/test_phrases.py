"""What an uploader reads about a file (warnings, errors, skipped members, sport names) is a
Phrase, over every file of the shared corpus and the intake's refusals, so a page can say it
in the reader's language; a new bare f-string fails here."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tagalong.activityfile import sports, strava_export
from tagalong.activityfile.archive import SkippedEntry, iter_upload
from tagalong.activityfile.decode import decode_activities
from tagalong.activityfile.errors import ActivityFileError
from tagalong.activityfile.limits import KiB, UploadLimits
from tagalong.activityfile.zones import read_in_zone
from tagalong.wording import Phrase

from .conftest import CORPUS
from .test_archive_intake import GPX_LAKE, corpus_members, make_zip, noise

FIXTURES = Path(__file__).parent / "fixtures"
ACTIVITY_FILES = sorted(
    path
    for folder in (CORPUS.resolve(), FIXTURES)
    for path in folder.rglob("*")
    if path.suffix.lower() in (".fit", ".gpx", ".tcx")
)
# Without a position the importer falls back to the athlete's zone: one of each.
ZONES = (None, ZoneInfo("Europe/Berlin"))


def _said_by_phrase(error: ActivityFileError) -> None:
    assert isinstance(error.reason, Phrase), (error.file, error.reason)
    assert isinstance(error.message, Phrase)
    assert error.message.values["reason"] is error.reason


def test_the_corpus_is_there():
    assert len(ACTIVITY_FILES) > 90


@pytest.mark.parametrize("path", ACTIVITY_FILES, ids=lambda p: p.name)
def test_every_warning_and_error_of_a_real_file_is_a_phrase(path):
    try:
        activities = decode_activities(path.read_bytes(), filename=path.name)
    except ActivityFileError as error:
        _said_by_phrase(error)
        return
    for activity in activities:
        for zone in ZONES:
            read = read_in_zone(activity, zone)
            for warning in read.warnings:
                assert isinstance(warning, Phrase), (path.name, warning)


def test_the_corpus_gives_warnings_and_errors_to_check():
    warned = errors = 0
    for path in ACTIVITY_FILES:
        try:
            activities = decode_activities(path.read_bytes(), filename=path.name)
        except ActivityFileError:
            errors += 1
            continue
        warned += sum(len(read_in_zone(a, ZONES[1]).warnings) for a in activities)
    assert warned >= 5 and errors >= 5


@pytest.mark.parametrize(
    ("data", "filename"),
    [
        (b"", "empty.fit"),
        (b"\xff\xd8\xff\xe0 photo", "photo.fit"),
        (b"{}", "notes.gpx"),
        (b"hello", "hello.tcx"),
        (bytes(range(256)), "random.fit"),
        (gzip.compress(gzip.compress(b"x", mtime=0), mtime=0), "double.gpx.gz"),
        (b"\x1f\x8b broken gzip", "broken.gpx.gz"),
        (b'<?xml version="1.0"?><!DOCTYPE gpx><gpx></gpx>', "bomb.gpx"),
        (b"<gpx><trk><trkseg>", "cut.gpx"),
        (b'<gpx xmlns="http://www.topografix.com/GPX/1/1"><wpt lat="1" lon="2"/></gpx>', "w.gpx"),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_every_decode_error_is_a_phrase(data, filename):
    with pytest.raises(ActivityFileError) as caught:
        decode_activities(data, filename=filename)
    _said_by_phrase(caught.value)


@pytest.mark.parametrize(
    ("data", "filename", "limits"),
    [
        (b"x" * 10, "run.tar", UploadLimits()),
        (b"x" * 10, "notes.txt", UploadLimits()),
        (noise(4 * KiB), "big.fit", UploadLimits(max_upload_bytes=KiB)),
        (make_zip([]), "empty.zip", UploadLimits()),
        (b"PK\x03\x04 not really", "broken.zip", UploadLimits()),
        (
            make_zip(
                [
                    ("../escape.gpx", b"x"),
                    ("notes.txt", b"x"),
                    ("inner.zip", make_zip([("a.gpx", b"x")])),
                    ("zeros.gpx", bytes(8 * 1024 * KiB)),
                    *corpus_members(),
                ]
            ),
            "mixed.zip",
            UploadLimits(allow_nested_archives=False),
        ),
        (
            make_zip([(f"runs/{i}.gpx", GPX_LAKE.read_bytes()) for i in range(5)]),
            "many.zip",
            UploadLimits(max_entries=3),
        ),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_every_intake_refusal_and_skip_is_a_phrase(data, filename, limits):
    items = list(iter_upload(data, filename=filename, limits=limits))
    told = [item for item in items if isinstance(item, ActivityFileError | SkippedEntry)]
    assert told
    for item in told:
        if isinstance(item, SkippedEntry):
            assert isinstance(item.reason, Phrase)
        else:
            _said_by_phrase(item)


def _row(**changes: object) -> strava_export.StravaActivityRow:
    values: dict[str, object] = {
        "activity_id": "1",
        "name": "Lunch run",
        "type": "Run",
        "date": datetime(2024, 5, 1, 7, tzinfo=UTC),
        "gear": None,
        "perceived_exertion": None,
        "filename": "activities/1.fit.gz",
    }
    return strava_export.StravaActivityRow(**{**values, **changes})  # type: ignore[arg-type]


@pytest.mark.parametrize("row", [_row(), _row(date=None), _row(type=""), _row(filename=None)])
def test_strava_rows_without_a_file_are_explained_in_phrases(row):
    assert isinstance(strava_export.missing_reason(row), Phrase)
    assert isinstance(strava_export.manual_reason(row), Phrase)


def test_the_english_of_a_strava_reason_is_unchanged():
    assert strava_export.manual_reason(_row()) == (
        "entered by hand on Strava (Run on 2024-05-01), with no file to import; add it here as "
        "a manual run if it should count"
    )


def test_sport_names_are_phrases():
    assert all(isinstance(name, Phrase) for name in sports.SPORT_NAMES.values())
