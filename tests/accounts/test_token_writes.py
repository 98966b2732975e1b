"""Personal tokens write without CSRF; the browser session stays CSRF-checked; a new password
ends every token."""

from __future__ import annotations

import pytest
from django.test import Client

from tagalong.accounts.models import ApiToken
from tagalong.accounts.services import create_api_token
from tagalong.audit.models import AuditEntry
from tests.factories import PASSWORD, make_athlete

pytestmark = pytest.mark.django_db

WRITE = "/api/me/session-calendar"


def test_token_writes_need_no_csrf_token() -> None:
    athlete = make_athlete()
    _, raw = create_api_token(user=athlete.user, name="script")
    client = Client(enforce_csrf_checks=True)
    auth = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    assert client.post(WRITE, **auth).status_code == 201
    assert client.delete(WRITE, **auth).status_code == 204


def test_cookie_writes_without_the_csrf_token_are_refused() -> None:
    athlete = make_athlete()
    client = Client(enforce_csrf_checks=True)
    client.force_login(athlete.user)
    response = client.post(WRITE)
    assert response.status_code == 403
    assert "CSRF" in response.json()["error"]["message"]


def test_cookie_writes_with_the_csrf_token_go_through() -> None:
    athlete = make_athlete()
    client = Client(enforce_csrf_checks=True)
    client.force_login(athlete.user)
    client.get("/accounts/settings/")  # sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    assert client.post(WRITE, HTTP_X_CSRFTOKEN=token).status_code == 201


def test_a_bad_token_answers_401_not_a_csrf_complaint() -> None:
    response = Client(enforce_csrf_checks=True).post(WRITE, HTTP_AUTHORIZATION="Bearer tg_nope")
    assert response.status_code == 401


def test_changing_the_password_revokes_every_token() -> None:
    athlete = make_athlete()
    _, raw = create_api_token(user=athlete.user, name="script")
    create_api_token(user=athlete.user, name="laptop")
    client = Client()
    client.force_login(athlete.user)
    response = client.post(
        "/accounts/password/change/",
        {
            "old_password": PASSWORD,
            "new_password1": "another-good-pass-42",
            "new_password2": "another-good-pass-42",
        },
    )
    assert response.status_code == 302
    assert not ApiToken.objects.filter(user=athlete.user, revoked_at__isnull=True).exists()
    assert Client().get("/api/me", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 401
    assert AuditEntry.objects.filter(action="api_token.revoked_on_password_change").exists()


def test_saving_a_user_without_a_new_password_keeps_the_tokens() -> None:
    athlete = make_athlete()
    create_api_token(user=athlete.user, name="script")
    athlete.user.full_name = "Renamed"
    athlete.user.save()
    assert ApiToken.objects.filter(user=athlete.user, revoked_at__isnull=True).count() == 1
