"""Every coaching link has its conversation from the start, so nobody has to open one."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from tagalong.athletes.models import CoachingLink


def open_thread_for_new_link(
    sender: type[CoachingLink], instance: CoachingLink, created: bool, **kwargs: Any
) -> None:
    if not created or kwargs.get("raw"):
        return
    from tagalong.messaging.services import thread_for_link

    with transaction.atomic():
        thread_for_link(instance)
