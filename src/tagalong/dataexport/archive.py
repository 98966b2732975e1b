"""The export zip: every table twice (JSON for programs, CSV for spreadsheets) and files."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from pathlib import PurePosixPath
from typing import IO, Any
from uuid import UUID

from django.db.models import Model, QuerySet


def plain(value: Any) -> Any:
    """A value as JSON can hold it: times in ISO 8601 (UTC as stored), decimals as numbers."""
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


def rows_of(
    queryset: QuerySet[Any], *, fields: Sequence[str] = (), exclude: Sequence[str] = ()
) -> list[dict[str, Any]]:
    """The rows of a queryset as plain dicts: the named fields (lookups across relations
    allowed) or every concrete field but the excluded ones."""
    if not fields:
        model: type[Model] = queryset.model
        fields = [
            f.attname
            for f in model._meta.concrete_fields
            if f.name not in exclude and f.attname not in exclude
        ]
    return [{k: plain(v) for k, v in row.items()} for row in queryset.values(*fields)]


def _cell(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, dict | list) else value


class Archive:
    def __init__(self, target: IO[bytes]) -> None:
        self._zip = zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED)
        self.names: list[str] = []

    def table(self, area: str, name: str, rows: Iterable[Mapping[str, Any]]) -> int:
        listed = [dict(row) for row in rows]
        self.bytes(f"{area}/{name}.json", json.dumps(listed, indent=2, ensure_ascii=False).encode())
        columns: list[str] = []
        for row in listed:
            columns.extend(k for k in row if k not in columns)
        text = io.StringIO()
        writer = csv.DictWriter(text, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for row in listed:
            writer.writerow({k: _cell(v) for k, v in row.items()})
        self.bytes(f"{area}/{name}.csv", text.getvalue().encode("utf-8-sig"))
        return len(listed)

    def bytes(self, path: str, data: bytes) -> None:
        safe = self._unique(path)
        self._zip.writestr(safe, data)
        self.names.append(safe)

    def copy(self, path: str, source: IO[bytes]) -> None:
        safe = self._unique(path)
        with self._zip.open(safe, "w") as out:
            while chunk := source.read(1024 * 1024):
                out.write(chunk)
        self.names.append(safe)

    def _unique(self, path: str) -> str:
        clean = "/".join(p for p in PurePosixPath(path).parts if p not in ("..", "/", ""))
        if clean not in self.names:
            return clean
        stem, dot, suffix = clean.rpartition(".")
        if not dot:
            stem, suffix = clean, ""
        n = 2
        while f"{stem}-{n}{dot}{suffix}" in self.names:
            n += 1
        return f"{stem}-{n}{dot}{suffix}"

    def close(self) -> None:
        self._zip.close()
