"""Home-test names, result bands and calf-check causes in a runner's words (the scoring code
and stored results keep their keys)."""

from __future__ import annotations

from django import template

from tagalong import calfcheck
from tagalong.assessment import words
from tagalong.assessments.scoring import TESTS

register = template.Library()

BANDS = words.BAND_WORDS


@register.filter
def band_words(band: str | None) -> str:
    return words.band_words(band)


@register.filter
def test_name(test: str) -> str:
    """ "heel_raise" -> "Single-leg heel raises" (the unit is shown with the values)."""
    label = str(TESTS.get(test, test.replace("_", " ")))
    return label.split(" (")[0]


@register.filter
def cause_title(cause: str) -> str:
    """A calf-check cause key as the finding's title."""
    return calfcheck.cause_title(cause)


@register.filter
def verdict_word(verdict: str) -> str:
    return calfcheck.verdict_word(verdict)


@register.filter
def reference_label(label: str) -> str:
    """ "norm" or "expert target" in words."""
    return words.reference_label(label)
