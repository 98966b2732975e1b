from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from tagalong.audit.models import AuditEntry
from tagalong.errors import DomainError
from tagalong.shoes.models import AlertLevel, AssignedHow, Shoe, ShoeUse
from tagalong.shoes.selectors import shoe_alerts, shoe_mileage
from tagalong.shoes.services import (
    assign_shoe,
    auto_assign,
    create_shoe,
    retire_shoe,
    set_default,
    unretire_shoe,
    update_shoe,
)
from tests.factories import make_athlete
from tests.shoes.helpers import make_run, make_shoe

pytestmark = pytest.mark.django_db


def test_mileage_is_starting_km_plus_assigned_runs() -> None:
    athlete = make_athlete()
    shoe = make_shoe(athlete, starting_km=120.5)
    for km in (10.0, 21.1):
        assign_shoe(activity=make_run(athlete, km=km), shoe=shoe, by=athlete.user)
    make_run(athlete, km=50)  # not assigned: does not count
    assert shoe_mileage(shoe) == pytest.approx(151.6)


def test_reassigning_a_run_moves_its_distance_to_the_other_shoe() -> None:
    athlete = make_athlete()
    first, second = make_shoe(athlete, name="One"), make_shoe(athlete, name="Two")
    run = make_run(athlete, km=8)
    assign_shoe(activity=run, shoe=first, by=None)
    assign_shoe(activity=run, shoe=second, by=None)
    assert ShoeUse.objects.count() == 1
    assert (shoe_mileage(first), shoe_mileage(second)) == (0, 8)


@pytest.mark.parametrize(
    ("km", "level"),
    [
        (499.9, None),
        (500.0, AlertLevel.REMINDER),
        (799.9, AlertLevel.REMINDER),
        (800.0, AlertLevel.RETIRE),
        (1200.0, AlertLevel.RETIRE),
    ],
)
def test_alert_level_changes_exactly_at_500_and_800_km(km: float, level: object) -> None:
    assert Shoe(remind_km=500, retire_km=800).alert_level(km) == level


def test_retired_shoes_raise_no_alert() -> None:
    assert Shoe(retired_at=timezone.now()).alert_level(2000) is None


def test_alerts_say_evidence_is_weak_and_cite_the_registry() -> None:
    athlete = make_athlete()
    make_shoe(athlete, name="Old pair", starting_km=800)
    make_shoe(athlete, name="Newer pair", starting_km=500)
    alerts = {a.kind: a for a in shoe_alerts(athlete, now=timezone.now())}
    assert set(alerts) == {"retire", "reminder"}
    for alert in alerts.values():
        assert "Evidence is weak" in alert.message or "evidence is weak" in alert.message.lower()
        assert "check comfort and wear" in alert.message
        assert alert.evidence_id == "shoes.replace_km.expert_target"


def test_one_pair_gets_the_rotation_nudge_and_two_pairs_do_not() -> None:
    athlete = make_athlete()
    make_shoe(athlete, name="Only pair")
    kinds = [a.kind for a in shoe_alerts(athlete, now=timezone.now())]
    assert kinds == ["rotation"]
    make_shoe(athlete, name="Second pair")
    assert shoe_alerts(athlete, now=timezone.now()) == []


def test_two_pairs_but_every_recent_run_in_one_still_gets_the_rotation_nudge() -> None:
    athlete = make_athlete()
    main = make_shoe(athlete, name="Main")
    make_shoe(athlete, name="Spare")
    for _ in range(3):
        assign_shoe(activity=make_run(athlete), shoe=main, by=None)
    alerts = shoe_alerts(athlete, now=timezone.now())
    assert [a.evidence_id for a in alerts] == ["shoes.rotation.malisoux_2015"]


def test_reminder_must_come_before_retirement() -> None:
    athlete = make_athlete()
    with pytest.raises(DomainError) as error:
        create_shoe(athlete=athlete, by=None, fields={"name": "X", "remind_km": 800})
    assert error.value.field == "remind_km"


def test_unknown_field_is_refused() -> None:
    with pytest.raises(DomainError, match="Unknown shoe field"):
        create_shoe(athlete=make_athlete(), by=None, fields={"name": "X", "colour": "red"})


