"""Announcements reach members in the app at once, and by email under the message rules: one
email per member and announcement, only after it waited unread for ``WAIT`` (a member who read
it in the app gets none), never 22:00–07:00 in the member's zone (``messaging.quiet``)."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.urls import reverse
from django.utils.translation import gettext

from tagalong.accounts.models import User
from tagalong.messaging.extras import LIMIT, InboxItem
from tagalong.messaging.quiet import in_quiet_hours
from tagalong.notifications.email import send_templated
from tagalong.notifications.models import Notification
from tagalong.programmes.models import Announcement, AnnouncementEmail, Programme

KIND = "programme_announcement"
WAIT = timedelta(minutes=15)
GIVE_UP_AFTER = timedelta(days=3)  # an email older news would be noise
BATCH = 500


def announcement_url(announcement: Announcement) -> str:
    page = reverse("programmes:member", kwargs={"slug": announcement.programme.slug})
    return f"{page}#announcement-{announcement.pk}"


def read_on_page(user: User, programme: Programme, now: datetime) -> int:
    """The member opened the programme's page: its announcements are read."""
    page = reverse("programmes:member", kwargs={"slug": programme.slug})
    return Notification.objects.filter(
        user=user, kind=KIND, url__startswith=f"{page}#", read_at__isnull=True
    ).update(read_at=now)


def _zone_of(user: User) -> str:
    profile = getattr(user, "athlete_profile", None)
    return profile.time_zone if profile is not None else user.time_zone


def send_waiting_emails(now: datetime) -> int:
    sent = 0
    due = AnnouncementEmail.objects.filter(
        sent_at__isnull=True,
        skipped=False,
        announcement__created_at__lte=now - WAIT,
    ).select_related("announcement__programme__coach", "user__athlete_profile")[:BATCH]
    for row in due:
        announcement = row.announcement
        url = announcement_url(announcement)
        read = Notification.objects.filter(
            user=row.user, kind=KIND, url=url, read_at__isnull=False
        ).exists()
        if read or not row.user.is_active or announcement.created_at < now - GIVE_UP_AFTER:
            AnnouncementEmail.objects.filter(pk=row.pk).update(skipped=True)
            continue
        if in_quiet_hours(now, _zone_of(row.user)):
            continue  # the first tick after 07:00 their time sends it
        claimed = AnnouncementEmail.objects.filter(pk=row.pk, sent_at__isnull=True).update(
            sent_at=now
        )
        if not claimed:
            continue  # another worker took it
        send_templated(
            template="programme_announcement",
            to=[row.user.email],
            context={
                "user": row.user,
                "announcement": announcement,
                "programme": announcement.programme,
                "path": url,
            },
        )
        sent += 1
    return sent


def inbox_items(user: User) -> list[InboxItem]:
    """The announcements of the runner's programmes, for the messaging inbox (read only)."""
    from tagalong.programmes.models import PlaceStatus

    if not user.is_athlete:
        return []
    latest = (
        Announcement.objects.filter(
            programme__places__athlete__user=user,
            programme__places__status__in=[PlaceStatus.ACTIVE, PlaceStatus.FINISHED],
        )
        .distinct()
        .select_related("programme__coach")
        .order_by("-created_at", "-pk")[:LIMIT]
    )
    urls = [announcement_url(a) for a in latest]
    unread = set(
        Notification.objects.filter(
            user=user, kind=KIND, url__in=urls, read_at__isnull=True
        ).values_list("url", flat=True)
    )
    return [
        InboxItem(
            heading=gettext("%(title)s, from %(coach)s")
            % {"title": a.programme.title, "coach": a.programme.coach.full_name},
            text=a.text,
            at=a.created_at,
            url=url,
            unread=url in unread,
        )
        for a, url in zip(latest, urls, strict=True)
    ]
