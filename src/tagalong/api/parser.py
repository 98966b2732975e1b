"""The API's JSON reader: it refuses text holding the NUL character, naming the field.

PostgreSQL cannot store NUL in a text column and SQLite keeps it only to trip later readers, so
such a body is refused before any view runs, on every database alike.
"""

from __future__ import annotations

import json
from typing import Any, cast

from django.http import HttpRequest
from ninja.parser import Parser
from ninja.types import DictStrAny

NUL = "\x00"


class NulInText(ValueError):
    def __init__(self, field: str) -> None:
        self.field = field
        where = field or "the body"
        super().__init__(f"{where}: text cannot contain the NUL character (\\u0000).")


def find_nul(value: Any, path: tuple[str, ...] = ()) -> tuple[str, ...] | None:
    """The path of the first key or string holding NUL, or None."""
    if isinstance(value, str):
        return path if NUL in value else None
    if isinstance(value, dict):
        for key, item in value.items():
            if NUL in key:
                return (*path, key.replace(NUL, ""))
            found = find_nul(item, (*path, key))
            if found is not None:
                return found
    if isinstance(value, list):
        for index, item in enumerate(value):
            found = find_nul(item, (*path, str(index)))
            if found is not None:
                return found
    return None


class RefusingNul(Parser):
    def parse_body(self, request: HttpRequest) -> DictStrAny:
        data = json.loads(request.body)
        found = find_nul(data)
        if found is not None:
            raise NulInText(".".join(found))
        return cast(DictStrAny, data)
