"""Bulk messages from the roster. The sender is swappable: settings.TAGALONG_BULK_SENDER names a
function ``send(*, coach, athletes, subject, message) -> int``. With the messaging app installed
the message goes into each athlete's conversation with the coach (``messaging.services.
send_bulk``: in-app notice now, email if unread for 15 minutes, replies in the thread); without
it, each athlete is told in the app and by email."""

from __future__ import annotations

from collections.abc import Sequence

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.utils.module_loading import import_string
from django.utils.translation import gettext

from tagalong.accounts.models import User
from tagalong.athletes.models import AthleteProfile
from tagalong.audit.services import record
from tagalong.errors import DomainError
from tagalong.notifications.email import send_templated
from tagalong.notifications.services import notify

DEFAULT_SENDER = "tagalong.attention.outreach.notify_and_email"
MESSAGING_SENDER = "tagalong.messaging.services.send_bulk"
MAX_RECIPIENTS = 200


def notify_and_email(
    *, coach: User, athletes: Sequence[AthleteProfile], subject: str, message: str
) -> int:
    for athlete in athletes:
        notify(
            athlete.user, kind="coach_message", title=subject, body=message, url="/notifications/"
        )
    emails = [a.user.email for a in athletes if a.user.email]
    for email in emails:
        send_templated(
            template="attention_bulk_message",
            to=[email],
            context={"coach": coach, "subject": subject, "message": message},
        )
    return len(athletes)


def _default_sender() -> str:
    return MESSAGING_SENDER if apps.is_installed("tagalong.messaging") else DEFAULT_SENDER


def send_bulk_message(
    *, coach: User, athletes: Sequence[AthleteProfile], subject: str, message: str
) -> int:
    """The caller has checked that ``coach`` may write to every athlete."""
    subject, message = subject.strip(), message.strip()
    if not athletes:
        raise DomainError(gettext("Choose at least one athlete."), field="athletes")
    if len(athletes) > MAX_RECIPIENTS:
        raise DomainError(
            gettext("Send to %(max_recipients)s athletes at most at a time.")
            % {"max_recipients": MAX_RECIPIENTS},
            field="athletes",
        )
    if not subject or not message:
        raise DomainError(
            gettext("Write a subject and a message."), field="message" if subject else "subject"
        )
    sender = import_string(getattr(settings, "TAGALONG_BULK_SENDER", None) or _default_sender())
    with transaction.atomic():
        sent = int(sender(coach=coach, athletes=athletes, subject=subject, message=message))
        for athlete in athletes:
            record(
                actor=coach,
                action="attention.bulk_message",
                target=athlete,
                athlete_id=athlete.pk,
                subject=subject,
            )
    return sent
