"""Consent inside a practice: a colleague of the runner's coach sees the record only when the
runner allowed it; the runner sees who can see it and can withdraw at once."""

from __future__ import annotations

import itertools
import json

import pytest
from django.test import Client

from tagalong.access.policy import Access, access_to_athlete, visible_athletes, who_can_see
from tagalong.athletes.models import PracticeConsent
from tagalong.audit.models import AuditEntry
from tagalong.messaging.models import Thread
from tests.factories import World, allow_colleague, make_athlete, make_coach

pytestmark = pytest.mark.django_db


def _signed_in(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


def test_a_colleague_sees_nothing_until_allowed_then_reads_and_loses_it_on_withdrawal(
    world: World,
) -> None:
    runner, colleague = world.athlete_a, world.colleague_no_consent
    looks = _signed_in(colleague)
    page = f"/athletes/{runner.pk}/"
    thread = Thread.objects.get(athlete=runner)
    stranger = _signed_in(world.coach_other).get(page).status_code
    assert looks.get(page).status_code == stranger == 404
    assert looks.get(f"/api/athletes/{runner.pk}").status_code == 404
    assert looks.get(f"/api/threads/{thread.pk}").status_code == 404
    assert runner not in visible_athletes(colleague)
    assert runner.pk not in [a["id"] for a in looks.get("/api/athletes").json()]

    owner = _signed_in(runner.user)
    assert owner.post("/me/privacy/allow/", {"colleague": colleague.pk}).status_code == 302
    assert looks.get(page).status_code == 200
    assert looks.get(f"/api/threads/{thread.pk}").status_code == 200
    assert runner in visible_athletes(colleague)
    # read only: a colleague never changes the record
    patch = looks.patch(
        f"/api/athletes/{runner.pk}", data='{"goals": "x"}', content_type="application/json"
    )
    assert patch.status_code == 403

    given = PracticeConsent.objects.get(athlete=runner, colleague=colleague)
    assert owner.post(f"/me/privacy/{given.pk}/withdraw/").status_code == 302
    assert looks.get(page).status_code == 404  # the same signed-in session, at once
    assert runner not in visible_athletes(colleague)
    actions = list(
        AuditEntry.objects.filter(athlete_id=runner.pk, action__startswith="consent.")
        .order_by("pk")
        .values_list("action", "actor_id", "data")
    )
    assert actions[-2:] == [
        (
            "consent.granted",
            runner.user_id,
            {"practice": given.practice_id, "colleague": colleague.pk},
        ),
        (
            "consent.withdrawn",
            runner.user_id,
            {"practice": given.practice_id, "colleague": colleague.pk},
        ),
    ]


def test_the_runner_s_own_coach_keeps_access_whatever_is_allowed(world: World) -> None:
    PracticeConsent.objects.filter(athlete=world.athlete_a).delete()
    coach = _signed_in(world.coach_a)
    assert coach.get(f"/athletes/{world.athlete_a.pk}/").status_code == 200
    assert access_to_athlete(world.coach_a, world.athlete_a) is Access.WRITE


def test_allowing_the_practice_covers_every_colleague_including_one_who_joins_later(
    world: World,
) -> None:
    practice = world.coach_a.coach_profile.practice
    client = _signed_in(world.athlete_a.user)
    assert client.post("/me/privacy/allow/", {"practice": practice.pk}).status_code == 302
    newcomer = make_coach(practice=practice, name="New Physio")
    for person in (world.colleague_no_consent, newcomer):
        assert access_to_athlete(person, world.athlete_a) is Access.READ
    assert access_to_athlete(world.coach_other, world.athlete_a) is Access.NONE
    everyone = PracticeConsent.objects.get(athlete=world.athlete_a, colleague__isnull=True)
    client.post(f"/me/privacy/{everyone.pk}/withdraw/")
    assert access_to_athlete(newcomer, world.athlete_a) is Access.NONE
    # the colleague allowed by name keeps their permission
    assert access_to_athlete(world.colleague, world.athlete_a) is Access.READ


def test_a_permission_does_not_open_a_record_the_coach_keeps_to_themselves() -> None:
    coach = make_coach()
    colleague = make_coach(practice=coach.coach_profile.practice)
    runner = make_athlete(coach=coach, shared=False)
    allow_colleague(runner, colleague)
    assert access_to_athlete(colleague, runner) is Access.NONE
    [view] = who_can_see(runner)
    assert not view.shared and not view.colleagues[0].sees


@pytest.mark.parametrize(
    ("shared", "by_name", "everyone"), list(itertools.product([True, False], repeat=3))
)
def test_the_list_the_runner_sees_agrees_with_the_access_rules(
    shared: bool, by_name: bool, everyone: bool
) -> None:
    coach = make_coach()
    practice = coach.coach_profile.practice
    named, other = (make_coach(practice=practice) for _ in range(2))
    runner = make_athlete(coach=coach, shared=shared)
    if by_name:
        allow_colleague(runner, named)
    if everyone:
        allow_colleague(runner, None, practice=practice)
    [view] = who_can_see(runner)
    assert view.coaches == [coach]
    assert {c.person for c in view.colleagues} == {named, other}
    for colleague in view.colleagues:
        level = access_to_athlete(colleague.person, runner)
        assert colleague.sees == (level is Access.READ)
        assert level in (Access.READ, Access.NONE)


def test_the_page_names_who_can_see_and_offers_the_switches(world: World) -> None:
    page = _signed_in(world.athlete_a.user).get("/me/privacy/")
    text = page.content.decode()
    assert page.status_code == 200
    assert world.coach_a.full_name in text and "sees and changes your record" in text
    assert f"<strong>{world.colleague.full_name}</strong>" in text
    assert "can see your record (read only)" in text
    assert f"<strong>{world.colleague_no_consent.full_name}</strong>" in text
    assert "cannot see your record" in text
    assert "Allow everyone here" in text and "Tagalong support" in text
    assert b"/me/privacy/" in _signed_in(world.athlete_a.user).get("/accounts/settings/").content


def test_the_api_lists_who_can_see_and_allows_and_withdraws(world: World) -> None:
    client = _signed_in(world.athlete_a.user)
    [practice] = client.get("/api/me/visibility").json()["practices"]
    assert [c["name"] for c in practice["coaches"]] == [world.coach_a.full_name]
    by_id = {c["id"]: c for c in practice["colleagues"]}
    assert by_id[world.colleague.pk]["sees"] and by_id[world.colleague.pk]["consent_id"]
    assert not by_id[world.colleague_no_consent.pk]["sees"]

    body = json.dumps({"colleague_id": world.colleague_no_consent.pk})
    given = client.post("/api/me/consents", data=body, content_type="application/json")
    assert given.status_code == 201
    again = client.post("/api/me/consents", data=body, content_type="application/json")
    assert again.status_code == 200 and again.json()["id"] == given.json()["id"]
    assert access_to_athlete(world.colleague_no_consent, world.athlete_a) is Access.READ
    assert len(client.get("/api/me/consents").json()) == 2

    gone = client.delete(f"/api/me/consents/{given.json()['id']}")
    assert gone.status_code == 204
    assert access_to_athlete(world.colleague_no_consent, world.athlete_a) is Access.NONE
    assert AuditEntry.objects.filter(action="consent.withdrawn").count() == 1


@pytest.mark.parametrize(
    ("body", "field"),
    [("{}", "colleague_id"), ('{"colleague_id": 1, "practice_id": 1}', "colleague_id")],
)
def test_the_api_asks_for_exactly_one_of_a_person_or_a_practice(
    world: World, body: str, field: str
) -> None:
    answer = _signed_in(world.athlete_a.user).post(
        "/api/me/consents", data=body, content_type="application/json"
    )
    assert answer.status_code == 400 and answer.json()["error"]["field"] == field


def test_allowing_one_s_own_coach_is_refused_by_name(world: World) -> None:
    answer = _signed_in(world.athlete_a.user).post(
        "/api/me/consents",
        data=json.dumps({"colleague_id": world.coach_a.pk}),
        content_type="application/json",
    )
    assert answer.status_code == 400
    assert answer.json()["error"]["field"] == "colleague_id"
    assert "is your coach" in answer.json()["error"]["message"]


def test_the_demo_physio_sees_the_runners_who_allowed_them_and_no_others() -> None:
    from tagalong.accounts.models import User
    from tagalong.demo import load_demo

    assert load_demo()
    physio = User.objects.get(email="physio@demo.tagalong")
    coach = User.objects.get(email="coach@demo.tagalong")
    seen = set(visible_athletes(physio).values_list("user__email", flat=True))
    own = {"lena@demo.tagalong", "marcus@demo.tagalong", "dev@demo.tagalong"}
    assert seen == own | {"sam@demo.tagalong", "priya@demo.tagalong"}  # not Aiko
    assert set(visible_athletes(coach).values_list("user__email", flat=True)) == {
        "sam@demo.tagalong",
        "priya@demo.tagalong",
        "aiko@demo.tagalong",
        "lena@demo.tagalong",
    }
    aiko = User.objects.get(email="aiko@demo.tagalong").athlete_profile
    assert access_to_athlete(physio, aiko) is Access.NONE


def test_the_page_tells_a_runner_their_own_coach_needs_no_permission(world: World) -> None:
    client = _signed_in(world.athlete_a.user)
    answer = client.post("/me/privacy/allow/", {"colleague": world.coach_a.pk}, follow=True)
    assert answer.status_code == 200 and b"is your coach and already sees" in answer.content
    assert not PracticeConsent.objects.filter(colleague=world.coach_a).exists()
    assert client.post("/me/privacy/allow/", {"colleague": "x"}).status_code == 404
