from __future__ import annotations

from typing import Annotated, Any

from ninja import Field, Schema
from pydantic import BeforeValidator

from tagalong.wording import Phrase


def _in_reader_language(value: Any) -> Any:
    return str(value) if isinstance(value, Phrase) else value


# Text the core wrote, answered in the reader's language (a plain `str` field would take a
# phrase's English).
Said = Annotated[str, BeforeValidator(_in_reader_language)]

# An id inside a body: a row's key, within what every database can bind.
RowId = Annotated[int, Field(ge=1, le=2**63 - 1)]


class ErrorDetail(Schema):
    code: str
    message: str
    field: str | None = None
    details: Any = None


class ErrorOut(Schema):
    error: ErrorDetail


ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}
