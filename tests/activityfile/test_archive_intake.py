"""Upload intake: single files and zips, with every limit hit on purpose."""

from __future__ import annotations

import gzip
import io
import random
import struct
import zipfile
from collections.abc import Iterable
from pathlib import Path

from tagalong.activityfile.archive import (
    SkippedEntry,
    UploadEntry,
    UploadItem,
    classify,
    iter_upload,
    unsafe_path_reason,
)
from tagalong.activityfile.errors import ArchiveError
from tagalong.activityfile.limits import KiB, MiB, UploadLimits

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"
FIT_RUN = CORPUS / "fitparse" / "garmin-fenix-5-run.fit"
GPX_LAKE = CORPUS / "gpxpy" / "cerknicko-jezero.gpx"
TCX_SUP = CORPUS / "tcxreader" / "sup_activity_1.tcx"

DEFAULT = UploadLimits()


def make_zip(members: Iterable[tuple[str, bytes]], *, method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=method) as zf:
        for name, data in members:
            zf.writestr(zipfile.ZipInfo(name), data, compress_type=method)
    return buffer.getvalue()


def noise(size: int, seed: int = 0) -> bytes:
    """Incompressible bytes, so only the size limit can object."""
    return random.Random(seed).randbytes(size)


def intake(
    data: bytes, *, filename: str = "upload.zip", limits: UploadLimits = DEFAULT
) -> list[UploadItem]:
    return list(iter_upload(data, filename=filename, limits=limits))


def entries(items: list[UploadItem]) -> dict[str, bytes]:
    return {item.name: item.data for item in items if isinstance(item, UploadEntry)}


def errors(items: list[UploadItem]) -> dict[str | None, str]:
    return {item.place: item.code for item in items if isinstance(item, ArchiveError)}


def corpus_members() -> list[tuple[str, bytes]]:
    return [
        ("runs/fenix.fit", FIT_RUN.read_bytes()),
        ("runs/lake.gpx", GPX_LAKE.read_bytes()),
        ("runs/sup.tcx", TCX_SUP.read_bytes()),
    ]


# --- single files -------------------------------------------------------------------------


def test_single_fit_upload_yields_one_entry_with_the_same_bytes() -> None:
    items = intake(FIT_RUN.read_bytes(), filename="morning.fit")
    assert items == [UploadEntry(name="morning.fit", data=FIT_RUN.read_bytes())]
    assert items[0].size == FIT_RUN.stat().st_size  # type: ignore[union-attr]


def test_single_gzipped_gpx_is_unpacked_and_named_for_the_decoder() -> None:
    raw = GPX_LAKE.read_bytes()
    [item] = intake(gzip.compress(raw), filename="lake.gpx.gz")
    assert isinstance(item, UploadEntry)
    assert item.data == raw
    assert item.name == "lake.gpx.gz"
    assert item.decode_filename == "lake.gpx"


def test_path_and_file_object_sources_read_the_same_as_bytes(tmp_path: Path) -> None:
    archive = make_zip(corpus_members())
    path = tmp_path / "export.zip"
    path.write_bytes(archive)
    from_path = list(iter_upload(path, filename="export.zip", limits=DEFAULT))
    from_file = list(iter_upload(io.BytesIO(archive), filename="export.zip", limits=DEFAULT))
    assert entries(from_path) == entries(from_file) == entries(intake(archive))


def test_one_way_stream_is_spooled_and_read() -> None:
    class OneWay(io.BytesIO):
        """A pipe-like upload: it can only be read forward."""

        def seekable(self) -> bool:
            return False

    stream = OneWay(make_zip(corpus_members()))
    items = list(iter_upload(stream, filename="export.zip", limits=DEFAULT))
    assert set(entries(items)) == {"runs/fenix.fit", "runs/lake.gpx", "runs/sup.tcx"}


def test_single_file_that_is_not_an_activity_is_refused_by_name() -> None:
    [item] = intake(b"\xff\xd8\xff", filename="photo.jpg")
    assert isinstance(item, ArchiveError)
    assert (item.file, item.code) == ("photo.jpg", "unsupported_format")


def test_single_tarball_is_refused_as_unsupported() -> None:
    [item] = intake(b"not really a tar", filename="runs.tar.gz")
    assert isinstance(item, ArchiveError)
    assert item.code == "unsupported_format"
    assert "zip" in item.reason


def test_upload_over_the_upload_cap_is_refused_before_reading() -> None:
    limits = UploadLimits(max_upload_bytes=1 * KiB)
    [item] = intake(noise(2 * KiB), filename="big.fit", limits=limits)
    assert isinstance(item, ArchiveError)
    assert (item.file, item.code) == ("big.fit", "too_large")


def test_single_gzip_bomb_is_caught_by_the_ratio() -> None:
    [item] = intake(gzip.compress(bytes(8 * MiB)), filename="bomb.fit.gz")
    assert isinstance(item, ArchiveError)
    assert item.code == "zip_bomb"


