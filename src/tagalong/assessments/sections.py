from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext_lazy

from tagalong.assessments import selectors
from tagalong.attention.models import RedFlag

# Where the red flag was reported, in the runner's words ("Red flag reported in ...").
SOURCE_WORDS = {
    "intake": gettext_lazy("the intake"),
    "symptoms": gettext_lazy("a symptom log"),
    "self_check": gettext_lazy("the calf check"),
}


def build_section(request: HttpRequest, athlete: Any) -> dict[str, Any]:
    red = selectors.red_flag_intake(athlete)
    source = red.source if isinstance(red, RedFlag) else "intake"
    return {
        "red_flag": red,
        "red_flag_source": SOURCE_WORDS.get(source, SOURCE_WORDS["intake"]),
        "intake": selectors.current_intake(athlete),
        "missing": selectors.missing_inputs(athlete),
        "run": selectors.latest_run(athlete),
    }
