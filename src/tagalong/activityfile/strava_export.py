"""Strava bulk exports: the ``activities.csv`` index that names each file in ``activities/``.

The importer decodes the files through :func:`tagalong.activityfile.archive.iter_upload` and uses
:attr:`StravaExport.rows_by_filename` to attach what only the CSV knows: the title the athlete
gave, the shoe (``Activity Gear``) and the session RPE (``Perceived Exertion``, Strava's 1-10).

The CSV repeats some column names (a second ``Elapsed Time`` in float seconds, a second
``Distance`` in metres after the first in the athlete's display unit). Columns are looked up by
position and the first occurrence wins, except distance, which is read from the metric copy.
Exports from before mid-2019 name their columns in lower case (``id``, ``name``, ``gear``,
``filename``); other languages translate the names but keep the English order, so a header
without ``Activity ID`` is read by position when its rows bear that out (ids, file paths).
"""

from __future__ import annotations

import csv
import io
import math
import re
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from tagalong.activityfile.archive import UploadSource, open_zip, read_zip_member
from tagalong.activityfile.errors import ArchiveError
from tagalong.activityfile.limits import UploadLimits
from tagalong.wording import Phrase

INDEX_NAME = "activities.csv"

# Strava's "Perceived Exertion" slider runs from 1 (easy) to 10 (max effort).
RPE_RANGE = (1.0, 10.0)

# The column order of the English activities.csv (2024 exports), repeats included. Tests and the
# benchmark fixture write it; the parser relies only on names and their order of appearance.
ENGLISH_HEADER: tuple[str, ...] = (
    "Activity ID", "Activity Date", "Activity Name", "Activity Type", "Activity Description",
    "Elapsed Time", "Distance", "Max Heart Rate", "Relative Effort", "Commute",
    "Activity Private Note", "Activity Gear", "Filename", "Athlete Weight", "Bike Weight",
    "Elapsed Time", "Moving Time", "Distance", "Max Speed", "Average Speed", "Elevation Gain",
    "Elevation Loss", "Elevation Low", "Elevation High", "Max Grade", "Average Grade",
    "Average Positive Grade", "Average Negative Grade", "Max Cadence", "Average Cadence",
    "Max Heart Rate", "Average Heart Rate", "Max Watts", "Average Watts", "Calories",
    "Max Temperature", "Average Temperature", "Relative Effort", "Total Work", "Number of Runs",
    "Uphill Time", "Downhill Time", "Other Time", "Perceived Exertion", "Type", "Start Time",
    "Weighted Average Power", "Power Count", "Prefer Perceived Exertion",
    "Perceived Relative Effort", "Commute", "Total Weight Lifted", "From Upload",
    "Grade Adjusted Distance", "Weather Observation Time", "Weather Condition",
    "Weather Temperature", "Apparent Temperature", "Dewpoint", "Humidity", "Weather Pressure",
    "Wind Speed", "Wind Gust", "Wind Bearing", "Precipitation Intensity", "Sunrise Time",
    "Sunset Time", "Moon Phase", "Bike", "Gear", "Precipitation Probability",
    "Precipitation Type", "Cloud Cover", "Weather Visibility", "UV Index", "Weather Ozone",
    "Jump Count", "Total Grit", "Average Flow", "Flagged", "Average Elapsed Speed",
    "Dirt Distance", "Newly Explored Distance", "Newly Explored Dirt Distance", "Activity Count",
    "Total Steps", "Carbon Saved", "Pool Length", "Training Load", "Intensity",
    "Average Grade Adjusted Pace", "Timer Time", "Total Cycles", "Media",
)  # fmt: skip

# The columns of exports made before mid-2019, by the English name they stand for.
LEGACY_NAMES = {
    "id": "Activity ID",
    "date": "Activity Date",
    "name": "Activity Name",
    "type": "Activity Type",
    "description": "Activity Description",
    "elapsed_time": "Elapsed Time",
    "moving_time": "Moving Time",
    "gear": "Activity Gear",
    "filename": "Filename",
    "perceived_exertion": "Perceived Exertion",
}
# Read by position: the first columns of every language's export, up to Filename.
_POSITIONAL_MIN = ENGLISH_HEADER.index("Filename") + 1

