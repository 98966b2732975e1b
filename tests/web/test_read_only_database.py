"""A read-only database: reads keep working, writes answer 503 with a clear message."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from django.db import OperationalError, connection
from django.test import Client

from tagalong.accounts.services import create_api_token
from tests.factories import PASSWORD, make_athlete

pytestmark = pytest.mark.django_db

WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


def _refuse_writes(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
    if sql.lstrip().upper().startswith(WRITES):
        raise OperationalError("attempt to write a readonly database")
    return execute(sql, params, many, context)


@contextmanager
def read_only() -> Iterator[None]:
    with connection.execute_wrapper(_refuse_writes):
        yield


def test_sign_in_page_and_api_me_still_answer() -> None:
    athlete = make_athlete()
    _, raw = create_api_token(user=athlete.user, name="script")
    browser = Client()
    browser.force_login(athlete.user)
    with read_only():
        assert Client().get("/accounts/login/").status_code == 200
        assert browser.get("/api/me").status_code == 200
        token_answer = Client().get("/api/me", HTTP_AUTHORIZATION=f"Bearer {raw}")
        assert token_answer.status_code == 200
        assert browser.get("/accounts/settings/").status_code == 200


def test_api_writes_answer_503_with_a_clear_message() -> None:
    athlete = make_athlete()
    _, raw = create_api_token(user=athlete.user, name="script")
    with read_only():
        response = Client().post("/api/me/session-calendar", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 503
    error = response.json()["error"]
    assert error["code"] == "read_only"
    assert "read-only" in error["message"]


def test_page_writes_answer_503_with_a_clear_page() -> None:
    athlete = make_athlete()
    with read_only():
        response = Client().post(
            "/accounts/login/", {"username": athlete.user.email, "password": PASSWORD}
        )
    assert response.status_code == 503
    assert b"read-only" in response.content
    assert response["Retry-After"]
