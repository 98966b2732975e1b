from __future__ import annotations

from typing import Annotated, Any

from ninja import Field, Schema

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
