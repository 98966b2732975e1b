"""Safe intake of an upload: one activity file, or a zip of them.

:func:`iter_upload` turns an upload into a stream of items, one per thing the uploader should
hear about: an :class:`UploadEntry` to decode, a :class:`SkippedEntry` (a photo, a CSV) worth a
line in the summary, or an :class:`~tagalong.activityfile.errors.ArchiveError` for a member that
broke a rule. One bad member never stops the others; only archive-wide limits (entry count,
total unpacked size) end the walk early, with an error naming where they stopped.

Sizes are measured on the bytes actually unpacked, never on those the zip headers declare.
"""

from __future__ import annotations

import gzip
import io
import os
import re
import struct
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from typing import IO, Literal, Protocol

from tagalong.activityfile.errors import ActivityFileError, ArchiveError
from tagalong.activityfile.limits import GiB, KiB, MiB, UploadLimits
from tagalong.wording import Phrase

ACTIVITY_SUFFIXES = (".fit", ".gpx", ".tcx")
ARCHIVE_SUFFIXES = (".zip", ".tar", ".tgz", ".gz", ".bz2", ".xz", ".7z", ".rar", ".zst")

# Small enough that a zip bomb is caught a few MiB in, large enough to keep the loop cheap.
_CHUNK = 16 * KiB
# Below this many unpacked bytes no file is a threat, whatever its ratio; small repetitive files
# (a short GPX) can compress beyond the ratio limit without being a bomb.
_RATIO_GRACE_BYTES = 1 * MiB
# Upper bound on one central-directory record we accept when sizing the index before zipfile
# parses it: the fixed 46 bytes plus a long path and the usual extra fields.
_MAX_INDEX_RECORD_BYTES = 1 * KiB
_SPOOL_IN_MEMORY_BYTES = 8 * MiB
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_OS_NOISE = frozenset({"thumbs.db", "desktop.ini"})

UploadSource = bytes | bytearray | memoryview | os.PathLike[str] | IO[bytes]
Kind = Literal["activity", "gzip_activity", "archive", "other"]


@dataclass(frozen=True, slots=True)
class UploadEntry:
    """One activity file from the upload, gzip layer removed, within every size limit."""

    name: str  # path inside the archive (``outer.zip/inner.gpx`` when nested), or the upload name
    data: bytes = field(repr=False)

    @property
    def size(self) -> int:
        return len(self.data)

    @property
    def decode_filename(self) -> str:
        """The name to give the decoder: ``data`` is already unpacked, so ``.gz`` is dropped."""
        return self.name[:-3] if self.name.lower().endswith(".gz") else self.name


@dataclass(frozen=True, slots=True)
class SkippedEntry:
    """A member that is not an activity file: worth telling the uploader, not an error."""

    name: str
    reason: str

    def __str__(self) -> str:
        return str(Phrase("skipped: {name} ({reason})", name=self.name, reason=self.reason))


UploadItem = UploadEntry | SkippedEntry | ActivityFileError


class _Refused(Exception):
    """A limit hit while reading; the caller names the file and place."""

    def __init__(self, code: str, reason: Phrase) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


class _Consumed(Protocol):
    @property
    def bytes_read(self) -> int: ...


@dataclass(frozen=True, slots=True)
class _Declared:
    """Stands in for a byte counter when only the header's compressed size is known."""

    bytes_read: int


class _Readable(Protocol):
    def read(self, n: int = ..., /) -> bytes: ...


class _CountingReader:
    """Passes reads through and counts the bytes, so ratios use what was really consumed."""

    def __init__(self, raw: IO[bytes]) -> None:
        self._raw = raw
        self.bytes_read = 0

    def read(self, n: int = -1, /) -> bytes:
        data = self._raw.read(n)
        self.bytes_read += len(data)
        return data

    def seek(self, offset: int, whence: int = 0, /) -> int:
        return self._raw.seek(offset, whence)

    def tell(self) -> int:
        return self._raw.tell()

    def seekable(self) -> bool:
        return True


@dataclass(slots=True)
class _Budget:
    """What is left for the whole upload, shared by every member (nested zips included)."""

    bytes_left: int
    entries_left: int
    exhausted: bool = False
    members: range | None = None  # top-level zip members to read; None: all