def test_database_allows_one_default_per_athlete_and_sport() -> None:
    athlete = make_athlete()
    make_shoe(athlete, name="A", default_for_sport="running")
    make_shoe(athlete, name="B", default_for_sport="trail_running")
    make_shoe(athlete, name="C")
    make_shoe(make_athlete(), name="Other runner", default_for_sport="running")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_shoe(athlete, name="D", default_for_sport="running")


def test_setting_a_default_replaces_the_previous_default() -> None:
    athlete = make_athlete()
    old = make_shoe(athlete, name="Old", default_for_sport="running")
    new = make_shoe(athlete, name="New")
    set_default(shoe=new, by=athlete.user, sport="Running")
    old.refresh_from_db()
    new.refresh_from_db()
    assert (old.default_for_sport, new.default_for_sport) == (None, "running")


def test_retiring_clears_the_default_and_unretiring_brings_the_shoe_back() -> None:
    athlete = make_athlete()
    shoe = make_shoe(athlete, default_for_sport="running")
    retire_shoe(shoe=shoe, by=athlete.user, now=timezone.now())
    assert shoe.is_retired and shoe.default_for_sport is None
    unretire_shoe(shoe=shoe, by=athlete.user)
    assert not shoe.is_retired
    actions = list(AuditEntry.objects.values_list("action", flat=True).order_by("pk"))
    assert actions == ["shoe.retired", "shoe.unretired"]


def test_update_is_audited_with_field_names() -> None:
    athlete = make_athlete()
    shoe = make_shoe(athlete)
    update_shoe(shoe=shoe, by=athlete.user, changes={"remind_km": 450})
    assert AuditEntry.objects.get(action="shoe.updated").data["fields"] == ["remind_km"]


def test_a_shoe_of_another_athlete_cannot_be_assigned() -> None:
    athlete, other = make_athlete(), make_athlete()
    with pytest.raises(DomainError) as error:
        assign_shoe(activity=make_run(athlete), shoe=make_shoe(other), by=None)
    assert error.value.field == "shoe_id"


def test_auto_assign_uses_the_default_shoe_for_the_sport() -> None:
    athlete = make_athlete()
    shoe = make_shoe(athlete, default_for_sport="running")
    use = auto_assign(make_run(athlete))
    assert use is not None and use.shoe == shoe and use.how == AssignedHow.DEFAULT


def test_auto_assign_matches_gear_name_ignoring_case() -> None:
    athlete = make_athlete()
    make_shoe(athlete, name="Default", default_for_sport="running")
    pegasus = make_shoe(athlete, name="Nike Pegasus 40")
    use = auto_assign(make_run(athlete, gear_name="nike pegasus 40 "))
    assert use is not None and use.shoe == pegasus and use.how == AssignedHow.GEAR_NAME


def test_auto_assign_creates_a_shoe_for_an_unknown_gear_name() -> None:
    athlete = make_athlete()
    run = make_run(athlete, gear_name="Hoka Clifton 9", start=timezone.now() - timedelta(days=3))
    use = auto_assign(run)
    assert use is not None and use.shoe.name == "Hoka Clifton 9"
    assert use.shoe.first_used == run.start.date()
    assert auto_assign(make_run(athlete, gear_name="HOKA CLIFTON 9")).shoe == use.shoe  # type: ignore[union-attr]
    assert Shoe.objects.filter(athlete=athlete).count() == 1


def test_auto_assign_leaves_rides_and_unknown_runs_alone() -> None:
    athlete = make_athlete()
    assert auto_assign(make_run(athlete, sport="cycling", gear_name="Canyon bike")) is None
    assert auto_assign(make_run(athlete)) is None
    assert not Shoe.objects.exists()


def test_auto_assign_keeps_a_choice_made_by_hand() -> None:
    athlete = make_athlete()
    chosen = make_shoe(athlete, name="Chosen")
    make_shoe(athlete, name="Usual", default_for_sport="running")
    run = make_run(athlete)
    assign_shoe(activity=run, shoe=chosen, by=athlete.user)
    assert auto_assign(run).shoe == chosen  # type: ignore[union-attr]
