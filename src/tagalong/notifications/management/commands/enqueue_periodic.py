from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from tagalong.notifications.periodic import enqueue_due, registered


class Command(BaseCommand):
    help = (
        "Put the periodic jobs that are due on the task queue (the worker does this every "
        "30 s; use this from cron when running workers without the clock)."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--list", action="store_true", help="list the jobs and stop")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["list"]:
            for job in registered():
                self.stdout.write(f"{job.name}: every {job.every}")
            return
        names = enqueue_due()
        self.stdout.write(
            f"{len(names)} job(s) enqueued" + (f": {', '.join(names)}" if names else "")
        )
