"""Limit and offset for every list endpoint, with one documented maximum.

An endpoint takes ``page: Query[PageQuery]`` and ``response: HttpResponse`` and returns
``one_page(request, response, rows, page)``: at most ``MAX_LIMIT`` items, read with one query
(one more row than asked, to know whether another page follows), and a ``Link: <…>; rel="next"``
header when it does.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from ninja import Schema
from pydantic import Field

MAX_LIMIT = 200
DEFAULT_LIMIT = 100
MAX_OFFSET = 1_000_000  # past any real list; keeps the number inside the database's integers

T = TypeVar("T")


class PageQuery(Schema):
    limit: int = Field(
        DEFAULT_LIMIT,
        ge=1,
        le=MAX_LIMIT,
        description=f"How many items to return: {DEFAULT_LIMIT} unless set, at most {MAX_LIMIT}.",
    )
    offset: int = Field(
        0,
        ge=0,
        le=MAX_OFFSET,
        description=(
            f"How many items to skip (at most {MAX_OFFSET:,}). When more follow, the answer "
            'carries a `Link: <…>; rel="next"` header with the next offset.'
        ),
    )


PAGINATED = (
    f" Paginated: `limit` (at most {MAX_LIMIT}) and `offset`; a `Link` header with "
    '`rel="next"` when more items follow.'
)


def one_page(
    request: HttpRequest,
    response: HttpResponse,
    rows: QuerySet[Any] | Sequence[T],
    page: PageQuery,
) -> list[Any]:
    if isinstance(rows, QuerySet):
        rows = _stable(rows)
    items = list(rows[page.offset : page.offset + page.limit + 1])
    if len(items) > page.limit:
        query = request.GET.copy()
        query["offset"] = str(page.offset + page.limit)
        query["limit"] = str(page.limit)
        response["Link"] = f'<{request.path}?{query.urlencode()}>; rel="next"'
    return items[: page.limit]


def _stable(rows: QuerySet[Any]) -> QuerySet[Any]:
    """The rows' own order with the primary key last, so no row falls between two pages."""
    ordering = list(rows.query.order_by) or list(rows.model._meta.ordering)
    if any(str(key).lstrip("-") in ("pk", "id") for key in ordering):
        return rows
    return rows.order_by(*ordering, "pk")