# --- zips: the normal case ----------------------------------------------------------------


def test_zip_yields_each_activity_and_reports_other_files_as_skipped() -> None:
    members = [
        *corpus_members(),
        ("runs/", b""),
        ("runs/photo.jpg", b"\xff\xd8\xff"),
        ("__MACOSX/runs/._lake.gpx", b"\x00\x05\x16\x07"),
        ("runs/.DS_Store", b"\x00"),
        ("runs/lake.gpx.gz", gzip.compress(GPX_LAKE.read_bytes())),
    ]
    items = intake(make_zip(members))
    assert entries(items) == {
        "runs/fenix.fit": FIT_RUN.read_bytes(),
        "runs/lake.gpx": GPX_LAKE.read_bytes(),
        "runs/sup.tcx": TCX_SUP.read_bytes(),
        "runs/lake.gpx.gz": GPX_LAKE.read_bytes(),
    }
    skipped = [item for item in items if isinstance(item, SkippedEntry)]
    assert [str(item) for item in skipped] == ["skipped: runs/photo.jpg (not an activity file)"]
    assert not errors(items)


def test_zip_is_recognised_by_content_whatever_its_name() -> None:
    items = intake(make_zip(corpus_members()), filename="export")
    assert len(entries(items)) == 3


def test_empty_zip_says_it_is_empty() -> None:
    [item] = intake(make_zip([]))
    assert isinstance(item, ArchiveError)
    assert item.code == "empty"


def test_classify_knows_activities_gzipped_activities_and_archives() -> None:
    assert classify("a/B.FIT") == "activity"
    assert classify("x.tcx.gz") == "gzip_activity"
    assert classify("inner.zip") == "archive"
    assert classify("notes.txt.gz") == "archive"
    assert classify("activities.csv") == "other"


# --- per-entry limits: the bad entry is named, the others still come through --------------


def test_zip_bomb_entry_is_refused_and_the_others_come_through() -> None:
    items = intake(make_zip([*corpus_members(), ("runs/bomb.fit", bytes(16 * MiB))]))
    assert errors(items) == {"runs/bomb.fit": "zip_bomb"}
    assert len(entries(items)) == 3


def test_zeros_bigger_than_the_file_cap_are_too_large_when_the_ratio_allows_them() -> None:
    limits = UploadLimits(max_file_bytes=1 * MiB, max_compression_ratio=1e9)
    items = intake(make_zip([("runs/zeros.gpx", bytes(2 * MiB)), *corpus_members()]), limits=limits)
    assert errors(items) == {"runs/zeros.gpx": "too_large"}
    assert len(entries(items)) == 3


def test_incompressible_entry_over_the_file_cap_is_too_large() -> None:
    limits = UploadLimits(max_file_bytes=900 * KiB)
    items = intake(make_zip([("big.fit", noise(MiB)), *corpus_members()]), limits=limits)
    assert errors(items) == {"big.fit": "too_large"}
    assert len(entries(items)) == 3


def test_gzip_bomb_inside_a_zip_is_caught_in_the_gzip_layer() -> None:
    bomb = gzip.compress(bytes(16 * MiB))
    items = intake(make_zip([("activities/1.fit.gz", bomb), *corpus_members()]))
    assert errors(items) == {"activities/1.fit.gz": "zip_bomb"}
    assert len(entries(items)) == 3


def _patch_declared_size(archive: bytes, name: str, declared: int) -> bytes:
    """Rewrite the uncompressed size both zip headers declare for one member."""
    data = bytearray(archive)
    encoded = name.encode()
    with zipfile.ZipFile(io.BytesIO(archive)) as zf:
        local_at = zf.getinfo(name).header_offset
    struct.pack_into("<L", data, local_at + 22, declared)
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        length = struct.unpack_from("<H", data, at + 28)[0]
        if bytes(data[at + 46 : at + 46 + length]) == encoded:
            struct.pack_into("<L", data, at + 24, declared)
        at = data.find(b"PK\x01\x02", at + 4)
    return bytes(data)


def test_entry_whose_header_understates_its_size_is_refused_and_never_read_past_the_claim() -> None:
    archive = make_zip([("runs/liar.gpx", bytes(8 * MiB)), *corpus_members()])
    items = intake(_patch_declared_size(archive, "runs/liar.gpx", 100))
    assert errors(items) == {"runs/liar.gpx": "corrupt_archive"}
    assert "runs/liar.gpx" not in entries(items)
    assert len(entries(items)) == 3


def test_entry_whose_header_overstates_its_size_is_judged_by_what_it_holds() -> None:
    archive = make_zip([("runs/lake.gpx", GPX_LAKE.read_bytes())])
    claimed_huge = _patch_declared_size(archive, "runs/lake.gpx", 0xFFFF_FFF0)
    limits = UploadLimits(max_file_bytes=64 * KiB)
    assert entries(intake(claimed_huge, limits=limits)) == {"runs/lake.gpx": GPX_LAKE.read_bytes()}