# Strava writes dates in UTC, in the export's language; these cover English and ISO forms.
_DATE_FORMATS = (
    "%b %d, %Y, %I:%M:%S %p",
    "%b %d, %Y %I:%M:%S %p",
    "%d %b %Y, %H:%M:%S",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%SZ",
    "%d.%m.%Y, %H:%M:%S",
    "%d.%m.%Y %H:%M:%S",
)
_THOUSANDS_ONLY = re.compile(r"^-?\d{1,3}(,\d{3}){2,}$")


@dataclass(frozen=True, slots=True)
class StravaActivityRow:
    activity_id: str
    name: str
    type: str  # Strava's own words: "Run", "Trail Run", "Ride" ...
    date: datetime | None  # start, UTC; None when the date is in a form not understood
    gear: str | None  # the shoe or bike name as the athlete typed it
    perceived_exertion: float | None  # 1-10, None when not recorded
    filename: str | None  # as the CSV gives it (``activities/123.fit.gz``); None for manual entries
    description: str = ""
    elapsed_s: float | None = None
    moving_s: float | None = None
    distance_m: float | None = None
    line: int = 0  # line in activities.csv, for messages

    @property
    def is_manual(self) -> bool:
        return self.filename is None


@dataclass(frozen=True, slots=True)
class StravaExport:
    rows: tuple[StravaActivityRow, ...]
    # Keyed by the member path in the zip, so ``rows_by_filename.get(entry.name)`` just works.
    rows_by_filename: Mapping[str, StravaActivityRow]
    missing_files: tuple[StravaActivityRow, ...]  # the CSV names a file the zip does not hold
    manual_activities: tuple[StravaActivityRow, ...]  # entered by hand on Strava, no file
    problems: tuple[ArchiveError, ...] = ()  # CSV lines that could not be read
    root: str = ""  # folder holding activities.csv when the export was re-zipped in a folder


def find_export_root(names: Iterable[str]) -> str | None:
    """The folder (``""`` or ``"export_123/"``) holding activities.csv, or None if absent."""
    roots = []
    for name in names:
        path = name.replace("\\", "/")
        if path == INDEX_NAME:
            return ""
        head, _, tail = path.partition("/")
        if tail == INDEX_NAME:
            roots.append(head + "/")
    return roots[0] if len(roots) == 1 else None


def is_strava_export(
    source: zipfile.ZipFile | UploadSource, *, limits: UploadLimits | None = None
) -> bool:
    """True when the zip has a Strava ``activities.csv`` at its top (or in one top folder)."""
    if isinstance(source, zipfile.ZipFile):
        return find_export_root(source.namelist()) is not None
    try:
        with open_zip(source, filename="upload", limits=limits or UploadLimits()) as zf:
            return find_export_root(zf.namelist()) is not None
    except ArchiveError:
        return False


def read_strava_export(
    source: zipfile.ZipFile | UploadSource,
    limits: UploadLimits,
    *,
    filename: str = "export.zip",
) -> StravaExport:
    """Read the index of a Strava bulk export; raises ArchiveError if it is not one.

    Only ``activities.csv`` is read here; the activity files are left for ``iter_upload``.
    """
    if isinstance(source, zipfile.ZipFile):
        return _read_index(source, limits, filename=filename)
    with open_zip(source, filename=filename, limits=limits) as zf:
        return _read_index(zf, limits, filename=filename)


