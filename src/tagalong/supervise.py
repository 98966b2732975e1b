"""What ``tagalong serve`` runs: the web server and a task worker, kept alive apart.

The web server is what people reach, so it never depends on the worker: a worker that dies is
started again after a pause that doubles with each quick failure (1 s, 2 s, 4 s … up to a
minute) and resets once a worker has stayed up for a while. Only the web server stopping, or a
signal to ``serve``, stops everything.
"""

from __future__ import annotations

import logging
import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

log = logging.getLogger(__name__)

FIRST_PAUSE_S = 1.0
LONGEST_PAUSE_S = 60.0
STEADY_AFTER_S = 30.0  # a worker up this long counts as healthy: the pause starts again at 1 s


def next_pause(previous: float | None, *, ran_for: float) -> float:
    """How long to wait before starting a worker again after one that ran ``ran_for`` s."""
    if previous is None or ran_for >= STEADY_AFTER_S:
        return FIRST_PAUSE_S
    return min(previous * 2, LONGEST_PAUSE_S)


Start = Callable[[Sequence[str]], subprocess.Popen[bytes]]


def _popen(command: Sequence[str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(list(command))  # noqa: S603 (our own interpreter and module)


@dataclass
class Supervisor:
    web_command: Sequence[str]
    worker_command: Sequence[str]
    start: Start = _popen
    clock: Callable[[], float] = time.monotonic
    web: subprocess.Popen[bytes] | None = None
    worker: subprocess.Popen[bytes] | None = None
    worker_started_at: float = 0.0
    pause: float | None = None
    restart_at: float | None = None
    restarts: int = 0
    stopping: bool = False

    def begin(self) -> None:
        self.web = self.start(self.web_command)
        self._start_worker()

    def _start_worker(self) -> None:
        self.worker = self.start(self.worker_command)
        self.worker_started_at = self.clock()
        self.restart_at = None

    def tick(self) -> bool:
        """Look after the children once; False when the web server has stopped."""
        assert self.web is not None
        if self.web.poll() is not None:
            return False
        now = self.clock()
        if self.restart_at is not None:
            if now >= self.restart_at:
                self.restarts += 1
                self._start_worker()
                log.warning("task worker started again (pid %s)", self.worker.pid)  # type: ignore[union-attr]
            return True
        if self.worker is not None and (code := self.worker.poll()) is not None:
            self.pause = next_pause(self.pause, ran_for=now - self.worker_started_at)
            self.restart_at = now + self.pause
            log.warning(
                "task worker stopped (exit %s); the web server carries on; "
                "the worker starts again in %.0f s",
                code,
                self.pause,
            )
        return True

    def stop(self, *_: object) -> None:
        self.stopping = True
        for process in (self.web, self.worker):
            if process is not None and process.poll() is None:
                process.terminate()

    def wait_all(self, timeout: float = 15) -> None:
        for process in (self.web, self.worker):
            if process is None:
                continue
            try:
                process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                process.kill()

    def run(self, *, every: float = 0.5) -> int:
        """Until the web server stops or ``stop`` is called; returns the web server's code."""
        self.begin()
        try:
            while not self.stopping and self.tick():
                time.sleep(every)
        except KeyboardInterrupt:
            pass
        finally:
            self.stop()
            self.wait_all()
        assert self.web is not None
        return 0 if self.stopping else int(self.web.returncode or 0)
