"""A coach's own exercises in plans: offered from the coach's practice, refused from any other,
shown by name with a link that the athlete whose plan uses it can open."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from tagalong.accounts.models import Practice
from tagalong.assessments import services as exercise_services
from tagalong.assessments.models import CustomExercise
from tagalong.errors import DomainError
from tagalong.plans.models import Plan, PlanSession
from tagalong.plans.selectors.exports import feed_bytes
from tagalong.plans.services.edits import UNKNOWN_EXERCISE, add_exercise
from tests.factories import World

pytestmark = pytest.mark.django_db

FIELDS: dict[str, Any] = {
    "name": "Wall sit with calf raise",
    "category": "calf",
    "description": "A long hold for the soleus.",
    "cues": ["Back flat on the wall"],
    "common_mistakes": [],
    "regression": "",
    "progression": "",
    "equipment": ["wall"],
    "muscles": ["soleus"],
    "sets": 4,
    "reps": None,
    "hold_s": 45,
    "tempo": "",
    "load": "body weight",
    "frequency": "3 sessions a week",
}


def write_exercise(author, **changes: Any) -> CustomExercise:  # type: ignore[no-untyped-def]
    return exercise_services.create_custom_exercise(author=author, data={**FIELDS, **changes})


def signed_in(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


def a_session(plan: Plan, kind: str = "run") -> PlanSession:
    session = plan.sessions.filter(kind=kind).order_by("date").first()
    assert session is not None
    return session


def add_url(world: World, session: PlanSession) -> str:
    kwargs = {"athlete_id": world.athlete_a.pk, "session_id": session.pk}
    return reverse("plans:add_exercise", kwargs=kwargs)


def session_url(world: World, session: PlanSession) -> str:
    kwargs = {"athlete_id": world.athlete_a.pk, "session_id": session.pk}
    return reverse("plans:session", kwargs=kwargs)


def test_coach_adds_own_exercise_and_the_athlete_sees_and_opens_it(
    world: World, plan: Plan
) -> None:
    exercise = write_exercise(world.coach_a)
    session = a_session(plan)
    response = signed_in(world.coach_a).post(add_url(world, session), {"slug": exercise.slug})
    assert response.status_code == 302
    session.refresh_from_db()
    added = session.exercises[-1]
    assert added == {
        "slug": exercise.slug,
        "sets": 4,
        "reps": None,
        "hold_s": 45,
        "load": "body weight",
    }
    athlete = signed_in(world.athlete_a.user)
    page = athlete.get(session_url(world, session)).content.decode()
    link = reverse("assessments:custom_exercise", kwargs={"exercise_id": exercise.pk})
    assert f'<a href="{link}">Wall sit with calf raise</a>' in page
    assert "4 × 45 s hold (body weight)" in page
    assert "Wall sit with calf raise" in athlete.get(link).content.decode()


def test_the_athlete_cannot_open_it_before_it_is_in_their_plan(world: World) -> None:
    exercise = write_exercise(world.coach_a)
    link = reverse("assessments:custom_exercise", kwargs={"exercise_id": exercise.pk})
    assert signed_in(world.athlete_a.user).get(link).status_code == 404


def test_the_builder_offers_the_practices_exercises_and_not_other_practices(
    world: World, plan: Plan
) -> None:
    colleagues = write_exercise(world.colleague, name="Soleus hold for the team")
    foreign = write_exercise(world.coach_other, name="Secret drill")
    page = signed_in(world.coach_a).get(session_url(world, a_session(plan))).content.decode()
    assert (
        f'value="{colleagues.slug}"' in page and "Soleus hold for the team (by Colleague)" in page
    )
    assert foreign.slug not in page and "Secret drill" not in page


def test_a_colleagues_exercise_can_be_added(world: World, plan: Plan) -> None:
    exercise = write_exercise(world.colleague)
    session = a_session(plan)
    response = signed_in(world.coach_a).post(add_url(world, session), {"slug": exercise.slug})
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.exercises[-1]["slug"] == exercise.slug


def test_an_exercise_of_another_practice_is_refused_with_a_clear_message(
    world: World, plan: Plan
) -> None:
    foreign = write_exercise(world.coach_other, name="Secret drill")
    session = a_session(plan)
    before = list(session.exercises)
    response = signed_in(world.coach_a).post(add_url(world, session), {"slug": foreign.slug})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Pick an exercise from the library or from your practice&#x27;s own exercises." in page
    assert "Secret drill" not in page  # its existence is not revealed
    session.refresh_from_db()
    assert session.exercises == before
    with pytest.raises(DomainError) as refused:
        add_exercise(session=session, by=world.coach_a, slug=foreign.slug)
    assert refused.value.message == UNKNOWN_EXERCISE and refused.value.field == "slug"


@pytest.mark.parametrize("slug", ["custom-999999", "custom-99999999999999999999", "custom-x"])
def test_a_custom_slug_that_names_nothing_is_refused(world: World, plan: Plan, slug: str) -> None:
    with pytest.raises(DomainError, match="your practice's own exercises"):
        add_exercise(session=a_session(plan), by=world.coach_a, slug=slug)


def test_refused_when_the_athlete_is_not_coached_in_the_exercises_practice(
    world: World, plan: Plan
) -> None:
    exercise = write_exercise(world.coach_a)
    # The coach moved on to another practice; the athlete's link stays with the old one.
    world.athlete_a.links.update(practice=Practice.objects.create(name="Old practice"))
    with pytest.raises(DomainError, match="could not open it"):
        add_exercise(session=a_session(plan), by=world.coach_a, slug=exercise.slug)


def test_the_builder_card_and_print_view_name_it_with_a_link(world: World, plan: Plan) -> None:
    exercise = write_exercise(world.coach_a)
    add_exercise(session=a_session(plan), by=world.coach_a, slug=exercise.slug)
    link = reverse("assessments:custom_exercise", kwargs={"exercise_id": exercise.pk})
    kwargs = {"athlete_id": world.athlete_a.pk, "plan_id": plan.pk}
    for viewer in (world.coach_a, world.athlete_a.user):
        for name in ("plans:detail", "plans:print"):
            page = signed_in(viewer).get(reverse(name, kwargs=kwargs)).content.decode()
            assert f'<a href="{link}">Wall sit with calf raise</a>' in page, (viewer, name)


def test_the_calendar_feed_names_it(world: World, plan: Plan) -> None:
    exercise = write_exercise(world.coach_a)
    add_exercise(session=a_session(plan), by=world.coach_a, slug=exercise.slug)
    now = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
    feed = feed_bytes(world.athlete_a, now=now).decode().replace("\r\n ", "")
    assert "Wall sit with calf raise: 4 × 45 s hold (body weight)" in feed
    assert exercise.slug not in feed


def test_a_run_with_a_custom_exercise_still_downloads_as_a_fit_workout(
    world: World, plan: Plan
) -> None:
    exercise = write_exercise(world.coach_a)
    session = a_session(plan)
    add_exercise(session=session, by=world.coach_a, slug=exercise.slug)
    kwargs = {"athlete_id": world.athlete_a.pk, "session_id": session.pk}
    response = signed_in(world.athlete_a.user).get(reverse("plans:workout_fit", kwargs=kwargs))
    assert response.status_code == 200 and response.content[8:12] == b".FIT"


def test_a_deleted_exercise_stays_in_the_plan_without_a_name_or_link(
    world: World, plan: Plan
) -> None:
    exercise = write_exercise(world.coach_a)
    session = a_session(plan)
    add_exercise(session=session, by=world.coach_a, slug=exercise.slug)
    exercise_services.delete_custom_exercise(exercise=exercise, by=world.coach_a)
    page = signed_in(world.athlete_a.user).get(session_url(world, session)).content.decode()
    assert "Coach&#x27;s exercise (no longer available)" in page
    assert "/exercises/custom/" not in page


# --- the API --------------------------------------------------------------------------------


def patch(world: World, user, plan: Plan, session: PlanSession, body: dict[str, Any]):  # type: ignore[no-untyped-def]
    url = f"/api/athletes/{world.athlete_a.pk}/plans/{plan.pk}/sessions/{session.pk}"
    return signed_in(user).patch(url, data=json.dumps(body), content_type="application/json")


def test_api_adds_a_practice_exercise_with_its_own_dosage(world: World, plan: Plan) -> None:
    exercise = write_exercise(world.colleague)
    session = a_session(plan)
    body = {"add_exercises": [{"slug": exercise.slug}, {"slug": exercise.slug, "sets": 2}]}
    response = patch(world, world.coach_a, plan, session, body)
    assert response.status_code == 200
    added = response.json()["exercises"][-2:]
    assert [(e["slug"], e["sets"], e["hold_s"]) for e in added] == [
        (exercise.slug, 4, 45),
        (exercise.slug, 2, 45),
    ]


def test_api_refuses_another_practices_exercise_and_changes_nothing(
    world: World, plan: Plan
) -> None:
    foreign = write_exercise(world.coach_other)
    session = a_session(plan)
    before = (session.duration_min, list(session.exercises), plan.current_version)
    body = {"duration_min": 21, "add_exercises": [{"slug": foreign.slug}]}
    response = patch(world, world.coach_a, plan, session, body)
    assert response.status_code == 400
    assert response.json()["error"] == {
        "code": "invalid",
        "message": UNKNOWN_EXERCISE,
        "field": "slug",
        "details": None,
    }
    session.refresh_from_db()
    plan.refresh_from_db()
    assert (session.duration_min, session.exercises, plan.current_version) == before


def test_api_still_only_lets_the_athletes_coach_add_exercises(world: World, plan: Plan) -> None:
    exercise = write_exercise(world.coach_a)
    body = {"add_exercises": [{"slug": exercise.slug}]}
    session = a_session(plan)
    assert patch(world, world.athlete_a.user, plan, session, body).status_code == 403
    assert patch(world, world.colleague, plan, session, body).status_code == 403
    assert patch(world, world.coach_other, plan, session, body).status_code == 404
