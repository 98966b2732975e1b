"""A local stand-in for the intervals.icu endpoints Tagalong uses, shaped from the public API
documentation (docs/sync.md says which documented behaviour each test relies on).

Threaded http.server on 127.0.0.1 at a random port. Basic auth with user name ``API_KEY``;
faults are queued per path prefix (status, headers, delay) and answered before the real thing.
"""

from __future__ import annotations

import base64
import gzip
import itertools
import json
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Fault:
    prefix: str  # e.g. "/api/v1/activity/"
    status: int = 429
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0
    body: bytes = b'{"status":429,"error":"Too many requests"}'


@dataclass
class Listed:
    id: str
    start: datetime
    sport: str
    name: str
    distance_m: float | None
    moving_s: float | None
    data: bytes  # the file as uploaded there; served gzipped like the service does


class ContractState:
    def __init__(self, athlete_id: str, key: str) -> None:
        self.athlete_id = athlete_id
        self.keys = {key}
        self.activities: dict[str, Listed] = {}
        self.events: dict[str, dict[str, Any]] = {}  # by external_id
        self.faults: list[Fault] = []
        self.requests: list[tuple[str, str, str]] = []  # (method, path, authorization)
        self.downloads: list[str] = []
        self.download_delay_s = 0.0  # a slow service, so a test can stop a worker mid-sync
        self.lock = threading.Lock()
        self._ids = itertools.count(1000)

    def add_activity(self, listed: Listed) -> None:
        self.activities[listed.id] = listed

    def next_id(self) -> int:
        return next(self._ids)


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def _answer(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        try:
            self.send_response(status)
            for name, value in (headers or {"Content-Type": "application/json"}).items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up waiting (the timeout tests)

    def _json(self, status: int, value: Any) -> None:
        self._answer(status, json.dumps(value).encode())

    def _authorised(self) -> bool:
        header = self.headers.get("Authorization", "")
        if not header.startswith("Basic "):
            return False
        try:
            user, _, password = base64.b64decode(header[6:]).decode().partition(":")
        except ValueError:
            return False
        return user == "API_KEY" and password in self.server.state.keys

    def _handle(self, method: str) -> None:
        state = self.server.state
        url = urllib.parse.urlsplit(self.path)
        query = dict(urllib.parse.parse_qsl(url.query))
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        with state.lock:
            state.requests.append((method, url.path, self.headers.get("Authorization", "")))
            fault = next((f for f in state.faults if url.path.startswith(f.prefix)), None)
            if fault is not None:
                state.faults.remove(fault)
        if fault is not None:
            if fault.delay_s:
                time.sleep(fault.delay_s)
            self._answer(
                fault.status, fault.body, {"Content-Type": "application/json", **fault.headers}
            )
            return
        if not self._authorised():
            self._json(401, {"status": 401, "error": "Unauthorized"})
            return
        parts = url.path.strip("/").split("/")
        if parts[:3] != ["api", "v1", "athlete"] and parts[:3] != ["api", "v1", "activity"]:
            self._json(404, {"status": 404, "error": "Not found"})
            return
        if parts[2] == "activity" and len(parts) == 5 and parts[4] == "file" and method == "GET":
            found = state.activities.get(parts[3])
            if found is None:
                self._json(404, {"status": 404, "error": "Activity not found"})
                return
            if state.download_delay_s:
                time.sleep(state.download_delay_s)
            state.downloads.append(found.id)
            self._answer(
                200,
                gzip.compress(found.data, mtime=0),
                {
                    "Content-Type": "application/octet-stream",
                    "Content-Disposition": f'attachment; filename="{found.id}.gz"',
                },
            )
            return
        if parts[2] != "athlete" or len(parts) < 4:
            self._json(404, {"status": 404, "error": "Not found"})
            return
        if parts[3] not in (state.athlete_id, "0"):
            self._json(403, {"status": 403, "error": "Access denied"})
            return
        rest = parts[4:]
        if not rest and method == "GET":
            self._json(200, {"id": state.athlete_id, "name": "Test Runner"})
        elif rest == ["activities"] and method == "GET":
            oldest = date.fromisoformat(query["oldest"])
            newest = date.fromisoformat(query.get("newest", "2100-01-01"))
            listed = [
                _activity_json(a)
                for a in sorted(state.activities.values(), key=lambda a: a.start, reverse=True)
                if oldest <= a.start.date() <= newest
            ]
            self._json(200, listed)
        elif rest == ["events", "bulk"] and method == "POST":
            events = json.loads(body or b"[]")
            answer = []
            with state.lock:
                for event in events:
                    key = event.get("external_id")
                    if query.get("upsert") == "true" and key in state.events:
                        stored = {**state.events[key], **event}
                    else:
                        stored = {**event, "id": state.next_id()}
                    stored.pop("file_contents_base64", None)
                    stored["workout_file"] = event.get("file_contents_base64", "")
                    state.events[key] = stored
                    answer.append({k: v for k, v in stored.items() if k != "workout_file"})
            self._json(200, answer)
        elif rest == ["events", "bulk-delete"] and method == "PUT":
            doomed = json.loads(body or b"[]")
            deleted = 0
            with state.lock:
                for item in doomed:
                    if state.events.pop(item.get("external_id"), None) is not None:
                        deleted += 1
            self._json(200, {"eventsDeleted": deleted})
        else:
            self._json(404, {"status": 404, "error": "Not found"})

    def do_GET(self) -> None:
        self._handle("GET")

    def do_POST(self) -> None:
        self._handle("POST")

    def do_PUT(self) -> None:
        self._handle("PUT")


def _activity_json(a: Listed) -> dict[str, Any]:
    return {
        "id": a.id,
        "start_date_local": a.start.replace(tzinfo=None).isoformat(),
        "start_date": a.start.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "type": a.sport,
        "name": a.name,
        "distance": a.distance_m,
        "moving_time": a.moving_s,
        "file_type": "fit",
        "source": "GARMIN_CONNECT",
    }


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, state: ContractState) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.state = state


class ContractServer:
    def __init__(self, state: ContractState) -> None:
        self.state = state
        self._server = _Server(state)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> ContractServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
