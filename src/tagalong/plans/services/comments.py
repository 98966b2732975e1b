"""Comments on a plan session, copied into the athlete's conversation with the coach."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext

from tagalong.accounts.models import User
from tagalong.errors import DomainError
from tagalong.plans.models import PlanComment, PlanSession
from tagalong.wording import Phrase


@transaction.atomic
def add_comment(*, session: PlanSession, author: User, text: str) -> PlanComment:
    text = text.strip()
    if not text:
        raise DomainError(gettext("Write a comment first."), field="text")
    if len(text) > 2000:
        raise DomainError(gettext("Keep comments under 2,000 characters."), field="text")
    comment = PlanComment.objects.create(session=session, author=author, text=text)
    _copy_comment_to_conversation(session, author, text)
    return comment


def _copy_comment_to_conversation(session: PlanSession, author: User, text: str) -> None:
    from django.urls import reverse

    from tagalong.messaging.services import post_linked_comment

    athlete = session.plan.athlete
    post_linked_comment(
        author=author,
        athlete=athlete,
        text=text,
        subject_kind="plan_session",
        subject_url=reverse(
            "plans:session", kwargs={"athlete_id": athlete.pk, "session_id": session.pk}
        ),
        subject_label=Phrase("{session}, {day:%a %-d %b}", session=session.label, day=session.date),
    )