def iter_upload(
    source: UploadSource,
    *,
    filename: str,
    limits: UploadLimits,
    members: range | None = None,
    bytes_budget: int | None = None,
) -> Iterator[UploadItem]:
    """Yield the activity files in an upload, with what was skipped and what was refused.

    ``source`` is the upload's bytes, a path, or a binary file object (read from its current
    position; a seekable one is never copied). ``filename`` is the name the uploader gave; a zip
    is recognised by its content as well as its name. The file a path names is closed when the
    iterator is exhausted or closed.

    ``members`` reads only those top-level members of a zip (by their index in the archive),
    so that several workers can share one archive; the others are passed over unread but still
    count towards ``max_entries``. ``bytes_budget`` is what is left of the total unpacked size
    when other parts of the upload were read elsewhere (default: all of it).
    """
    total = limits.max_total_uncompressed_bytes if bytes_budget is None else bytes_budget
    budget = _Budget(total, limits.max_entries, members=members)
    with ExitStack() as stack:
        try:
            stream = _open_seekable(source, stack, limits)
        except _Refused as refused:
            yield ArchiveError(file=filename, code=refused.code, reason=refused.reason)
            return
        start = stream.tell()
        size = stream.seek(0, os.SEEK_END) - start
        stream.seek(start)
        if size > limits.max_upload_bytes:
            reason = _upload_too_big(size, limits)
            yield ArchiveError(file=filename, code="too_large", reason=reason)
            return
        head = stream.read(4)
        stream.seek(start)
        if head in _ZIP_MAGIC or filename.lower().endswith(".zip"):
            yield from _iter_zip(
                stream, archive=filename, prefix="", depth=0, limits=limits, budget=budget
            )
        else:
            yield _single_file(stream, filename=filename, limits=limits, budget=budget)


@contextmanager
def open_zip(
    source: UploadSource, *, filename: str, limits: UploadLimits
) -> Iterator[zipfile.ZipFile]:
    """Open an upload as a zip, within the upload-size and index limits, or raise ArchiveError."""
    with ExitStack() as stack:
        try:
            stream = _open_seekable(source, stack, limits)
        except _Refused as refused:
            raise ArchiveError(file=filename, code=refused.code, reason=refused.reason) from None
        start = stream.tell()
        size = stream.seek(0, os.SEEK_END) - start
        stream.seek(start)
        if size > limits.max_upload_bytes:
            reason = _upload_too_big(size, limits)
            raise ArchiveError(file=filename, code="too_large", reason=reason)
        oversized_index = _oversized_index_reason(stream, limits)
        if oversized_index is not None:
            raise ArchiveError(file=filename, code="too_many_entries", reason=oversized_index)
        try:
            zf = stack.enter_context(zipfile.ZipFile(stream))
        except (zipfile.BadZipFile, EOFError, OSError, ValueError, struct.error) as exc:
            reason = Phrase("not a readable zip archive ({error})", error=str(exc))
            raise ArchiveError(file=filename, code="corrupt_archive", reason=reason) from None
        yield zf


def read_zip_member(
    zf: zipfile.ZipFile, info: zipfile.ZipInfo, *, archive: str, limits: UploadLimits
) -> bytes:
    """One member's bytes within the per-file cap, or ArchiveError naming it.

    The cap is counted on the bytes read; the ratio check can only use the compressed size the
    header declares here, since the zip was opened by someone else.
    """
    budget = _Budget(limits.max_total_uncompressed_bytes, limits.max_entries)
    try:
        return _read_member(zf, info, _Declared(info.compress_size), limits=limits, budget=budget)
    except _Refused as refused:
        raise ArchiveError(
            file=archive, place=info.filename, code=refused.code, reason=refused.reason
        ) from None


def classify(name: str) -> Kind:
    """What a file name says it is: an activity (maybe gzipped), an archive, or something else."""
    lower = name.lower()
    if lower.endswith(ACTIVITY_SUFFIXES):
        return "activity"
    if lower.endswith(".gz") and lower[:-3].endswith(ACTIVITY_SUFFIXES):
        return "gzip_activity"
    if lower.endswith(ARCHIVE_SUFFIXES):
        return "archive"
    return "other"


