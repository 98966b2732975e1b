"""Damaged FIT files are mended and read by the fast path, agreeing with the lenient reader."""

from __future__ import annotations

import struct

import fitfast
import pytest

from tagalong.activityfile import fit, fit_structure
from tagalong.activityfile.analyze import summarize
from tagalong.activityfile.errors import DecodeError
from tagalong.activityfile.fit import decode_fit, decode_fit_lenient
from tagalong.activityfile.fit_readers import SUMMARY_GLOBALS, _rows

from .conftest import CORPUS, corpus_file


def _refused_by_fitfast() -> list[str]:
    names = []
    for path in sorted(CORPUS.resolve().glob("*/*")):
        if path.suffix.lower() != ".fit":
            continue
        try:
            fitfast.count(path.read_bytes())
        except fitfast.FitDecodeError:
            names.append(str(path.relative_to(CORPUS.resolve())))
    return names


REFUSED = _refused_by_fitfast()
COMPARED = ("distance_m", "duration_s", "records", "avg_hr", "avg_cadence_spm", "sport", "laps")


def test_the_corpus_has_damaged_files_to_mend() -> None:
    assert {"fitparse/nick.fit", "fitparse/activity-filecrc.fit"} <= set(REFUSED)


@pytest.mark.parametrize("relative", REFUSED)
def test_mended_fast_path_agrees_with_the_lenient_reader(relative: str) -> None:
    data = (CORPUS / relative).read_bytes()
    mended = fit._read_mended(data, str(_fast_error(data)))
    assert mended is not None, "left to the slow lenient reader"
    try:
        fast = fit.build_activity(mended, filename=relative)
    except DecodeError as error:  # not an activity: both paths must say so alike
        with pytest.raises(DecodeError) as lenient_error:
            decode_fit_lenient(data, filename=relative)
        assert lenient_error.value.code == error.code
        return
    lenient = decode_fit_lenient(data, filename=relative)
    fast_summary, lenient_summary = (
        summarize(fast, file=relative),
        summarize(lenient, file=relative),
    )
    for key in COMPARED:
        assert fast_summary[key] == lenient_summary[key], key
    assert fast.recovered == lenient.recovered
    assert fast.device == lenient.device


def _fast_error(data: bytes) -> fitfast.FitDecodeError:
    try:
        fitfast.count(data)
    except fitfast.FitDecodeError as error:
        return error
    raise AssertionError("fitfast read the file")


def test_truncated_file_is_cut_at_its_last_whole_record_and_marked_damaged() -> None:
    activity = decode_fit(corpus_file("fitparse/nick.fit").read_bytes(), filename="nick.fit")
    assert activity.recovered
    assert any("damaged at byte 403437" in warning for warning in activity.warnings)


def test_wrong_checksum_is_rewritten_and_reported_not_marked_damaged() -> None:
    data = corpus_file("fitparse/activity-filecrc.fit").read_bytes()
    mended = fit_structure.patch_checksum(data, str(_fast_error(data)))
    assert mended is not None and fitfast.count(mended)
    activity = decode_fit(data, filename="activity-filecrc.fit")
    assert not activity.recovered
    assert any("checksum" in warning for warning in activity.warnings)


def test_fit_crc_is_crc16_arc() -> None:
    assert fit_structure.fit_crc(b"123456789") == 0xBB3D  # the CRC-16/ARC check value


def test_cut_file_has_a_consistent_header_and_checksum() -> None:
    data = corpus_file("fitparse/activity-unexpected-eof.fit").read_bytes()
    damage = fit_structure.find_damage(data)
    assert damage is not None
    cut = fit_structure.cut_at(data, damage.offset)
    assert cut is not None
    assert struct.unpack_from("<I", cut, 4)[0] == damage.offset - cut[0]
    assert fitfast.count(cut)


@pytest.mark.parametrize(
    "relative", ["fit-benchmarks/large.fit", "fitparse/sample_mulitple_header.fit"]
)
def test_summary_messages_picked_out_decode_as_in_the_full_file(relative: str) -> None:
    data = corpus_file(relative).read_bytes()
    small = fit_structure.pick_messages(data, SUMMARY_GLOBALS)
    assert small is not None and len(small) < len(data) // 4
    for kind in ("session", "lap", "file_id"):
        assert _rows(fitfast.records(small, kind)) == _rows(fitfast.records(data, kind))


def test_records_out_of_time_order_are_sorted() -> None:
    relative = "fitparse/activity-large-fenxi2-multisport.fit"
    streams = decode_fit(corpus_file(relative).read_bytes(), filename=relative).streams
    assert bool((streams.time_s[1:] >= streams.time_s[:-1]).all())
