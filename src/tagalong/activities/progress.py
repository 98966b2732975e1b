"""The import progress the CLI shows: a bar redrawn in place on a terminal, lines otherwise.

On a terminal: ``[######--------]  12/40  30%  00:05 elapsed, about 00:12 left  run-0412.fit``,
redrawn at most ten times a second and cut to the terminal's width. When the output is a file
or a pipe (a log, CI), each step is one plain line instead: one per file, or for large imports
one per percent, so a log shows how the import went without thousands of redraws.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from typing import TextIO

from tagalong.activities.importing import Progress

BAR_WIDTH = 30
REDRAW_EVERY_S = 0.1


def clock_text(seconds: float) -> str:
    seconds = max(0, round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


class ProgressDisplay:
    def __init__(
        self,
        stream: TextIO,
        *,
        interactive: bool | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stream = stream
        self.interactive = stream.isatty() if interactive is None else interactive
        self.clock = clock
        self.started = clock()
        self.drawn_at = -1.0
        self.last_percent = -1
        self.drew = False

    def __call__(self, progress: Progress) -> None:
        total = max(progress.total, progress.done, 1)
        percent = progress.done * 100 // total
        now = self.clock()
        finished = progress.done >= total
        if self.interactive:
            if finished or now - self.drawn_at >= REDRAW_EVERY_S:
                self._draw(self.bar(progress, now=now))
                self.drawn_at = now
        elif percent > self.last_percent or finished:
            self.stream.write(self.line(progress, now=now) + "\n")
            self.stream.flush()
        self.last_percent = percent

    def bar(self, progress: Progress, *, now: float) -> str:
        total = max(progress.total, progress.done, 1)
        filled = round(BAR_WIDTH * progress.done / total)
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        return f"[{bar}] {self.line(progress, now=now)}"

    def line(self, progress: Progress, *, now: float) -> str:
        total = max(progress.total, progress.done, 1)
        elapsed = now - self.started
        text = f"{progress.done}/{total}  {progress.done * 100 // total:3d}%  "
        text += f"{clock_text(elapsed)} elapsed"
        if 0 < progress.done < total:
            left = elapsed / progress.done * (total - progress.done)
            text += f", about {clock_text(left)} left"
        return f"{text}  {progress.name}"

    def _draw(self, text: str) -> None:
        width = shutil.get_terminal_size((100, 20)).columns - 1
        self.stream.write("\r" + text[:width].ljust(width))
        self.stream.flush()
        self.drew = True

    def close(self) -> None:
        """End the redrawn line, so what is printed next starts on its own line."""
        if self.drew:
            self.stream.write("\n")
            self.stream.flush()
