from __future__ import annotations

import pytest
from django.test import Client

from tests.factories import PASSWORD, make_coach

pytestmark = pytest.mark.django_db


def _login(client: Client, email: str, password: str):  # type: ignore[no-untyped-def]
    return client.post("/accounts/login/", {"username": email, "password": password})


def test_login_with_email_and_password(client: Client) -> None:
    coach = make_coach()
    assert _login(client, coach.email, PASSWORD).status_code == 302


def test_wrong_password_says_so_without_revealing_which_part(client: Client) -> None:
    coach = make_coach()
    response = _login(client, coach.email, "wrong")
    assert response.status_code == 200
    assert b"do not match an account" in response.content


def test_password_reset_sends_a_working_link(client: Client) -> None:
    from django.core import mail

    coach = make_coach()
    client.post("/accounts/password/reset/", {"email": coach.email})
    assert len(mail.outbox) == 1
    link = next(line for line in mail.outbox[0].body.splitlines() if "/password/reset/" in line)
    from django.conf import settings

    assert link.strip().startswith(settings.SITE_URL)  # the configured site, not the Host header
    path = link.split(settings.SITE_URL, 1)[1].strip()
    form_page = client.get(path, follow=True)
    assert form_page.status_code == 200 and form_page.context["validlink"]
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "another-good-pass-42", "new_password2": "another-good-pass-42"},
    )
    assert response.status_code == 302
    coach.refresh_from_db()
    assert coach.check_password("another-good-pass-42")
