"""Calendar feed operations: the private feed URL, and making a new one."""

from django.http import HttpRequest
from django.urls import reverse
from ninja import Schema, Status

from tagalong.access import rules
from tagalong.access.policy import athlete_for
from tagalong.accounts.models import User
from tagalong.api.schemas import ERRORS
from tagalong.plans.api.router import router
from tagalong.plans.selectors.exports import live_feed_token
from tagalong.plans.services.feed_tokens import rotate_feed_token


class FeedOut(Schema):
    url: str | None


def _feed_out(request: HttpRequest, token: str | None) -> FeedOut:
    if token is None:
        return FeedOut(url=None)
    return FeedOut(url=request.build_absolute_uri(reverse("plans:feed", kwargs={"token": token})))


@router.get(
    "/athletes/{athlete_id}/calendar-feed",
    response={200: FeedOut, **ERRORS},
    summary="The private calendar feed URL",
    operation_id="tagalong_plans_api_get_feed",
)
@rules.athlete_scoped
def get_feed(request: HttpRequest, athlete_id: int) -> FeedOut:
    athlete = athlete_for(request.user, athlete_id, write=True)
    live = live_feed_token(athlete)
    return _feed_out(request, live.token if live else None)


@router.post(
    "/athletes/{athlete_id}/calendar-feed",
    response={201: FeedOut, **ERRORS},
    summary="Make a new feed URL (the old one stops working)",
    operation_id="tagalong_plans_api_rotate_feed",
)
@rules.athlete_scoped
def rotate_feed(request: HttpRequest, athlete_id: int) -> Status:
    athlete = athlete_for(request.user, athlete_id, write=True)
    assert isinstance(request.user, User)
    token = rotate_feed_token(athlete=athlete, by=request.user)
    return Status(201, _feed_out(request, token.token))
