"""Sentences the pure core writes for people, kept translatable without importing Django.

A `Phrase` is a `str`: its value is the English sentence, so the core and its tests read it as
plain text. It also keeps its template and the values that fill it, so the shell can say it in
the reader's language at display time: the shell installs a translator (`install`) and `str()`
of a phrase then goes through it. Dates and numbers stay objects until then, so they are
written in the reader's format as well.

The template uses `str.format` fields (`{km:.1f}`, `{day:%a %-d %b}`), which gettext's
python-brace-format check understands; `tagalong manage makemessages` collects `Phrase(...)`
and `phrase_n(...)` calls.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any, cast

# A value a phrase may name: plain data, another phrase, or a sequence of them (said as a list).
Value = Any

Translator = Callable[["Phrase"], str]

_translator: Translator | None = None


def install(translator: Translator | None) -> Translator | None:
    """Make `str()` of every phrase go through `translator` (None: English, as written);
    returns the one it replaces."""
    global _translator
    replaced, _translator = _translator, translator
    return replaced


class Phrase(str):
    """An English sentence that remembers how it was made."""

    template: str
    plural: str | None
    number: int | None
    values: Mapping[str, Value]

    def __new__(cls, template: str, /, **values: Value) -> Phrase:
        return cls._make(template, None, None, values)

    @classmethod
    def _make(
        cls,
        template: str,
        plural: str | None,
        count: int | None,
        values: Mapping[str, Value],
    ) -> Phrase:
        chosen = plural if plural is not None and count != 1 else template
        english = chosen.format_map(_English(values))
        made = str.__new__(cls, english)
        made.template = template
        made.plural = plural
        made.number = count
        made.values = dict(values)
        return made

    @property
    def english(self) -> str:
        return str.__str__(self)

    def __str__(self) -> str:
        if _translator is None:
            return self.english
        return _translator(self)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __reduce__(self) -> tuple[Any, ...]:
        return (from_json, (self.to_json(),))

    def to_json(self) -> dict[str, Any]:
        """The phrase as JSON data; `from_json` makes it again, in any language."""
        data: dict[str, Any] = {
            "t": self.template,
            "v": {k: _dump(v) for k, v in self.values.items()},
        }
        if self.plural is not None:
            data["p"] = self.plural
            data["n"] = self.number
        return data


def phrase_n(singular: str, plural: str, count: int, /, **values: Value) -> Phrase:
    """A phrase with a singular and a plural form, chosen by `count` (also passed as `{count}`)."""
    return Phrase._make(singular, plural, count, {"count": count, **values})


def from_json(data: Mapping[str, Any]) -> Phrase:
    values = {k: _load(v) for k, v in cast(Mapping[str, Any], data.get("v", {})).items()}
    plural = data.get("p")
    if plural is None:
        return Phrase._make(str(data["t"]), None, None, values)
    return Phrase._make(str(data["t"]), str(plural), int(data["n"]), values)


def text_from_json(text: str, data: Mapping[str, Any] | None) -> str:
    """Stored text with its phrase if one was stored beside it (older rows have only the text)."""
    if not data:
        return text
    try:
        return from_json(data)
    except (KeyError, ValueError, TypeError, IndexError):
        return text


def phrase_json(text: str) -> dict[str, Any] | None:
    """What to store beside `text` so it can be said again in another language."""
    return text.to_json() if isinstance(text, Phrase) else None


class _English(dict[str, Value]):
    """The values as the English template reads them (lists joined, phrases in English)."""

    def __init__(self, values: Mapping[str, Value]) -> None:
        super().__init__({k: _english(v) for k, v in values.items()})


def _english(value: Value) -> Value:
    if isinstance(value, Phrase):
        return value.english
    if isinstance(value, tuple | list):
        return ", ".join(str(_english(item)) for item in value)
    return value


def _dump(value: Value) -> Any:
    if isinstance(value, Phrase):
        return {"phrase": value.to_json()}
    if isinstance(value, dt.datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {"date": value.isoformat()}
    if isinstance(value, tuple | list):
        return {"list": [_dump(item) for item in value]}
    return value


def _load(value: Any) -> Value:
    if not isinstance(value, dict):
        return value
    if "phrase" in value:
        return from_json(value["phrase"])
    if "datetime" in value:
        return dt.datetime.fromisoformat(value["datetime"])
    if "date" in value:
        return dt.date.fromisoformat(value["date"])
    if "list" in value:
        return tuple(_load(item) for item in value["list"])
    return value
