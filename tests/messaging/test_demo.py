from __future__ import annotations

from datetime import timedelta

import pytest

from tagalong.accounts.models import User
from tagalong.demo import load_demo
from tagalong.messaging.models import CoachNote, Message, SavedReply
from tagalong.messaging.selectors import unanswered_threads

pytestmark = pytest.mark.django_db


def test_demo_has_two_conversations_one_waiting_for_the_coach() -> None:
    assert load_demo()
    assert Message.objects.values("thread").distinct().count() == 2
    coach = User.objects.get(email="coach@demo.tagalong")
    [waiting] = unanswered_threads(coach, timedelta(hours=1))
    assert waiting.athlete.name == "Sam Carter"
    assert CoachNote.objects.count() == 1 and SavedReply.objects.filter(coach=coach).exists()
