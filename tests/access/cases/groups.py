from __future__ import annotations

from tagalong.athletes.groups import save_group
from tests.access.matrix import LOGIN, Case, statuses


def _group_of_coach_a(world):  # type: ignore[no-untyped-def]
    group = save_group(coach=world.coach_a, name="Tuesday squad", member_ids=[world.athlete_a.pk])
    return {"group_id": group.pk}


OWNER_ONLY = statuses(403, anonymous=LOGIN, coach_a=200, colleague=404, coach_other=404)
OWNER_ONLY_API = statuses(403, anonymous=401, coach_a=200, colleague=404, coach_other=404)

PAGES = {
    "athletes:groups": Case(
        statuses(403, anonymous=LOGIN, coach_a=200, colleague=200, coach_other=200)
    ),
    "athletes:group_edit": Case(OWNER_ONLY, kwargs=_group_of_coach_a),
    "athletes:group_delete": Case(
        {**OWNER_ONLY, "coach_a": 302}, method="post", kwargs=_group_of_coach_a
    ),
}

API = {
    "GET /api/groups": Case(
        statuses(403, anonymous=401, coach_a=200, colleague=200, coach_other=200)
    ),
    "POST /api/groups": Case(
        # Only coach A coaches athlete A, so only coach A may put her in a group.
        statuses(403, anonymous=401, coach_a=201, colleague=400, coach_other=400),
        method="post",
        data=lambda w: {"name": "Hill group", "member_ids": [w.athlete_a.pk]},
    ),
    "GET /api/groups/{group_id}": Case(OWNER_ONLY_API, kwargs=_group_of_coach_a),
    "PUT /api/groups/{group_id}": Case(
        OWNER_ONLY_API,
        method="put",
        kwargs=_group_of_coach_a,
        data=lambda w: {"name": "Renamed", "member_ids": []},
    ),
    "DELETE /api/groups/{group_id}": Case(
        {**OWNER_ONLY_API, "coach_a": 204}, method="delete", kwargs=_group_of_coach_a
    ),
}
