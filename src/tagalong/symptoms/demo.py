"""Demo symptoms: two weeks of calf scores for two runners with a calf story."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from tagalong.demo import DemoWorld
from tagalong.symptoms.models import SymptomLog

# (athlete index, side) - Priya's left calf is tight; Marcus comes back from a right calf strain.
STORIES = ((1, "left"), (3, "right"))
# Pain on the sore side after running, easing over two weeks; a flare on day 9.
AFTER = (5, 4, 4, 3, 4, 3, 3, 2, 6, 3, 2, 2, 1, 1)


def add_demo_symptoms(world: DemoWorld) -> None:
    today = timezone.localdate()
    logs = []
    for index, side in STORIES:
        if index >= len(world.athletes):
            continue
        other = "right" if side == "left" else "left"
        for n, after in enumerate(AFTER):
            values = {
                f"calf_pain_{side}_after": after,
                f"calf_pain_{side}_next_morning": max(0, after - 2),
                f"calf_tightness_{side}_after": min(10, after + 1),
                f"calf_pain_{other}_after": 0 if n % 3 else 1,
            }
            if n % 2 == 0:
                values[f"calf_pain_{side}_during"] = max(0, after - 1)
            logs.append(
                SymptomLog(
                    athlete=world.athletes[index],
                    day=today - timedelta(days=len(AFTER) - 1 - n),
                    note="Flared on the hill session." if after > 5 else "",
                    **values,
                )
            )
    SymptomLog.objects.bulk_create(logs)
