"""Recompute the daily load series from scratch, for one athlete or everyone."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tagalong.activities.services import recompute_daily_load
from tagalong.athletes.models import AthleteProfile


class Command(BaseCommand):
    help = "Recompute fitness, fatigue, form and acute:chronic load from all activities."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--athlete", help="only this athlete (email address)")

    def handle(self, *args: Any, **options: Any) -> None:
        athletes = AthleteProfile.objects.select_related("user")
        if options["athlete"]:
            athletes = athletes.filter(user__email__iexact=options["athlete"])
            if not athletes.exists():
                raise CommandError(f"No athlete with the email {options['athlete']}")
        for athlete in athletes:
            days = recompute_daily_load(athlete=athlete)
            self.stdout.write(f"{athlete.user.email}: {days} days")