def _read_index(zf: zipfile.ZipFile, limits: UploadLimits, *, filename: str) -> StravaExport:
    names = zf.namelist()
    root = find_export_root(names)
    if root is None:
        reason = Phrase("not a Strava export: there is no activities.csv at the top of the archive")
        raise ArchiveError(file=filename, code="not_strava_export", reason=reason)
    info = zf.getinfo(next(n for n in names if n.replace("\\", "/") == root + INDEX_NAME))
    text = read_zip_member(zf, info, archive=filename, limits=limits).decode(
        "utf-8-sig", errors="replace"
    )
    rows, problems = parse_activities_csv(text, archive=filename, place=info.filename)
    present = {name.replace("\\", "/") for name in names}
    by_filename: dict[str, StravaActivityRow] = {}
    missing: list[StravaActivityRow] = []
    for row in rows:
        if row.filename is None:
            continue
        member = root + row.filename
        if member in present:
            by_filename[member] = row
        else:
            missing.append(row)
    return StravaExport(
        rows=tuple(rows),
        rows_by_filename=by_filename,
        missing_files=tuple(missing),
        manual_activities=tuple(row for row in rows if row.is_manual),
        problems=tuple(problems),
        root=root,
    )


def parse_activities_csv(
    text: str, *, archive: str = "export.zip", place: str = INDEX_NAME
) -> tuple[list[StravaActivityRow], list[ArchiveError]]:
    """Rows of activities.csv, and one error per line that could not be read.

    Raises ArchiveError when the header is missing or lacks ``Activity ID``.
    """
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    header, by_position = english_header([cell.strip() for cell in next(reader, [])])
    columns = _Columns(header)
    if not columns.has("Activity ID"):
        raise _unreadable_header(archive, place)
    rows: list[StravaActivityRow] = []
    problems: list[ArchiveError] = []
    try:
        for cells in reader:
            if not any(cell.strip() for cell in cells):
                continue
            line = reader.line_num
            activity_id = columns.first(cells, "Activity ID")
            if not activity_id:
                where = _line_of(place, line)
                reason = Phrase("the row has no Activity ID; it was skipped")
                problems.append(
                    ArchiveError(file=archive, place=where, code="corrupt", reason=reason)
                )
                continue
            rows.append(_row(columns, cells, activity_id=activity_id, line=line))
            if by_position and not _looks_english_ordered(rows[-1]):
                raise _unreadable_header(archive, place)
    except csv.Error as exc:
        where = _line_of(place, reader.line_num)
        reason = Phrase("the CSV cannot be read past this line ({error})", error=str(exc))
        problems.append(ArchiveError(file=archive, place=where, code="corrupt", reason=reason))
    return rows, problems


def english_header(header: list[str]) -> tuple[list[str], bool]:
    """The header in English names, and whether it was read by position (another language)."""
    if "Activity ID" in header:
        return header, False
    lowered = [name.lower() for name in header]
    if "id" in lowered and "filename" in lowered:
        return [LEGACY_NAMES.get(name, name) for name in lowered], False
    if len(header) >= _POSITIONAL_MIN:
        return list(ENGLISH_HEADER[: len(header)]), True
    return header, False


def _looks_english_ordered(row: StravaActivityRow) -> bool:
    """A row read by position bears the order out: a numeric id, a file under activities/."""
    filename_ok = row.filename is None or row.filename.startswith("activities/")
    return row.activity_id.isdigit() and filename_ok


def _unreadable_header(archive: str, place: str) -> ArchiveError:
    reason = Phrase(
        "activities.csv has no 'Activity ID' column and its columns are not in the order of a "
        "Strava export, so names, gear and effort cannot be read (Strava: Settings > Display "
        "preferences > Language: English, then request a new export)"
    )
    return ArchiveError(file=archive, place=place, code="unsupported_format", reason=reason)


def _line_of(place: str, line: int) -> Phrase:
    return Phrase("{file} line {line}", file=place, line=line)


def _kind(row: StravaActivityRow) -> str:
    """Strava's own word for the activity (its export's language), or ours."""
    return row.type or Phrase("activity")


def missing_reason(row: StravaActivityRow) -> Phrase:
    if row.date:
        return Phrase(
            "Strava lists this {kind} on {day:%Y-%m-%d} with the file {file}, but the export "
            "does not hold that file, so it was not imported",
            kind=_kind(row),
            day=row.date,
            file=row.filename,
        )
    return Phrase(
        "Strava lists this {kind} with the file {file}, but the export does not hold that "
        "file, so it was not imported",
        kind=_kind(row),
        file=row.filename,
    )


