"""The private session calendar: its page (show, renew, turn off) and the feed itself."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from tagalong.access import rules
from tagalong.accounts.models import User
from tagalong.bookings import selectors, services
from tagalong.bookings.feeds import feed_for


def _owner(request: HttpRequest) -> User:
    """Coaches and runners have a session calendar; staff have no sessions."""
    user = request.user
    assert isinstance(user, User)
    if not (user.is_coach or user.is_athlete):
        rules.forbid(gettext("Only coaches and runners have a session calendar."))
    return user


@rules.signed_in
def feed_page(request: HttpRequest) -> HttpResponse:
    user = _owner(request)
    return render(request, "bookings/feed.html", {"feed": selectors.feed_of(user)})


@rules.signed_in
@require_POST
def feed_rotate(request: HttpRequest) -> HttpResponse:
    had = selectors.feed_of(_owner(request)) is not None
    services.rotate_feed(user=_owner(request))
    messages.success(
        request,
        gettext("New calendar address made. The old one no longer works.")
        if had
        else gettext("Calendar address made. Add it to your calendar app as a subscription."),
    )
    return redirect("bookings:feed_page")


@rules.signed_in
@require_POST
def feed_revoke(request: HttpRequest) -> HttpResponse:
    if services.revoke_feed(user=_owner(request)):
        messages.success(
            request, gettext("Calendar address turned off. Calendar apps stop updating.")
        )
    return redirect("bookings:feed_page")


@rules.public
def feed(request: HttpRequest, token: str) -> HttpResponse:
    found = selectors.feed_by_token(token)
    response = HttpResponse(
        feed_for(found.user, now=timezone.now()), content_type="text/calendar; charset=utf-8"
    )
    response["Cache-Control"] = "private, max-age=900"
    response["Content-Disposition"] = 'inline; filename="sessions.ics"'
    return response
