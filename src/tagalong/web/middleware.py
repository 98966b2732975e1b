from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import translation

# No inline scripts or styles anywhere: every script and stylesheet is one of our static files.
# Images come from us, or from the map tile server when the operator set one.
POLICY_PARTS = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "worker-src 'self'",
    "manifest-src 'self'",
]
POLICY = "; ".join(POLICY_PARTS)


def tile_origin(template: str) -> str:
    """The scheme and host of the map tile server (TAGALONG_MAP_TILES), or nothing."""
    parts = urlsplit(template)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def policy() -> str:
    origin = tile_origin(settings.MAP_TILES)
    if not origin:
        return POLICY
    return POLICY.replace("img-src 'self' data:", f"img-src 'self' data: {origin}")


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", policy())
        return response


class IdOutOfRangeMiddleware:
    """An id in a URL too large for the database (SQLite raises OverflowError while binding it)
    names nothing: answer 404 rather than 500. PostgreSQL simply finds no row."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> None:
        if isinstance(exception, OverflowError):
            raise Http404("No such object")


class UserLanguageMiddleware:
    """A signed-in person's chosen language wins over the one their browser asks for."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        chosen = getattr(request.user, "language", "") if request.user.is_authenticated else ""
        if chosen and chosen in dict(settings.LANGUAGES):
            translation.activate(chosen)
            request.LANGUAGE_CODE = chosen
        response = self.get_response(request)
        if chosen:
            response.headers.setdefault("Content-Language", chosen)
        return response
