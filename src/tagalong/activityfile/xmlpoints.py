"""Track points read by pattern: the fast path of the GPX and TCX readers.

A GPX or TCX file is a short header and thousands of alike point elements. Building an element
tree for them costs most of the decode, so here patterns pick the point elements out of the
bytes, each point is read in one match against a template of its shape (``template_texts``),
and only the small rest of the document (names, laps, sport) is parsed as a tree, with the
points cut out. The parser checks the rest; the templates check the points (see
``template_texts``); points read field by field instead are checked by expat first (``check``:
no tree, no Python callback per element).

Used only where no pattern can misread the document: UTF-8 or another ASCII-based encoding, no
CDATA section, no comment holding a tag, no comment or character/entity reference among the
points, and point elements that pair up without nesting. Anything else goes to the full element
tree (the readers' other path); ``tests/activityfile/test_xml_readers_agree.py`` checks that
both paths give the same points.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from xml.parsers import expat

import numpy as np
import numpy.typing as npt

from tagalong.activityfile.errors import DecodeError
from tagalong.activityfile.model import FloatArray
from tagalong.activityfile.xmlsafety import ascii_based, refuse_declarations
from tagalong.wording import Phrase

IntArray = npt.NDArray[np.int64]

_PREFIX = rb"(?:[A-Za-z_][\w.-]*:)?"
_PLAIN_TAG = re.compile(rb"<[A-Za-z_][\w.:-]*>")


@dataclass(frozen=True, slots=True)
class Field:
    """An element inside the points, by local name (any prefix, any attributes)."""

    name: bytes
    ignore_case: bool = False

    @property
    def pattern(self) -> re.Pattern[bytes]:
        """``<name ...>text</``; group 1 is the start tag, group 2 the text."""
        return _generic(self.name, self.ignore_case)


@lru_cache(maxsize=64)
def _generic(name: bytes, ignore_case: bool) -> re.Pattern[bytes]:
    flags = b"(?i:" if ignore_case else b"(?:"
    tag = b"(<" + _PREFIX + flags + re.escape(name) + rb")(?=[\s>])[^>]*>)"
    return re.compile(tag + rb"([^<]*)</")


@dataclass(frozen=True, slots=True)
class Points:
    """Byte ranges of the point elements, of their start tags' attributes, and the rest."""

    starts: IntArray
    ends: IntArray
    attributes: list[bytes]  # what each start tag holds after the name
    rest: bytes  # the document with every point element cut out

    def __len__(self) -> int:
        return int(self.starts.shape[0])


def check(data: bytes, *, filename: str) -> None:
    """Refuse any DTD, then let expat check the whole document (``corrupt`` if not XML)."""
    refuse_declarations(data, filename=filename)
    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = _refuse_doctype  # cannot happen after the check above
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise DecodeError(
            file=filename,
            code="corrupt",
            reason=Phrase("the XML is not well-formed ({error})", error=str(exc)),
        ) from exc


def _refuse_doctype(*_: object) -> None:
    raise expat.ExpatError("a document type declaration is not allowed")


def suitable(data: bytes) -> bool:
    """Whether tag patterns see the tags a parser sees (no tag hidden in CDATA or a comment)."""
    if not ascii_based(data) or b"<![CDATA[" in data:
        return False
    start = data.find(b"<!--")
    while start >= 0:
        end = data.find(b"-->", start + 4)
        if end < 0 or data.find(b"<", start + 4, end) >= 0:
            return False
        start = data.find(b"<!--", end + 3)
    return True


def plain_points(data: bytes, points: Points) -> bool:
    """No comment and no character or entity reference among the points: what a parser would
    join or decode there, a pattern would not."""
    if not len(points):
        return True
    first, last = int(points.starts[0]), int(points.ends[-1])
    return data.find(b"<!--", first, last) < 0 and data.find(b"&", first, last) < 0


def find_points(data: bytes, name: bytes) -> Points | None:
    """The ``name`` elements (any prefix); None when they nest or do not pair up.

    The tags are searched for in the spelling of the first one, as literals (see
    :func:`field_texts`); if ``name`` occurs anywhere else, the any-prefix patterns decide.
    """
    first = re.search(b"<" + _PREFIX + re.escape(name) + rb"(?=[\s/>])", data)
    if first is None:
        return _paired(data, [], [])
    prefix = first.group(0)[1 : -len(name)]
    opened, closed = _tags(data, re.escape(b"<" + prefix + name))
    if data.count(name) != len(opened) + len(closed):
        opened, closed = _tags(data, b"<" + _PREFIX + re.escape(name))
    return _paired(data, opened, closed)


