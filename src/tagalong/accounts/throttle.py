"""Sign-in throttling, by django-axes: by address and by account, on our sign-in page and the
admin's alike (both go through ``authenticate``), lifted by a password reset.

The settings live in tagalong.config.settings (AXES_*); this module holds the hooks they name.
"""

from __future__ import annotations

from typing import Any

from axes.backends import AxesStandaloneBackend
from axes.utils import reset
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


class LoginThrottle(AxesStandaloneBackend):
    """Axes' check, skipped only for ``authenticate()`` calls made without a request (shell
    sessions and test helpers); every sign-in form passes its request."""

    def authenticate(self, request: HttpRequest | None, *args: Any, **kwargs: Any) -> None:
        if request is None:
            return None
        return super().authenticate(request, *args, **kwargs)  # type: ignore[no-any-return]


def account_of(request: HttpRequest, credentials: dict[str, Any] | None) -> str:
    """The account a sign-in names: its email, as the user model keeps it (lower case)."""
    value = (credentials or {}).get("username") or request.POST.get("username", "")
    return str(value).strip().lower()


def locked_out(
    request: HttpRequest, response: HttpResponse | None = None, credentials: Any = None
) -> HttpResponse:
    """The page a throttled sign-in gets: why, for how long, and the way in now (a reset)."""
    context = {"minutes": settings.LOGIN_FAILURE_WINDOW_MIN}
    return render(request, "accounts/locked_out.html", context, status=429)


def lift_lockout(*, email: str) -> None:
    """A password reset proves who they are: their failed attempts no longer count, anywhere."""
    reset(username=email.strip().lower())
