"""Import activity files, folders or archives for one athlete, with a progress bar."""

from __future__ import annotations

import sys
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from django.core.files import File
from django.core.management.base import BaseCommand, CommandError, CommandParser

from tagalong.activities.models import ImportBatch
from tagalong.activities.progress import ProgressDisplay
from tagalong.activities.services import ALLOWED_SUFFIXES, claim_batch, process_batch, start_import
from tagalong.athletes.models import AthleteProfile
from tagalong.errors import DomainError


def collect(paths: list[str]) -> list[Path]:
    """Files as given; folders walked for activity files and archives, in name order."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found += sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and p.name.lower().endswith(ALLOWED_SUFFIXES)
            )
        elif path.is_file():
            found.append(path)
        else:
            raise CommandError(f"{raw}: no such file or folder")
    return found


class Command(BaseCommand):
    help = "Import FIT/GPX/TCX files, folders of them, or zips (a Strava export) for an athlete."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--athlete", required=True, help="the athlete's email address")
        parser.add_argument("paths", nargs="+", help="files, folders or archives")

    def handle(self, *args: Any, **options: Any) -> None:
        athlete = AthleteProfile.objects.filter(user__email__iexact=options["athlete"]).first()
        if athlete is None:
            raise CommandError(f"No athlete with the email {options['athlete']}")
        paths = collect(options["paths"])
        if not paths:
            raise CommandError("No activity files found.")
        with ExitStack() as stack:
            files = [File(stack.enter_context(p.open("rb")), name=p.name) for p in paths]
            try:
                batch = start_import(athlete=athlete, by=None, upload=files, enqueue=False)
            except DomainError as error:
                raise CommandError(error.message) from None
        claimed = claim_batch(batch.pk)
        assert claimed is not None
        display = ProgressDisplay(sys.stderr)
        try:
            batch = process_batch(claimed, progress=display)
        finally:
            display.close()
        self._summary(batch)

    def _summary(self, batch: ImportBatch) -> None:
        counts: dict[str, int] = {}
        for item in batch.items.all():
            counts[item.status] = counts.get(item.status, 0) + 1
            if item.status == "failed":
                self.stdout.write(f"failed: {item.reason}")
        summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
        self.stdout.write(f"Import {batch.pk} {batch.status}: {summary or 'nothing to import'}")
