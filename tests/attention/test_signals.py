"""Signals are computed when data changes, stored, and follow the coach's snooze and acknowledge."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from tagalong.attention import registry, services
from tagalong.attention.messaging_source import register_messaging
from tagalong.attention.models import AttentionNote, AttentionSetting, SignalState
from tagalong.audit.models import AuditEntry
from tagalong.errors import DomainError
from tagalong.plans.models import Plan, PlanSession
from tagalong.symptoms.services import log_symptoms
from tagalong.triage import Finding
from tests.attention.helpers import pain, refresh, run, today
from tests.factories import World


def test_a_symptom_log_refreshes_the_signals_when_it_commits(
    world: World, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    athlete = world.athlete_a
    pain(athlete, today() - dt.timedelta(days=3), 2)
    with django_capture_on_commit_callbacks(execute=True):
        log_symptoms(
            athlete=athlete, by=athlete.user, day=today(), scores={"calf_pain_left_after": 5}
        )
    signal = athlete.attention_signals.get(kind="pain_rising")
    assert "up 3 points" in signal.words and signal.url == f"/athletes/{athlete.pk}/symptoms/"


def test_a_resolved_signal_is_removed(world: World) -> None:
    athlete = world.athlete_a
    run(athlete, today() - dt.timedelta(days=12))
    assert "no_data" in refresh(athlete)
    run(athlete, today())
    assert "no_data" not in refresh(athlete)


def test_no_data_follows_the_athletes_own_setting(world: World) -> None:
    athlete = world.athlete_a
    run(athlete, today() - dt.timedelta(days=8))
    assert "no_data" in refresh(athlete)
    services.set_no_data_days(athlete=athlete, by=world.coach_a, days=10)
    assert AttentionSetting.objects.get(athlete=athlete).no_data_days == 10
    assert "no_data" not in refresh(athlete)


def test_snooze_needs_a_reason_and_a_day_after_today(world: World) -> None:
    athlete = world.athlete_a
    signal = refresh(athlete)["no_data"]
    with pytest.raises(DomainError, match="why"):
        services.snooze(
            signal=signal,
            by=world.coach_a,
            until=today() + dt.timedelta(days=3),
            reason=" ",
            today=today(),
        )
    for past in (today(), today() - dt.timedelta(days=1)):
        with pytest.raises(DomainError, match="after today") as error:
            services.snooze(
                signal=signal, by=world.coach_a, until=past, reason="away", today=today()
            )
        assert error.value.field == "until"


def test_a_snoozed_signal_reopens_early_when_it_gets_worse(world: World) -> None:
    athlete = world.athlete_a
    pain(athlete, today() - dt.timedelta(days=4), 2)
    pain(athlete, today() - dt.timedelta(days=2), 4)
    signal = refresh(athlete)["pain_rising"]
    services.snooze(
        signal=signal,
        by=world.coach_a,
        until=today() + dt.timedelta(days=7),
        reason="Rest week agreed",
        today=today(),
    )
    assert refresh(athlete)["pain_rising"].state == SignalState.SNOOZED
    pain(athlete, today(), 7)
    reopened = refresh(athlete)["pain_rising"]
    assert reopened.state == SignalState.OPEN and reopened.level == 7
    actions = list(
        AuditEntry.objects.filter(athlete_id=athlete.pk).values_list("action", flat=True)
    )
    assert "attention.snoozed" in actions and "attention.reopened" in actions


def test_acknowledge_writes_a_note_on_the_record_and_is_audited(world: World) -> None:
    athlete = world.athlete_a
    signal = refresh(athlete)["no_data"]
    services.acknowledge(signal=signal, by=world.coach_a, note="Texted: her watch broke.")
    signal.refresh_from_db()
    assert signal.state == SignalState.ACKNOWLEDGED
    note = AttentionNote.objects.get(athlete=athlete)
    assert note.text == "Texted: her watch broke." and note.author == world.coach_a
    assert AuditEntry.objects.filter(
        action="attention.acknowledged", athlete_id=athlete.pk
    ).exists()
    coach = Client()
    coach.force_login(world.coach_a)
    record = coach.get(f"/athletes/{athlete.pk}/").content.decode()
    assert "Texted: her watch broke." in record  # on the athlete's record


def _plan_with_long_run(world: World, day: dt.date) -> Plan:
    plan = Plan.objects.create(
        athlete=world.athlete_a,
        title="10K",
        goal_type="10k",
        start=day - dt.timedelta(days=20),
        end=day + dt.timedelta(days=40),
    )
    PlanSession.objects.create(plan=plan, date=day, kind="run", run_type="long", duration_min=90)
    PlanSession.objects.create(
        plan=plan, date=day - dt.timedelta(days=2), kind="run", run_type="easy", duration_min=40
    )
    return plan


def test_a_missed_long_run_and_falling_compliance_are_signalled(world: World) -> None:
    athlete = world.athlete_a
    _plan_with_long_run(world, today() - dt.timedelta(days=1))
    run(athlete, today() - dt.timedelta(days=3), minutes=40)  # the easy run, on the day before
    signals = refresh(athlete)
    assert "long run" in signals["missed_key_session"].words
    assert "(missed)" in signals["compliance"].words


def test_away_days_leave_compliance_and_missed_sessions(world: World) -> None:
    athlete = world.athlete_a
    _plan_with_long_run(world, today() - dt.timedelta(days=1))
    services.add_marker(
        athlete=athlete,
        by=world.coach_a,
        kind="ill",
        start=today() - dt.timedelta(days=3),
        end=today(),
    )
    signals = refresh(athlete)
    assert "missed_key_session" not in signals and "compliance" not in signals
    assert AuditEntry.objects.filter(action="attention.marker_added").exists()


def test_marker_dates_are_checked(world: World) -> None:
    with pytest.raises(DomainError, match="before the first"):
        services.add_marker(
            athlete=world.athlete_a,
            by=world.coach_a,
            kind="ill",
            start=today(),
            end=today() - dt.timedelta(days=1),
        )
    with pytest.raises(DomainError, match="Unknown marker"):
        services.add_marker(
            athlete=world.athlete_a, by=world.coach_a, kind="party", start=today(), end=today()
        )


def test_a_provider_is_pluggable_and_the_messages_one_comes_with_its_app(
    world: World,
) -> None:
    assert "unanswered_messages" in registry.providers()  # tagalong.messaging is installed
    registry.unregister("unanswered_messages")
    registry.register(
        "unanswered_messages",
        lambda facts: Finding(
            "unanswered_messages", "1 message unanswered.", "attention.unanswered_messages"
        ),
    )
    try:
        assert "unanswered_messages" in refresh(world.athlete_a)
    finally:
        registry.unregister("unanswered_messages")
        register_messaging()
    assert "unanswered_messages" not in refresh(world.athlete_a)  # nothing waits 48 h
    with pytest.raises(ValueError, match="unknown attention kind"):
        registry.register("gossip", lambda facts: None)
