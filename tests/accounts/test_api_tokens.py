from __future__ import annotations

import pytest
from django.test import Client
from django.utils import timezone

from tagalong.accounts.models import ApiToken
from tagalong.accounts.services import create_api_token, revoke_api_token
from tagalong.errors import DomainError
from tests.factories import make_athlete

pytestmark = pytest.mark.django_db


def test_token_is_stored_only_as_a_hash() -> None:
    athlete = make_athlete()
    token, raw = create_api_token(user=athlete.user, name="script")
    assert raw.startswith("tg_") and raw not in token.token_hash
    assert token.token_hash == ApiToken.hash_token(raw)


def test_token_authenticates_api_calls_until_revoked() -> None:
    athlete = make_athlete()
    token, raw = create_api_token(user=athlete.user, name="script")
    client = Client()
    auth = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    assert client.get("/api/me", **auth).json()["email"] == athlete.user.email
    revoke_api_token(token=token, by=athlete.user, now=timezone.now())
    response = client.get("/api/me", **auth)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthenticated"


def test_unknown_token_is_refused() -> None:
    assert Client().get("/api/me", HTTP_AUTHORIZATION="Bearer tg_nope").status_code == 401


def test_token_needs_a_name() -> None:
    with pytest.raises(DomainError):
        create_api_token(user=make_athlete().user, name="  ")


def test_settings_page_shows_the_new_token_once(client: Client) -> None:
    athlete = make_athlete()
    client.force_login(athlete.user)
    response = client.post("/accounts/settings/tokens/", {"name": "laptop"})
    raw = response.context["new_token"]
    assert raw and raw.encode() in response.content
    assert raw.encode() not in client.get("/accounts/settings/").content


def test_session_writes_need_csrf() -> None:
    athlete = make_athlete()
    client = Client(enforce_csrf_checks=True)
    client.force_login(athlete.user)
    response = client.patch(
        f"/api/athletes/{athlete.pk}", data="{}", content_type="application/json"
    )
    assert response.status_code in (401, 403)
