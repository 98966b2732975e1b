from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from tagalong.assessments import selectors


def build_section(request: HttpRequest, athlete: Any) -> dict[str, Any]:
    red = selectors.red_flag_intake(athlete)
    return {
        "red_flag": red,
        "intake": selectors.current_intake(athlete),
        "missing": selectors.missing_inputs(athlete),
        "run": selectors.latest_run(athlete),
    }
