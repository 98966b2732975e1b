from __future__ import annotations

import pytest

from tagalong import demo
from tagalong.plans.demo import add_demo_plans
from tagalong.plans.models import Plan, PlanStatus


def test_demo_gives_three_athletes_an_active_plan(
    db: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert add_demo_plans in demo.DEMO_EXTENSIONS
    monkeypatch.setattr(demo, "DEMO_EXTENSIONS", [add_demo_plans])  # only ours, kept fast
    demo.load_demo()
    plans = Plan.objects.filter(status=PlanStatus.ACTIVE).select_related("athlete__user")
    by_email = {p.athlete.user.email: p.goal_type for p in plans}
    assert by_email["priya@demo.tagalong"] == "10k"
    assert by_email["sam@demo.tagalong"] in {"marathon", "half", "endurance"}
    assert by_email["lena@demo.tagalong"] in {"return_to_run", "endurance"}
