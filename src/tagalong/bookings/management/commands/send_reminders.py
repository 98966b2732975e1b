from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from tagalong.bookings.tasks import send_due_reminders


class Command(BaseCommand):
    help = "Send the session reminders due now (24 h and 1 h before). Run every few minutes."

    def handle(self, *args: Any, **options: Any) -> None:
        count = send_due_reminders(timezone.now())
        self.stdout.write(f"{count} reminder(s) sent")
