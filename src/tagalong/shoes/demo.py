"""Demo shoes: two pairs each; one pair near the 500 km reminder and one past 800 km."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from tagalong.demo import DemoWorld
from tagalong.shoes.models import Shoe

PAIRS = (
    ("Daily trainers", "Nimbus 25", 180.0, "running"),
    ("Tempo shoes", "Endorphin Speed 3", 95.0, None),
)


def add_demo_shoes(world: DemoWorld) -> None:
    today = timezone.localdate()
    shoes = []
    for athlete in world.athletes:
        for name, model, km, sport in PAIRS:
            shoes.append(
                Shoe(
                    athlete=athlete,
                    name=name,
                    model=model,
                    starting_km=km,
                    first_used=today - timedelta(days=int(km)),
                    default_for_sport=sport,
                )
            )
    if len(world.athletes) >= 2:
        shoes[0].starting_km = 488.0  # Sam's daily trainers: close to the 500 km reminder
        shoes[2].starting_km = 823.0  # Priya's daily trainers: past 800 km
    Shoe.objects.bulk_create(shoes)
