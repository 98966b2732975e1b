"""Plain words and a link for each piece of data the calf check says it is missing.

The engine names CASE.json fields (the command line's terms); the pages say what to do in the
app. The result itself is never changed, so the page and the command line stay identical.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Hint:
    prefix: str  # the start of the engine's "missing" text
    text: str
    url_name: str | None = None  # a page of the athlete, reversed with athlete_id


HINTS = (
    Hint("athlete.", _("Add your birth date and sex to your profile."), "athletes:edit_profile"),
    Hint("tests.heel_raise_reps", _("Do the single-leg heel-raise test."), "assessments:tests"),
    Hint("tests.knee_to_wall_cm", _("Do the knee-to-wall test."), "assessments:tests"),
    Hint("tests.single_leg_bridge_reps", _("Do the single-leg bridge test."), "assessments:tests"),
    Hint("tests.side_plank_s", _("Do the side-plank test."), "assessments:tests"),
    Hint(
        "symptoms.",
        _("Log how your calves feel during runs, after them and the next morning."),
        "symptoms:log",
    ),
    Hint(
        "technique.cadence_spm at an easy speed",
        _("Import an easy run at 1.9–3.4 m/s (about 4:55–8:45 min/km) recorded with cadence."),
        "activities:upload",
    ),
    Hint(
        "technique.cadence_spm",
        _("Import a recent easy run recorded with cadence (most watches record it)."),
        "activities:upload",
    ),
    Hint(
        "technique.foot_strike",
        _(
            "Foot strike comes from a foot pod that reports it; without one, ask your coach to "
            "look at a short video of you running."
        ),
    ),
    Hint(
        "load.",
        _(
            "Import your runs of the last 6 weeks (a watch export or FIT/GPX/TCX files) or add "
            "them by hand."
        ),
        "activities:upload",
    ),
    Hint(
        "shoes[].first_used",
        _("Say when you first ran in each pair, or assign your runs to your shoes."),
        "shoes:list",
    ),
    Hint("shoes", _("Add the shoes you run in and assign your runs to them."), "shoes:list"),
)


def hint_for(missing: str) -> Hint | None:
    return next((h for h in HINTS if missing.startswith(h.prefix)), None)


def _url(hint: Hint, athlete_id: int | None) -> str | None:
    if hint.url_name is None or athlete_id is None:
        return None
    try:
        return reverse(hint.url_name, kwargs={"athlete_id": athlete_id})
    except NoReverseMatch:  # another app renamed its page: show the words without a link
        return None


def settle(missing: list[str], *, athlete_id: int | None) -> list[dict[str, str | None]]:
    """One entry per missing item: the engine's field text, plain words and a link if any."""
    out: list[dict[str, str | None]] = []
    for item in missing:
        hint = hint_for(item)
        out.append(
            {
                "field": item,
                "text": str(hint.text) if hint else str(item),
                "url": _url(hint, athlete_id) if hint else None,
            }
        )
    return out
