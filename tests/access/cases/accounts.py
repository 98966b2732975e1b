from __future__ import annotations

from tagalong.accounts.models import ApiToken
from tests.access.matrix import LOGIN, Case, statuses
from tests.factories import make_invitation

SIGNED_IN = statuses(200, anonymous=LOGIN)


def _athlete_a_token(world):  # type: ignore[no-untyped-def]
    token = ApiToken.objects.create(
        user=world.athlete_a.user, name="script", token_hash="x" * 64, hint="abcd"
    )
    return {"token_id": token.pk}


def _invitation_token(world):  # type: ignore[no-untyped-def]
    return {"token": make_invitation(coach=world.coach_a).token()}


PAGES = {
    "accounts:login": Case(statuses(302, anonymous=200)),
    "accounts:logout": Case(statuses(302), method="post"),
    "accounts:password_reset": Case(statuses(200)),
    "accounts:password_reset_done": Case(statuses(200)),
    "accounts:password_reset_confirm": Case(
        statuses(200), kwargs=lambda w: {"uidb64": "MQ", "token": "bad-token"}
    ),
    "accounts:password_reset_complete": Case(statuses(200)),
    "accounts:password_change": Case(SIGNED_IN),
    "accounts:settings": Case(SIGNED_IN),
    "accounts:create_token": Case(SIGNED_IN, method="post", data=lambda w: {"name": "laptop"}),
    "accounts:revoke_token": Case(
        statuses(404, anonymous=LOGIN, athlete_a=302), method="post", kwargs=_athlete_a_token
    ),
    "invitation": Case(statuses(200), kwargs=_invitation_token),
    "accounts:language": Case(
        statuses(302, anonymous=LOGIN), method="post", data=lambda w: {"language": "de"}
    ),
    "accounts:notifications": Case(
        statuses(302, anonymous=LOGIN), method="post", data=lambda w: {"push_notifications": "on"}
    ),
    # Only a coach has a practice to describe.
    "accounts:practice": Case(
        statuses(403, anonymous=LOGIN, coach_a=302, colleague=302, coach_other=302),
        method="post",
        data=lambda w: {"name": "Practice", "bio": "About us"},
    ),
    "accounts:units": Case(
        statuses(302, anonymous=LOGIN), method="post", data=lambda w: {"units": "mi"}
    ),
}

API = {
    "GET /api/me": Case(statuses(200, anonymous=401)),
    "GET /api/links": Case(statuses(200, anonymous=401)),
    "POST /api/links/{link_id}/end": Case(
        statuses(404, anonymous=401, athlete_a=200, coach_a=200),
        method="post",
        kwargs=lambda w: {"link_id": w.athlete_a.links.get().pk},
    ),
    "GET /api/invitations": Case(
        statuses(403, anonymous=401, coach_a=200, colleague=200, coach_other=200)
    ),
    "POST /api/invitations": Case(
        statuses(403, anonymous=401, coach_a=201, colleague=201, coach_other=201),
        method="post",
        data=lambda w: {"email": "fresh.runner@example.org", "message": "Welcome"},
    ),
    "POST /api/invitations/{invitation_id}/revoke": Case(
        statuses(403, anonymous=401, coach_a=200, colleague=404, coach_other=404),
        method="post",
        kwargs=lambda w: {"invitation_id": make_invitation(coach=w.coach_a).pk},
    ),
}
