from datetime import datetime

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Query, Router, Schema
from pydantic import Field

from tagalong.access import rules
from tagalong.accounts.models import User
from tagalong.api.pagination import PageQuery, one_page
from tagalong.api.schemas import ERRORS, RowId
from tagalong.notifications.models import Notification
from tagalong.notifications.services import mark_read

router = Router(tags=["notifications"])

LIST_LIMIT = 100


class NotificationOut(Schema):
    id: int
    kind: str
    title: str
    body: str
    url: str
    created_at: datetime
    read_at: datetime | None


class ReadIn(Schema):
    ids: list[RowId] | None = Field(default=None, max_length=500, description="omit to mark all")


class ReadOut(Schema):
    marked: int


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


@router.get("/notifications", response={200: list[NotificationOut], **ERRORS})
@rules.signed_in
def list_notifications(
    request: HttpRequest, response: HttpResponse, page: Query[PageQuery], unread: bool = False
) -> list[Notification]:
    mine = Notification.objects.filter(user=_user(request))
    if unread:
        mine = mine.filter(read_at__isnull=True)
    return one_page(request, response, mine, page)


@router.post("/notifications/read", response={200: ReadOut, **ERRORS})
@rules.signed_in
def post_read(request: HttpRequest, payload: ReadIn) -> ReadOut:
    return ReadOut(marked=mark_read(_user(request), now=timezone.now(), ids=payload.ids))
