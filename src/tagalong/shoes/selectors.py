"""Reads about shoes: mileage, alerts and the runs still waiting for a shoe."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import QuerySet, Sum
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from tagalong.activities.models import Activity
from tagalong.athletes.models import AthleteProfile
from tagalong.evidence import cite
from tagalong.shoes.models import AlertLevel, Shoe, ShoeUse

REPLACE_EVIDENCE = "shoes.replace_km.expert_target"
ROTATION_EVIDENCE = "shoes.rotation.malisoux_2015"
ROTATION_WINDOW = timedelta(weeks=8)
PROMPT_WINDOW = timedelta(days=21)


@dataclass(frozen=True)
class ShoeAlert:
    kind: str  # "reminder", "retire" or "rotation"
    message: str
    evidence_id: str
    shoe_id: int | None = None

    @property
    def evidence_source(self) -> str:
        return cite(self.evidence_id).source


def shoe_mileage(shoe: Shoe) -> float:
    """Kilometres so far: the starting distance plus every activity assigned to the shoe."""
    metres = shoe.uses.aggregate(total=Sum("activity__distance_m"))["total"] or 0.0
    return round(shoe.starting_km + metres / 1000, 1)


def shoes_of(athlete: AthleteProfile) -> list[Shoe]:
    """The athlete's shoes, each with ``mileage_km`` and ``alert`` set."""
    shoes = list(
        Shoe.objects.filter(athlete=athlete).annotate(metres=Sum("uses__activity__distance_m"))
    )
    for shoe in shoes:
        shoe.mileage_km = round(shoe.starting_km + (shoe.metres or 0.0) / 1000, 1)  # type: ignore[attr-defined]
        shoe.alert = shoe.alert_level(shoe.mileage_km)  # type: ignore[attr-defined]
        shoe.percent = min(100, round(100 * shoe.mileage_km / shoe.retire_km))  # type: ignore[attr-defined]
    return shoes


def runs_in_one_pair(athlete: AthleteProfile, shoes: list[Shoe], *, now: datetime) -> bool:
    """One active pair, or all recent runs with a shoe in the same pair."""
    active = [s for s in shoes if not s.is_retired]
    if len(active) == 1:
        return True
    if not active:
        return False
    recent = ShoeUse.objects.filter(
        shoe__athlete=athlete, activity__start__gte=now - ROTATION_WINDOW
    )
    return recent.count() >= 3 and recent.values("shoe").distinct().count() == 1


def shoe_alerts(athlete: AthleteProfile, *, now: datetime) -> list[ShoeAlert]:
    shoes = shoes_of(athlete)
    alerts = [_mileage_alert(s) for s in shoes if s.alert is not None]  # type: ignore[attr-defined]
    if runs_in_one_pair(athlete, shoes, now=now):
        alerts.append(
            ShoeAlert(
                kind="rotation",
                message=_(
                    "You run in one pair. Runners who rotated two or more pairs had fewer "
                    "injuries in one study: consider adding a second pair to take turns."
                ),
                evidence_id=ROTATION_EVIDENCE,
            )
        )
    return alerts


def _mileage_alert(shoe: Shoe) -> ShoeAlert:
    km = shoe.mileage_km  # type: ignore[attr-defined]
    if shoe.alert is AlertLevel.RETIRE:  # type: ignore[attr-defined]
        text = _(
            "%(name)s have %(km)s km, past your %(mark)s km mark. Evidence is "
            "weak: check comfort and wear, and consider a new pair."
        ) % {"name": shoe.name, "km": f"{km:.0f}", "mark": shoe.retire_km}
    else:
        text = _(
            "%(name)s have %(km)s km, past your %(mark)s km reminder. Evidence "
            "is weak: check comfort and wear."
        ) % {"name": shoe.name, "km": f"{km:.0f}", "mark": shoe.remind_km}
    return ShoeAlert(
        kind=str(shoe.alert),
        message=text,
        evidence_id=REPLACE_EVIDENCE,
        shoe_id=shoe.pk,  # type: ignore[attr-defined]
    )


def runs_without_shoe(
    athlete: AthleteProfile, *, now: datetime, limit: int = 5
) -> QuerySet[Activity]:
    """Recent runs nobody has put a shoe on yet, newest first, for the "which shoes?" prompt."""
    return Activity.objects.filter(
        athlete=athlete,
        sport__icontains="run",
        shoe_use__isnull=True,
        start__gte=now - PROMPT_WINDOW,
    ).order_by("-start")[:limit]


def shoe_of(athlete: AthleteProfile, shoe_id: int) -> Shoe:
    return get_object_or_404(Shoe, pk=shoe_id, athlete=athlete)


def activity_of(athlete: AthleteProfile, activity_id: int) -> Activity:
    return get_object_or_404(Activity, pk=activity_id, athlete=athlete)
