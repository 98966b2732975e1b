from __future__ import annotations

from django.http import HttpRequest
from django.utils import timezone
from ninja.security import HttpBearer, SessionAuth

from tagalong.accounts.models import User
from tagalong.accounts.services import user_for_api_token


class PersonalToken(HttpBearer):
    """``Authorization: Bearer tg_…``: personal tokens made and revoked on the settings page."""

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        user = user_for_api_token(token, now=timezone.now())
        if user is not None:
            request.user = user
        return user


# The browser's session, with the CSRF check on unsafe methods.
session = SessionAuth(csrf=True)
personal_token = PersonalToken()
