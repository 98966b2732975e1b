"""Web push: a notification sent to the browsers a person turned notifications on in.

Needs the operator's VAPID key pair (TAGALONG_VAPID_PUBLIC_KEY / _PRIVATE_KEY). The browser's
push service is the person's own choice of browser vendor; we send it the encrypted title,
body and link only, and a browser that says it is gone is forgotten.
"""

from __future__ import annotations

import json
import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext

from tagalong.accounts.models import User
from tagalong.errors import DomainError
from tagalong.notifications.models import Notification, PushSubscription

log = logging.getLogger(__name__)

GONE = (404, 410)  # the push service no longer knows this browser


def push_ready() -> bool:
    return bool(settings.VAPID_PUBLIC_KEY and settings.VAPID_PRIVATE_KEY)


def _check_endpoint(endpoint: str) -> None:
    parts = urlsplit(endpoint)
    if parts.scheme != "https" or not parts.netloc:
        raise DomainError(
            gettext("The browser sent a push address that is not https."), field="endpoint"
        )


@transaction.atomic
def subscribe(*, user: User, endpoint: str, p256dh: str, auth: str) -> PushSubscription:
    """Keep (or move to this person) the browser's subscription, and turn push on for them."""
    _check_endpoint(endpoint)
    if not p256dh or not auth:
        raise DomainError(gettext("The browser's push keys are missing."), field="keys")
    subscription, _ = PushSubscription.objects.update_or_create(
        endpoint=endpoint, defaults={"user": user, "p256dh": p256dh[:200], "auth": auth[:100]}
    )
    if not user.push_notifications:
        user.push_notifications = True
        user.save(update_fields=["push_notifications"])
    return subscription


def unsubscribe(*, user: User, endpoint: str) -> int:
    deleted, _ = PushSubscription.objects.filter(user=user, endpoint=endpoint).delete()
    return deleted


def payload(notification: Notification) -> str:
    url = notification.url if notification.url.startswith("/") else "/notifications/"
    return json.dumps(
        {"title": notification.title, "body": notification.body[:300], "url": url},
        ensure_ascii=False,
    )


def send(notification: Notification) -> int:
    """Push one notification to each of its person's browsers; returns how many took it."""
    user = notification.user
    if not push_ready() or not user.push_notifications:
        return 0
    from pywebpush import WebPushException, webpush

    claims = {"sub": settings.VAPID_SUBJECT or f"mailto:{settings.DEFAULT_FROM_EMAIL}"}
    sent = 0
    for subscription in PushSubscription.objects.filter(user=user):
        try:
            webpush(
                subscription_info=subscription.info(),
                data=payload(notification),
                vapid_private_key=settings.VAPID_PRIVATE_KEY,
                vapid_claims=dict(claims),
                timeout=10,
            )
        except WebPushException as error:
            status = getattr(error.response, "status_code", None)
            if status in GONE:
                subscription.delete()
            else:
                log.warning("push to subscription %s failed: %s", subscription.pk, error)
        else:
            sent += 1
    return sent
