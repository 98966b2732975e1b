"""One entry point for every activity file: look at the bytes, pick the decoder."""

from __future__ import annotations

import re
import zlib

from tagalong.activityfile.errors import DecodeError
from tagalong.activityfile.model import Activity

DEFAULT_MAX_DECOMPRESSED_BYTES = 200 * 2**20

GZIP_MAGIC = b"\x1f\x8b"
FIT_SIGNATURE = b".FIT"
FIT_SIGNATURE_OFFSET = 8
_XML_ROOT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(gpx|TrainingCenterDatabase)[\s>/]")
_XML_HEAD_BYTES = 4096

# What common non-activity uploads start with, to tell the person what they sent instead.
_LOOKS_LIKE = (
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"GIF8", "a GIF image"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"Rar!", "a RAR archive"),
    (b"{", "JSON text"),
)


def decode_activity(
    data: bytes,
    *,
    filename: str,
    max_decompressed_bytes: int = DEFAULT_MAX_DECOMPRESSED_BYTES,
) -> Activity:
    """Decode FIT, GPX or TCX bytes (optionally gzipped) into an ``Activity``.

    The format is read from the bytes, never from ``filename``, which only names the file in
    errors. Raises ``DecodeError`` with code ``empty``, ``too_large``, ``unsupported_format``,
    ``corrupt``, ``unsafe_xml``, ``not_an_activity``, ``no_timestamps`` or ``no_track``.
    """
    if not data:
        raise DecodeError(file=filename, code="empty", reason="the file is empty (0 bytes)")
    if data.startswith(GZIP_MAGIC):
        inner = gunzip_capped(data, filename=filename, limit=max_decompressed_bytes)
        if inner.startswith(GZIP_MAGIC):
            raise DecodeError(
                file=filename,
                code="unsupported_format",
                reason="the file is gzip inside gzip; compress the activity only once",
            )
        return _decode_plain(inner, filename=filename)
    return _decode_plain(data, filename=filename)


def _decode_plain(data: bytes, *, filename: str) -> Activity:
    # Imported here so that sniffing alone does not load three parser stacks.
    if is_fit(data):
        from tagalong.activityfile.fit import decode_fit

        return decode_fit(data, filename=filename)
    root = xml_root(data)
    if root == b"gpx":
        from tagalong.activityfile.gpx import decode_gpx

        return decode_gpx(data, filename=filename)
    if root == b"TrainingCenterDatabase":
        from tagalong.activityfile.tcx import decode_tcx

        return decode_tcx(data, filename=filename)
    raise DecodeError(
        file=filename,
        code="unsupported_format",
        reason=f"this is not a FIT, GPX or TCX activity: the bytes look like {looks_like(data)}",
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


def looks_like(data: bytes) -> str:
    for magic, words in _LOOKS_LIKE:
        if data.startswith(magic):
            return words
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<"):
        return "some other XML or HTML document"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return f"unknown binary data (first bytes {data[:8].hex(' ')})"
    return "plain text"


def gunzip_capped(data: bytes, *, filename: str, limit: int) -> bytes:
    """Decompress gzip, refusing output beyond ``limit`` bytes without ever holding more."""
    decompressor = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        out = decompressor.decompress(data, limit + 1)
    except zlib.error as exc:
        raise DecodeError(
            file=filename, code="corrupt", reason=f"the gzip data is damaged ({exc})"
        ) from exc
    if len(out) > limit:
        raise DecodeError(
            file=filename,
            code="too_large",
            reason=f"the file decompresses to more than the limit of {limit:,} bytes",
        )
    if not decompressor.eof:
        raise DecodeError(
            file=filename, code="corrupt", reason="the gzip data ends before the stream does"
        )
    return out


__all__ = ["DEFAULT_MAX_DECOMPRESSED_BYTES", "decode_activity"]