def unsafe_path_reason(name: str) -> Phrase | None:
    """Why an archive member's path could escape an extraction folder, or None if it cannot."""
    if "\x00" in name:
        return Phrase("its name contains a NUL byte")
    # Windows tools write backslashes as separators; judge the path the way they would.
    path = name.replace("\\", "/")
    if path.startswith("/"):
        return Phrase("its path is absolute")
    if re.match(r"^[A-Za-z]:", path):
        return Phrase("its path starts with a drive letter")
    if ".." in path.split("/"):
        return Phrase("its path climbs out of the archive with '..'")
    return None


def is_os_noise(name: str) -> bool:
    """Folders, macOS resource forks and hidden files that archivers add without being asked."""
    parts = [part for part in name.replace("\\", "/").split("/") if part]
    if not parts or name.endswith(("/", "\\")):
        return True
    if any(part == "__MACOSX" or part.startswith(".") for part in parts):
        return True
    return parts[-1].lower() in _OS_NOISE


def _open_seekable(source: UploadSource, stack: ExitStack, limits: UploadLimits) -> IO[bytes]:
    if isinstance(source, bytes | bytearray | memoryview):
        return io.BytesIO(source)
    if isinstance(source, os.PathLike):
        return stack.enter_context(open(source, "rb"))
    if source.seekable():
        return source
    # zipfile needs to seek; copy a one-way stream once, to disk past a few MiB.
    spool = stack.enter_context(tempfile.SpooledTemporaryFile(_SPOOL_IN_MEMORY_BYTES))  # noqa: SIM115
    copied = _copy_bounded(source, spool, limits.max_upload_bytes)
    if copied > limits.max_upload_bytes:
        raise _Refused(
            "too_large",
            Phrase("the upload is more than {limit}", limit=_human(limits.max_upload_bytes)),
        )
    spool.seek(0)
    return spool


def _copy_bounded(source: IO[bytes], target: IO[bytes], limit: int) -> int:
    copied = 0
    while copied <= limit and (chunk := source.read(256 * KiB)):
        target.write(chunk)
        copied += len(chunk)
    return copied


def _single_file(
    stream: IO[bytes], *, filename: str, limits: UploadLimits, budget: _Budget
) -> UploadItem:
    kind = classify(filename)
    if kind == "archive":
        reason = Phrase("only zip archives are accepted; unpack it or re-pack it as .zip")
        return ArchiveError(file=filename, code="unsupported_format", reason=reason)
    if kind == "other":
        reason = Phrase(
            "not an activity file (expected .fit, .gpx or .tcx, optionally .gz, or a .zip)"
        )
        return ArchiveError(file=filename, code="unsupported_format", reason=reason)
    try:
        counter = _CountingReader(stream)
        data = _read_limited(counter, counter, limits=limits, budget=budget, what=_THE_FILE)
        if kind == "gzip_activity":
            data = _gunzip(data, limits=limits, budget=budget)
    except _Refused as refused:
        return ArchiveError(file=filename, code=refused.code, reason=refused.reason)
    return UploadEntry(name=filename, data=data)


