"""Request and response hardening: which proxy to believe, and what browsers may keep.

- ``TrustedProxyMiddleware`` (first in the chain) drops ``X-Forwarded-Proto`` and
  ``X-Forwarded-For`` unless the request comes from an address in ``TRUSTED_PROXIES``: anyone
  else could claim to be on HTTPS, or to be another client (and dodge the sign-in throttle).
- ``client_ip`` is the caller's address: the proxy's word for it only when the proxy is trusted.
- ``PrivateCacheMiddleware`` marks private answers ``Cache-Control: private, no-store`` so no
  shared cache or back button keeps someone's record: every page for a signed-in person, every
  API answer, and any address that carries a secret token (calendar feeds). Static files and
  public pages seen signed out are left to cache.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control

from tagalong.access.rules import rule_of

FORWARDED = ("HTTP_X_FORWARDED_PROTO", "HTTP_X_FORWARDED_FOR")
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=8)
def _networks(entries: tuple[str, ...]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(entry.strip(), strict=False) for entry in entries if entry)


def is_trusted_proxy(address: str | None) -> bool:
    if not address:
        return False
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in net for net in _networks(tuple(settings.TRUSTED_PROXIES)))


def client_ip(request: HttpRequest) -> str | None:
    """The nearest address that is not one of our proxies."""
    remote = request.META.get("REMOTE_ADDR")
    if not is_trusted_proxy(remote):
        return remote
    hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    for hop in reversed([h for h in hops if h]):
        if not is_trusted_proxy(hop):
            return hop
    return remote


class TrustedProxyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not is_trusted_proxy(request.META.get("REMOTE_ADDR")):
            for header in FORWARDED:
                request.META.pop(header, None)
        return self.get_response(request)


class PrivateCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if _is_private(request):
            patch_cache_control(response, private=True, no_store=True)
        return response

    def process_view(
        self, request: HttpRequest, view: Callable[..., Any], args: Any, kwargs: dict[str, Any]
    ) -> None:
        request.access_rule = rule_of(view)  # type: ignore[attr-defined]
        request.secret_in_url = "token" in kwargs  # type: ignore[attr-defined]


def _is_private(request: HttpRequest) -> bool:
    path = request.path
    if path.startswith(settings.STATIC_URL):
        return False
    if path.startswith("/api/") or getattr(request, "secret_in_url", False):
        return True
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return True
    return getattr(request, "access_rule", None) != "public"
