"""`tagalong serve`: the web server outlives a killed worker, which is started again."""

from __future__ import annotations

import os
import signal
import socket
import urllib.request
from pathlib import Path

import pytest

from tagalong.supervise import FIRST_PAUSE_S, LONGEST_PAUSE_S, STEADY_AFTER_S, next_pause
from tests.deployment import deployment, wait_for


def test_pause_doubles_on_quick_failures_and_resets_after_a_steady_run() -> None:
    assert next_pause(None, ran_for=0.1) == FIRST_PAUSE_S
    assert next_pause(1.0, ran_for=0.1) == 2.0
    assert next_pause(32.0, ran_for=0.1) == LONGEST_PAUSE_S
    assert next_pause(LONGEST_PAUSE_S, ran_for=0.1) == LONGEST_PAUSE_S
    assert next_pause(16.0, ran_for=STEADY_AFTER_S) == FIRST_PAUSE_S


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def _worker_pid(serve_pid: int) -> int | None:
    for child in _children(serve_pid):
        cmdline = Path(f"/proc/{child}/cmdline").read_bytes().split(b"\0")
        if b"worker" in cmdline:
            return child
    return None


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (loopback)
            return bool(response.status == 200)
    except OSError:
        return False


@pytest.mark.django_db
@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads children from /proc")
def test_killing_the_worker_leaves_the_web_server_up_and_the_worker_restarts(
    tmp_path: Path,
) -> None:
    port = _free_port()
    url = f"http://127.0.0.1:{port}/accounts/login/"
    with deployment(tmp_path) as install:
        serve = install.start("serve", "--bind", f"127.0.0.1:{port}")
        wait_for(lambda: _answers(url), timeout=180, every=0.3)
        first = wait_for(lambda: _worker_pid(serve.pid), timeout=30)

        os.kill(first, signal.SIGKILL)
        assert _answers(url)
        second = wait_for(
            lambda: (pid := _worker_pid(serve.pid)) and pid != first and pid, timeout=30
        )
        assert second != first
        assert serve.poll() is None
        assert _answers(url)

        serve.send_signal(signal.SIGTERM)
        assert serve.wait(timeout=30) == 0