def _tags(data: bytes, start: bytes) -> tuple[list[re.Match[bytes]], list[int]]:
    opening = re.compile(start + rb"(?=[\s/>])([^>]*)>")
    closing = re.compile(start.replace(b"<", b"</", 1) + rb"\s*>")
    return list(opening.finditer(data)), [match.end() for match in closing.finditer(data)]


def _paired(data: bytes, opened: list[re.Match[bytes]], closed: list[int]) -> Points | None:
    ends: list[int] = []
    pending = iter(closed)
    for index, match in enumerate(opened):
        if match.group(1).endswith(b"/"):  # <trkpt .../>
            ends.append(match.end())
            continue
        end = next(pending, None)
        following = opened[index + 1].start() if index + 1 < len(opened) else len(data)
        if end is None or not match.end() <= end <= following:
            return None
        ends.append(end)
    if next(pending, None) is not None:
        return None
    starts = [match.start() for match in opened]
    pieces, previous = [], 0
    for start, end in zip(starts, ends, strict=True):
        pieces.append(data[previous:start])
        previous = end
    pieces.append(data[previous:])
    return Points(
        starts=np.array(starts, dtype=np.int64),
        ends=np.array(ends, dtype=np.int64),
        attributes=[match.group(1) for match in opened],
        rest=b"".join(pieces),
    )


def field_texts(
    data: bytes,
    points: Points,
    field: Field,
    *,
    keep: str = "last",
    lowered: bytes | None = None,
) -> list[bytes | None]:
    """The text of the ``field`` element inside each point, or None where it has none.

    A pattern that starts at ``<`` and allows any prefix makes the regex engine try every
    ``<`` of the document; so the file's own spelling of the start tag (``<ns3:hr>``) is
    learned from its first points and searched for as a literal, several times faster. A
    point the literal finds nothing in is looked at again with the any-prefix pattern, but only
    if the name occurs in it at all, so another spelling is never missed. ``lowered`` is
    ``data.lower()``, made once by a caller with several case-blind fields.
    """
    if not len(points):
        return []
    first, last = int(points.starts[0]), int(points.ends[-1])
    haystack = (lowered if lowered is not None else data.lower()) if field.ignore_case else data
    name = field.name.lower() if field.ignore_case else field.name
    at = _tag_at(haystack, name, first, last)
    if at is None:
        return [None] * len(points)
    spelled = field.pattern.match(data, haystack.rfind(b"<", first, at))
    if spelled is None or not _PLAIN_TAG.fullmatch(spelled.group(1)):
        return _owned(points, list(field.pattern.finditer(data, first, last)), keep=keep)
    literal = re.compile(re.escape(spelled.group(1)) + rb"()([^<]*)</")
    found = _owned(points, list(literal.finditer(data, first, last)), keep=keep)
    for index in [i for i, text in enumerate(found) if text is None]:
        start, end = int(points.starts[index]), int(points.ends[index])
        if _tag_at(haystack, name, start, end) is not None:
            again = list(field.pattern.finditer(data, start, end))
            if again:
                found[index] = again[0 if keep == "first" else -1].group(2)
    return found


def _tag_at(haystack: bytes, name: bytes, start: int, end: int) -> int | None:
    """Where a tag of local name ``name`` (any prefix) first names it in ``[start, end)``."""
    at = haystack.find(name, start, end)
    while at >= 0:
        before, after = haystack[at - 1 : at], haystack[at + len(name) : at + len(name) + 1]
        if before in (b"<", b":", b"/") and after in (b">", b" ", b"\t", b"\r", b"\n", b"/"):
            return at
        at = haystack.find(name, at + 1, end)
    return None


