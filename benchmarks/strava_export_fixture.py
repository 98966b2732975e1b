"""A generated Strava bulk export, for benchmarking the import of many activities.

``make_strava_export(dest, 1000, seed=1, template_files=[...gpx, ...tcx])`` writes a zip laid out
like Strava's (``activities.csv`` at the top, files in ``activities/``), re-using real GPX/TCX files
with every timestamp moved to a new day so each file is distinct by content and by start time
(the importer deduplicates on both).

FIT templates are refused: their timestamps sit inside a CRC-checked binary, and changing bytes
elsewhere would either break the file or leave the decoded activity identical.
"""

from __future__ import annotations

import csv
import gzip
import io
import random
import re
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tagalong.activityfile.strava_export import ENGLISH_HEADER

_TIMESTAMP = re.compile(
    r"(?P<stamp>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?P<fraction>\.\d+)?(?P<zone>Z|[+-]\d{2}:\d{2})?"
)
_FIRST_DAY = datetime(2021, 1, 4, tzinfo=UTC)
_NAMES = ("Easy run", "Long run", "Tempo", "Hill repeats", "Recovery jog", "Intervals", "Trail run")
_SHOES = ("Pegasus 40", "Novablast 4", "Speedgoat 5", "Endorphin Speed 3", "")


def make_strava_export(dest: Path, n: int, *, seed: int, template_files: list[Path]) -> Path:
    """Write an ``n``-activity export zip to ``dest`` (a file, or a folder to put it in)."""
    templates = [_template(path) for path in template_files]
    if not templates:
        raise ValueError("template_files is empty; give at least one GPX or TCX file")
    target = dest / f"strava_export_{n}_{seed}.zip" if dest.is_dir() else dest
    rng = random.Random(seed)
    rows: list[dict[str, str]] = []
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for index in range(n):
            suffix, text = templates[index % len(templates)]
            activity_id = str(10_000_000_000 + seed * 1_000_000 + index)
            start = _FIRST_DAY + timedelta(
                days=index, hours=rng.randint(5, 19), minutes=rng.randint(0, 59)
            )
            data = _distinct_copy(text, start=start, activity_id=activity_id).encode()
            member = f"activities/{activity_id}{suffix}"
            if rng.random() < 0.5:
                member += ".gz"
                data = gzip.compress(data, mtime=0)
            zf.writestr(member, data)
            rows.append(_row(rng, activity_id=activity_id, start=start, filename=member))
        zf.writestr("activities.csv", _csv(rows))
    return target


def _template(path: Path) -> tuple[str, str]:
    suffix = path.suffix.lower()
    if suffix not in {".gpx", ".tcx"}:
        raise ValueError(
            f"{path.name}: only GPX and TCX templates can be made distinct (see module doc)"
        )
    return suffix, path.read_text(encoding="utf-8")


def _distinct_copy(text: str, *, start: datetime, activity_id: str) -> str:
    # Anchor on the first track point: GPX metadata and waypoint times can precede or follow it.
    track = max(text.find("<trkpt"), text.find("<Trackpoint"), 0)
    first = _TIMESTAMP.search(text, track) or _TIMESTAMP.search(text)
    if first is not None:
        shift = start - _parse(first)
        text = _TIMESTAMP.sub(lambda match: _format(_parse(match) + shift, match), text)
    # A marker keeps files distinct even when the template carries no timestamps.
    marker = f"<!-- tagalong benchmark activity {activity_id} -->"
    head, declaration, rest = text.partition("?>")
    return f"{head}?>\n{marker}{rest}" if declaration else f"{marker}\n{text}"


def _parse(match: re.Match[str]) -> datetime:
    stamp = datetime.fromisoformat(match.group("stamp"))
    zone = match.group("zone")
    if zone in (None, "Z"):
        return stamp.replace(tzinfo=UTC)
    return datetime.fromisoformat(match.group("stamp") + zone).astimezone(UTC)


def _format(moment: datetime, match: re.Match[str]) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S") + (match.group("fraction") or "") + "Z"


def _row(rng: random.Random, *, activity_id: str, start: datetime, filename: str) -> dict[str, str]:
    elapsed = rng.randint(1800, 7200)
    distance_m = elapsed * rng.uniform(2.4, 3.6)
    rpe = rng.choice(["", "", "3", "4", "5", "6", "7", "8"])
    return {
        "Activity ID": activity_id,
        "Activity Date": _strava_date(start),
        "Activity Name": rng.choice(_NAMES),
        "Activity Type": "Run",
        "Elapsed Time": str(elapsed),
        "Distance": f"{distance_m / 1000:.2f}",
        "Activity Gear": rng.choice(_SHOES),
        "Filename": filename,
        "Elapsed Time#2": f"{elapsed:.1f}",
        "Moving Time": f"{elapsed * 0.97:.1f}",
        "Distance#2": f"{distance_m:.1f}",
        "Perceived Exertion": rpe,
    }


def _strava_date(moment: datetime) -> str:
    """Strava's English form, ``Mar 3, 2024, 6:45:10 AM`` (no zero padding on day and hour)."""
    hour = moment.hour % 12 or 12
    return f"{moment:%b} {moment.day}, {moment.year}, {hour}:{moment:%M:%S %p}"


def _csv(rows: list[dict[str, str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(ENGLISH_HEADER)
    for values in rows:
        seen: dict[str, int] = {}
        cells = []
        for name in ENGLISH_HEADER:
            seen[name] = seen.get(name, 0) + 1
            cells.append(values.get(name if seen[name] == 1 else f"{name}#{seen[name]}", ""))
        writer.writerow(cells)
    return "\ufeff" + buffer.getvalue()
