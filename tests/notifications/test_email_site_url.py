"""Every link in an email points at the configured site (TAGALONG_SITE_URL), whatever the
request's Host header or the port the app runs on."""

from __future__ import annotations

import re

import pytest
from django.test import override_settings
from django.utils import timezone

from tagalong.accounts.services import invite_athlete
from tests.factories import make_coach

pytestmark = pytest.mark.django_db
SITE = "https://coaching.example.org"


def _links(message) -> list[str]:  # type: ignore[no-untyped-def]
    html = message.alternatives[0][0] if message.alternatives else ""
    return re.findall(r'href="([^"]+)"', html) + re.findall(r"https?://\S+", message.body)


@override_settings(SITE_URL=SITE)
def test_invitation_email_links_to_the_site(mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invite_athlete(coach=make_coach(), email="new@example.org", message="", now=timezone.now())
    links = _links(mailoutbox[-1])
    assert links and all(link.startswith(SITE) for link in links)


@override_settings(SITE_URL=SITE)
def test_password_reset_links_to_the_site_not_the_host_header(client, mailoutbox):
    coach = make_coach()
    client.post("/accounts/password/reset/", {"email": coach.email}, HTTP_HOST="localhost:8000")
    links = _links(mailoutbox[-1])
    assert links and all(link.startswith(SITE) for link in links)
