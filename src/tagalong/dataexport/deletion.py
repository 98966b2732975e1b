"""Deleting an account: asked in Settings, confirmed from the email, carried out after a
14-day grace period in which it can be cancelled."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.core import signing
from django.db import transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from tagalong.accounts.models import User
from tagalong.audit.services import record
from tagalong.dataexport.models import DeletionRequest
from tagalong.errors import DomainError
from tagalong.notifications.services import notify
from tagalong.wording import Phrase

GRACE = timedelta(days=14)
CONFIRM_WITHIN_S = 2 * 24 * 3600
SALT = "tagalong.dataexport.delete"


def open_request(user: User) -> DeletionRequest | None:
    return DeletionRequest.objects.filter(
        user=user, cancelled_at__isnull=True, completed_at__isnull=True
    ).first()


def confirm_url(request: DeletionRequest) -> str:
    token = signing.dumps({"r": request.pk, "u": request.user_ref}, salt=SALT)
    return reverse("dataexport:confirm_deletion", kwargs={"token": token})


def request_from_token(token: str) -> DeletionRequest | None:
    try:
        data = signing.loads(token, salt=SALT, max_age=CONFIRM_WITHIN_S)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict):
        return None
    found = DeletionRequest.objects.filter(pk=data.get("r"), user_ref=data.get("u")).first()
    return found if found is not None and found.is_open else None


@transaction.atomic
def request_deletion(*, user: User, now: datetime | None = None) -> DeletionRequest:
    from tagalong.dataexport.tasks import send_deletion_confirmation

    if open_request(user) is not None:
        raise DomainError(
            gettext("You have already asked to delete your account; see the dates below."),
            field="deletion",
        )
    request = DeletionRequest.objects.create(
        user=user, user_ref=user.pk, role=user.role, requested_at=now or timezone.now()
    )
    record(actor=user, action="account.deletion_requested", target=request)
    transaction.on_commit(lambda: send_deletion_confirmation.enqueue(request.pk))
    return request


@transaction.atomic
def confirm_deletion(*, request: DeletionRequest, now: datetime | None = None) -> DeletionRequest:
    now = now or timezone.now()
    if request.confirmed_at is not None:
        return request
    request.confirmed_at = now
    request.scheduled_for = now + GRACE
    request.save(update_fields=["confirmed_at", "scheduled_for"])
    record(
        actor=request.user,
        action="account.deletion_confirmed",
        target=request,
        scheduled_for=request.scheduled_for.isoformat(),
    )
    if request.user is not None:
        notify(
            request.user,
            kind="account_deletion",
            title=Phrase(
                "Your account will be deleted on {day:%d %B %Y}", day=request.scheduled_for
            ),
            body=Phrase("Until then you can cancel in Settings."),
            url=reverse("dataexport:mine"),
        )
    return request


@transaction.atomic
def cancel_deletion(*, user: User, now: datetime | None = None) -> DeletionRequest:
    request = open_request(user)
    if request is None:
        raise DomainError(gettext("There is no deletion to cancel."), field="deletion")
    request.cancelled_at = now or timezone.now()
    request.save(update_fields=["cancelled_at"])
    record(actor=user, action="account.deletion_cancelled", target=request)
    return request


def _due(now: datetime) -> QuerySet[DeletionRequest]:
    """Confirmed, not cancelled, past the grace period, and not taken up by a worker in the
    last hour (one that died part-way is taken up again)."""
    return DeletionRequest.objects.filter(
        Q(started_at__isnull=True) | Q(started_at__lte=now - timedelta(hours=1)),
        confirmed_at__isnull=False,
        cancelled_at__isnull=True,
        completed_at__isnull=True,
        scheduled_for__lte=now,
    )


def due_requests(now: datetime) -> list[int]:
    return list(_due(now).values_list("pk", flat=True)[:50])


def carry_out(request_id: int, *, now: datetime) -> bool:
    """Claim one due request (a conditional update, so two workers never both run it) and
    erase the account."""
    from tagalong.dataexport.erasure import erase_account

    if not _due(now).filter(pk=request_id).update(started_at=now):
        return False
    request = DeletionRequest.objects.select_related("user").get(pk=request_id)
    erase_account(request=request, now=now)
    return True
