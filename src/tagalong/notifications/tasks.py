"""Background jobs that send messages. They take ids and re-check state before acting."""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from tagalong.accounts.models import Invitation
from tagalong.notifications.email import language_of, send_templated


@task()
def send_invitation_email(invitation_id: int) -> str:
    invitation = (
        Invitation.objects.select_related("coach", "practice").filter(pk=invitation_id).first()
    )
    if invitation is None:
        return "gone"
    status = invitation.status(timezone.now())
    if status != "pending":
        return status
    send_templated(
        template="invitation",
        to=[invitation.email],
        context={
            "invitation": invitation,
            "coach": invitation.coach,
            "practice": invitation.practice,
            "path": f"/invite/{invitation.token()}/",
        },
        stranger_language=language_of(invitation.coach),
    )
    return "sent"


@task()
def push_notification(notification_id: int) -> str:
    """Send a saved notification to the person's browsers (web push), if they chose that."""
    from tagalong.notifications.models import Notification
    from tagalong.notifications.push import send

    notification = Notification.objects.select_related("user").filter(pk=notification_id).first()
    if notification is None or notification.is_read:
        return "gone"
    return f"sent to {send(notification)}"
