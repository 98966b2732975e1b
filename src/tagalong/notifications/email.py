"""Email: one subject / text / html template triple per message, written in the language each
recipient chose in Settings (for an address we do not know, the language the sender says, else
the site's)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation


def language_of(person: object) -> str:
    """The language to write to someone in when no request says: the one they chose in their
    settings, else the site's (a blank choice follows a browser, and a job has none)."""
    chosen = getattr(person, "language", "")
    return chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def in_language_of(person: object) -> translation.override:
    """Words written for `person` outside an email template (a notice, an invitation's
    summary) in their language."""
    return translation.override(language_of(person))


def send_templated(
    *,
    template: str,
    to: Sequence[str],
    context: dict[str, Any],
    attachments: Sequence[tuple[str, bytes, str]] = (),
    language: str | None = None,
    stranger_language: str | None = None,
) -> None:
    """Send `template` to each address, one message per language the recipients read.

    `language` overrides every recipient's choice; `stranger_language` is only for addresses
    without an account (e.g. the inviting coach's language for an invitation)."""
    context = {"site_url": settings.SITE_URL, **context}
    for chosen, addresses in _by_language(to, language, stranger_language):
        with translation.override(chosen):
            subject = render_to_string(f"emails/{template}_subject.txt", context).strip()
            text = render_to_string(f"emails/{template}.txt", context)
            html = render_to_string(f"emails/{template}.html", context)
        message = _Email(subject=subject, body=text, to=addresses)
        message.attach_alternative(html, "text/html")
        for filename, content, mimetype in attachments:
            message.attach(filename, content, mimetype)
        message.send()


def _by_language(
    to: Sequence[str], language: str | None, stranger_language: str | None
) -> Iterator[tuple[str, list[str]]]:
    if language:
        yield language, list(to)
        return
    from tagalong.accounts.models import User

    people = {user.email: user for user in User.objects.filter(email__in=list(to))}
    groups: dict[str, list[str]] = {}
    for address in to:
        person = people.get(address)
        chosen = stranger_language if person is None and stranger_language else language_of(person)
        groups.setdefault(chosen, []).append(address)
    yield from groups.items()


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