def manual_reason(row: StravaActivityRow) -> Phrase:
    if row.date:
        return Phrase(
            "entered by hand on Strava ({kind} on {day:%Y-%m-%d}), with no file to import; "
            "add it here as a manual run if it should count",
            kind=_kind(row),
            day=row.date,
        )
    return Phrase(
        "entered by hand on Strava ({kind}), with no file to import; add it here as a manual "
        "run if it should count",
        kind=_kind(row),
    )


class _Columns:
    """Positions of each header name, in order, so repeated names stay distinct."""

    def __init__(self, header: Sequence[str]) -> None:
        self._positions: dict[str, list[int]] = {}
        for index, name in enumerate(header):
            self._positions.setdefault(name, []).append(index)

    def has(self, name: str) -> bool:
        return name in self._positions

    def first(self, cells: Sequence[str], name: str) -> str:
        return self.nth(cells, name, 0)

    def nth(self, cells: Sequence[str], name: str, occurrence: int) -> str:
        positions = self._positions.get(name, [])
        if occurrence >= len(positions) or positions[occurrence] >= len(cells):
            return ""
        return cells[positions[occurrence]].strip()

    def count(self, name: str) -> int:
        return len(self._positions.get(name, []))


def _row(
    columns: _Columns, cells: Sequence[str], *, activity_id: str, line: int
) -> StravaActivityRow:
    filename = columns.first(cells, "Filename").replace("\\", "/").removeprefix("./")
    elapsed = parse_number(columns.first(cells, "Elapsed Time"))
    if elapsed is None:
        elapsed = parse_number(columns.nth(cells, "Elapsed Time", 1))
    return StravaActivityRow(
        activity_id=activity_id,
        name=columns.first(cells, "Activity Name"),
        type=columns.first(cells, "Activity Type"),
        date=parse_strava_date(columns.first(cells, "Activity Date")),
        gear=columns.first(cells, "Activity Gear") or None,
        perceived_exertion=_rpe(columns.first(cells, "Perceived Exertion")),
        filename=filename or None,
        description=columns.first(cells, "Activity Description"),
        elapsed_s=elapsed,
        moving_s=parse_number(columns.first(cells, "Moving Time")),
        distance_m=_distance_m(columns, cells),
        line=line,
    )


def _distance_m(columns: _Columns, cells: Sequence[str]) -> float | None:
    # The first Distance is in the athlete's display unit (km or miles, unstated); only the
    # repeated column is known to be metres, so without it the distance is left unknown.
    if columns.count("Distance") < 2:
        return None
    return parse_number(columns.nth(cells, "Distance", 1))


def _rpe(text: str) -> float | None:
    value = parse_number(text)
    low, high = RPE_RANGE
    if value is None or not low <= value <= high:
        return None
    return value


def parse_number(text: str) -> float | None:
    """``"10.5"``, ``"10,5"``, ``"1,234.5"``, ``"1.234,5"`` -> float; blank or junk -> None.

    A lone comma is read as a decimal comma ("1,234" is 1.234): Strava's English export writes
    plain numbers, so a comma there comes from a localised export where it is the decimal mark.
    """
    value = text.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    if not value:
        return None
    if "," in value and "." in value:
        if value.rfind(",") > value.rfind("."):
            value = value.replace(".", "").replace(",", ".")
        else:
            value = value.replace(",", "")
    elif _THOUSANDS_ONLY.match(value):
        value = value.replace(",", "")
    else:
        value = value.replace(",", ".")
    try:
        number = float(value)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def parse_strava_date(text: str) -> datetime | None:
    """Strava's ``"Feb 6, 2013, 12:11:14 PM"`` (UTC) and a few other forms -> aware UTC."""
    value = " ".join(text.replace("\u202f", " ").replace("\u00a0", " ").split())
    if not value:
        return None
    for pattern in _DATE_FORMATS:
        try:
            parsed = datetime.strptime(value, pattern)
        except ValueError:
            continue
        return parsed.replace(tzinfo=UTC)
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
