"""How much an upload may hold before intake refuses it.

The defaults fit one athlete's full Strava bulk export (years of runs, photos included) while
keeping a single upload from exhausting the memory, disk or CPU of a small self-hosted server.
Every limit is enforced on the bytes actually read, never on sizes an archive declares.

Environment variables read by :meth:`UploadLimits.from_mapping` (all optional):

``TAGALONG_UPLOAD_MAX_BYTES``
    Largest upload accepted, as sent (the zip itself). Default ``512MiB``.
``TAGALONG_UPLOAD_MAX_FILE_BYTES``
    Largest single activity file once unpacked (zip member, then gzip layer). Default ``64MiB``;
    a 24-hour FIT file with every sensor stays well below 20 MiB.
``TAGALONG_UPLOAD_MAX_ENTRIES``
    Most members an archive may list. Default ``20000``, about 50 years of daily runs.
``TAGALONG_UPLOAD_MAX_TOTAL_BYTES``
    Most bytes unpacked from one upload, all members together. Default ``4GiB``.
``TAGALONG_UPLOAD_MAX_COMPRESSION_RATIO``
    Highest unpacked-to-packed ratio of one member. Default ``200``: activity files compress
    about 3:1 (FIT) to 15:1 (GPX), a zip bomb of zeros about 1000:1.
``TAGALONG_UPLOAD_ALLOW_NESTED_ARCHIVES``
    ``true`` to open a zip found inside the upload (one level deep). Default ``false``.
``TAGALONG_UPLOAD_ATHLETE_QUOTA_BYTES``
    Most bytes of activity files kept for one athlete (originals and uploads waiting to be
    imported). Default ``2GiB``: about 20 years of daily one-hour FIT runs.

Sizes accept a plain byte count or a number with a unit: ``KB MB GB`` (powers of 1000) or
``KiB MiB GiB`` (powers of 1024), e.g. ``768MiB``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields

KiB = 1024
MiB = 1024 * KiB
GiB = 1024 * MiB

ENV_PREFIX = "TAGALONG_UPLOAD_"

_SIZE_UNITS = {
    "": 1,
    "b": 1,
    "kb": 1000,
    "mb": 1000**2,
    "gb": 1000**3,
    "kib": KiB,
    "mib": MiB,
    "gib": GiB,
}
_SIZE_PATTERN = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$", re.IGNORECASE)
_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off"})


class UploadLimitsError(ValueError):
    """A limit setting that cannot be used; the message names the variable and the bad value."""


@dataclass(frozen=True, slots=True)
class UploadLimits:
    max_upload_bytes: int = 512 * MiB
    max_file_bytes: int = 64 * MiB
    max_entries: int = 20_000
    max_total_uncompressed_bytes: int = 4 * GiB
    max_compression_ratio: float = 200.0
    allow_nested_archives: bool = False
    athlete_quota_bytes: int = 2 * GiB

    def __post_init__(self) -> None:
        for item in fields(self):
            value = getattr(self, item.name)
            if isinstance(value, bool):
                continue
            if value <= 0:
                raise UploadLimitsError(f"{item.name} must be positive, got {value!r}")
        if not self.max_compression_ratio >= 1:  # also rejects NaN
            raise UploadLimitsError(
                f"max_compression_ratio must be at least 1, got {self.max_compression_ratio!r}"
            )

    @classmethod
    def from_mapping(cls, env: Mapping[str, str]) -> UploadLimits:
        """Limits from ``TAGALONG_UPLOAD_*`` variables; unset or blank ones keep the default.

        Raises :class:`UploadLimitsError` naming the variable when a value is not understood,
        so a misconfigured server fails at start-up rather than on the first upload.
        """
        defaults = cls()
        return cls(
            max_upload_bytes=_size(env, "MAX_BYTES", defaults.max_upload_bytes),
            max_file_bytes=_size(env, "MAX_FILE_BYTES", defaults.max_file_bytes),
            max_entries=_count(env, "MAX_ENTRIES", defaults.max_entries),
            max_total_uncompressed_bytes=_size(
                env, "MAX_TOTAL_BYTES", defaults.max_total_uncompressed_bytes
            ),
            max_compression_ratio=_ratio(
                env, "MAX_COMPRESSION_RATIO", defaults.max_compression_ratio
            ),
            allow_nested_archives=_flag(
                env, "ALLOW_NESTED_ARCHIVES", defaults.allow_nested_archives
            ),
            athlete_quota_bytes=_size(env, "ATHLETE_QUOTA_BYTES", defaults.athlete_quota_bytes),
        )


def parse_size(text: str) -> int:
    """``"512MiB"`` -> 536870912. Raises ValueError on anything else than a size."""
    match = _SIZE_PATTERN.match(text)
    if match is None or match.group(2).lower() not in _SIZE_UNITS:
        raise ValueError(f"{text!r} is not a size (try 536870912 or 512MiB)")
    return int(float(match.group(1)) * _SIZE_UNITS[match.group(2).lower()])


def _raw(env: Mapping[str, str], suffix: str) -> tuple[str, str] | None:
    name = ENV_PREFIX + suffix
    value = env.get(name, "").strip()
    return (name, value) if value else None


def _size(env: Mapping[str, str], suffix: str, default: int) -> int:
    found = _raw(env, suffix)
    if found is None:
        return default
    name, value = found
    try:
        size = parse_size(value)
    except ValueError as exc:
        raise UploadLimitsError(f"{name}: {exc}") from None
    if size <= 0:
        raise UploadLimitsError(f"{name}: must be more than 0 bytes, got {value!r}")
    return size


def _count(env: Mapping[str, str], suffix: str, default: int) -> int:
    found = _raw(env, suffix)
    if found is None:
        return default
    name, value = found
    if not value.isdigit() or int(value) <= 0:
        raise UploadLimitsError(f"{name}: expected a whole number above 0, got {value!r}")
    return int(value)


def _ratio(env: Mapping[str, str], suffix: str, default: float) -> float:
    found = _raw(env, suffix)
    if found is None:
        return default
    name, value = found
    try:
        ratio = float(value.split(":")[0]) if value.endswith(":1") else float(value)
    except ValueError:
        raise UploadLimitsError(f"{name}: expected a ratio such as 200, got {value!r}") from None
    if not ratio >= 1:  # also rejects NaN
        raise UploadLimitsError(f"{name}: must be at least 1, got {value!r}")
    return ratio


def _flag(env: Mapping[str, str], suffix: str, default: bool) -> bool:
    found = _raw(env, suffix)
    if found is None:
        return default
    name, value = found
    if value.lower() in _TRUE:
        return True
    if value.lower() in _FALSE:
        return False
    raise UploadLimitsError(f"{name}: expected true or false, got {value!r}")
