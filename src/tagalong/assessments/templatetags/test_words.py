"""Home-test names and result bands in a runner's words (the scoring code keeps its keys)."""

from __future__ import annotations

from django import template

from tagalong.assessments.scoring import TESTS

register = template.Library()

BANDS = {
    "below_lower_limit": "below the usual range for your age",
    "below_median": "below average for your age",
    "at_or_above_median": "average or better for your age",
    "below_norm": "below the norm",
    "at_or_above_norm": "at or above the norm",
    "below_target": "below the target",
    "meets_target": "meets the target",
    "above_target": "above the target",
    "restricted": "restricted",
    "typical": "typical",
    "poor": "poor",
    "average": "average",
    "good": "good",
    "fair": "fair",
    "low": "low",
    "developing": "developing",
    "target": "on target",
}


@register.filter
def band_words(band: str | None) -> str:
    return BANDS.get(band or "", (band or "").replace("_", " "))


@register.filter
def test_name(test: str) -> str:
    """ "heel_raise" -> "Single-leg heel raises" (the unit is shown with the values)."""
    label = TESTS.get(test, test.replace("_", " "))
    return label.split(" (")[0]


@register.filter
def cause_title(cause: str) -> str:
    """A calf-check cause key as the finding's title."""
    from tagalong.assessments.views import CAUSE_TITLES

    return CAUSE_TITLES.get(cause, cause.replace("_", " "))
