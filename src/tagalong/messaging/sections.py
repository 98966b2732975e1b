"""The conversation card on an athlete's page: who they talk to and the latest word."""

from __future__ import annotations

from typing import Any

from django.db.models import OuterRef, Subquery
from django.http import HttpRequest

from tagalong.access.policy import Access, access_to_thread
from tagalong.athletes.models import AthleteProfile
from tagalong.messaging.models import Message
from tagalong.messaging.selectors import threads_of_athlete


def conversation_section(request: HttpRequest, athlete: AthleteProfile) -> dict[str, Any] | None:
    last = Message.objects.filter(thread=OuterRef("pk")).order_by("-created_at", "-pk")
    threads = [
        t
        for t in threads_of_athlete(athlete).annotate(last_text=Subquery(last.values("text")[:1]))
        if access_to_thread(request.user, t) is not Access.NONE
    ]
    if not threads:
        return None
    return {"threads": threads}
