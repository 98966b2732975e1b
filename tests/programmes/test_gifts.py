"""Gift a place: the recipient's single-use, expiring claim link; the giver is told."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tagalong.audit.models import AuditEntry
from tagalong.errors import DomainError
from tagalong.programmes.models import Gift, Payment, PlaceStatus, Source
from tagalong.programmes.services import give_free_place, give_gift, set_payment
from tests.factories import World, make_athlete
from tests.programmes.helpers import programme

SIGN_UP = {
    "full_name": "Mum Runner",
    "password": "a-good-test-password-1",
    "time_zone": "America/New_York",
    "birth_date": "1985-04-02",
    "sex": "female",
    "body_mass_kg": "64.5",
}


def _gift(p, recipient: str = "mum@example.org") -> Gift:  # type: ignore[no-untyped-def]
    return give_gift(
        programme=p,
        giver_name="Ana",
        giver_email="ana@example.org",
        recipient_email=recipient,
        message="Happy Mother's Day!",
        now=timezone.now(),
    )


def _link(message) -> str:  # type: ignore[no-untyped-def]
    return re.search(r"http://[^\s]+(/claim/[^\s/]+/)", message.body).group(1)


def test_the_whole_gift_from_page_to_claim(
    world: World, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    p = programme(world.coach_a, capacity=3)
    visitor = Client()
    with django_capture_on_commit_callbacks(execute=True):
        response = visitor.post(
            reverse("programmes:gift", args=[p.slug]),
            {
                "giver_name": "Ana",
                "giver_email": "ana@example.org",
                "recipient_email": "mum@example.org",
                "message": "Happy Mother's Day!",
            },
        )
    assert "Your gift is on its way" in response.content.decode()
    (email,) = mail.outbox
    assert email.to == ["mum@example.org"] and "Ana gave you a place" in email.subject
    assert "Happy Mother's Day!" in email.body
    link = _link(email)
    recipient = Client()
    page = recipient.get(link).content.decode()
    assert "Ana</strong> gave you this place" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = recipient.post(link, SIGN_UP)
    assert response.status_code == 302
    place = p.places.get()
    assert place.status == PlaceStatus.ACTIVE and place.source == Source.GIFT
    assert place.athlete.user.email == "mum@example.org"
    assert place.athlete.time_zone == "America/New_York" and place.athlete.sex == "female"
    assert place.gift.claimed_by == place.athlete.user
    (told,) = [m for m in mail.outbox if m.to == ["ana@example.org"]]
    assert "mum@example.org claimed the place" in told.body and "was claimed" in told.subject
    assert AuditEntry.objects.filter(action="programme.gift_given").exists()
    assert AuditEntry.objects.filter(action="programme.place_claimed").exists()


def test_a_claim_link_used_twice_says_so(world: World, django_capture_on_commit_callbacks) -> None:  # type: ignore[no-untyped-def]
    p = programme(world.coach_a)
    with django_capture_on_commit_callbacks(execute=True):
        _gift(p)
    link = _link(mail.outbox[0])
    with django_capture_on_commit_callbacks(execute=True):
        Client().post(link, SIGN_UP)
    again = Client().get(link)
    assert again.status_code == 410
    assert "This gift was claimed already" in again.content.decode()


def test_an_expired_claim_link_says_when_it_expired(world: World) -> None:
    p = programme(world.coach_a)
    gift = _gift(p)
    invitation = gift.place.invitation
    invitation.expires_at = timezone.now() - timezone.timedelta(days=1)
    invitation.save()
    response = Client().get(reverse("programmes:claim", args=[invitation.token()]))
    assert response.status_code == 410
    assert "This gift link expired on" in response.content.decode()
    assert "Ask Coach A for a new one" in response.content.decode()


def test_a_claim_link_for_another_email_says_whose_it_is(world: World) -> None:
    p = programme(world.coach_a)
    gift = _gift(p)
    client = Client()
    client.force_login(world.athlete_b.user)
    response = client.get(reverse("programmes:claim", args=[gift.place.invitation.token()]))
    assert response.status_code == 410
    body = response.content.decode()
    assert "This gift is for mum@example.org" in body and world.athlete_b.user.email in body
    assert gift.place.status == PlaceStatus.HELD


def test_a_tampered_link_is_not_valid(world: World) -> None:
    response = Client().get(reverse("programmes:claim", args=["1.nonsense"]))
    assert response.status_code == 410 and "This link is not valid" in response.content.decode()


def test_a_signed_in_runner_claims_a_gift_for_their_email(world: World) -> None:
    p = programme(world.coach_a, clinic=False)
    runner = make_athlete()
    gift = _gift(p, recipient=runner.user.email)
    client = Client()
    client.force_login(runner.user)
    response = client.post(reverse("programmes:claim", args=[gift.place.invitation.token()]))
    assert response.status_code == 302
    gift.place.refresh_from_db()
    assert gift.place.athlete == runner and gift.place.status == PlaceStatus.ACTIVE


def test_nothing_to_give_when_full(world: World) -> None:
    p = programme(world.coach_a, capacity=1, clinic=False)
    _gift(p)
    with pytest.raises(DomainError, match="none to give"):
        _gift(p, recipient="other@example.org")


def test_the_coach_gives_free_places_and_records_payments(world: World) -> None:
    p = programme(world.coach_a, capacity=3, clinic=False)
    free = give_free_place(programme=p, by=world.coach_a, email="f@example.org", now=timezone.now())
    assert free.payment == Payment.FREE and free.source == Source.COACH
    paid = _gift(p).place
    set_payment(place=paid, by=world.coach_a, payment=Payment.OUTSIDE)
    paid.refresh_from_db()
    assert paid.payment == Payment.OUTSIDE
    entry = AuditEntry.objects.get(action="programme.payment_recorded")
    assert entry.actor == world.coach_a and entry.data == {"was": "", "now": "outside"}
    with pytest.raises(DomainError) as refused:
        set_payment(place=paid, by=world.coach_a, payment="bitcoin")
    assert refused.value.field == "payment"


def test_the_cohort_page_says_who_gave_what(world: World) -> None:
    p = programme(world.coach_a)
    _gift(p)
    client = Client()
    client.force_login(world.coach_a)
    page = client.get(reverse("programmes:cohort", args=[p.pk])).content.decode()
    assert "Ana (ana@example.org) gave a place to mum@example.org" in page
