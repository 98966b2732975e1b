from __future__ import annotations

from typing import Any

from django.db import models

from tagalong.accounts.models import User
from tagalong.audit.models import AuditEntry


def record(
    *,
    actor: User | None,
    action: str,
    target: models.Model,
    athlete_id: int | None = None,
    **data: Any,
) -> AuditEntry:
    return AuditEntry.objects.create(
        actor=actor if actor is not None and actor.pk else None,
        action=action,
        target_type=target._meta.label_lower,
        target_id=str(target.pk),
        athlete_id=athlete_id,
        data=data,
    )
