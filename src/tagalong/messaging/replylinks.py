"""Signed links that let someone answer a message from the email it came in."""

from __future__ import annotations

from dataclasses import dataclass

from django.core import signing
from django.urls import reverse

SALT = "tagalong.messaging.reply"
MAX_AGE_S = 7 * 24 * 3600


@dataclass(frozen=True)
class ReplyGrant:
    thread_id: int
    user_id: int


def reply_token(*, thread_id: int, user_id: int) -> str:
    return signing.dumps({"t": thread_id, "u": user_id}, salt=SALT, compress=True)


def reply_url(*, thread_id: int, user_id: int) -> str:
    token = reply_token(thread_id=thread_id, user_id=user_id)
    return reverse("messaging:email_reply", kwargs={"token": token})


def read_token(token: str, *, max_age_s: int = MAX_AGE_S) -> ReplyGrant | None:
    """The grant, or None for a link that is forged, damaged or too old."""
    try:
        data = signing.loads(token, salt=SALT, max_age=max_age_s)
    except signing.BadSignature:  # SignatureExpired is one too
        return None
    if not isinstance(data, dict):
        return None
    thread_id, user_id = data.get("t"), data.get("u")
    if not isinstance(thread_id, int) or not isinstance(user_id, int):
        return None
    return ReplyGrant(thread_id=thread_id, user_id=user_id)
