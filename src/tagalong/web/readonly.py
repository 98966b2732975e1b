"""A database that refuses writes (a read-only replica, a full disk, a failover under way):
reads go on, and a write answers 503 with a plain explanation instead of a server error."""

from __future__ import annotations

from collections.abc import Callable

from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext, gettext_noop

# The API answers in English (its one error format); the page in the reader's language.
MESSAGE = gettext_noop(
    "Tagalong is read-only for a moment (maintenance on its database): nothing was saved. "
    "Everything can still be viewed; try the change again in a few minutes."
)
RETRY_AFTER_S = "120"
# SQLite's and PostgreSQL's words for a write refused by a read-only database.
SIGNS = ("readonly database", "read-only", "read only")


def is_read_only(error: BaseException) -> bool:
    return isinstance(error, DatabaseError) and any(s in str(error).lower() for s in SIGNS)


class ReadOnlyDatabaseMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not is_read_only(exception):
            return None
        html = render_to_string(
            "web/read_only.html", {"message": gettext(MESSAGE)}, request=request
        )
        response = HttpResponse(html, status=503)
        response["Retry-After"] = RETRY_AFTER_S
        return response
