from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext

from tagalong.notifications.services import unread_count
from tagalong.web.navigation import entries_for


def navigation(request: HttpRequest) -> dict[str, object]:
    """The navigation for the signed-in person's role, as (label, url, active) triples."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": [], "unread_notifications": 0}
    items = []
    for entry in entries_for(user.role):
        url = reverse(entry.url_name)
        active = request.path == url or (url != "/" and request.path.startswith(url))
        items.append((gettext(entry.label), url, active))  # labels: web.nav_words
    return {"nav_items": items, "unread_notifications": unread_count(user)}
