"""An HTTP client for the parts of intervals.icu's public API that Tagalong uses.

Plain typed Python (no Django): the caller passes the base URL, the athlete id, the key and a
timeout. Authentication is HTTP Basic with the user name ``API_KEY`` and the athlete's key as
the password. Every failure is one of the ``ServiceError`` kinds below, and no error message
ever holds the key: messages are written here from the status, never copied from a request.
"""

from __future__ import annotations

import base64
import gzip
import io
import json
import socket
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

USER_AGENT = "Tagalong (self-hosted running coaching)"
GZIP_MAGIC = b"\x1f\x8b"
MAX_FILE_BYTES = 64 * 2**20
DEFAULT_RETRY_AFTER_S = 60.0


class ServiceError(Exception):
    """The service could not do what was asked; ``words`` says so in the runner's words."""

    retry: bool = True

    def __init__(self, words: str) -> None:
        super().__init__(words)
        self.words = words


class KeyRefused(ServiceError):
    """401/403: the key is wrong, was revoked, or does not give access to this athlete."""

    retry = False


class NotFound(ServiceError):
    retry = False


class RateLimited(ServiceError):
    """429: wait ``retry_after_s`` seconds before the next request."""

    def __init__(self, words: str, retry_after_s: float) -> None:
        super().__init__(words)
        self.retry_after_s = retry_after_s


class Unreachable(ServiceError):
    """A timeout, a refused connection, or a 5xx: try again later."""


class BadAnswer(ServiceError):
    """The service answered something that is not what its documentation describes."""


@dataclass(frozen=True, slots=True)
class RemoteActivity:
    id: str
    start: datetime | None  # UTC
    sport: str
    name: str
    distance_m: float | None
    moving_s: float | None
    # What the listing says of it: when this changes, the activity was edited there.
    fingerprint: str


@dataclass(frozen=True, slots=True)
class PlannedWorkout:
    """One planned workout as the events endpoints take it (category WORKOUT)."""

    external_id: str
    day: date
    name: str
    description: str
    moving_s: int
    distance_m: float | None
    fit_bytes: bytes | None = None

    def to_event(self) -> dict[str, Any]:
        event: dict[str, Any] = {
            "category": "WORKOUT",
            "start_date_local": f"{self.day.isoformat()}T00:00:00",
            "type": "Run",
            "name": self.name,
            "description": self.description,
            "external_id": self.external_id,
            "moving_time": self.moving_s,
        }
        if self.distance_m is not None:
            event["distance"] = self.distance_m
        if self.fit_bytes is not None:
            event["filename"] = f"{self.external_id}.fit"
            event["file_contents_base64"] = base64.b64encode(self.fit_bytes).decode("ascii")
        return event


def retry_after_seconds(header: str | None, *, now: datetime) -> float:
    """Seconds to wait from a ``Retry-After`` header: a number of seconds or an HTTP date."""
    if not header:
        return DEFAULT_RETRY_AFTER_S
    text = header.strip()
    try:
        return max(0.0, float(text))
    except ValueError:
        pass
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return DEFAULT_RETRY_AFTER_S
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return max(0.0, (moment - now).total_seconds())


