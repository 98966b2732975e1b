"""What a leaving coach's programmes become: they end with the coach. Members keep their own
plans (a place only points at a plan), so the places, gifts and announcements go, and then the
programmes, which protect their places and plan templates."""

from __future__ import annotations

from tagalong.accounts.models import User
from tagalong.programmes.models import Place, Programme


def erase_coach_programmes(user: User) -> None:
    if user.is_coach:
        Place.objects.filter(programme__coach=user).delete()
        Programme.objects.filter(coach=user).delete()