def _iter_zip(
    stream: IO[bytes],
    *,
    archive: str,
    prefix: str,
    depth: int,
    limits: UploadLimits,
    budget: _Budget,
) -> Iterator[UploadItem]:
    place = prefix.rstrip("/") or None
    oversized_index = _oversized_index_reason(stream, limits)
    if oversized_index is not None:
        yield ArchiveError(
            file=archive, place=place, code="too_many_entries", reason=oversized_index
        )
        return
    counter = _CountingReader(stream)
    try:
        zf = zipfile.ZipFile(counter)
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, struct.error) as exc:
        reason = Phrase("not a readable zip archive ({error})", error=str(exc))
        yield ArchiveError(file=archive, place=place, code="corrupt_archive", reason=reason)
        return
    with zf:
        members = zf.infolist()
        if not members and depth == 0:
            yield ArchiveError(
                file=archive, code="empty", reason=Phrase("the archive holds no files")
            )
        for index, info in enumerate(members):
            if budget.entries_left <= 0:
                reason = Phrase(
                    "the archive lists {entries} entries; only the first {read} were read",
                    entries=len(members),
                    read=limits.max_entries,
                )
                yield ArchiveError(
                    file=archive,
                    place=prefix + info.filename,
                    code="too_many_entries",
                    reason=reason,
                )
                return
            budget.entries_left -= 1
            if depth == 0 and budget.members is not None and index not in budget.members:
                continue
            yield from _member(
                zf,
                info,
                counter,
                archive=archive,
                prefix=prefix,
                depth=depth,
                limits=limits,
                budget=budget,
            )
            if budget.exhausted:
                left = len(members) - index - 1
                if left:
                    yield ArchiveError(
                        file=archive,
                        place=prefix + members[index + 1].filename,
                        code="too_large",
                        reason=Phrase(
                            "not read: the upload's unpacked-size budget ran out ({left} left)",
                            left=left,
                        ),
                    )
                return


def _member(
    zf: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    counter: _CountingReader,
    *,
    archive: str,
    prefix: str,
    depth: int,
    limits: UploadLimits,
    budget: _Budget,
) -> Iterator[UploadItem]:
    name = prefix + info.filename
    unsafe = unsafe_path_reason(info.orig_filename)
    if unsafe is not None:
        yield ArchiveError(
            file=archive,
            place=name,
            code="unsafe_path",
            reason=Phrase("refused: {why}", why=unsafe),
        )
        return
    if info.is_dir() or is_os_noise(info.filename):
        return
    kind = classify(info.filename)
    if kind == "other":
        yield SkippedEntry(name=name, reason=Phrase("not an activity file"))
        return
    nested_ok = _may_open_nested(info.filename, depth, limits)
    try:
        if kind == "archive" and not nested_ok:
            raise _Refused("nested_archive", _nested_reason(limits))
        data = _read_member(zf, info, counter, limits=limits, budget=budget)
        if kind == "gzip_activity":
            data = _gunzip(data, limits=limits, budget=budget)
        # A zip renamed to .fit is still a zip; judge it by its content too.
        if data[:4] in _ZIP_MAGIC and not nested_ok:
            raise _Refused("nested_archive", _nested_reason(limits))
    except _Refused as refused:
        yield ArchiveError(file=archive, place=name, code=refused.code, reason=refused.reason)
        return
    if kind == "archive":
        inner = io.BytesIO(data)
        yield from _iter_zip(
            inner, archive=archive, prefix=name + "/", depth=depth + 1, limits=limits, budget=budget
        )
        return
    yield UploadEntry(name=name, data=data)


def _may_open_nested(filename: str, depth: int, limits: UploadLimits) -> bool:
    return limits.allow_nested_archives and depth == 0 and filename.lower().endswith(".zip")


def _nested_reason(limits: UploadLimits) -> Phrase:
    if limits.allow_nested_archives:
        return Phrase(
            "archives inside archives are opened one level deep, and only when they are zips"
        )
    return Phrase("archives inside the upload are not opened; upload it on its own")


def _read_member(
    zf: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    counter: _CountingReader | _Declared,
    *,
    limits: UploadLimits,
    budget: _Budget,
) -> bytes:
    try:
        with zf.open(info) as member:
            if isinstance(counter, _CountingReader):
                counter.bytes_read = 0  # the local header read by open() is not this member's data
            return _read_limited(member, counter, limits=limits, budget=budget, what=_THIS_ENTRY)
    except RuntimeError as exc:  # zipfile's signal for an encrypted member
        raise _Refused(
            "unsupported_format",
            Phrase("password-protected entries cannot be read ({error})", error=str(exc)),
        ) from None
    except NotImplementedError as exc:
        raise _Refused(
            "unsupported_format", Phrase("unsupported compression ({error})", error=str(exc))
        ) from None
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, struct.error) as exc:
        raise _Refused(
            "corrupt_archive", Phrase("the entry is damaged ({error})", error=str(exc))
        ) from None


