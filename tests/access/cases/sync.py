from __future__ import annotations

from tests.access.matrix import LOGIN, Case, statuses


def _athlete_a(world):  # type: ignore[no-untyped-def]
    return {"athlete_id": world.athlete_a.pk}


READ = statuses(404, anonymous=LOGIN, athlete_a=200, coach_a=200, colleague=200, staff=200)
# Only the runner connects or removes their own key; their coach may start a sync.
OWN_POST = statuses(404, anonymous=LOGIN, athlete_a=302, coach_a=403, colleague=403, staff=403)
WRITE_POST = statuses(404, anonymous=LOGIN, athlete_a=302, coach_a=302, colleague=403, staff=403)
# A connect with an empty form answers the page again with its errors, without calling out.
OWN_FORM = statuses(404, anonymous=LOGIN, athlete_a=400, coach_a=403, colleague=403, staff=403)

PAGES = {
    "sync:mine": Case(statuses(403, anonymous=LOGIN, athlete_a=302, athlete_b=302)),
    "sync:page": Case(READ, kwargs=_athlete_a),
    "sync:connect": Case(OWN_FORM, method="post", kwargs=_athlete_a),
    "sync:disconnect": Case(OWN_POST, method="post", kwargs=_athlete_a),
    "sync:now": Case(WRITE_POST, method="post", kwargs=_athlete_a),
}
