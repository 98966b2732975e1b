"""A throwaway Tagalong install for fault tests: its own data folder and database, run by real
``tagalong`` processes (a web server, workers) that a test can kill by pid."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from django.conf import settings

import tagalong

SRC = str(Path(tagalong.__file__).resolve().parent.parent)


class Deployment:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.env = {
            **os.environ,
            "PYTHONPATH": SRC,
            "DJANGO_SETTINGS_MODULE": "tagalong.config.settings",
            "TAGALONG_DEBUG": "true",
            "TAGALONG_DATA_DIR": str(root),
            "TAGALONG_TASK_BACKEND": "database",
            "TAGALONG_IMPORT_LEASE_S": "3",
            "TAGALONG_LOG_LEVEL": "WARNING",
        }
        self.env.pop("REDIS_URL", None)
        self.pg_name: str | None = None
        database = settings.DATABASES["default"]
        if database["ENGINE"] == "django.db.backends.postgresql":
            self.pg_name = f"{database['NAME']}_faults"
            self.pg = {k: database[k] for k in ("USER", "PASSWORD", "HOST", "PORT")}
            self._admin(f'DROP DATABASE IF EXISTS "{self.pg_name}"')
            self._admin(f'CREATE DATABASE "{self.pg_name}"')
            user, password = self.pg["USER"], self.pg["PASSWORD"]
            auth = f"{user}:{password}" if password else user
            self.env["DATABASE_URL"] = (
                f"postgres://{auth}@{self.pg['HOST']}:{self.pg['PORT'] or 5432}/{self.pg_name}"
            )
        else:
            self.env.pop("DATABASE_URL", None)
        self.processes: list[subprocess.Popen[bytes]] = []

    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(
            dbname="postgres",
            user=self.pg["USER"],
            password=self.pg["PASSWORD"] or None,
            host=self.pg["HOST"],
            port=self.pg["PORT"] or 5432,
            autocommit=True,
        ) as connection:
            connection.execute(sql)  # type: ignore[arg-type]

    def tagalong(self, *args: str, timeout: float = 300) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "tagalong.cli", *args],
            env=self.env,
            capture_output=True,
            timeout=timeout,
            check=False,
        )
        assert done.returncode == 0, done.stderr.decode()[-3000:]
        return done.stdout.decode()

    def python(self, code: str) -> str:
        return self.tagalong("manage", "shell", "-c", code)

    def start(self, *args: str) -> subprocess.Popen[bytes]:
        process = subprocess.Popen(
            [sys.executable, "-m", "tagalong.cli", *args],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=open(self.root / f"{args[0]}-{len(self.processes)}.log", "wb"),  # noqa: SIM115
            start_new_session=True,
        )
        self.processes.append(process)
        return process

    def query(self, sql: str) -> list[tuple[Any, ...]]:
        if self.pg_name is None:
            with sqlite3.connect(self.root / "tagalong.sqlite3", timeout=20) as connection:
                return connection.execute(sql).fetchall()
        import psycopg

        with psycopg.connect(
            dbname=self.pg_name,
            user=self.pg["USER"],
            password=self.pg["PASSWORD"] or None,
            host=self.pg["HOST"],
            port=self.pg["PORT"] or 5432,
        ) as connection:
            return connection.execute(sql).fetchall()  # type: ignore[arg-type]

    def close(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                with suppress(ProcessLookupError):
                    os.killpg(process.pid, 9)
                process.wait(timeout=10)
        if self.pg_name is not None:
            self._admin(f'DROP DATABASE IF EXISTS "{self.pg_name}" WITH (FORCE)')


@contextmanager
def deployment(root: Path) -> Iterator[Deployment]:
    install = Deployment(root)
    try:
        yield install
    finally:
        install.close()


def wait_for(check: Callable[[], Any], *, timeout: float, every: float = 0.05) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(every)
    raise AssertionError(f"gave up after {timeout} s waiting for {check}")
