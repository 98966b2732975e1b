"""Sign-in throttling (django-axes): by address and by account, the admin's sign-in too, a
clear message, and a password reset lets the person straight back in."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.test import Client

from tests.factories import PASSWORD, make_coach, make_staff

pytestmark = pytest.mark.django_db


def _login(email: str, password: str, address: str = "203.0.113.9", path: str = "/accounts/login/"):  # type: ignore[no-untyped-def]
    return Client(REMOTE_ADDR=address).post(path, {"username": email, "password": password})


def test_one_try_each_at_many_accounts_from_one_address_is_throttled(settings) -> None:  # type: ignore[no-untyped-def]
    coaches = [make_coach() for _ in range(25)]
    answers = [_login(c.email, "wrong").status_code for c in coaches]
    assert answers[: settings.AXES_FAILURE_LIMIT - 1] == [200] * (settings.AXES_FAILURE_LIMIT - 1)
    assert set(answers[settings.AXES_FAILURE_LIMIT :]) == {429}
    fresh = make_coach()
    assert _login(fresh.email, PASSWORD).status_code == 429  # the address is paused
    assert _login(fresh.email, PASSWORD, address="198.51.100.7").status_code == 302


def test_many_addresses_at_one_account_are_throttled(settings) -> None:  # type: ignore[no-untyped-def]
    coach = make_coach()
    for n in range(settings.AXES_FAILURE_LIMIT):
        _login(coach.email, "wrong", address=f"198.51.100.{n + 1}")
    response = _login(coach.email, PASSWORD, address="192.0.2.50")
    assert response.status_code == 429
    assert b"Too many sign-in attempts" in response.content
    assert b"Reset your password" in response.content


def test_the_email_is_one_account_whatever_its_case(settings) -> None:  # type: ignore[no-untyped-def]
    coach = make_coach()
    for n in range(settings.AXES_FAILURE_LIMIT):
        _login(coach.email.upper() if n % 2 else coach.email, "wrong", address=f"198.51.100.{n}")
    assert _login(coach.email, PASSWORD, address="192.0.2.50").status_code == 429


def test_admin_sign_in_is_throttled_and_shares_the_lockout(settings) -> None:  # type: ignore[no-untyped-def]
    staff = make_staff()
    for n in range(settings.AXES_FAILURE_LIMIT):
        _login(staff.email, "wrong", address=f"198.51.100.{n}", path="/admin/login/")
    assert _login(staff.email, PASSWORD, path="/admin/login/").status_code == 429
    assert _login(staff.email, PASSWORD).status_code == 429


def test_a_password_reset_lifts_the_lockout(settings) -> None:  # type: ignore[no-untyped-def]
    coach = make_coach()
    for n in range(settings.AXES_FAILURE_LIMIT):
        _login(coach.email, "wrong", address=f"198.51.100.{n}")
    assert _login(coach.email, PASSWORD).status_code == 429
    client = Client(REMOTE_ADDR="203.0.113.9")
    client.post("/accounts/password/reset/", {"email": coach.email})
    link = next(line for line in mail.outbox[0].body.splitlines() if "/password/reset/" in line)
    form_page = client.get(urlsplit(link.strip()).path, follow=True)
    new = "another-good-pass-42"
    client.post(form_page.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})
    assert _login(coach.email, new).status_code == 302


def test_a_success_clears_earlier_failures(settings) -> None:  # type: ignore[no-untyped-def]
    coach = make_coach()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _login(coach.email, "wrong")
    assert _login(coach.email, PASSWORD).status_code == 302
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _login(coach.email, "wrong")
    assert _login(coach.email, PASSWORD).status_code == 302
