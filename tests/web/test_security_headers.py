"""Private answers are not kept by caches; forwarded headers count only from our proxy; HSTS
preload is opt-in."""

from __future__ import annotations

import importlib
import os
from unittest import mock

import pytest
from django.test import Client, RequestFactory, override_settings

from tagalong.web.security import TrustedProxyMiddleware, client_ip
from tests.factories import make_athlete

pytestmark = pytest.mark.django_db

NO_STORE = {"private", "no-store"}


def _directives(response) -> set[str]:  # type: ignore[no-untyped-def]
    return {d.strip() for d in response.get("Cache-Control", "").split(",") if d.strip()}


def test_signed_in_pages_and_api_answers_are_private_no_store(client: Client) -> None:
    athlete = make_athlete()
    client.force_login(athlete.user)
    for path in ("/accounts/settings/", "/api/me", f"/athletes/{athlete.pk}/"):
        assert _directives(client.get(path)) >= NO_STORE, path


def test_api_refusals_are_private_too() -> None:
    assert _directives(Client().get("/api/me")) >= NO_STORE


def test_public_pages_signed_out_are_left_to_cache() -> None:
    response = Client().get("/")
    assert response.status_code == 200
    assert "no-store" not in _directives(response)


def test_calendar_feeds_behind_a_secret_address_are_private(client: Client) -> None:
    from tagalong.bookings.services import rotate_feed

    athlete = make_athlete()
    feed = rotate_feed(user=athlete.user)
    response = Client().get(f"/feeds/sessions/{feed.token}.ics")
    assert response.status_code == 200
    assert _directives(response) >= NO_STORE


def _passed_through(meta: dict[str, str]) -> dict[str, str]:
    seen: dict[str, str] = {}

    def view(request):  # type: ignore[no-untyped-def]
        seen.update({k: v for k, v in request.META.items() if k.startswith("HTTP_X_FORWARDED")})
        seen["secure"] = str(request.is_secure())
        return None

    request = RequestFactory().get("/", **meta)
    TrustedProxyMiddleware(view)(request)
    return seen


@override_settings(
    TRUSTED_PROXIES=["10.0.0.2"], SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https")
)
def test_forwarded_proto_is_believed_only_from_a_trusted_proxy() -> None:
    forged = _passed_through({"REMOTE_ADDR": "203.0.113.9", "HTTP_X_FORWARDED_PROTO": "https"})
    assert forged == {"secure": "False"}
    proxied = _passed_through({"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_PROTO": "https"})
    assert proxied["secure"] == "True"


@override_settings(TRUSTED_PROXIES=["10.0.0.0/8"])
def test_client_address_comes_from_the_proxy_only_when_trusted() -> None:
    factory = RequestFactory()
    forged = factory.get("/", REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR="198.51.100.1")
    assert client_ip(forged) == "203.0.113.9"
    chain = "198.51.100.1, 10.0.0.7"
    proxied = factory.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=chain)
    assert client_ip(proxied) == "198.51.100.1"


def _production_settings(**env: str):  # type: ignore[no-untyped-def]
    values = {
        "TAGALONG_DEBUG": "false",
        "TAGALONG_SECRET_KEY": "x" * 60,
        **env,
    }
    with mock.patch.dict(os.environ, values):
        import tagalong.config.settings as module

        return importlib.reload(module)


def test_hsts_preload_is_off_unless_asked_for() -> None:
    try:
        assert _production_settings().SECURE_HSTS_PRELOAD is False
        assert _production_settings(TAGALONG_HSTS_PRELOAD="true").SECURE_HSTS_PRELOAD is True
        assert _production_settings(TAGALONG_TRUSTED_PROXIES="none").TRUSTED_PROXIES == []
    finally:
        _production_settings(TAGALONG_DEBUG="true")
