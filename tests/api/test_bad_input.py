"""Inputs the API fuzzing found answering 500: each now 400, naming what is wrong."""

from __future__ import annotations

import pytest
from django.test import Client

from tagalong.accounts.services import create_api_token
from tests.factories import make_athlete, make_coach

pytestmark = pytest.mark.django_db


def _token_client() -> tuple[Client, dict[str, str]]:
    _, raw = create_api_token(user=make_coach(), name="script")
    return Client(), {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_a_custom_link_that_is_not_a_url_names_the_field() -> None:
    client, auth = _token_client()
    body = {"name": "Zoom review", "duration_min": 30, "location": "custom", "custom_link": "x y"}
    response = client.post(
        "/api/coaches/me/session-types", body, content_type="application/json", **auth
    )
    assert response.status_code == 400
    assert response.json()["error"]["field"] == "custom_link"
    assert "valid URL" in response.json()["error"]["message"]


def _no_boundary(client: Client, path: str, **extra: str):  # type: ignore[no-untyped-def]
    return client.post(path, data=b"x", content_type="multipart/form-data", **extra)


@pytest.mark.parametrize("path", ["/api/coaches/me/session-types", "/api/me/session-calendar"])
def test_multipart_without_a_boundary_from_the_browser_is_a_400(path: str) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_coach())
    client.get("/accounts/settings/")  # the CSRF cookie
    response = _no_boundary(client, path, HTTP_X_CSRFTOKEN=client.cookies["csrftoken"].value)
    assert response.status_code == 400
    assert response.json()["error"]["field"] == "Content-Type"


def test_an_upload_without_a_boundary_is_a_400() -> None:
    athlete = make_athlete()
    _, raw = create_api_token(user=athlete.user, name="own")
    path = f"/api/athletes/{athlete.pk}/imports"
    response = _no_boundary(Client(), path, HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 400
    assert response.json()["error"]["field"] == "Content-Type"


def test_home_test_sessions_have_their_own_schema() -> None:
    schema = Client().get("/api/openapi.json").json()
    tests = schema["paths"]["/api/athletes/{athlete_id}/tests"]["get"]
    ref = tests["responses"]["200"]["content"]["application/json"]["schema"]["items"]["$ref"]
    assert ref.endswith("/TestSessionOut")
    assert "TestSessionOut" in schema["components"]["schemas"]
    assert "SessionOut" in schema["components"]["schemas"]  # the plan's sessions keep theirs


def test_text_with_a_nul_character_is_refused_naming_the_field() -> None:
    # PostgreSQL cannot store NUL in text: the body is refused on every database alike.
    from tagalong.messaging.models import SavedReply

    client, auth = _token_client()
    body = {"title": "Warm-up", "text": "Ten minutes\u0000 easy", "extra": [{"x": 1}]}
    response = client.post("/api/saved-replies", body, content_type="application/json", **auth)
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "text"
    assert "NUL" in response.json()["error"]["message"]
    assert not SavedReply.objects.exists()


def test_a_nul_deep_in_a_body_names_its_path() -> None:
    from tagalong.api.parser import find_nul

    assert find_nul({"a": [1, {"b": "ok"}, {"c": "x\u0000"}]}) == ("a", "2", "c")
    assert find_nul({"a": ["fine"], "b\u0000": 1}) == ("b",)
    assert find_nul({"a": "fine"}) is None


@pytest.mark.parametrize("ids", [[2**63], [0], [2**70]])
def test_ids_in_a_body_beyond_any_row_are_a_422(ids: list[int]) -> None:
    client, auth = _token_client()
    for _ in range(2):  # the first refusal leaves the connection usable
        response = client.post(
            "/api/notifications/read", {"ids": ids}, content_type="application/json", **auth
        )
        assert response.status_code == 422
        assert response.json()["error"]["field"].startswith("ids")