def test_damaged_entry_is_reported_and_the_others_come_through() -> None:
    gpx = GPX_LAKE.read_bytes()
    archive = bytearray(make_zip([("runs/damaged.gpx", gpx), *corpus_members()]))
    with zipfile.ZipFile(io.BytesIO(bytes(archive))) as zf:
        info = zf.getinfo("runs/damaged.gpx")
    start = info.header_offset + 30 + len(info.filename) + 100
    archive[start : start + 64] = b"\xa5" * 64
    items = intake(bytes(archive))
    assert errors(items) == {"runs/damaged.gpx": "corrupt_archive"}
    assert len(entries(items)) == 3


# --- unsafe paths -------------------------------------------------------------------------


def test_each_unsafe_path_is_refused_on_its_own() -> None:
    unsafe = ["../../etc/passwd", "/abs/path.gpx", "..\\..\\win.gpx", "C:/Users/run.fit"]
    members = [(name, GPX_LAKE.read_bytes()) for name in unsafe]
    items = intake(make_zip([*members, *corpus_members()]))
    assert errors(items) == {name: "unsafe_path" for name in unsafe}
    assert len(entries(items)) == 3


def test_backslash_inside_a_safe_path_is_not_unsafe() -> None:
    assert unsafe_path_reason("runs\\2024\\lake.gpx") is None
    assert unsafe_path_reason("runs/..hidden.gpx") is None
    assert unsafe_path_reason("runs\\..\\..\\x") is not None


# --- archive-wide limits ------------------------------------------------------------------


def test_entries_past_the_entry_limit_are_not_read_and_the_first_one_is_named() -> None:
    members = [(f"runs/{i}.gpx", GPX_LAKE.read_bytes()) for i in range(5)]
    items = intake(make_zip(members), limits=UploadLimits(max_entries=3))
    assert errors(items) == {"runs/3.gpx": "too_many_entries"}
    assert list(entries(items)) == ["runs/0.gpx", "runs/1.gpx", "runs/2.gpx"]


def test_archive_whose_index_is_far_too_big_is_refused_before_it_is_parsed() -> None:
    members = [(f"runs/{i:05d}.gpx", b"") for i in range(2000)]
    [item] = intake(
        make_zip(members, method=zipfile.ZIP_STORED), limits=UploadLimits(max_entries=10)
    )
    assert isinstance(item, ArchiveError)
    assert item.code == "too_many_entries"


def test_total_unpacked_budget_stops_the_walk_and_names_where() -> None:
    members = [(f"runs/{i}.fit", noise(40 * KiB, seed=i)) for i in range(4)]
    limits = UploadLimits(max_total_uncompressed_bytes=100 * KiB)
    items = intake(make_zip(members), limits=limits)
    assert list(entries(items)) == ["runs/0.fit", "runs/1.fit"]
    assert errors(items) == {"runs/2.fit": "too_large", "runs/3.fit": "too_large"}


# --- nesting and corruption ---------------------------------------------------------------


def test_nested_zip_is_refused_with_a_clear_reason_and_the_others_come_through() -> None:
    inner = make_zip([("deep.gpx", GPX_LAKE.read_bytes())])
    items = intake(make_zip([("old/backup.zip", inner), *corpus_members()]))
    [error] = [item for item in items if isinstance(item, ArchiveError)]
    assert (error.place, error.code) == ("old/backup.zip", "nested_archive")
    assert "not opened" in error.reason
    assert len(entries(items)) == 3


def test_zip_renamed_to_fit_is_still_a_nested_archive() -> None:
    inner = make_zip([("deep.gpx", GPX_LAKE.read_bytes())])
    items = intake(make_zip([("sneaky.fit", inner), *corpus_members()]))
    assert errors(items) == {"sneaky.fit": "nested_archive"}


def test_nested_zip_is_opened_one_level_when_allowed() -> None:
    innermost = make_zip([("x.gpx", GPX_LAKE.read_bytes())])
    inner = make_zip([("deep.gpx", GPX_LAKE.read_bytes()), ("deeper.zip", innermost)])
    limits = UploadLimits(allow_nested_archives=True)
    items = intake(make_zip([("old/backup.zip", inner)]), limits=limits)
    assert list(entries(items)) == ["old/backup.zip/deep.gpx"]
    assert errors(items) == {"old/backup.zip/deeper.zip": "nested_archive"}


def test_truncated_zip_is_a_corrupt_archive_with_the_reason() -> None:
    archive = make_zip(corpus_members())
    [item] = intake(archive[: len(archive) // 2], filename="export.zip")
    assert isinstance(item, ArchiveError)
    assert (item.file, item.code) == ("export.zip", "corrupt_archive")
    assert "zip" in item.reason
