"""Tagalong's app icons, drawn here and written as PNG without an imaging library.

The shape matches static/tagalong/icons/icon.svg: a blue tile with a white ring (the calf's
cross-section) around a white "T". ``python -m tagalong.web.icons`` writes the PNGs that the
manifest lists; a test checks the committed files are what this draws.
"""

from __future__ import annotations

import struct
import sys
import zlib
from pathlib import Path

BLUE = (26, 95, 168)
WHITE = (255, 255, 255)
SIZES = {"icon-192.png": 192, "icon-512.png": 512, "icon-180.png": 180}
ICON_DIR = Path(__file__).resolve().parent / "static" / "tagalong" / "icons"


def _inside_shape(x: float, y: float) -> bool:
    """The white parts, in a 0..1 square: a ring and a T."""
    dx, dy = x - 0.5, y - 0.5
    r = (dx * dx + dy * dy) ** 0.5
    ring = 0.30 <= r <= 0.38
    bar = 0.34 <= x <= 0.66 and 0.32 <= y <= 0.41
    stem = 0.455 <= x <= 0.545 and 0.32 <= y <= 0.70
    return ring or bar or stem


def _pixel(x: float, y: float, px: float, samples: int = 3) -> bytes:
    """The colour at a pixel, averaged over samples² points so the edges are smooth."""
    step = px / samples
    hits = sum(
        _inside_shape(x + (i + 0.5) * step, y + (j + 0.5) * step)
        for i in range(samples)
        for j in range(samples)
    )
    share = hits / (samples * samples)
    return bytes(round(b + (w - b) * share) for b, w in zip(BLUE, WHITE, strict=True))


def _chunk(kind: bytes, data: bytes) -> bytes:
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def icon_png(size: int) -> bytes:
    rows = bytearray()
    for row in range(size):
        rows.append(0)  # no filter
        for col in range(size):
            rows.extend(_pixel(col / size, row / size, 1.0 / size))
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)  # 8-bit RGB
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(bytes(rows), 9))
        + _chunk(b"IEND", b"")
    )


def write_icons(folder: Path = ICON_DIR) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, size in SIZES.items():
        path = folder / name
        path.write_bytes(icon_png(size))
        written.append(path)
    return written


if __name__ == "__main__":
    for path in write_icons(Path(sys.argv[1]) if len(sys.argv) > 1 else ICON_DIR):
        print(path)
