"""Writes about symptoms: logging a day's scores after checking every value."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from tagalong.accounts.models import User
from tagalong.activities.models import Activity
from tagalong.assessments.models import RED_FLAG_CHOICES
from tagalong.athletes.models import AthleteProfile
from tagalong.attention.red_flags import raise_red_flag
from tagalong.audit.services import record
from tagalong.errors import DomainError
from tagalong.plans.hooks import plan_data_changed
from tagalong.symptoms.models import REGION_SIDES, REGIONS, SCORE_FIELDS, SymptomLog
from tagalong.wording import Phrase


def athlete_today(athlete: AthleteProfile) -> date:
    return timezone.now().astimezone(ZoneInfo(athlete.time_zone or "UTC")).date()


def _check_score(value: Any, field: str, label: str) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10:
        raise DomainError(
            Phrase("{score} must be a whole number from 0 to 10.", score=label), field=field
        )
    return value


def clean_regions(value: Any) -> list[dict[str, Any]]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise DomainError(Phrase("Other regions must be a list."), field="other_regions")
    cleaned = []
    for index, item in enumerate(value):
        where = f"other_regions[{index}]"
        if not isinstance(item, dict):
            raise DomainError(
                Phrase("{where} must have a region, a side and a pain score.", where=where),
                field=where,
            )
        region, side = item.get("region"), item.get("side")
        if region not in REGIONS:
            raise DomainError(
                Phrase(
                    "{where}: unknown region {region}; use one of {regions}.",
                    where=where,
                    region=repr(region),
                    regions=tuple(REGIONS),
                ),
                field=f"{where}.region",
            )
        if side not in REGION_SIDES:
            raise DomainError(
                Phrase(
                    "{where}: side must be one of {sides}.", where=where, sides=tuple(REGION_SIDES)
                ),
                field=f"{where}.side",
            )
        pain = _check_score(item.get("pain"), f"{where}.pain", Phrase("{where}: pain", where=where))
        if pain is None:
            raise DomainError(
                Phrase("{where}: pain is missing.", where=where), field=f"{where}.pain"
            )
        cleaned.append({"region": region, "side": side, "pain": pain})
    return cleaned


@transaction.atomic
def log_symptoms(
    *,
    athlete: AthleteProfile,
    by: User | None,
    day: date,
    scores: dict[str, Any],
    other_regions: Any = None,
    note: str = "",
    activity: Activity | None = None,
    red_flags: Sequence[str] = (),
) -> SymptomLog:
    unknown = set(scores) - set(SCORE_FIELDS)
    if unknown:
        raise DomainError(Phrase("Unknown score(s): {scores}.", scores=tuple(sorted(unknown))))
    if day > athlete_today(athlete):
        raise DomainError(gettext("The day cannot be in the future."), field="day")
    values = {
        name: _check_score(scores.get(name), name, name.replace("_", " ").capitalize())
        for name in SCORE_FIELDS
    }
    regions = clean_regions(other_regions)
    if (
        all(v is None for v in values.values())
        and not regions
        and not note.strip()
        and not red_flags
    ):
        raise DomainError(gettext("Note at least one score, a region or a note."))
    unknown_flags = set(red_flags) - {value for value, _ in RED_FLAG_CHOICES}
    if unknown_flags:
        raise DomainError(
            Phrase("Unknown red flag: {flag}.", flag=sorted(unknown_flags)[0]), field="red_flags"
        )
    if activity is not None and activity.athlete_id != athlete.pk:
        raise DomainError(Phrase("That activity belongs to someone else."), field="activity_id")
    log = SymptomLog.objects.create(
        athlete=athlete,
        day=day,
        activity=activity,
        other_regions=regions,
        note=note.strip()[:2000],
        **values,
    )
    record(actor=by, action="symptoms.logged", target=log, athlete_id=athlete.pk, day=str(day))
    plan_data_changed(athlete.pk, source="symptoms")
    if red_flags:
        raise_red_flag(athlete=athlete, source="symptoms", flags=red_flags, by=by)
    return log
