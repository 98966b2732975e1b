"""A worker killed by pid in the middle of a sync: the next worker takes the connection's lease
up once it expires, carries on from what was recorded, and nothing is imported twice (SQLite
and, with DATABASE_URL, PostgreSQL)."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from tests.deployment import deployment, wait_for
from tests.sync.conftest import FILES, KEY, REMOTE_ID, listed
from tests.sync.contract_server import ContractServer, ContractState

SETUP = """
from tagalong.accounts.models import User
from tagalong.athletes.models import AthleteProfile
from tagalong.sync.services import connect
user = User.objects.create_user("runner@example.org", "a-long-pass-123", full_name="R")
athlete = AthleteProfile.objects.create(user=user, birth_date="1990-01-01", sex="female")
connect(athlete=athlete, by=user, remote_athlete_id={remote!r}, api_key={key!r})
"""


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


REDIS_URL = os.environ.get("TAGALONG_TEST_SYNC_REDIS_URL", "redis://127.0.0.1:6379/4")


def _redis_up() -> bool:
    try:
        import redis

        redis.Redis.from_url(REDIS_URL).flushdb()
    except Exception:
        return False
    return True


@pytest.mark.django_db
@pytest.mark.parametrize("backend", ["database", "redis"])
def test_a_killed_worker_s_sync_is_taken_up_and_nothing_doubles(
    tmp_path: Path, backend: str
) -> None:
    if backend == "redis" and not _redis_up():
        pytest.skip(f"no Redis at {REDIS_URL}")
    server = ContractServer(ContractState(REMOTE_ID, KEY)).start()
    for n, path in enumerate(FILES):
        server.state.add_activity(listed(path, n))
    server.state.download_delay_s = 0.15
    try:
        with deployment(tmp_path) as install:
            install.env.update(
                TAGALONG_SYNC_BASE_URL=server.url,
                TAGALONG_SYNC_LEASE_S="3",
                TAGALONG_SYNC_TIMEOUT_S="2",
                TAGALONG_SYNC_HISTORY_DAYS="73000",
                TAGALONG_TASK_BACKEND=backend,
            )
            if backend == "redis":
                install.env["REDIS_URL"] = REDIS_URL
            install.tagalong("manage", "migrate", "--verbosity", "0")
            install.python(SETUP.format(remote=REMOTE_ID, key=KEY))

            first = install.start("worker", "--no-clock", "--verbosity", "0")
            wait_for(lambda: len(server.state.downloads) >= 14, timeout=120, every=0.02)
            # the worker and its children: an RQ worker runs each job in a forked child that
            # leaves the worker's session
            for pid in [first.pid, *_children(first.pid)]:
                os.kill(pid, signal.SIGKILL)
            first.wait(timeout=10)
            assert len(server.state.downloads) < len(FILES), "the sync ended before the kill"
            (owner,) = install.query("SELECT lease_owner FROM sync_connection")[0]
            assert owner, "the killed worker held the connection's lease"

            server.state.download_delay_s = 0.0
            time.sleep(3.5)  # the killed worker's lease (3 s) runs out
            install.start("worker", "--verbosity", "0")  # with the clock: it sweeps stalled syncs

            def settled() -> bool:
                rows = install.query(
                    "SELECT count(*) FROM sync_pulledactivity WHERE status = 'imported'"
                )
                return rows[0][0] == len(FILES)

            wait_for(settled, timeout=240, every=0.3)
            resumed, state = install.query("SELECT resumed_at, state FROM sync_connection")[0]
            assert resumed is not None  # what the sync page shows
            assert state == "working"
            assert install.query("SELECT count(*) FROM activities_activity")[0][0] == len(FILES)
            hashes = install.query("SELECT count(DISTINCT content_hash) FROM activities_activity")
            assert hashes[0][0] == len(FILES)
            assert install.query("SELECT count(*) FROM sync_pulledactivity")[0][0] == len(FILES)
    finally:
        server.stop()
