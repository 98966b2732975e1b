"""Saved replies (a coach's own), and answering from an email through its signed link."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from tagalong.access import rules
from tagalong.access.policy import Access, access_to_thread
from tagalong.accounts.models import User
from tagalong.errors import DomainError
from tagalong.messaging import selectors, services
from tagalong.messaging.models import Thread
from tagalong.messaging.replylinks import read_token


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


@rules.coach
def saved_replies(request: HttpRequest) -> HttpResponse:
    coach = _user(request)
    error, title, text, status = None, "", "", 200
    if request.method == "POST":
        title, text = request.POST.get("title", ""), request.POST.get("text", "")
        try:
            services.save_reply(coach=coach, title=title, text=text)
        except DomainError as exc:
            error, status = exc, 400
        else:
            messages.success(request, gettext("Saved “%(title)s”.") % {"title": title.strip()})
            return redirect("messaging:saved_replies")
    return render(
        request,
        "messaging/saved_replies.html",
        {
            "replies": selectors.saved_replies_of(coach),
            "error": error,
            "title": title,
            "text": text,
        },
        status=status,
    )


@rules.coach
@require_POST
def delete_reply(request: HttpRequest, reply_id: int) -> HttpResponse:
    reply = selectors.saved_reply_of(_user(request), reply_id)
    if reply is None:
        raise Http404("No such saved reply")
    services.delete_reply(reply=reply)
    messages.success(request, gettext("Deleted “%(title)s”.") % {"title": reply.title})
    return redirect("messaging:saved_replies")


def _granted(token: str) -> tuple[Thread, User] | None:
    """The thread and person a reply link speaks for, while they may still write there."""
    grant = read_token(token)
    if grant is None:
        return None
    user = User.objects.filter(pk=grant.user_id, is_active=True).first()
    thread = (
        Thread.objects.select_related("athlete__user", "coach").filter(pk=grant.thread_id).first()
    )
    if user is None or thread is None or access_to_thread(user, thread) is not Access.WRITE:
        return None
    return thread, user


@rules.public
def email_reply(request: HttpRequest, token: str) -> HttpResponse:
    """No sign-in: the signed, expiring link is the permission, for this thread only."""
    granted = _granted(token)
    if granted is None:
        return render(request, "messaging/reply_invalid.html", status=410)
    thread, user = granted
    context: dict[str, object] = {
        "thread": thread,
        "recipient": user,
        "recent": selectors.messages_of(thread)[-5:],
        "error": None,
        "draft": "",
        "sent": False,
    }
    if request.method == "POST":
        text = request.POST.get("text", "")
        try:
            services.post_message(thread=thread, author=user, text=text)
        except DomainError as exc:
            context.update(error=exc.message, draft=text)
            return render(request, "messaging/email_reply.html", context, status=400)
        services.mark_read(thread=thread, user=user)
        context.update(sent=True, recent=selectors.messages_of(thread)[-5:])
    return render(request, "messaging/email_reply.html", context)
