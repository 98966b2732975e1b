"""The "message unanswered for 48 h" signal, registered only when tagalong.messaging is installed.

Contract with that app: ``tagalong.messaging.selectors.unanswered_threads(coach, older_than)``
(``older_than`` a timedelta) yields threads with ``athlete_id`` and ``waiting_since`` (an aware
datetime: the runner's oldest message without a reply).
"""

from __future__ import annotations

from tagalong import triage
from tagalong.attention.facts import Facts
from tagalong.attention.red_flags import coaches_of
from tagalong.attention.registry import register
from tagalong.triage import Finding
from tagalong.triage.rules import MESSAGE_WAIT


def unanswered(facts: Facts) -> Finding | None:
    from tagalong.messaging.selectors import unanswered_threads

    waiting = [
        thread.waiting_since
        for coach in coaches_of(facts.athlete)
        for thread in unanswered_threads(coach, older_than=MESSAGE_WAIT)
        if thread.athlete_id == facts.athlete.pk
    ]
    return triage.unanswered_messages(waiting, now=facts.now)


def register_messaging() -> None:
    register("unanswered_messages", unanswered)
