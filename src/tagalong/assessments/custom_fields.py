"""The fields of a coach's own exercise, checked like the library's (tagalong.exercises)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext

from tagalong.assessments.models import CustomExercise, custom_id
from tagalong.errors import DomainError
from tagalong.exercises import CATEGORIES, EQUIPMENT, LIBRARY, Dosage

FIELDS = (
    "name",
    "category",
    "description",
    "cues",
    "common_mistakes",
    "regression",
    "progression",
    "equipment",
    "muscles",
    "sets",
    "reps",
    "hold_s",
    "tempo",
    "load",
    "frequency",
)
MAX_ITEMS = 20
MAX_ITEM_CHARS = 300


def _text(value: Any, field: str, *, required: bool, limit: int) -> str:
    text = value.strip() if isinstance(value, str) else ""
    if required and not text:
        raise DomainError(
            gettext("%(field)s is required.") % {"field": field.replace("_", " ").capitalize()},
            field=field,
        )
    if len(text) > limit:
        raise DomainError(
            gettext("Keep %(field)s under %(limit)s characters.")
            % {"field": field.replace("_", " "), "limit": limit},
            field=field,
        )
    return text


def _items(value: Any, field: str, *, required: bool) -> list[str]:
    items = [v.strip() for v in value if isinstance(v, str) and v.strip()] if value else []
    if required and not items:
        raise DomainError(
            gettext("Give at least one entry for %(field)s.") % {"field": field.replace("_", " ")},
            field=field,
        )
    if len(items) > MAX_ITEMS or any(len(i) > MAX_ITEM_CHARS for i in items):
        raise DomainError(
            gettext("Up to %(max_items)s entries of %(max_item_chars)s characters each.")
            % {"max_items": MAX_ITEMS, "max_item_chars": MAX_ITEM_CHARS},
            field=field,
        )
    return items


def _choice_list(value: Any, field: str, allowed: tuple[str, ...]) -> list[str]:
    chosen = _items(value, field, required=True)
    unknown = [c for c in chosen if c not in allowed]
    if unknown:
        raise DomainError(
            gettext("%(unknown)r is not one of %(items)s.")
            % {"unknown": unknown[0], "items": ", ".join(allowed)},
            field=field,
        )
    return list(dict.fromkeys(chosen))


def _link(value: Any, field: str, *, practice_id: int, own_id: int | None) -> str:
    """Empty, a library slug, or another custom exercise of the same practice."""
    slug = value.strip() if isinstance(value, str) else ""
    if not slug or slug in LIBRARY:
        return slug
    target = custom_id(slug)
    same_practice = CustomExercise.objects.filter(practice_id=practice_id)
    if target is not None and target != own_id and same_practice.filter(pk=target).exists():
        return slug
    raise DomainError(
        gettext("%(field)s must be a library exercise or another of your practice's.")
        % {"field": field.capitalize()},
        field=field,
    )


def _count(value: Any, field: str, *, high: int, required: bool) -> int | None:
    if value is None or value == "":
        if required:
            raise DomainError(
                gettext("%(field)s is required.") % {"field": field.replace("_", " ").capitalize()},
                field=field,
            )
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= high:
        raise DomainError(
            gettext("%(field)s must be 1–%(high)s.")
            % {"field": field.replace("_", " ").capitalize(), "high": high},
            field=field,
        )
    return value


def _dosage(data: dict[str, Any]) -> dict[str, Any]:
    """Sets, reps or hold, tempo, load and frequency, as the library's ``Dosage`` allows."""
    dosage = {
        "sets": _count(data.get("sets"), "sets", high=20, required=True),
        "reps": _count(data.get("reps"), "reps", high=500, required=False),
        "hold_s": _count(data.get("hold_s"), "hold_s", high=3600, required=False),
        "tempo": _text(data.get("tempo"), "tempo", required=False, limit=80),
        "load": _text(data.get("load"), "load", required=False, limit=80),
        "frequency": _text(data.get("frequency"), "frequency", required=True, limit=80),
    }
    Dosage(**{**dosage, "tempo": dosage["tempo"] or None, "load": dosage["load"] or None})
    return dosage


def clean_custom_fields(
    data: dict[str, Any], *, practice_id: int, own_id: int | None = None
) -> dict[str, Any]:
    """The model's field values, or a DomainError naming the first bad field."""
    unknown = sorted(set(data) - set(FIELDS))
    if unknown:
        raise DomainError(
            gettext("Unknown field: %(unknown)s.") % {"unknown": unknown[0]}, field=unknown[0]
        )
    if data.get("category") not in CATEGORIES:
        raise DomainError(
            gettext("Category must be one of %(items)s.") % {"items": ", ".join(CATEGORIES)},
            field="category",
        )
    links = {
        f: _link(data.get(f), f, practice_id=practice_id, own_id=own_id)
        for f in ("regression", "progression")
    }
    return {
        "name": _text(data.get("name"), "name", required=True, limit=120),
        "category": data["category"],
        "description": _text(data.get("description"), "description", required=False, limit=4000),
        "cues": _items(data.get("cues"), "cues", required=True),
        "common_mistakes": _items(data.get("common_mistakes"), "common_mistakes", required=False),
        "equipment": _choice_list(data.get("equipment"), "equipment", EQUIPMENT),
        "muscles": _items(data.get("muscles"), "muscles", required=True),
        **links,
        **_dosage(data),
    }