class IntervalsClient:
    def __init__(
        self, *, base_url: str, athlete_id: str, api_key: str, timeout_s: float = 20.0
    ) -> None:
        if not base_url.startswith(("https://", "http://")):
            raise ValueError("base_url: must be an http(s) address")
        self.base_url = base_url.rstrip("/")
        self.athlete_id = athlete_id
        self._auth = "Basic " + base64.b64encode(f"API_KEY:{api_key}".encode()).decode("ascii")
        self.timeout_s = timeout_s

    def __repr__(self) -> str:  # the key stays out of any traceback's locals display
        return f"IntervalsClient(base_url={self.base_url!r}, athlete_id={self.athlete_id!r})"

    # --- requests -------------------------------------------------------------------------

    def _url(self, path: str, query: Mapping[str, str] | None = None) -> str:
        url = self.base_url + path
        return url + ("?" + urllib.parse.urlencode(query) if query else "")

    def _send(
        self, method: str, path: str, *, query: Mapping[str, str] | None = None, body: Any = None
    ) -> tuple[bytes, Mapping[str, str]]:
        data = None if body is None else json.dumps(body).encode("utf-8")
        # The scheme is checked in __init__: only http(s) is ever opened.
        request = urllib.request.Request(self._url(path, query), data=data, method=method)  # noqa: S310
        request.add_header("Authorization", self._auth)
        request.add_header("User-Agent", USER_AGENT)
        request.add_header("Accept", "application/json, */*")
        if data is not None:
            request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout_s) as response:  # noqa: S310
                content = response.read(MAX_FILE_BYTES + 1)
                if len(content) > MAX_FILE_BYTES:
                    raise BadAnswer("intervals.icu sent a file larger than Tagalong accepts.")
                return content, dict(response.headers.items())
        except urllib.error.HTTPError as error:
            raise self._refusal(error.code, error.headers.get("Retry-After")) from None
        except TimeoutError:
            raise Unreachable(
                f"intervals.icu did not answer within {self.timeout_s:g} seconds."
            ) from None
        except urllib.error.URLError as error:
            if isinstance(error.reason, TimeoutError | socket.timeout):
                raise Unreachable(
                    f"intervals.icu did not answer within {self.timeout_s:g} seconds."
                ) from None
            raise Unreachable("intervals.icu could not be reached.") from None
        except (ConnectionError, OSError):
            raise Unreachable("intervals.icu could not be reached.") from None

    def _refusal(self, status: int, retry_after: str | None) -> ServiceError:
        if status == 401:
            return KeyRefused(
                "intervals.icu did not accept the API key: check it, or make a new one in "
                "intervals.icu's settings (Developer Settings)."
            )
        if status == 403:
            return KeyRefused(
                f"intervals.icu refused access to athlete {self.athlete_id} with this key: "
                "the key may have been revoked, or the athlete id is not yours."
            )
        if status == 404:
            return NotFound("intervals.icu has no such athlete or activity (404).")
        if status == 429:
            wait = retry_after_seconds(retry_after, now=datetime.now(UTC))
            return RateLimited(
                f"intervals.icu asked us to slow down; trying again in {wait:.0f} seconds.", wait
            )
        if status >= 500:
            return Unreachable(f"intervals.icu had a problem of its own ({status}).")
        return BadAnswer(f"intervals.icu refused the request ({status}).")

    def _json(self, content: bytes) -> Any:
        try:
            return json.loads(content.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise BadAnswer("intervals.icu answered with something that is not JSON.") from None

    # --- the endpoints ----------------------------------------------------------------------

    def athlete(self) -> dict[str, Any]:
        """GET /api/v1/athlete/{id}: the key works for this athlete."""
        found = self._json(self._send("GET", f"/api/v1/athlete/{self._id()}")[0])
        if not isinstance(found, dict):
            raise BadAnswer("intervals.icu answered the athlete request with no athlete.")
        return found

    def activities(self, *, oldest: date, newest: date) -> list[RemoteActivity]:
        """GET /api/v1/athlete/{id}/activities?oldest=&newest= (local dates, inclusive)."""
        content, _ = self._send(
            "GET",
            f"/api/v1/athlete/{self._id()}/activities",
            query={"oldest": oldest.isoformat(), "newest": newest.isoformat()},
        )
        listed = self._json(content)
        if not isinstance(listed, list):
            raise BadAnswer("intervals.icu answered the activity list with no list.")
        return [activity for item in listed if (activity := _activity(item)) is not None]

    def original_file(self, activity_id: str) -> bytes:
        """GET /api/v1/activity/{id}/file: the file as uploaded there (gzipped), unzipped."""
        content, _ = self._send("GET", f"/api/v1/activity/{urllib.parse.quote(activity_id)}/file")
        if content.startswith(GZIP_MAGIC):
            try:
                with gzip.GzipFile(fileobj=io.BytesIO(content)) as stream:
                    inner = stream.read(MAX_FILE_BYTES + 1)
            except (OSError, EOFError):
                raise BadAnswer(
                    f"intervals.icu sent activity {activity_id}'s file damaged (bad gzip)."
                ) from None
            if len(inner) > MAX_FILE_BYTES:
                raise BadAnswer("intervals.icu sent a file larger than Tagalong accepts.")
            return inner
        return content

    def upsert_workouts(self, workouts: Sequence[PlannedWorkout]) -> list[dict[str, Any]]:
        """POST /api/v1/athlete/{id}/events/bulk?upsert=true: create or update by external_id."""
        if not workouts:
            return []
        content, _ = self._send(
            "POST",
            f"/api/v1/athlete/{self._id()}/events/bulk",
            query={"upsert": "true"},
            body=[workout.to_event() for workout in workouts],
        )
        answer = self._json(content)
        if not isinstance(answer, list):
            raise BadAnswer("intervals.icu answered the workout upload with no list.")
        return [item for item in answer if isinstance(item, dict)]

    def delete_workouts(self, external_ids: Sequence[str]) -> int:
        """PUT /api/v1/athlete/{id}/events/bulk-delete with [{external_id}]: how many went."""
        if not external_ids:
            return 0
        content, _ = self._send(
            "PUT",
            f"/api/v1/athlete/{self._id()}/events/bulk-delete",
            body=[{"external_id": external_id} for external_id in external_ids],
        )
        answer = self._json(content) if content.strip() else {}
        deleted = answer.get("eventsDeleted") if isinstance(answer, dict) else None
        return int(deleted) if isinstance(deleted, int) else len(external_ids)

    def _id(self) -> str:
        return urllib.parse.quote(self.athlete_id, safe="")


def _number(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _moment(value: object) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)


def _activity(item: object) -> RemoteActivity | None:
    """One listed activity; entries without an id (or Strava stubs the API cannot give) are
    left out."""
    if not isinstance(item, dict) or not item.get("id"):
        return None
    if item.get("source") == "STRAVA" and not item.get("file_type"):
        return None  # intervals.icu cannot pass on Strava's data through its API
    fields = {
        key: item.get(key)
        for key in ("start_date", "start_date_local", "type", "name", "distance", "moving_time")
    }
    return RemoteActivity(
        id=str(item["id"]),
        start=_moment(item.get("start_date")),
        sport=str(item.get("type") or ""),
        name=str(item.get("name") or "")[:200],
        distance_m=_number(item.get("distance")),
        moving_s=_number(item.get("moving_time")),
        fingerprint=json.dumps(fields, sort_keys=True, default=str),
    )
