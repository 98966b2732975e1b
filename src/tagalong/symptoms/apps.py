from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.http import HttpRequest


class SymptomsConfig(AppConfig):
    name = "tagalong.symptoms"
    label = "symptoms"
    verbose_name = "Symptoms"

    def ready(self) -> None:
        from tagalong import demo
        from tagalong.symptoms.demo import add_demo_symptoms
        from tagalong.web import navigation, sections

        navigation.register("Symptoms", "symptoms:mine", roles={"athlete"}, order=30)
        sections.register("symptoms", template="symptoms/_section.html", build=_section, order=30)
        if add_demo_symptoms not in demo.DEMO_EXTENSIONS:
            demo.DEMO_EXTENSIONS.append(add_demo_symptoms)


def _section(request: HttpRequest, athlete: Any) -> dict[str, Any]:
    from tagalong.access.policy import Access, access_to_athlete
    from tagalong.symptoms.selectors import PAIN_EVIDENCE, latest

    log = latest(athlete)
    left = log.worst_calf_pain("left") if log else None
    right = log.worst_calf_pain("right") if log else None
    return {
        "log": log,
        "left": left,
        "right": right,
        "above_five": max(left or 0, right or 0) > 5,
        "evidence_id": PAIN_EVIDENCE,
        "can_edit": access_to_athlete(request.user, athlete) is Access.WRITE,
    }
