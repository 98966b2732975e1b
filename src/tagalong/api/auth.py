"""Who is calling the API: a personal token, or the browser's session.

A Bearer token is checked first. A request carrying one is not exposed to cross-site request
forgery (a browser never adds the header on its own), so token writes skip the CSRF check; a
request signed in by the session cookie is CSRF-checked on unsafe methods.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja.errors import HttpError
from ninja.security import HttpBearer, SessionAuth
from ninja.utils import check_csrf

from tagalong.accounts.models import User
from tagalong.accounts.services import user_for_api_token


class PersonalToken(HttpBearer):
    """``Authorization: Bearer tg_…``: personal tokens made and revoked on the settings page."""

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        user = user_for_api_token(token, now=timezone.now())
        if user is not None:
            request.user = user
        return user


class BrowserSession(SessionAuth):
    """The signed-in browser session; unsafe methods need the CSRF token."""

    def __init__(self) -> None:
        super().__init__(csrf=False)  # checked below, and only for a signed-in session

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        if not request.user.is_authenticated:
            return None  # nobody to act for: the caller gets 401, not a CSRF complaint
        if check_csrf(request) is not None:
            raise HttpError(403, "CSRF check failed: send the X-CSRFToken header.")
        return request.user


session = BrowserSession()
personal_token = PersonalToken()
