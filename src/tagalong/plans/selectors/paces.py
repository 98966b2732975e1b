"""Paces as text: m:ss, and the generator's per-km paces in the reader's units."""

from __future__ import annotations

import re

from tagalong import units

_KM_PACE = re.compile(r"(\d+):(\d{2})(–(\d+):(\d{2}))?\s?/km")


def paces_in(text: str, reader: units.Units) -> str:
    """The generator writes paces per km; a runner who reads miles gets them per mile.
    A phrase is said in the reader's language first (its pace is written the same)."""
    text = str(text)
    if reader == "km":
        return text

    def convert(m: re.Match[str]) -> str:
        fast = int(m.group(1)) * 60 + int(m.group(2))
        if m.group(3) is None:
            return units.pace_text(fast, reader)
        slow = int(m.group(4)) * 60 + int(m.group(5))
        return f"{units.pace_text(fast, reader, suffix=False)}–{units.pace_text(slow, reader)}"

    return _KM_PACE.sub(convert, text)


def pace_text(seconds: float) -> str:
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"
