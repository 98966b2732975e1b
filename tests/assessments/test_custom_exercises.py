"""Coaches' own exercises: written by one coach, read by the practice, never by other practices."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.test import Client

from tagalong.access.policy import visible_custom_exercises
from tagalong.assessments import services
from tagalong.assessments.models import CustomExercise
from tagalong.audit.models import AuditEntry
from tagalong.errors import DomainError
from tagalong.exercises import LIBRARY
from tagalong.plans.models import Plan, PlanSession
from tests.factories import World

pytestmark = pytest.mark.django_db

FIELDS: dict[str, Any] = {
    "name": "Wall sit with calf raise",
    "category": "calf",
    "description": "A long hold for the soleus.",
    "cues": ["Back flat on the wall", "Lift both heels"],
    "common_mistakes": ["Knees past the toes"],
    "regression": "double-leg-heel-raise",
    "progression": "",
    "equipment": ["wall"],
    "muscles": ["soleus", "quadriceps"],
    "sets": 3,
    "reps": None,
    "hold_s": 45,
    "tempo": "",
    "load": "body weight",
    "frequency": "3 sessions a week",
}
FORM = {
    **{k: v for k, v in FIELDS.items() if v not in (None, "")},
    "cues": "Back flat on the wall\nLift both heels",
    "common_mistakes": "Knees past the toes",
    "muscles": "soleus, quadriceps",
}


def make(world: World, **changes: Any) -> CustomExercise:
    return services.create_custom_exercise(author=world.coach_a, data={**FIELDS, **changes})


def signed_in(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


def use_in_plan(athlete, slug: str) -> None:  # type: ignore[no-untyped-def]
    plan = Plan.objects.create(
        athlete=athlete,
        title="Build",
        goal_type="general",
        start=date(2026, 3, 1),
        end=date(2026, 5, 1),
    )
    PlanSession.objects.create(
        plan=plan, date=date(2026, 3, 3), kind="strength", exercises=[{"slug": slug, "sets": 3}]
    )


def test_no_library_slug_can_be_mistaken_for_a_custom_one() -> None:
    assert not [slug for slug in LIBRARY if slug.startswith("custom-")]


def test_a_coach_writes_an_exercise_on_the_page_and_the_practice_sees_it_by_them(
    world: World,
) -> None:
    response = signed_in(world.coach_a).post("/exercises/custom/new/", FORM)
    exercise = CustomExercise.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/{exercise.pk}/")
    assert exercise.cues == FIELDS["cues"] and exercise.muscles == ["soleus", "quadriceps"]
    assert exercise.dosage.summary() == "3 x 45 s, body weight, 3 sessions a week"
    listing = signed_in(world.colleague).get("/exercises/").content.decode()
    assert "Wall sit with calf raise" in listing and "by Coach A" in listing
    assert "Single-leg heel raise" in listing  # the library is listed alongside
    page = signed_in(world.colleague).get(f"/exercises/custom/{exercise.pk}/").content.decode()
    assert "Back flat on the wall" in page and "Edit</a>" not in page
    assert "Double-leg heel raise" in page  # the regression link resolves to the library
    assert AuditEntry.objects.filter(action="exercise.created").exists()


def test_other_practices_and_anonymous_visitors_never_see_it(world: World) -> None:
    exercise = make(world)
    for client in (signed_in(world.coach_other), Client()):
        assert "Wall sit" not in client.get("/exercises/").content.decode()
    assert signed_in(world.coach_other).get(f"/exercises/custom/{exercise.pk}/").status_code == 404
    assert signed_in(world.coach_other).get("/api/custom-exercises").json() == []
    assert list(visible_custom_exercises(world.coach_other)) == []


def test_a_colleague_may_read_but_not_change_or_delete(world: World) -> None:
    exercise = make(world)
    colleague = signed_in(world.colleague)
    assert colleague.post(f"/exercises/custom/{exercise.pk}/edit/", FORM).status_code == 403
    assert colleague.post(f"/exercises/custom/{exercise.pk}/delete/").status_code == 403
    response = colleague.put(
        f"/api/custom-exercises/{exercise.pk}", FIELDS, content_type="application/json"
    )
    assert response.status_code == 403
    assert CustomExercise.objects.get().name == FIELDS["name"]


def test_athletes_see_it_only_where_it_is_used_in_their_plan(world: World) -> None:
    exercise = make(world)
    athlete = signed_in(world.athlete_a.user)
    assert athlete.get(f"/exercises/custom/{exercise.pk}/").status_code == 404
    use_in_plan(world.athlete_a, exercise.slug)
    assert athlete.get(f"/exercises/custom/{exercise.pk}/").status_code == 200
    assert "Wall sit with calf raise" in athlete.get("/exercises/").content.decode()
    assert [e["slug"] for e in athlete.get("/api/custom-exercises").json()] == [exercise.slug]


def test_an_athlete_of_another_practice_never_sees_it_even_if_their_plan_names_it(
    world: World,
) -> None:
    exercise = make(world)
    use_in_plan(world.athlete_b, exercise.slug)
    athlete_b = signed_in(world.athlete_b.user)
    assert athlete_b.get(f"/exercises/custom/{exercise.pk}/").status_code == 404
    assert "Wall sit" not in athlete_b.get("/exercises/").content.decode()


def test_the_author_edits_and_deletes_through_the_api(world: World) -> None:
    client = signed_in(world.coach_a)
    created = client.post("/api/custom-exercises", FIELDS, content_type="application/json")
    assert created.status_code == 201 and created.json()["can_edit"] is True
    url = f"/api/custom-exercises/{created.json()['id']}"
    changed = client.put(url, {**FIELDS, "name": "Wall sit"}, content_type="application/json")
    assert changed.status_code == 200 and changed.json()["name"] == "Wall sit"
    assert client.delete(url).status_code == 204
    assert not CustomExercise.objects.exists()


def test_the_api_names_the_bad_field(world: World) -> None:
    response = signed_in(world.coach_a).post(
        "/api/custom-exercises",
        {**FIELDS, "equipment": ["trampoline"]},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["error"]["field"] == "equipment"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": "  "}, "name"),
        ({"category": "yoga"}, "category"),
        ({"cues": []}, "cues"),
        ({"muscles": [""]}, "muscles"),
        ({"equipment": []}, "equipment"),
        ({"sets": 0}, "sets"),
        ({"sets": 21}, "sets"),
        ({"reps": 501}, "reps"),
        ({"hold_s": 0}, "hold_s"),
        ({"frequency": ""}, "frequency"),
        ({"regression": "no-such-exercise"}, "regression"),
        ({"progression": "custom-" + "9" * 30}, "progression"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_bad_fields_are_refused_with_their_name(world: World, changes, field) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DomainError) as caught:
        make(world, **changes)
    assert caught.value.field == field


def test_links_may_name_the_practices_exercises_but_not_another_practices_or_itself(
    world: World,
) -> None:
    own = make(world)
    other = services.create_custom_exercise(author=world.coach_other, data=FIELDS)
    assert make(world, progression=own.slug).progression == own.slug
    with pytest.raises(DomainError):
        make(world, progression=other.slug)
    with pytest.raises(DomainError):
        services.update_custom_exercise(
            exercise=own, by=world.coach_a, data={**FIELDS, "progression": own.slug}
        )


def test_deleting_clears_links_from_the_practices_other_exercises(world: World) -> None:
    target = make(world)
    linking = make(world, progression=target.slug)
    services.delete_custom_exercise(exercise=target, by=world.coach_a)
    linking.refresh_from_db()
    assert linking.progression == ""


def test_an_exercise_whose_author_left_stays_for_the_practice(world: World) -> None:
    exercise = make(world)
    world.coach_a.delete()
    exercise.refresh_from_db()
    assert exercise.author_name == "a former coach"
    page = signed_in(world.colleague).get(f"/exercises/custom/{exercise.pk}/")
    assert page.status_code == 200 and b"by a former coach" in page.content


def test_an_id_too_large_for_the_database_is_a_404_not_a_server_error(world: World) -> None:
    client = signed_in(world.coach_a)
    assert client.get(f"/api/custom-exercises/{2**70}").status_code == 404
