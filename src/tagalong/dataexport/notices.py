"""Who is told when an account goes: a runner's coaches, or a coach's runners."""

from __future__ import annotations

from django.db import transaction

from tagalong.accounts.models import User
from tagalong.athletes.models import CoachingLink
from tagalong.notifications.email import send_templated
from tagalong.notifications.services import notify
from tagalong.wording import Phrase


def people_affected(user: User) -> list[User]:
    links = CoachingLink.objects.active().select_related("coach", "athlete__user")
    if user.is_coach:
        return [link.athlete.user for link in links.filter(coach=user)]
    return [link.coach for link in links.filter(athlete__user=user)]


def tell_people_affected(user: User) -> None:
    name = user.full_name or Phrase("A member")
    for person in {p.pk: p for p in people_affected(user)}.values():
        if user.is_coach:
            title = Phrase("{name} has closed their coaching account", name=name)
            body = Phrase(
                "Your training record stays with you. Your conversation with them is kept."
            )
        else:
            title = Phrase("{name} has deleted their account", name=name)
            body = Phrase(
                "Their data is gone; your conversation with them now shows “former member”."
            )
        notify(person, kind="account_deleted", title=title, body=body)
        context = {"person": person, "title": title, "body": body}
        transaction.on_commit(
            lambda c=context, to=person.email: send_templated(
                template="account_deleted", to=[to], context=c
            )
        )
