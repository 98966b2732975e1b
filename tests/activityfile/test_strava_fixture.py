"""The generated export used by the 1,000-activity import benchmark."""

from __future__ import annotations

import gzip
import importlib.util
import zipfile
from pathlib import Path
from types import ModuleType

import pytest

from tagalong.activityfile.archive import UploadEntry, iter_upload
from tagalong.activityfile.limits import UploadLimits
from tagalong.activityfile.strava_export import read_strava_export

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / ".." / "shared" / "corpus"
TEMPLATES = [CORPUS / "gpxpy" / "cerknicko-jezero.gpx", CORPUS / "tcxreader" / "sup_activity_1.tcx"]


def fixture_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "strava_export_fixture", REPO / "benchmarks" / "strava_export_fixture.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_export_has_one_row_per_distinct_file(tmp_path: Path) -> None:
    path = fixture_module().make_strava_export(tmp_path, 8, seed=3, template_files=TEMPLATES)
    export = read_strava_export(path, UploadLimits())
    entries = [
        item
        for item in iter_upload(path, filename=path.name, limits=UploadLimits())
        if isinstance(item, UploadEntry)
    ]
    assert len(export.rows) == len(entries) == 8
    assert not export.missing_files
    assert len({entry.data for entry in entries}) == 8
    assert {entry.name for entry in entries} == set(export.rows_by_filename)
    assert all(row.date is not None for row in export.rows)


def test_generated_export_is_the_same_for_the_same_seed(tmp_path: Path) -> None:
    make = fixture_module().make_strava_export
    first = make(tmp_path / "a.zip", 4, seed=7, template_files=TEMPLATES)
    second = make(tmp_path / "b.zip", 4, seed=7, template_files=TEMPLATES)
    with zipfile.ZipFile(first) as a, zipfile.ZipFile(second) as b:
        assert a.namelist() == b.namelist()
        assert all(a.read(name) == b.read(name) for name in a.namelist())


def test_shifted_files_start_when_the_csv_says(tmp_path: Path) -> None:
    decode = pytest.importorskip("tagalong.activityfile.decode")
    path = fixture_module().make_strava_export(tmp_path, 2, seed=1, template_files=TEMPLATES)
    export = read_strava_export(path, UploadLimits())
    with zipfile.ZipFile(path) as zf:
        for name, row in export.rows_by_filename.items():
            data = zf.read(name)
            data = gzip.decompress(data) if name.endswith(".gz") else data
            activity = decode.decode_activity(data, filename=name.removesuffix(".gz"))
            assert row.date is not None
            assert abs((activity.start - row.date).total_seconds()) < 3600


def test_fit_templates_are_refused_with_the_reason(tmp_path: Path) -> None:
    fit = CORPUS / "fitparse" / "garmin-fenix-5-run.fit"
    with pytest.raises(ValueError, match="only GPX and TCX"):
        fixture_module().make_strava_export(tmp_path, 1, seed=0, template_files=[fit])
