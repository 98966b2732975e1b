from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from tagalong.accounts.models import Invitation, User
from tagalong.accounts.services import accept_invitation, invite_athlete, revoke_invitation
from tagalong.athletes.models import CoachingLink
from tagalong.audit.models import AuditEntry
from tagalong.errors import DomainError
from tests.factories import PASSWORD, make_athlete, make_coach, make_invitation

pytestmark = pytest.mark.django_db


def test_invite_sends_email_with_a_single_use_link(django_capture_on_commit_callbacks) -> None:  # type: ignore[no-untyped-def]
    coach = make_coach()
    with django_capture_on_commit_callbacks(execute=True):
        invitation = invite_athlete(
            coach=coach, email=" Runner@Example.org ", message="", now=timezone.now()
        )
    assert invitation.email == "runner@example.org"
    assert len(mail.outbox) == 1 and invitation.token() in mail.outbox[0].body
    assert AuditEntry.objects.filter(action="invitation.sent").count() == 1


def test_invite_refuses_an_invalid_email() -> None:
    with pytest.raises(DomainError) as error:
        invite_athlete(coach=make_coach(), email="not-an-email", message="", now=timezone.now())
    assert error.value.field == "email"


def test_invite_refuses_an_athlete_already_coached_by_this_coach() -> None:
    coach = make_coach()
    athlete = make_athlete(coach=coach)
    with pytest.raises(DomainError, match="already one of your athletes"):
        invite_athlete(coach=coach, email=athlete.user.email, message="", now=timezone.now())


def test_signup_from_link_creates_athlete_and_link() -> None:
    invitation = make_invitation(coach=make_coach())
    user = accept_invitation(
        token=invitation.token(),
        now=timezone.now(),
        full_name="New Runner",
        password=PASSWORD,
        time_zone="Europe/London",
    )
    assert user.is_athlete and user.check_password(PASSWORD)
    assert CoachingLink.objects.active().filter(athlete__user=user, coach=invitation.coach).exists()
    invitation.refresh_from_db()
    assert invitation.accepted_by == user


def test_link_works_only_once() -> None:
    invitation = make_invitation(coach=make_coach())
    accept_invitation(
        token=invitation.token(), now=timezone.now(), full_name="A", password=PASSWORD
    )
    with pytest.raises(DomainError, match="accepted"):
        accept_invitation(
            token=invitation.token(), now=timezone.now(), full_name="B", password=PASSWORD
        )


def test_expired_link_is_refused() -> None:
    invitation = make_invitation(coach=make_coach(), days=1)
    with pytest.raises(DomainError, match="expired"):
        accept_invitation(
            token=invitation.token(),
            now=timezone.now() + timedelta(days=2),
            full_name="A",
            password=PASSWORD,
        )


def test_revoked_link_is_refused() -> None:
    coach = make_coach()
    invitation = make_invitation(coach=coach)
    revoke_invitation(invitation=invitation, by=coach, now=timezone.now())
    with pytest.raises(DomainError, match="revoked"):
        accept_invitation(
            token=invitation.token(), now=timezone.now(), full_name="A", password=PASSWORD
        )


def test_tampered_token_is_refused() -> None:
    invitation = make_invitation(coach=make_coach())
    forged = f"{invitation.pk}-{'0' * 32}.{invitation.token().rsplit('.', 1)[1]}"
    assert Invitation.from_token(forged) is None
    with pytest.raises(DomainError, match="not valid"):
        accept_invitation(token="garbage", now=timezone.now(), full_name="A", password=PASSWORD)


def test_weak_password_is_refused_with_the_reason() -> None:
    invitation = make_invitation(coach=make_coach())
    with pytest.raises(DomainError) as error:
        accept_invitation(
            token=invitation.token(), now=timezone.now(), full_name="A", password="123"
        )
    assert error.value.field == "password"
    assert not User.objects.filter(email=invitation.email).exists()


def test_existing_athlete_gains_a_second_coach() -> None:
    first = make_coach()
    athlete = make_athlete(coach=first)
    second = make_coach()
    invitation = make_invitation(coach=second, email=athlete.user.email)
    accept_invitation(token=invitation.token(), now=timezone.now(), existing_user=athlete.user)
    coaches = set(
        CoachingLink.objects.active().filter(athlete=athlete).values_list("coach", flat=True)
    )
    assert coaches == {first.pk, second.pk}


def test_signed_in_person_cannot_take_someone_elses_invitation() -> None:
    other = make_athlete()
    invitation = make_invitation(coach=make_coach(), email="someone.else@example.org")
    with pytest.raises(DomainError, match=r"is for someone\.else@example\.org"):
        accept_invitation(token=invitation.token(), now=timezone.now(), existing_user=other.user)


def test_signup_page_signs_the_runner_in(client) -> None:  # type: ignore[no-untyped-def]
    invitation = make_invitation(coach=make_coach())
    response = client.post(
        f"/invite/{invitation.token()}/",
        {"full_name": "Page Runner", "password": PASSWORD, "time_zone": "Europe/Paris"},
    )
    assert response.status_code == 302
    assert client.get("/").context["user"].email == invitation.email


def test_invalid_link_page_says_why(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/invite/not-a-token/")
    assert response.status_code == 410
    assert b"not valid" in response.content
