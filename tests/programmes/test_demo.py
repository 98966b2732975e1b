from __future__ import annotations

import itertools

import pytest
from django.test import Client
from django.urls import reverse

from tagalong import demo
from tagalong.bookings.models import Session
from tagalong.programmes.demo import TITLE, add_demo_programme
from tagalong.programmes.models import Programme, Stage


def test_demo_has_a_published_eight_week_programme_with_a_weekly_clinic(
    db: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert add_demo_programme in demo.DEMO_EXTENSIONS
    monkeypatch.setattr(demo, "DEMO_EXTENSIONS", [add_demo_programme])
    demo.load_demo()
    programme = Programme.objects.get(title=TITLE)
    assert programme.stage == Stage.PUBLISHED and programme.weeks == 8
    (clinic,) = programme.session_types.all()
    sessions = Session.objects.filter(session_type=clinic).order_by("start")
    assert sessions.count() == 8
    gaps = {(b.start - a.start).days for a, b in itertools.pairwise(sessions)}
    assert gaps == {7}
    page = Client().get(reverse("programmes:public", args=[programme.slug]))
    assert page.status_code == 200 and TITLE in page.content.decode()
    demo.load_demo()  # a second load adds nothing
    assert Programme.objects.filter(title=TITLE).count() == 1
