"""The core's phrases said in the reader's language: the translator `tagalong.wording` calls.

The template is looked up in the catalogue; dates and numbers are written in the active
language's format. A translation that does not fit its values (a field renamed by mistake)
falls back to the English sentence rather than failing the page.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from django.utils import dateformat, formats, translation
from django.utils.translation import gettext, ngettext

from tagalong.wording import Phrase

# strftime directives the core writes, and Django's format characters for them.
_STRFTIME = {
    "a": "D",
    "A": "l",
    "b": "M",
    "B": "F",
    "d": "d",
    "-d": "j",
    "e": "j",
    "m": "m",
    "-m": "n",
    "y": "y",
    "Y": "Y",
    "H": "H",
    "-H": "G",
    "M": "i",
    "I": "h",
    "-I": "g",
    "p": "A",
    "%": "%",
}
_DIRECTIVE = re.compile(r"%(-?[a-zA-Z%])")
_PLAIN = re.compile(r"^(?P<group>,)?(?:\.(?P<digits>\d+)f|d)?$")


def said(data: Any) -> Any:
    """`data` with every phrase in it said in the active language (for JSON, whose encoder
    would write a phrase's English)."""
    if isinstance(data, Phrase):
        return str(data)
    if isinstance(data, dict):
        return {key: said(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [said(item) for item in data]
    return data


def translate(phrase: Phrase) -> str:
    if phrase.plural is None:
        template = gettext(phrase.template)
    else:
        template = ngettext(phrase.template, phrase.plural, phrase.number or 0)
    untranslated = template in (phrase.template, phrase.plural)
    if untranslated and (translation.get_language() or "en").startswith("en"):
        return _english_with_local_parts(phrase)
    try:
        return template.format_map(_Local(phrase.values))
    except (KeyError, ValueError, IndexError, AttributeError, TypeError):
        return phrase.english


def _english_with_local_parts(phrase: Phrase) -> str:
    """English as the core wrote it, but a nested phrase may still have its own translation."""
    if not any(isinstance(v, Phrase | tuple | list) for v in phrase.values.values()):
        return phrase.english
    template = (
        phrase.plural if phrase.plural is not None and phrase.number != 1 else phrase.template
    )
    try:
        return template.format_map(_Local(phrase.values, numbers=False))
    except (KeyError, ValueError, IndexError, AttributeError, TypeError):
        return phrase.english


class _Local(dict[str, Any]):
    def __init__(self, values: Mapping[str, Any], *, numbers: bool = True) -> None:
        super().__init__({k: _local(v, numbers) for k, v in values.items()})


def _local(value: Any, numbers: bool) -> Any:
    if isinstance(value, Phrase):
        return str(value)
    if isinstance(value, tuple | list):
        return ", ".join(str(_local(item, numbers)) for item in value)
    if isinstance(value, dt.date):
        return _LocalDate(value)
    if numbers and isinstance(value, int | float) and not isinstance(value, bool):
        return _LocalNumber(value)
    return value


class _LocalDate:
    def __init__(self, value: dt.date) -> None:
        self.value = value

    def __format__(self, spec: str) -> str:
        if not spec:
            return formats.date_format(self.value)
        return dateformat.format(self.value, _django_format(spec))


def _django_format(spec: str) -> str:
    """A strftime spec as a Django date format, its literal letters escaped."""
    parts: list[str] = []
    start = 0
    for directive in _DIRECTIVE.finditer(spec):
        parts.append(_escaped(spec[start : directive.start()]))
        parts.append(_STRFTIME.get(directive.group(1), _escaped(directive.group(0))))
        start = directive.end()
    parts.append(_escaped(spec[start:]))
    return "".join(parts)


def _escaped(literal: str) -> str:
    return "".join("\\" + c if c.isalpha() or c == "\\" else c for c in literal)


class _LocalNumber:
    def __init__(self, value: float) -> None:
        self.value = value

    def __format__(self, spec: str) -> str:
        plain = _PLAIN.match(spec)
        if plain:
            grouped = plain.group("group") is not None
            if plain.group("digits") is None:
                return formats.number_format(self.value, force_grouping=grouped)
            # number_format cuts a float's digits off; round first, as the English format does.
            digits = int(plain.group("digits"))
            return formats.number_format(round(self.value, digits), digits, force_grouping=grouped)
        written = format(self.value, spec)
        return written.replace(".", formats.get_format("DECIMAL_SEPARATOR"))