def _gunzip(data: bytes, *, limits: UploadLimits, budget: _Budget) -> bytes:
    counter = _CountingReader(io.BytesIO(data))
    try:
        with gzip.GzipFile(fileobj=counter, mode="rb") as unpacked:
            return _read_limited(
                unpacked, counter, limits=limits, budget=budget, what=_THE_GZIP_FILE
            )
    except (gzip.BadGzipFile, zlib.error, EOFError, OSError) as exc:
        raise _Refused(
            "corrupt_archive", Phrase("the gzip layer is damaged ({error})", error=str(exc))
        ) from None


def _read_limited(
    reader: _Readable,
    consumed: _Consumed,
    *,
    limits: UploadLimits,
    budget: _Budget,
    what: Phrase,
) -> bytes:
    """Read everything, counting as we go; raise _Refused the moment a limit is crossed."""
    out = bytearray()
    while chunk := reader.read(_CHUNK):
        out += chunk
        budget.bytes_left -= len(chunk)
        if budget.bytes_left < 0:
            budget.exhausted = True
            total = _human(limits.max_total_uncompressed_bytes)
            raise _Refused(
                "too_large",
                Phrase("the upload unpacks to more than {total} in total", total=total),
            )
        if len(out) > limits.max_file_bytes:
            cap = _human(limits.max_file_bytes)
            raise _Refused(
                "too_large", Phrase("{what} unpacks to more than {cap}", what=what, cap=cap)
            )
        ratio = len(out) / max(consumed.bytes_read, 1)
        if len(out) > _RATIO_GRACE_BYTES and ratio > limits.max_compression_ratio:
            raise _Refused(
                "zip_bomb",
                Phrase(
                    "{what} unpacks more than {ratio:g}:1 ({unpacked} from {packed}); "
                    "treated as a zip bomb",
                    what=what,
                    ratio=limits.max_compression_ratio,
                    unpacked=_human(len(out)),
                    packed=_human(consumed.bytes_read),
                ),
            )
    return bytes(out)


def _oversized_index_reason(stream: IO[bytes], limits: UploadLimits) -> Phrase | None:
    """Refuse an index too big for max_entries before zipfile loads all of it into memory."""
    index_bytes = _central_directory_size(stream)
    allowed = limits.max_entries * _MAX_INDEX_RECORD_BYTES + 64 * KiB
    if index_bytes is None or index_bytes <= allowed:
        return None
    return Phrase(
        "the archive's index is {size}, far more than {entries} entries need; it was not opened",
        size=_human(index_bytes),
        entries=limits.max_entries,
    )


def _central_directory_size(stream: IO[bytes]) -> int | None:
    """The index size the end record declares, or None when there is no end record to read."""
    start = stream.tell()
    end = stream.seek(0, os.SEEK_END)
    tail_start = max(start, end - (22 + 65535))
    stream.seek(tail_start)
    tail = stream.read(end - tail_start)
    stream.seek(start)
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < 22:
        return None
    size: int = struct.unpack_from("<L", tail, at + 12)[0]
    if size == 0xFFFFFFFF and at >= 20 and tail[at - 20 : at - 16] == b"PK\x06\x07":
        zip64_end = struct.unpack_from("<Q", tail, at - 12)[0] + start
        stream.seek(zip64_end)
        record = stream.read(56)
        stream.seek(start)
        if len(record) == 56 and record[:4] == b"PK\x06\x06":
            size = struct.unpack_from("<Q", record, 40)[0]
    return size


def _human(size: int) -> Phrase:
    for unit, scale in (("GiB", GiB), ("MiB", MiB), ("KiB", KiB)):
        if size >= scale:
            return Phrase("{size:.3g} {unit}", size=size / scale, unit=unit)
    return Phrase("{size} bytes", size=size)


def _upload_too_big(size: int, limits: UploadLimits) -> Phrase:
    return Phrase(
        "the upload is {size}, more than the {limit} allowed",
        size=_human(size),
        limit=_human(limits.max_upload_bytes),
    )


# What a size limit names: the whole upload, one archive entry, or the file inside a gzip.
_THE_FILE = Phrase("the file")
_THIS_ENTRY = Phrase("this entry")
_THE_GZIP_FILE = Phrase("the gzip file")
