from __future__ import annotations

import pytest
from django.test import Client
from django.utils import timezone

from tagalong.accounts.services import end_link
from tagalong.athletes.groups import save_group
from tagalong.athletes.models import AthleteGroup
from tagalong.audit.models import AuditEntry
from tagalong.errors import DomainError
from tests.factories import link_athlete, make_athlete, make_coach


@pytest.mark.django_db
def test_a_coach_groups_their_own_athletes_and_it_is_audited() -> None:
    coach = make_coach()
    ana, ben = make_athlete(), make_athlete()
    link_athlete(ana, coach)
    link_athlete(ben, coach)
    group = save_group(coach=coach, name="  Tuesday   squad ", member_ids=[ana.pk, ben.pk])
    assert group.name == "Tuesday squad"
    assert set(group.members.all()) == {ana, ben}
    assert AuditEntry.objects.filter(action="group.created", target_id=str(group.pk)).exists()


@pytest.mark.django_db
def test_someone_elses_athlete_cannot_join_and_the_error_names_the_field() -> None:
    coach, other = make_coach(), make_coach()
    stranger = make_athlete()
    link_athlete(stranger, other)
    with pytest.raises(DomainError) as error:
        save_group(coach=coach, name="Mine", member_ids=[stranger.pk])
    assert error.value.field == "members"
    assert not AthleteGroup.objects.exists()


@pytest.mark.django_db
def test_names_are_unique_per_coach_only() -> None:
    coach, other = make_coach(), make_coach()
    save_group(coach=coach, name="Clinic")
    save_group(coach=other, name="Clinic")
    with pytest.raises(DomainError, match="already have a group"):
        save_group(coach=coach, name="Clinic")
    with pytest.raises(DomainError, match="name"):
        save_group(coach=coach, name="   ")


@pytest.mark.django_db
def test_ending_the_link_takes_the_athlete_out_of_that_coachs_groups() -> None:
    coach = make_coach()
    ana = make_athlete()
    link = link_athlete(ana, coach)
    group = save_group(coach=coach, name="Squad", member_ids=[ana.pk])
    end_link(link=link, by=coach, now=timezone.now())
    assert not group.members.exists()


@pytest.mark.django_db
def test_group_pages_create_edit_and_delete() -> None:
    coach = make_coach()
    ana = make_athlete()
    link_athlete(ana, coach)
    client = Client()
    client.force_login(coach)
    response = client.post("/coach/groups/", {"name": "Hill group", "members": [ana.pk]})
    assert response.status_code == 302
    group = AthleteGroup.objects.get(coach=coach)
    page = client.get("/coach/groups/").content.decode()
    assert "Hill group" in page and ana.name in page
    duplicate = client.post("/coach/groups/", {"name": "Hill group"})
    assert "already have a group" in duplicate.content.decode()
    client.post(f"/coach/groups/{group.pk}/", {"name": "Hills", "members": []})
    group.refresh_from_db()
    assert group.name == "Hills" and not group.members.exists()
    client.post(f"/coach/groups/{group.pk}/delete/")
    assert not AthleteGroup.objects.exists()