def attribute_pairs(
    points: Points, first: bytes, second: bytes
) -> list[tuple[bytes, bytes] | None]:
    """Two attributes of each point's start tag (``lat``, ``lon``), or None where one is missing.

    Writers put them in one order with plain quoting, matched at once; any other start tag
    has its attributes looked up one by one.
    """
    both = re.compile(
        rb"\s+"
        + re.escape(first)
        + rb"=\"([^\"<>]*)\"\s+"
        + re.escape(second)
        + rb"=\"([^\"<>]*)\"\s*/?"
    )
    one = {name: _attribute(name) for name in (first, second)}
    pairs: list[tuple[bytes, bytes] | None] = []
    for attributes in points.attributes:
        match = both.fullmatch(attributes)
        if match is not None:
            pairs.append((match.group(1), match.group(2)))
            continue
        found = [one[name].search(attributes) for name in (first, second)]
        pairs.append(None if None in found else (found[0].group(1), found[1].group(1)))  # type: ignore[union-attr]
    return pairs


@lru_cache(maxsize=16)
def _attribute(name: bytes) -> re.Pattern[bytes]:
    return re.compile(rb"(?:^|\s)" + re.escape(name) + rb"\s*=\s*[\"']([^\"'<>]*)[\"']")


def _owned(points: Points, matches: list[re.Match[bytes]], *, keep: str) -> list[bytes | None]:
    """Each point's match (the last one, or the first with ``keep="first"``), else None.

    The text is the pattern's last group.
    """
    starts, ends = points.starts, points.ends
    found: list[bytes | None] = [None] * len(points)
    if not matches:
        return found
    at = np.array([m.start() for m in matches], dtype=np.int64)
    owner = np.searchsorted(starts, at, side="right") - 1
    inside = (owner >= 0) & (at < ends[np.maximum(owner, 0)])
    chosen = np.flatnonzero(inside)
    if keep == "first":
        chosen = chosen[::-1]
    group = matches[0].re.groups
    for index in chosen.tolist():
        found[int(owner[index])] = matches[index].group(group)
    return found


def numbers(values: list[bytes | None]) -> FloatArray:
    """Texts as float64, NaN where missing or unreadable."""
    try:
        return np.fromiter(map(float, values), dtype=np.float64, count=len(values))  # type: ignore[arg-type]
    except (TypeError, ValueError):  # a missing (None) or unreadable value
        return np.array([_number(v) for v in values], dtype=np.float64)


def _number(value: bytes | None) -> float:
    if value is None:
        return float("nan")
    try:
        return float(value)
    except ValueError:
        return float("nan")


# --- points read by template ---------------------------------------------------------------------

FieldOf = Callable[[tuple[bytes, ...]], str | None]
MAX_TEMPLATES = 6
_TOKEN = re.compile(rb"<[^>]*>|[^<]+")
_NAME = rb"[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?"
_VALUE = rb"(?:\"[^\"<&]*\"|'[^'<&]*')"
_WELL_FORMED_TAG = re.compile(
    b"</" + _NAME + rb"\s*>|<" + _NAME + rb"(?:\s+" + _NAME + rb"\s*=\s*" + _VALUE + rb")*\s*/?>"
)
_ATTRIBUTE = re.compile(rb"([^\s=/>]+)\s*=\s*([\"'])([^\"'<>]*)\2")


@dataclass(frozen=True, slots=True)
class _Template:
    pattern: re.Pattern[bytes]
    picks: tuple[tuple[str, int], ...]  # (field, group): one group per field


def _picks(fields: list[str], keep: str) -> tuple[tuple[str, int], ...]:
    """One group per field: its first or its last occurrence."""
    chosen: dict[str, int] = {}
    for group, field in enumerate(fields, start=1):
        if keep == "last" or field not in chosen:
            chosen[field] = group
    return tuple(chosen.items())


