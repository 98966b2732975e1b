"""The first-run checklist ticks each step from what the person really did, and can be hidden."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tagalong.accounts.services import set_practice_details
from tagalong.activities.models import Activity
from tagalong.assessments.models import Intake
from tagalong.bookings.services import create_session_type, ensure_coach_setup, update_availability
from tagalong.shoes.models import Shoe
from tagalong.web.checklist import checklist_for
from tests.factories import make_athlete, make_coach, make_invitation

pytestmark = pytest.mark.django_db


def _done(user) -> dict[str, bool]:  # type: ignore[no-untyped-def]
    checklist = checklist_for(user)
    assert checklist is not None
    return {step.key: step.done for step in checklist.steps}


def test_a_new_runner_sees_five_steps_none_done(client_for):
    athlete = make_athlete(coach=make_coach())
    html = client_for(athlete.user).get("/").content.decode()
    assert "First steps" in html and "0 of 5 done" in html
    assert f'href="/athletes/{athlete.pk}/intake/"' in html
    assert set(_done(athlete.user)) == {"intake", "tests", "runs", "shoes", "booking"}


def test_runner_steps_tick_from_their_data(client_for):
    athlete = make_athlete(coach=make_coach())
    Intake.objects.create(athlete=athlete, submitted_by=athlete.user, goal="race_10k")
    Shoe.objects.create(athlete=athlete, name="Daily trainer")
    Activity.objects.create(
        athlete=athlete,
        start=datetime(2026, 3, 1, tzinfo=UTC),
        duration_s=600,
        moving_s=600,
        load_measure="duration",
        manual=True,  # entered by hand: not an import
    )
    done = _done(athlete.user)
    assert done == {"intake": True, "tests": False, "runs": False, "shoes": True, "booking": False}
    html = client_for(athlete.user).get("/").content.decode()
    assert "2 of 5 done" in html


def test_a_coach_sees_their_own_steps_and_the_starting_setup_does_not_tick_them(client_for):
    coach = make_coach()
    ensure_coach_setup(coach=coach)  # the default hours and session types of a first visit
    assert _done(coach) == {
        "practice": False,
        "availability": False,
        "session_types": False,
        "invite": False,
        "plan": False,
    }
    html = client_for(coach).get("/").content.decode()
    assert "First steps" in html and "Invite a runner" in html


def test_coach_steps_tick_when_the_coach_does_them():
    coach = make_coach()
    set_practice_details(coach=coach, name="Calf Clinic", bio="Physio and coach in Leeds.")
    update_availability(coach=coach, by=coach, changes={"minimum_notice_hours": 24})
    create_session_type(coach=coach, by=coach, name="Gait review", duration_min=45)
    make_invitation(coach=coach)
    done = _done(coach)
    assert done == {
        "practice": True,
        "availability": True,
        "session_types": True,
        "invite": True,
        "plan": False,
    }


def test_hiding_the_list_keeps_it_hidden(client_for):
    athlete = make_athlete()
    client = client_for(athlete.user)
    response = client.post("/me/first-steps/hide/")
    assert response.status_code == 302
    assert "First steps" not in client.get("/").content.decode()
    athlete.user.refresh_from_db()
    assert athlete.user.checklist_dismissed_at is not None


def test_a_coach_saves_the_practice_from_settings(client_for):
    coach = make_coach()
    client = client_for(coach)
    response = client.post(
        "/accounts/settings/practice/", {"name": "Hill & Dale", "bio": "Trail coaching."}
    )
    assert response.status_code == 302
    coach.coach_profile.refresh_from_db()
    assert coach.coach_profile.practice.name == "Hill & Dale"
    assert coach.coach_profile.bio == "Trail coaching."


def test_a_practice_without_a_name_is_refused_naming_the_field(client_for):
    coach = make_coach()
    response = client_for(coach).post(
        "/accounts/settings/practice/", {"name": "", "bio": "x"}, follow=True
    )
    assert "Practice name: This field is required." in response.content.decode()


def test_a_runner_has_no_practice_to_save(client_for):
    athlete = make_athlete()
    response = client_for(athlete.user).post(
        "/accounts/settings/practice/", {"name": "Mine", "bio": "x"}
    )
    assert response.status_code == 403
