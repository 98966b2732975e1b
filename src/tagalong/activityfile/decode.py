"""One entry point for every activity file: look at the bytes, pick the decoder."""

from __future__ import annotations

import re
import zlib

from tagalong.activityfile.errors import DecodeError
from tagalong.activityfile.model import Activity
from tagalong.activityfile.totals import settle
from tagalong.wording import Phrase

DEFAULT_MAX_DECOMPRESSED_BYTES = 200 * 2**20

GZIP_MAGIC = b"\x1f\x8b"
FIT_SIGNATURE = b".FIT"
FIT_SIGNATURE_OFFSET = 8
_XML_ROOT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(gpx|TrainingCenterDatabase)[\s>/]")
_XML_HEAD_BYTES = 4096

# What common non-activity uploads start with, to tell the person what they sent instead.
_LOOKS_LIKE = (
    (b"\xff\xd8\xff", Phrase("a JPEG image")),
    (b"\x89PNG\r\n\x1a\n", Phrase("a PNG image")),
    (b"%PDF", Phrase("a PDF document")),
    (b"PK\x03\x04", Phrase("a ZIP archive")),
    (b"GIF8", Phrase("a GIF image")),
    (b"BZh", Phrase("a bzip2 archive")),
    (b"\xfd7zXZ", Phrase("an xz archive")),
    (b"Rar!", Phrase("a RAR archive")),
    (b"{", Phrase("JSON text")),
)


def decode_activity(
    data: bytes,
    *,
    filename: str,
    max_decompressed_bytes: int = DEFAULT_MAX_DECOMPRESSED_BYTES,
) -> Activity:
    """The first activity of a FIT, GPX or TCX file (``decode_activities`` gives every one)."""
    return decode_activities(
        data, filename=filename, max_decompressed_bytes=max_decompressed_bytes
    )[0]


def decode_activities(
    data: bytes,
    *,
    filename: str,
    max_decompressed_bytes: int = DEFAULT_MAX_DECOMPRESSED_BYTES,
) -> tuple[Activity, ...]:
    """Decode FIT, GPX or TCX bytes (optionally gzipped) into its activities, at least one.

    A multisport FIT gives one activity per session (transitions left out), a TCX one per
    ``<Activity>``; each has its own sport, start, totals and samples, and its totals are
    settled (``totals.settle``: device totals first, every value finite). The format is
    read from the bytes, never from ``filename``, which only names the file in errors. Raises
    ``DecodeError`` with code ``empty``, ``too_large``, ``unsupported_format``, ``corrupt``,
    ``unsafe_xml``, ``not_an_activity``, ``no_timestamps`` or ``no_track``.
    """
    if not data:
        raise DecodeError(file=filename, code="empty", reason=Phrase("the file is empty (0 bytes)"))
    if data.startswith(GZIP_MAGIC):
        inner = gunzip_capped(data, filename=filename, limit=max_decompressed_bytes)
        if inner.startswith(GZIP_MAGIC):
            raise DecodeError(
                file=filename,
                code="unsupported_format",
                reason=Phrase("the file is gzip inside gzip; compress the activity only once"),
            )
        data = inner
    return tuple(settle(activity) for activity in _decode_plain(data, filename=filename))


def _decode_plain(data: bytes, *, filename: str) -> tuple[Activity, ...]:
    # Imported here so that sniffing alone does not load three parser stacks.
    if is_fit(data):
        from tagalong.activityfile.fit import decode_fit_activities

        return decode_fit_activities(data, filename=filename)
    root = xml_root(data)
    data = xml_from_first_tag(data)
    if root == b"gpx":
        from tagalong.activityfile.gpx import decode_gpx

        return (decode_gpx(data, filename=filename),)
    if root == b"TrainingCenterDatabase":
        from tagalong.activityfile.tcx import decode_tcx_activities

        return decode_tcx_activities(data, filename=filename)
    raise DecodeError(
        file=filename,
        code="unsupported_format",
        reason=Phrase(
            "this is not a FIT, GPX or TCX activity: the bytes look like {what}",
            what=looks_like(data),
        ),
    )


def is_fit(data: bytes) -> bool:
    end = FIT_SIGNATURE_OFFSET + len(FIT_SIGNATURE)
    return len(data) >= end and data[FIT_SIGNATURE_OFFSET:end] == FIT_SIGNATURE


def xml_root(data: bytes) -> bytes | None:
    """The name of the first element (``gpx`` / ``TrainingCenterDatabase``), if it is one."""
    head = data[:_XML_HEAD_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(b"<"):
        return None
    match = _XML_ROOT.search(head)
    return match.group(1) if match else None


def xml_from_first_tag(data: bytes) -> bytes:
    """XML without what some writers put before ``<?xml`` (Strava: spaces, a line break).

    A parser refuses an XML declaration that is not the very first thing (after the byte
    order mark, which stays).
    """
    bom = b"\xef\xbb\xbf" if data.startswith(b"\xef\xbb\xbf") else b""
    body = data[len(bom) :]
    if body[:1] in (b" ", b"\t", b"\r", b"\n"):
        return bom + body.lstrip(b" \t\r\n")
    return data


def looks_like(data: bytes) -> Phrase:
    for magic, words in _LOOKS_LIKE:
        if data.startswith(magic):
            return words
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<"):
        return Phrase("some other XML or HTML document")
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return Phrase("unknown binary data (first bytes {bytes})", bytes=data[:8].hex(" "))
    return Phrase("plain text")


def gunzip_capped(data: bytes, *, filename: str, limit: int) -> bytes:
    """Decompress gzip, refusing output beyond ``limit`` bytes without ever holding more."""
    decompressor = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        out = decompressor.decompress(data, limit + 1)
    except zlib.error as exc:
        raise DecodeError(
            file=filename,
            code="corrupt",
            reason=Phrase("the gzip data is damaged ({error})", error=str(exc)),
        ) from exc
    if len(out) > limit:
        raise DecodeError(
            file=filename,
            code="too_large",
            reason=Phrase(
                "the file decompresses to more than the limit of {limit:,} bytes", limit=limit
            ),
        )
    if not decompressor.eof:
        raise DecodeError(
            file=filename,
            code="corrupt",
            reason=Phrase("the gzip data ends before the stream does"),
        )
    return out


__all__ = ["DEFAULT_MAX_DECOMPRESSED_BYTES", "decode_activities", "decode_activity"]
