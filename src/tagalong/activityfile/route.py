"""The route of an activity: a short copy of its GPS track, drawn as an outline or over map tiles.

Pure geometry, no network: the page draws the outline itself as SVG, and when the operator names
a tile server it lays that server's Web Mercator tiles under the same line.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from tagalong.activityfile.model import Streams

Point = tuple[float, float]  # (latitude, longitude) in degrees

TRACK_POINTS = 400
TILE_PX = 256
MAX_ZOOM = 17


def track_points(streams: Streams, points: int = TRACK_POINTS) -> list[Point]:
    """At most ``points`` positions of the track, evenly spaced over the samples with a fix."""
    lat, lon = streams.latitude_deg, streams.longitude_deg
    if lat is None or lon is None:
        return []
    valid = np.flatnonzero(np.isfinite(lat) & np.isfinite(lon) & ((lat != 0) | (lon != 0)))
    if valid.size < 2:
        return []
    picked = valid[
        np.unique(np.linspace(0, valid.size - 1, min(points, valid.size)).round().astype(int))
    ]
    return [(round(float(lat[i]), 5), round(float(lon[i]), 5)) for i in picked]


def _mercator(point: Point, zoom: int) -> tuple[float, float]:
    """World pixel coordinates of a point at a zoom level (the tile servers' projection)."""
    lat = max(min(point[0], 85.0511), -85.0511)
    scale = TILE_PX * 2**zoom
    x = (point[1] + 180.0) / 360.0 * scale
    sin = math.sin(math.radians(lat))
    y = (0.5 - math.log((1 + sin) / (1 - sin)) / (4 * math.pi)) * scale
    return x, y


@dataclass(frozen=True, slots=True)
class Outline:
    """An SVG path of the track in a box of ``width`` × ``height``, start and finish marked."""

    width: int
    height: int
    path: str
    start: tuple[float, float]
    finish: tuple[float, float]


def _path(xy: Sequence[tuple[float, float]]) -> str:
    head, *rest = xy
    return f"M{head[0]:.1f} {head[1]:.1f}" + "".join(f"L{x:.1f} {y:.1f}" for x, y in rest)


def outline(
    points: Sequence[Point], *, width: int = 600, height: int = 400, pad: int = 16
) -> Outline | None:
    """The track fitted into the box keeping its shape (Mercator, so north is up)."""
    if len(points) < 2:
        return None
    raw = [_mercator(p, 0) for p in points]
    xs, ys = [x for x, _ in raw], [y for _, y in raw]
    span_x, span_y = max(xs) - min(xs), max(ys) - min(ys)
    span = max(span_x / (width - 2 * pad), span_y / (height - 2 * pad), 1e-12)
    off_x = (width - span_x / span) / 2
    off_y = (height - span_y / span) / 2
    xy = [((x - min(xs)) / span + off_x, (y - min(ys)) / span + off_y) for x, y in raw]
    return Outline(width, height, _path(xy), xy[0], xy[-1])


@dataclass(frozen=True, slots=True)
class Tile:
    url: str
    left: int  # position in the map box, pixels
    top: int


@dataclass(frozen=True, slots=True)
class TiledMap:
    width: int
    height: int
    zoom: int
    tiles: tuple[Tile, ...]
    outline: Outline


def tile_url(template: str, *, zoom: int, x: int, y: int) -> str:
    """``https://tiles.example/{z}/{x}/{y}.png`` with the tile's numbers put in."""
    return template.replace("{z}", str(zoom)).replace("{x}", str(x)).replace("{y}", str(y))


def _fitting_zoom(points: Sequence[Point], width: int, height: int, pad: int) -> int:
    for zoom in range(MAX_ZOOM, -1, -1):
        xy = [_mercator(p, zoom) for p in points]
        xs, ys = [x for x, _ in xy], [y for _, y in xy]
        if max(xs) - min(xs) <= width - 2 * pad and max(ys) - min(ys) <= height - 2 * pad:
            return zoom
    return 0


def tiled(
    points: Sequence[Point], template: str, *, width: int = 600, height: int = 400, pad: int = 24
) -> TiledMap | None:
    """The tiles covering the track at the closest zoom that fits the box, and the track on them."""
    if len(points) < 2 or not template:
        return None
    zoom = _fitting_zoom(points, width, height, pad)
    xy = [_mercator(p, zoom) for p in points]
    xs, ys = [x for x, _ in xy], [y for _, y in xy]
    left = (max(xs) + min(xs)) / 2 - width / 2
    top = (max(ys) + min(ys)) / 2 - height / 2
    count = 2**zoom
    tiles = tuple(
        Tile(
            tile_url(template, zoom=zoom, x=tx % count, y=ty),
            round(tx * TILE_PX - left),
            round(ty * TILE_PX - top),
        )
        for ty in range(math.floor(top / TILE_PX), math.floor((top + height) / TILE_PX) + 1)
        for tx in range(math.floor(left / TILE_PX), math.floor((left + width) / TILE_PX) + 1)
        if 0 <= ty < count
    )
    local = [(x - left, y - top) for x, y in xy]
    line = Outline(width, height, _path(local), local[0], local[-1])
    return TiledMap(width, height, zoom, tiles, line)
