"""Who can see my data: the runner's own page and API. Only athletes; each their own."""

from __future__ import annotations

from tagalong.athletes.models import PracticeConsent
from tests.access.matrix import LOGIN, Case, statuses


def _consent_a(world):  # type: ignore[no-untyped-def]
    """athlete_a's permission for the colleague (made by make_world)."""
    return {"consent_id": PracticeConsent.objects.get(athlete=world.athlete_a).pk}


def _allow_unasked(world):  # type: ignore[no-untyped-def]
    return {"colleague": world.colleague_no_consent.pk}


RUNNERS = statuses(403, anonymous=LOGIN, athlete_a=200, athlete_b=200)
API_RUNNERS = statuses(403, anonymous=401, athlete_a=200, athlete_b=200)

PAGES = {
    "athletes:privacy": Case(RUNNERS),
    # athlete_b has no coach at that practice: the colleague is nobody to them (404).
    "athletes:allow_consent": Case(
        statuses(403, anonymous=LOGIN, athlete_a=302, athlete_b=404),
        method="post",
        data=_allow_unasked,
    ),
    "athletes:withdraw_consent": Case(
        statuses(403, anonymous=LOGIN, athlete_a=302, athlete_b=404),
        method="post",
        kwargs=_consent_a,
    ),
}

API = {
    "GET /api/me/visibility": Case(API_RUNNERS),
    "GET /api/me/consents": Case(API_RUNNERS),
    "POST /api/me/consents": Case(
        statuses(403, anonymous=401, athlete_a=201, athlete_b=404),
        method="post",
        data=lambda w: {"colleague_id": w.colleague_no_consent.pk},
    ),
    "DELETE /api/me/consents/{consent_id}": Case(
        statuses(403, anonymous=401, athlete_a=204, athlete_b=404),
        method="delete",
        kwargs=_consent_a,
    ),
}
