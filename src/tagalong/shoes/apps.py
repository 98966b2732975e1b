from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.http import HttpRequest


class ShoesConfig(AppConfig):
    name = "tagalong.shoes"
    label = "shoes"
    verbose_name = "Shoes"

    def ready(self) -> None:
        from tagalong import demo
        from tagalong.shoes.demo import add_demo_shoes
        from tagalong.web import navigation, sections

        navigation.register("Shoes", "shoes:mine", roles={"athlete"}, order=40)
        sections.register("shoes", template="shoes/_section.html", build=_section, order=40)
        if add_demo_shoes not in demo.DEMO_EXTENSIONS:
            demo.DEMO_EXTENSIONS.append(add_demo_shoes)


def _section(request: HttpRequest, athlete: Any) -> dict[str, Any]:
    from django.utils import timezone

    from tagalong.access.policy import Access, access_to_athlete
    from tagalong.shoes.models import Shoe
    from tagalong.shoes.selectors import runs_without_shoe, shoe_alerts

    now = timezone.now()
    can_edit = access_to_athlete(request.user, athlete) is Access.WRITE
    return {
        "alerts": shoe_alerts(athlete, now=now),
        "count": Shoe.objects.filter(athlete=athlete, retired_at__isnull=True).count(),
        "pending": runs_without_shoe(athlete, now=now).count() if can_edit else 0,
    }
