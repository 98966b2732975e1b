from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from tagalong.access import rules
from tagalong.accounts.models import User
from tagalong.notifications.models import Notification
from tagalong.notifications.services import mark_read

PAGE_SIZE = 50


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


@rules.signed_in
def inbox(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    notifications = list(Notification.objects.filter(user=user)[:PAGE_SIZE])
    unread = sum(1 for n in notifications if not n.is_read)
    return render(
        request, "notifications/inbox.html", {"notifications": notifications, "unread": unread}
    )


@rules.signed_in
@require_POST
def read_all(request: HttpRequest) -> HttpResponse:
    mark_read(_user(request), now=timezone.now())
    return redirect("notifications:inbox")


@rules.signed_in
@require_POST
def open_one(request: HttpRequest, notification_id: int) -> HttpResponse:
    """Mark one read and go where it points (only to our own paths)."""
    user = _user(request)
    mark_read(user, now=timezone.now(), ids=[notification_id])
    target = (
        Notification.objects.filter(user=user, pk=notification_id)
        .values_list("url", flat=True)
        .first()
    )
    if target and target.startswith("/") and not target.startswith("//"):
        return redirect(target)
    return redirect("notifications:inbox")
