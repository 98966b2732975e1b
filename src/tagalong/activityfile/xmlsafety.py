"""Refuse XML that could expand or fetch entities before any parser sees it.

gpxpy and tcxreader parse with the standard library, which expands internal entities
("billion laughs"). Activity files never need a DTD, so any DOCTYPE or ENTITY is refused.
"""

from __future__ import annotations

import re

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeElementTree

from tagalong.activityfile.errors import DecodeError

_DECLARATION = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


def check_safe_xml(data: bytes, *, filename: str) -> None:
    """Raise ``DecodeError`` (code ``unsafe_xml`` or ``corrupt``) unless ``data`` is plain XML."""
    match = _DECLARATION.search(data)
    if match:
        kind = match.group(1).decode().upper()
        raise DecodeError(
            file=filename,
            code="unsafe_xml",
            reason=f"the XML declares a {kind}; activity files never need one and it could "
            "expand into gigabytes (an XML bomb), so the file is refused",
            place=f"byte {match.start()}",
        )
    try:
        SafeElementTree.fromstring(data, forbid_dtd=True)
    except DefusedXmlException as exc:
        raise DecodeError(
            file=filename, code="unsafe_xml", reason=f"the XML is unsafe to read ({exc})"
        ) from exc
    except SafeElementTree.ParseError as exc:
        raise DecodeError(
            file=filename, code="corrupt", reason=f"the XML is not well-formed ({exc})"
        ) from exc
