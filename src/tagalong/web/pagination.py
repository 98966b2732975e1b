"""Pages of a long list: ``?page=N`` on any list page, with the links the partial draws."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest


@dataclass(frozen=True, slots=True)
class ListPage:
    """One page of rows and the page numbers to link (``None`` stands for a gap)."""

    page: Page
    numbers: tuple[int | None, ...]

    @property
    def rows(self) -> Any:
        return self.page.object_list


def page_of(request: HttpRequest, rows: QuerySet[Any], *, per_page: int) -> ListPage:
    """The page named by ``?page=`` (the last one when past the end, the first when not a number).

    Two queries whatever the list's length: a count and the page's rows.
    """
    page = Paginator(rows, per_page).get_page(request.GET.get("page"))
    numbers = tuple(
        None if n == Paginator.ELLIPSIS else int(n)
        for n in page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    )
    return ListPage(page, numbers)
