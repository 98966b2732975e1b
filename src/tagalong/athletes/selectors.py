"""Reads about athletes: the roster a coach sees."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from tagalong.access.policy import AnyUser, visible_athletes
from tagalong.athletes.models import AthleteProfile

ROSTER_SORTS = {
    "name": ("user__full_name",),
    "-name": ("-user__full_name",),
    "joined": ("user__date_joined",),
    "-joined": ("-user__date_joined",),
    "weekly": ("weekly_distance_km",),
    "-weekly": ("-weekly_distance_km",),
}


def roster(user: AnyUser, *, query: str = "", sort: str = "name") -> QuerySet[AthleteProfile]:
    athletes = visible_athletes(user)
    query = query.strip()
    if query:
        athletes = athletes.filter(
            Q(user__full_name__icontains=query) | Q(user__email__icontains=query)
        )
    return athletes.order_by(*ROSTER_SORTS.get(sort, ROSTER_SORTS["name"]))
