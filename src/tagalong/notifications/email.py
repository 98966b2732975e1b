"""Email: one subject / text / html template triple per message."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string


def send_templated(
    *,
    template: str,
    to: Sequence[str],
    context: dict[str, Any],
    attachments: Sequence[tuple[str, bytes, str]] = (),
) -> None:
    context = {"site_url": settings.SITE_URL, **context}
    subject = render_to_string(f"emails/{template}_subject.txt", context).strip()
    text = render_to_string(f"emails/{template}.txt", context)
    html = render_to_string(f"emails/{template}.html", context)
    message = _Email(subject=subject, body=text, to=list(to))
    message.attach_alternative(html, "text/html")
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    message.send()


class _Email(EmailMultiAlternatives):
    """Attachments whose type carries parameters, e.g. ``text/calendar; method=REQUEST``:
    RFC 6047 §2.4 wants the iTIP method on the calendar part, so mail clients offer to accept
    the invitation and apply an update or a cancellation to the event already there."""

    def _create_mime_attachment(self, content: Any, mimetype: str) -> Any:
        kind, *parameters = (piece.strip() for piece in mimetype.split(";"))
        part = super()._create_mime_attachment(content, kind)
        for parameter in parameters:
            name, _, value = parameter.partition("=")
            part.set_param(name.strip(), value.strip().strip('"'))
        return part
