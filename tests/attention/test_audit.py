"""Every change to the queue is an audit entry naming who did it and for which athlete."""

from __future__ import annotations

import datetime as dt

import pytest

from tagalong.attention import services
from tagalong.attention.outreach import send_bulk_message
from tagalong.attention.red_flags import clear_red_flag, raise_red_flag
from tagalong.audit.models import AuditEntry
from tests.attention.helpers import pain, refresh, today
from tests.factories import World

pytestmark = pytest.mark.django_db


def _actions(athlete_id: int) -> list[tuple[str, int | None]]:
    entries = AuditEntry.objects.filter(
        athlete_id=athlete_id, action__regex=r"^(attention|redflag)\."
    )
    return list(entries.order_by("pk").values_list("action", "actor_id"))


def test_every_change_to_signals_markers_settings_red_flags_and_messages_is_audited(
    world: World,
) -> None:
    athlete, coach = world.athlete_a, world.coach_a
    pain(athlete, today() - dt.timedelta(days=2), after=2)
    pain(athlete, today(), after=5)
    signals = refresh(athlete)
    services.snooze(
        signal=signals["pain_rising"],
        by=coach,
        until=today() + dt.timedelta(days=3),
        reason="Phoned her",
        today=today(),
    )
    pain(athlete, today(), after=8)  # worse: it reopens
    signals = refresh(athlete)
    services.acknowledge(signal=signals["pain_rising"], by=coach, note="Physio on Friday.")
    marker = services.add_marker(
        athlete=athlete, by=coach, kind="travel", start=today(), end=today()
    )
    services.remove_marker(marker=marker, by=coach)
    services.set_no_data_days(athlete=athlete, by=coach, days=10)
    flag = raise_red_flag(athlete=athlete, source="symptoms", flags=["chest_pain"], by=athlete.user)
    raise_red_flag(athlete=athlete, source="intake", flags=["breathlessness"], by=athlete.user)
    clear_red_flag(flag=flag, by=coach, seen_on=today(), note="GP: all clear.", today=today())
    send_bulk_message(coach=coach, athletes=[athlete], subject="Easy week", message="Easy.")

    user = athlete.user_id
    assert _actions(athlete.pk) == [
        ("attention.snoozed", coach.pk),
        ("attention.reopened", None),
        ("attention.acknowledged", coach.pk),
        ("attention.marker_added", coach.pk),
        ("attention.marker_removed", coach.pk),
        ("attention.setting", coach.pk),
        ("redflag.raised", user),
        ("redflag.added", user),
        ("redflag.cleared", coach.pk),
        ("attention.bulk_message", coach.pk),
    ]
    cleared = AuditEntry.objects.get(action="redflag.cleared")
    assert cleared.data["seen_on"] == today().isoformat()