def template_texts(
    data: bytes,
    points: Points,
    field_of: FieldOf,
    attributes: dict[bytes, str],
    *,
    keep: str = "last",
) -> dict[str, list[bytes | None]] | None:
    """Every field of every point, by matching each point against a template of its shape.

    A device writes its points alike, so the first point's exact shape (its tags in order, a
    group wherever a field's text or attribute value sits) is made into one pattern that reads
    a whole point in one match. The template's tags are well-formed and nest, and its text
    slots take no ``<`` (and ``plain_points`` has ruled out ``&`` and comments), so a point
    that matches one whole is well-formed XML: no parser needs to check the points again. A
    point of another shape (a heart rate missing) gets a template of its own, up to
    ``MAX_TEMPLATES``; a file with more shapes than that returns None and is read field by
    field. ``field_of`` names the field of a leaf element from its path below
    the point (tag names as written, prefix included); ``attributes`` names those of the
    point's own attributes.
    """
    templates: list[_Template] = []
    columns: dict[str, list[bytes | None]] = {}
    count = len(points)
    starts, ends = points.starts.tolist(), points.ends.tolist()
    for index in range(count):
        start, end = starts[index], ends[index]
        for template in templates:
            match = template.pattern.match(data, start, end)
            if match is not None and match.end() == end:
                break
        else:
            made = _template(data[start:end], field_of, attributes, keep)
            if made is None or len(templates) == MAX_TEMPLATES:
                return None
            match = made.pattern.match(data, start, end)
            if match is None or match.end() != end:
                return None
            template = made
            templates.append(made)
            for field, _group in made.picks:
                columns.setdefault(field, [None] * count)
        for field, group in template.picks:
            columns[field][index] = match.group(group)
    return columns


def _template(
    block: bytes, field_of: FieldOf, attributes: dict[bytes, str], keep: str
) -> _Template | None:
    tokens = _TOKEN.findall(block)
    if not tokens or not _WELL_FORMED_TAG.fullmatch(tokens[0]) or tokens[0].startswith(b"</"):
        return None
    opening, fields = _opening(tokens[0], attributes)
    parts = [opening]
    path: list[bytes] = []
    previous = tokens[0]
    for index, token in enumerate(tokens[1:], start=1):
        if not token.startswith(b"<"):
            following = tokens[index + 1] if index + 1 < len(tokens) else b""
            parts.append(_text_slot(previous, following, path, field_of, fields))
            previous = token
            continue
        if not _WELL_FORMED_TAG.fullmatch(token):
            return None  # a processing instruction, a comment, or a tag no parser would take
        if previous.startswith(b"<") and not (previous is tokens[0] and previous.endswith(b"/>")):
            parts.append(_text_slot(previous, token, path, field_of, fields))  # empty text
        if token.startswith(b"</"):
            closes_point = index == len(tokens) - 1 and not path
            if closes_point and tag_name_of(token) == tag_name_of(tokens[0]):
                pass
            elif not path or tag_name_of(token) != path[-1]:
                return None  # tags that do not nest
            else:
                path.pop()
        elif not token.endswith(b"/>"):
            path.append(tag_name_of(token))
        parts.append(re.escape(token))
        previous = token
    if path:
        return None  # an element left open
    return _Template(re.compile(b"".join(parts)), _picks(fields, keep))


def _text_slot(
    opening: bytes, closing: bytes, path: list[bytes], field_of: FieldOf, fields: list[str]
) -> bytes:
    """The pattern for the text between two tags: a group if it is a field's value."""
    leaf = (
        opening.startswith(b"<")
        and not opening.startswith(b"</")
        and not opening.endswith(b"/>")
        and closing.startswith(b"</")
        and bool(path)
        and tag_name_of(closing) == path[-1]
    )
    field = field_of(tuple(path)) if leaf else None
    if field is None:
        return rb"[^<]*"
    fields.append(field)
    return rb"([^<]*)"


def _opening(tag: bytes, attributes: dict[bytes, str]) -> tuple[bytes, list[str]]:
    """The point's start tag with a group for each wanted attribute value."""
    name = re.match(rb"<\s*([^\s/>]+)", tag)
    pattern = [b"<" + re.escape(name.group(1) if name else b"")]
    fields = []
    for found in _ATTRIBUTE.finditer(tag):
        key, quote = found.group(1), found.group(2)
        value = rb"([^" + quote + rb"<>]*)" if key in attributes else rb"[^" + quote + rb"<>]*"
        pattern.append(rb"\s+" + re.escape(key) + rb"\s*=\s*" + quote + value + quote)
        if key in attributes:
            fields.append(attributes[key])
    pattern.append(rb"\s*/>" if tag.endswith(b"/>") else rb"\s*>")
    return b"".join(pattern), fields


def tag_name_of(tag: bytes) -> bytes:
    """``ns3:hr`` of ``<ns3:hr a="1">`` or ``</ns3:hr>``."""
    inner = tag.strip(b"</>")
    return inner.split(None, 1)[0] if inner else b""
