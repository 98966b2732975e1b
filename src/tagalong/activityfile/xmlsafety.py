"""Read activity XML (GPX, TCX) safely and fast: refuse any DTD, then parse with the C parser.

Entity expansion ("billion laughs") and external entities both need a document type
declaration: without a DTD an XML document can only use the five predefined entities and
character references. So the text is decoded here, any ``<!DOCTYPE`` or ``<!ENTITY`` in it is
refused, and the very same text is handed to the standard library's C ElementTree parser,
several times faster than defusedxml's pure-Python parser (which hooks the entity handlers
one callback at a time). Activity files never need a DTD.
"""

from __future__ import annotations

import codecs
import re
from xml.etree import ElementTree
from xml.etree.ElementTree import Element

from tagalong.activityfile.errors import DecodeError
from tagalong.wording import Phrase

_DECLARATION = re.compile(r"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_DECLARATION_BYTES = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_DECLARED_ENCODING = re.compile(rb"^\s*<\?xml[^>]*encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']")
# Encodings expat reads as bytes in which "<!DOCTYPE" can only appear as its ASCII bytes.
_ONE_BYTE_OR_UTF8 = frozenset({"utf-8", "ascii", "latin-1", "iso8859-1", "cp1252", "iso8859-15"})
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def xml_text(data: bytes) -> str:
    """The document as text: by its byte-order mark, else its declared encoding, else UTF-8."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    declared = _DECLARED_ENCODING.match(data[:256])
    encoding = "utf-8"
    if declared is not None:
        try:
            encoding = codecs.lookup(declared.group(1).decode("ascii")).name
        except LookupError:
            encoding = "utf-8"
    return data.decode(encoding, errors="replace")


def parse_safe_xml(data: bytes, *, filename: str) -> Element:
    """The root element, or ``DecodeError`` (``unsafe_xml`` or ``corrupt``) naming the place.

    UTF-8 and other ASCII-based documents (nearly all) are checked and parsed as bytes, which
    is quicker; anything else, or bytes the parser refuses, is decoded to text first (invalid
    sequences replaced) and that text is checked and parsed.
    """
    if ascii_based(data):
        refuse_declarations(data, filename=filename)
        try:
            # Safe without defusedxml: the bytes just checked hold no DTD, so no entity can be
            # declared, expanded or fetched; an ASCII-based encoding cannot hide one.
            return ElementTree.fromstring(data)  # noqa: S314
        except ElementTree.ParseError:
            pass  # perhaps a stray byte in a name or a wrong encoding label: try as text
    text = xml_text(data)
    refuse_declarations(text, filename=filename)
    # The text is already decoded: drop the declaration so its encoding label cannot disagree.
    text = _XML_DECLARATION.sub("", text, count=1)
    try:
        return ElementTree.fromstring(text)  # noqa: S314 (checked above, as for bytes)
    except ElementTree.ParseError as exc:
        raise DecodeError(
            file=filename,
            code="corrupt",
            reason=Phrase("the XML is not well-formed ({error})", error=str(exc)),
        ) from exc


def ascii_based(data: bytes) -> bool:
    """True when the bytes start like XML in UTF-8 or a one-byte encoding (no UTF-16/32)."""
    head = data[3:] if data.startswith(codecs.BOM_UTF8) else data
    declared = _DECLARED_ENCODING.match(head[:256])
    if declared is not None:
        try:
            name = codecs.lookup(declared.group(1).decode("ascii")).name
        except LookupError:
            return False
        if name not in _ONE_BYTE_OR_UTF8:
            return False
    return head.lstrip(b" \t\r\n")[:1] == b"<"


def refuse_declarations(document: str | bytes, *, filename: str) -> None:
    """``unsafe_xml`` if the text (or ASCII-based bytes) declares a DTD or an entity."""
    match = (
        _DECLARATION_BYTES.search(document)
        if isinstance(document, bytes)
        else _DECLARATION.search(document)
    )
    if match:
        found = match.group(1)
        kind = (found.decode("ascii") if isinstance(found, bytes) else found).upper()
        raise DecodeError(
            file=filename,
            code="unsafe_xml",
            reason=Phrase(
                "the XML declares a {kind}; activity files never need one and it could "
                "expand into gigabytes (an XML bomb), so the file is refused",
                kind=kind,
            ),
            place=Phrase("offset {offset}", offset=match.start()),
        )


def check_safe_xml(data: bytes, *, filename: str) -> None:
    """Raise ``DecodeError`` (code ``unsafe_xml`` or ``corrupt``) unless ``data`` is plain XML."""
    parse_safe_xml(data, filename=filename)


def namespace(tag: str) -> str:
    """``{uri}`` of an element's tag, or an empty string when it has none."""
    return tag[: tag.index("}") + 1] if tag.startswith("{") else ""


def local_name(tag: str) -> str:
    return tag.rpartition("}")[2]
