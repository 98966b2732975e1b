from __future__ import annotations

from tagalong.advice import ARTICLES
from tests.access.matrix import LOGIN, Case, statuses


def _athlete_a(world):  # type: ignore[no-untyped-def]
    return {"athlete_id": world.athlete_a.pk}


def _run_a(world):  # type: ignore[no-untyped-def]
    from tagalong.assessments.models import CalfCheckRun

    run = CalfCheckRun.objects.create(athlete=world.athlete_a, case={}, result={"findings": []})
    return {"athlete_id": world.athlete_a.pk, "run_id": run.pk}


def _custom_a(world):  # type: ignore[no-untyped-def]
    """An exercise of coach_a's own; the colleague shares the practice, coach_other does not."""
    from tagalong.assessments.models import CustomExercise

    exercise = CustomExercise.objects.create(
        practice=world.coach_a.coach_profile.practice,
        author=world.coach_a,
        name="Wall sit with calf raise",
        category="calf",
        cues=["Back flat on the wall"],
        equipment=["wall"],
        muscles=["soleus"],
    )
    return {"exercise_id": exercise.pk}


CUSTOM_EXERCISE = {
    "name": "Banded ankle rocks",
    "category": "mobility",
    "cues": ["Knee over the little toe"],
    "equipment": ["band"],
    "muscles": ["soleus"],
    "sets": 2,
    "reps": 15,
}

READ = statuses(404, anonymous=LOGIN, athlete_a=200, coach_a=200, colleague=200, staff=200)
WRITE = statuses(404, anonymous=LOGIN, athlete_a=302, coach_a=302, colleague=403, staff=403)
API_READ = statuses(404, anonymous=401, athlete_a=200, coach_a=200, colleague=200, staff=200)
API_WRITE = statuses(404, anonymous=401, athlete_a=201, coach_a=201, colleague=403, staff=403)

PAGES = {
    "assessments:intake": Case(READ, kwargs=_athlete_a),
    "assessments:tests": Case(READ, kwargs=_athlete_a),
    "assessments:calf_check": Case(READ, kwargs=_athlete_a),
    "assessments:calf_check_note": Case(
        statuses(403, anonymous=LOGIN, coach_a=302, colleague=403, coach_other=404),
        method="post",
        kwargs=_run_a,
        data=lambda w: {"note": "Easy week."},
    ),
    "assessments:exercises": Case(statuses(200)),
    "assessments:exercise": Case(statuses(200), kwargs=lambda w: {"slug": "single-leg-bridge"}),
    "assessments:article": Case(statuses(200), kwargs=lambda w: {"slug": next(iter(ARTICLES))}),
    "assessments:self_check": Case(statuses(200)),
    # Coaches' own exercises: the author writes; the practice and staff read; others see nothing.
    # A runner's permission has nothing to do with them: every colleague reads alike.
    "assessments:custom_exercise_new": Case(
        statuses(403, anonymous=LOGIN, coach_a=200, colleague=200, coach_other=200)
    ),
    "assessments:custom_exercise": Case(
        statuses(
            404,
            anonymous=LOGIN,
            coach_a=200,
            colleague=200,
            colleague_no_consent=200,
            staff=200,
        ),
        kwargs=_custom_a,
    ),
    "assessments:custom_exercise_edit": Case(
        statuses(403, anonymous=LOGIN, coach_a=200, coach_other=404, colleague_no_consent=403),
        kwargs=_custom_a,
    ),
    "assessments:custom_exercise_delete": Case(
        statuses(403, anonymous=LOGIN, coach_a=302, coach_other=404, colleague_no_consent=403),
        method="post",
        kwargs=_custom_a,
    ),
}

API = {
    "GET /api/athletes/{athlete_id}/intake": Case(API_READ, kwargs=_athlete_a),
    "POST /api/athletes/{athlete_id}/intake": Case(
        API_WRITE, method="post", kwargs=_athlete_a, json=True, data=lambda w: {"goal": "race_10k"}
    ),
    "GET /api/athletes/{athlete_id}/tests": Case(API_READ, kwargs=_athlete_a),
    "POST /api/athletes/{athlete_id}/tests": Case(
        API_WRITE,
        method="post",
        kwargs=_athlete_a,
        json=True,
        data=lambda w: {"date": "2026-11-01", "results": {"heel_raise": {"left": 20, "right": 22}}},
    ),
    "GET /api/athletes/{athlete_id}/calf-check": Case(API_READ, kwargs=_athlete_a),
    "POST /api/athletes/{athlete_id}/calf-check": Case(
        API_WRITE, method="post", kwargs=_athlete_a, json=True, data=lambda w: {}
    ),
    "GET /api/exercises": Case(statuses(200)),
    "GET /api/exercises/{slug}": Case(statuses(200), kwargs=lambda w: {"slug": "side-plank"}),
    "GET /api/articles/{slug}": Case(
        statuses(200), kwargs=lambda w: {"slug": next(iter(ARTICLES))}
    ),
    "GET /api/custom-exercises": Case(statuses(200, anonymous=401)),
    "POST /api/custom-exercises": Case(
        statuses(403, anonymous=401, coach_a=201, colleague=201, coach_other=201),
        method="post",
        json=True,
        data=lambda w: CUSTOM_EXERCISE,
    ),
    "GET /api/custom-exercises/{exercise_id}": Case(
        statuses(
            404, anonymous=401, coach_a=200, colleague=200, colleague_no_consent=200, staff=200
        ),
        kwargs=_custom_a,
    ),
    "PUT /api/custom-exercises/{exercise_id}": Case(
        statuses(403, anonymous=401, coach_a=200, coach_other=404, colleague_no_consent=403),
        method="put",
        kwargs=_custom_a,
        json=True,
        data=lambda w: CUSTOM_EXERCISE,
    ),
    "DELETE /api/custom-exercises/{exercise_id}": Case(
        statuses(403, anonymous=401, coach_a=204, coach_other=404, colleague_no_consent=403),
        method="delete",
        kwargs=_custom_a,
    ),
}
