from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from tagalong.access import rules
from tagalong.accounts.models import User
from tagalong.errors import DomainError
from tagalong.notifications import push
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


def _json_body(request: HttpRequest) -> dict[str, Any]:
    try:
        body = json.loads(request.body or b"{}")
    except ValueError:
        raise DomainError(gettext("The request body is not JSON.")) from None
    if not isinstance(body, dict):
        raise DomainError(gettext("The request body must be a JSON object."))
    return body


@rules.signed_in
@require_POST
def push_subscribe(request: HttpRequest) -> JsonResponse:
    """The browser's Push API subscription, sent by push.js once the person allowed it."""
    try:
        body = _json_body(request)
        keys = body.get("keys") if isinstance(body.get("keys"), dict) else {}
        push.subscribe(
            user=_user(request),
            endpoint=str(body.get("endpoint") or ""),
            p256dh=str(keys.get("p256dh") or ""),
            auth=str(keys.get("auth") or ""),
        )
    except DomainError as error:
        return JsonResponse({"detail": error.message, "field": error.field}, status=400)
    return JsonResponse({"subscribed": True}, status=201)


@rules.signed_in
@require_POST
def push_unsubscribe(request: HttpRequest) -> JsonResponse:
    try:
        body = _json_body(request)
    except DomainError as error:
        return JsonResponse({"detail": error.message}, status=400)
    removed = push.unsubscribe(user=_user(request), endpoint=str(body.get("endpoint") or ""))
    return JsonResponse({"removed": removed})


def _open_url(notification: Notification) -> str:
    return reverse("notifications:open", args=[notification.pk])


@rules.signed_in
def latest(request: HttpRequest) -> JsonResponse:
    """Unread notifications newer than ``after`` (an id), for an open tab to show with the
    browser's Notification API when there is no push service set up."""
    user = _user(request)
    try:
        after = int(request.GET.get("after", "0"))
    except ValueError:
        return JsonResponse(
            {"detail": "after: give the id of the newest notification seen."}, status=400
        )
    rows = Notification.objects.filter(user=user, read_at__isnull=True, pk__gt=after)[:5]
    return JsonResponse(
        {
            "push": user.push_notifications,
            "web_push": push.push_ready(),
            "notifications": [
                {
                    "id": n.pk,
                    "title": n.title,
                    "body": n.body[:300],
                    "url": f"/notifications/{n.pk}/open/",
                }
                for n in rows
            ],
            "newest": max([after, *(n.pk for n in rows)]),
        }
    )
