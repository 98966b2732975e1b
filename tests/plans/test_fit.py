from __future__ import annotations

import io

import fitdecode
from django.urls import reverse

from tagalong.plans.models import Plan
from tests.factories import World


def test_run_session_downloads_as_a_fit_workout(world: World, plan: Plan, client_for) -> None:  # type: ignore[no-untyped-def]
    session = plan.sessions.filter(kind="run").exclude(pace_fast_s_per_km=None).first()
    assert session is not None
    url = reverse(
        "plans:workout_fit", kwargs={"athlete_id": world.athlete_a.pk, "session_id": session.pk}
    )
    response = client_for(world.athlete_a.user).get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.ant.fit"
    assert (
        f'filename="{session.date:%Y-%m-%d}-{session.run_type}.fit"'
        in response["Content-Disposition"]
    )
    with fitdecode.FitReader(io.BytesIO(response.content)) as reader:
        messages = [f for f in reader if isinstance(f, fitdecode.FitDataMessage)]
    file_id = next(m for m in messages if m.name == "file_id")
    assert file_id.get_value("type") == "workout"
    steps = [m for m in messages if m.name == "workout_step"]
    assert len(steps) >= 1


def test_non_run_session_has_no_workout_file(world: World, plan: Plan, client_for) -> None:  # type: ignore[no-untyped-def]
    session = plan.sessions.exclude(kind="run").first()
    assert session is not None
    url = reverse(
        "plans:workout_fit", kwargs={"athlete_id": world.athlete_a.pk, "session_id": session.pk}
    )
    assert client_for(world.athlete_a.user).get(url).status_code == 404
