"""Connect, pull, push: the intervals.icu sync (docs/sync.md).

One sync run holds the connection's lease (claimed with a conditional update, renewed after
each request). It settles what earlier imports finished, lists the activities since the last
sync, downloads the new ones' original files and hands them to the activity import pipeline in
small batches, reflects deletions and edits, then sends the published plan's run sessions as
planned workouts. Every step is recorded before the next, so a worker that dies leaves a state
the next worker continues from: a listed activity is one row (unique per connection), a file is
imported once (the pipeline's content hash), a workout is upserted by its stable external id.
"""

from __future__ import annotations

import hashlib
import json
import logging
import secrets
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from typing import TypeVar
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.debug import sensitive_variables

from tagalong.accounts.models import User
from tagalong.activities.models import Activity, ImportBatch, ImportItem, ItemStatus
from tagalong.athletes.models import AthleteProfile
from tagalong.audit.services import record
from tagalong.errors import DomainError
from tagalong.plans.models import PlanSession, PlanStatus, SessionKind
from tagalong.sync import vault
from tagalong.sync.client import (
    BadAnswer,
    IntervalsClient,
    KeyRefused,
    PlannedWorkout,
    RateLimited,
    RemoteActivity,
    ServiceError,
)
from tagalong.sync.models import (
    Connection,
    ConnectionState,
    PulledActivity,
    PullStatus,
    PushedWorkout,
    PushStatus,
)
from tagalong.wording import Phrase, phrase_json

log = logging.getLogger(__name__)
T = TypeVar("T")

HAND_OVER_EVERY = 10  # files per import batch, so a stopped run keeps what it downloaded
RECHECK_DAYS = 30  # edits and deletions on intervals.icu are seen this far back
SAME_START_S = 60  # the import pipeline's own twin window
PUSH_DAYS = 42  # planned workouts sent this far ahead
BROKEN_RETRY = timedelta(days=1)
MAX_BACKOFF = timedelta(hours=6)
WORKOUT_FORMAT = 1  # bump when what is sent for a session changes, to send everything again
REMOTE_ID_CHARS = 40


class LeaseLost(Exception):
    """Another worker took the connection's sync over."""


# --- the connection ----------------------------------------------------------------------


@sensitive_variables("key")
def client_for(connection: Connection) -> IntervalsClient:
    try:
        key = vault.unseal(connection.sealed_key, key=settings.SECRETS_KEY)
    except vault.VaultError:
        raise KeyRefused(
            "The stored API key cannot be read any more (the server's secrets key changed): "
            "connect again with your key."
        ) from None
    return IntervalsClient(
        base_url=settings.SYNC_BASE_URL,
        athlete_id=connection.remote_athlete_id,
        api_key=key,
        timeout_s=settings.SYNC_TIMEOUT_S,
    )


def _checked_id(remote_athlete_id: str) -> str:
    value = (remote_athlete_id or "").strip()
    digits = value[1:] if value[:1] in ("i", "I") else value
    if not digits.isdigit() or len(digits) > 12:
        raise DomainError(
            gettext(
                "The intervals.icu athlete id is the number shown in intervals.icu's settings, "
                "e.g. i123456."
            ),
            field="remote_athlete_id",
        )
    return "i" + digits


def _checked_key(api_key: str) -> str:
    key = (api_key or "").strip()
    if not key:
        raise DomainError(
            gettext("Paste the API key from intervals.icu's settings."), field="api_key"
        )
    if len(key) > 200 or any(ch.isspace() for ch in key):
        raise DomainError(
            gettext("That is not an intervals.icu API key: it is one word of letters and digits."),
            field="api_key",
        )
    return key


@sensitive_variables("api_key", "key", "client")
def connect(
    *, athlete: AthleteProfile, by: User, remote_athlete_id: str, api_key: str
) -> Connection:
    """Check the key against the service, then store it sealed and queue the first sync."""
    remote_id = _checked_id(remote_athlete_id)
    key = _checked_key(api_key)
    client = IntervalsClient(
        base_url=settings.SYNC_BASE_URL,
        athlete_id=remote_id,
        api_key=key,
        timeout_s=settings.SYNC_TIMEOUT_S,
    )
    try:
        client.athlete()
    except KeyRefused as error:
        raise DomainError(error.words, field="api_key") from None
    except ServiceError as error:
        raise DomainError(
            gettext("The key could not be checked: %(why)s Nothing was saved; try again later.")
            % {"why": error.words},
            field="api_key",
        ) from None
    now = timezone.now()
    with transaction.atomic():
        connection, _ = Connection.objects.update_or_create(
            athlete=athlete,
            defaults={
                "remote_athlete_id": remote_id,
                "sealed_key": vault.seal(key, key=settings.SECRETS_KEY),
                "key_shown": vault.masked(key),
                "state": ConnectionState.WORKING,
                "problem": "",
                "problem_since": None,
                "failures": 0,
                "connected_at": now,
                "next_due_at": now,
            },
        )
        record(
            actor=by,
            action="sync.connected",
            target=connection,
            athlete_id=athlete.pk,
            remote_athlete_id=remote_id,
        )
        _changed(athlete.pk)
        transaction.on_commit(lambda: _enqueue_sync(connection.pk), robust=True)
    return connection


def disconnect(*, athlete: AthleteProfile, by: User) -> bool:
    """Forget the key and the sync records; activities pulled stay. The planned workouts sent
    are taken off intervals.icu first when the key still works."""
    connection = Connection.objects.filter(athlete=athlete).first()
    if connection is None:
        return False
    external = list(
        PushedWorkout.objects.filter(athlete=athlete).values_list("external_id", flat=True)
    )
    if external and connection.state != ConnectionState.BROKEN:
        try:
            client_for(connection).delete_workouts(external)
        except ServiceError as error:
            log.info("sync %s: planned workouts left on intervals.icu: %s", athlete.pk, error)
    with transaction.atomic():
        PushedWorkout.objects.filter(athlete=athlete).delete()
        record(actor=by, action="sync.disconnected", target=connection, athlete_id=athlete.pk)
        connection.delete()
        _changed(athlete.pk)
    return True


def _changed(athlete_id: int) -> None:
    from tagalong.attention.tasks import queue_refresh

    queue_refresh(athlete_id)


def _enqueue_sync(connection_id: int) -> None:
    from tagalong.sync.tasks import run_sync

    run_sync.enqueue(connection_id)


# --- leases and the clock ----------------------------------------------------------------


def lease_length() -> timedelta:
    return timedelta(seconds=settings.SYNC_LEASE_S)


def claim(connection_id: int, *, now: datetime) -> Connection | None:
    owner = secrets.token_hex(8)
    free = Q(lease_until__isnull=True) | Q(lease_until__lt=now)
    stalled = Connection.objects.filter(pk=connection_id, lease_until__lt=now).exists()
    if not Connection.objects.filter(Q(pk=connection_id) & free).update(
        lease_owner=owner, lease_until=now + lease_length()
    ):
        return None
    if stalled:
        Connection.objects.filter(pk=connection_id).update(resumed_at=now)
    return Connection.objects.select_related("athlete", "athlete__user").get(pk=connection_id)


def renew(connection: Connection) -> None:
    if not Connection.objects.filter(pk=connection.pk, lease_owner=connection.lease_owner).update(
        lease_until=timezone.now() + lease_length()
    ):
        raise LeaseLost(f"sync of connection {connection.pk} was taken over")


def release(connection: Connection, **fields: object) -> None:
    Connection.objects.filter(pk=connection.pk, lease_owner=connection.lease_owner).update(
        lease_owner="", lease_until=None, **fields
    )


def next_slot(athlete_id: int, *, now: datetime) -> datetime:
    """The next moment in this athlete's place in the cycle: athletes are spread over it."""
    period = settings.SYNC_EVERY_MIN * 60
    phase = (athlete_id * 2654435761) % period
    ahead = period - ((int(now.timestamp()) - phase) % period)
    return now + timedelta(seconds=ahead)


def backoff(failures: int) -> timedelta:
    step = timedelta(minutes=settings.SYNC_EVERY_MIN) * (2 ** max(0, failures - 1))
    return min(step, MAX_BACKOFF)


def due_connections(*, now: datetime) -> list[int]:
    """Connections whose turn has come, moved on by one lease so the next tick leaves them."""
    due = []
    free = Q(lease_until__isnull=True) | Q(lease_until__lt=now)
    for pk in Connection.objects.filter(free, next_due_at__lte=now).values_list("pk", flat=True):
        if Connection.objects.filter(pk=pk, next_due_at__lte=now).update(
            next_due_at=now + lease_length()
        ):
            due.append(pk)
    return due


def stalled_connections(*, now: datetime) -> list[int]:
    return list(
        Connection.objects.filter(lease_until__lt=now)
        .exclude(lease_owner="")
        .values_list("pk", flat=True)
    )


# --- one sync run --------------------------------------------------------------------------


def run_sync(connection_id: int, *, push_only: bool = False) -> Connection | None:
    """Pull and push for one connection; None when another worker holds it."""
    connection = claim(connection_id, now=timezone.now())
    if connection is None:
        if push_only:  # a run is under way: make the next tick push again
            Connection.objects.filter(pk=connection_id).update(next_due_at=timezone.now())
        return None
    try:
        client = client_for(connection)
        settle(connection)
        if not push_only:
            pull(connection, client)
        push(connection, client)
        settle(connection)
    except LeaseLost:
        return None
    except ServiceError as error:
        _failed(connection, error)
        return connection
    except Exception:  # a fault of ours: say so, and do not retry it in a tight loop
        log.exception("sync of athlete %s failed", connection.athlete_id)
        _failed(connection, ServiceError("Tagalong could not finish the sync; it tries again."))
        return connection
    now = timezone.now()
    was = connection.state
    release(
        connection,
        state=ConnectionState.WORKING,
        problem="",
        problem_since=None,
        failures=0,
        last_attempt_at=now,
        last_success_at=now,
        next_due_at=next_slot(connection.athlete_id, now=now)
        if not push_only
        else connection.next_due_at,
    )
    if was != ConnectionState.WORKING:
        _changed(connection.athlete_id)
    return connection


def _failed(connection: Connection, error: ServiceError) -> None:
    now = timezone.now()
    failures = connection.failures + 1
    if isinstance(error, KeyRefused):
        state, wait = ConnectionState.BROKEN, BROKEN_RETRY
    elif isinstance(error, RateLimited):
        state = ConnectionState.WAITING
        wait = max(timedelta(seconds=error.retry_after_s), timedelta(seconds=30))
    else:
        state, wait = ConnectionState.WAITING, backoff(failures)
    log.info("sync of athlete %s stopped: %s", connection.athlete_id, error.words)
    release(
        connection,
        state=state,
        problem=error.words[:300],
        problem_since=connection.problem_since or now,
        failures=failures,
        last_attempt_at=now,
        next_due_at=now + wait,
    )
    _changed(connection.athlete_id)


# --- pull ------------------------------------------------------------------------------------


def _window(connection: Connection, now: datetime) -> tuple[date, date]:
    zone = ZoneInfo(connection.athlete.time_zone)
    if connection.last_success_at is None:
        oldest = connection.connected_at - timedelta(days=settings.SYNC_HISTORY_DAYS)
    else:
        oldest = connection.last_success_at - timedelta(days=RECHECK_DAYS)
    return oldest.astimezone(zone).date(), (now.astimezone(zone) + timedelta(days=1)).date()


def pull(connection: Connection, client: IntervalsClient) -> None:
    now = timezone.now()
    oldest, newest = _window(connection, now)
    listed = client.activities(oldest=oldest, newest=newest)
    renew(connection)
    _note_listing(connection, listed)
    _reflect_deletions(connection, listed, oldest=oldest, newest=newest)
    _download(connection, client)


def _note_listing(connection: Connection, listed: Sequence[RemoteActivity]) -> None:
    for item in listed:
        fields = {
            "start": item.start,
            "name": item.name,
            "sport": item.sport[:40],
            "distance_m": item.distance_m,
            "fingerprint": item.fingerprint,
        }
        row, created = PulledActivity.objects.get_or_create(
            connection=connection, remote_id=item.id[:REMOTE_ID_CHARS], defaults=fields
        )
        if created or row.fingerprint == item.fingerprint:
            continue
        if row.status == PullStatus.IMPORTING:
            continue  # its import is under way: the edit is seen once it is settled
        # Edited there: fetch it again (its old copy here goes once the new one is in).
        PulledActivity.objects.filter(pk=row.pk).update(
            **fields, status=PullStatus.WAITING, batch=None, reason="", reason_phrase=None
        )


def _reflect_deletions(
    connection: Connection, listed: Sequence[RemoteActivity], *, oldest: date, newest: date
) -> None:
    from tagalong.activities.services import delete_activity

    zone = ZoneInfo(connection.athlete.time_zone)
    ids = {item.id[:REMOTE_ID_CHARS] for item in listed}
    # A file being imported is looked at again once its import is settled.
    rows = PulledActivity.objects.filter(connection=connection, start__isnull=False).exclude(
        status__in=(PullStatus.REMOVED, PullStatus.IMPORTING)
    )
    for row in rows.exclude(remote_id__in=ids).select_related("activity"):
        assert row.start is not None
        if not oldest <= row.start.astimezone(zone).date() <= newest:
            continue
        with transaction.atomic():
            # Only what the sync brought in goes; a hand upload it matched stays.
            ours = row.brought_in and row.activity is not None
            if ours:
                assert row.activity is not None
                delete_activity(activity=row.activity, by=None)
            reason = (
                Phrase("Deleted on intervals.icu, so deleted here too.")
                if ours
                else Phrase("Deleted on intervals.icu; the copy uploaded here stays.")
            )
            PulledActivity.objects.filter(pk=row.pk).update(
                status=PullStatus.REMOVED,
                activity=None,
                brought_in=False,
                reason=reason,
                reason_phrase=phrase_json(reason),
            )


def _twin_here(row: PulledActivity) -> Activity | None:
    """An activity of the athlete with the same start (±60 s) and distance: uploaded by hand."""
    if row.start is None:
        return None
    near = Activity.objects.filter(
        athlete_id=row.connection.athlete_id,
        start__gte=row.start - timedelta(seconds=SAME_START_S),
        start__lte=row.start + timedelta(seconds=SAME_START_S),
    )
    if row.activity_id:
        near = near.exclude(pk=row.activity_id)
    for activity in near:
        if row.distance_m is None or activity.distance_m is None:
            if row.distance_m is None and activity.distance_m is None:
                return activity
            continue
        if abs(activity.distance_m - row.distance_m) <= max(50.0, 0.02 * row.distance_m):
            return activity
    return None


def _suffix(data: bytes) -> str | None:
    if len(data) >= 12 and data[8:12] == b".FIT":
        return ".fit"
    head = data[:4096].lstrip()
    if head.startswith(b"<") or head.startswith(b"\xef\xbb\xbf<"):
        if b"TrainingCenterDatabase" in head:
            return ".tcx"
        if b"<gpx" in head:
            return ".gpx"
    return None


def _download(connection: Connection, client: IntervalsClient) -> None:
    waiting = PulledActivity.objects.filter(
        connection=connection, status=PullStatus.WAITING, batch__isnull=True
    ).select_related("connection")
    files: list[tuple[PulledActivity, str, bytes]] = []
    try:
        for row in waiting.order_by("start", "pk"):
            twin = _twin_here(row)
            if twin is not None:
                _settled(row, PullStatus.DUPLICATE, _already_here(twin, connection), twin, False)
                continue
            try:
                data = client.original_file(row.remote_id)
            except BadAnswer as error:
                _settled(row, PullStatus.FAILED, error.words)
                continue
            renew(connection)
            suffix = _suffix(data)
            if suffix is None:
                _settled(
                    row,
                    PullStatus.FAILED,
                    Phrase("intervals.icu's file for this activity is not a FIT, GPX or TCX file."),
                )
                continue
            files.append((row, f"{row.file_name}{suffix}", data))
            if len(files) >= HAND_OVER_EVERY:
                _hand_over(connection, files)
                files = []
    finally:
        if files:  # even when the service stopped us: what was downloaded is kept
            _hand_over(connection, files)


def _already_here(activity: Activity, connection: Connection) -> Phrase:
    zone = ZoneInfo(connection.athlete.time_zone)
    return Phrase(
        "Already here: the {sport} of {start:%-d %b %Y %H:%M} uploaded before.",
        sport=activity.sport,
        start=activity.start.astimezone(zone),
    )


def _settled(
    row: PulledActivity,
    status: str,
    reason: str,
    activity: Activity | None = None,
    brought_in: bool | None = None,
) -> None:
    fields: dict[str, object] = {
        "status": status,
        "reason": reason[:2000],
        "reason_phrase": phrase_json(reason),
    }
    if activity is not None:
        fields["activity"] = activity
    if brought_in is not None:
        fields["brought_in"] = brought_in
    PulledActivity.objects.filter(pk=row.pk).update(**fields)


def _hand_over(connection: Connection, files: Sequence[tuple[PulledActivity, str, bytes]]) -> None:
    """One import batch for these files, recorded on their rows in the same transaction."""
    from tagalong.activities.services import start_import

    uploads = [SimpleUploadedFile(name, data) for _, name, data in files]
    try:
        with transaction.atomic():
            batch = start_import(athlete=connection.athlete, by=None, upload=uploads)
            PulledActivity.objects.filter(pk__in=[row.pk for row, _, _ in files]).update(
                status=PullStatus.IMPORTING, batch=batch, reason=""
            )
    except DomainError as error:  # e.g. the storage quota: each file says why
        for row, _, _ in files:
            _settled(row, PullStatus.FAILED, str(error))


def settle(connection: Connection) -> None:
    """Read the outcome of finished imports onto their rows (and drop an edited activity's old
    copy once its new one is in)."""
    from tagalong.activities.services import delete_activity

    rows = PulledActivity.objects.filter(
        connection=connection, status=PullStatus.IMPORTING, batch__isnull=False
    ).select_related("batch", "activity")
    for row in rows:
        batch = row.batch
        assert batch is not None
        if not batch.finished:
            continue
        items = list(ImportItem.objects.filter(batch=batch, name__startswith=row.file_name + "."))
        imported = [i for i in items if i.status == ItemStatus.IMPORTED and i.activity_id]
        duplicate = [i for i in items if i.status == ItemStatus.DUPLICATE]
        ours = row.activity_id if row.brought_in else None
        with transaction.atomic():
            if imported:
                new_id = imported[0].activity_id
                reason = imported[0].reason_text
                _settled(row, PullStatus.IMPORTED, reason, imported[0].activity, True)
                old = Activity.objects.filter(pk=ours).first() if ours else None
                if old is not None and old.pk != new_id:
                    delete_activity(activity=old, by=None)  # the edit moved it: the old goes
                if row.name:
                    Activity.objects.filter(pk=new_id, name="").update(name=row.name)
            elif duplicate and ours and duplicate[0].activity_id == ours:
                # Edited there (a new name, say) with the same file: it stays ours.
                reason = Phrase("Edited on intervals.icu; the file is the same.")
                _settled(row, PullStatus.IMPORTED, reason)
                if row.name:
                    Activity.objects.filter(pk=ours).update(name=row.name)
            elif duplicate:
                _settled(
                    row,
                    PullStatus.DUPLICATE,
                    duplicate[0].reason_text,
                    duplicate[0].activity,
                    False,
                )
            elif items:
                reason = items[0].reason_text or Phrase("Could not be imported.")
                _settled(row, PullStatus.FAILED, reason)
            else:
                _settled(row, PullStatus.FAILED, batch.error_text or Phrase("The import stopped."))


STUCK_QUEUED = timedelta(minutes=2)


def requeue_stuck_imports(*, now: datetime) -> list[int]:
    """Import batches of pulled files still queued long after they were made (their task was
    lost, or failed before it claimed them): queue them again. Claiming is conditional, so a
    batch queued twice is imported once."""
    from tagalong.activities.tasks import run_import

    ids = sorted(
        set(
            PulledActivity.objects.filter(
                status=PullStatus.IMPORTING,
                batch__status="queued",
                batch__created_at__lt=now - STUCK_QUEUED,
            ).values_list("batch_id", flat=True)
        )
    )
    for batch_id in ids:
        run_import.enqueue(batch_id)
    return ids


def settle_finished() -> int:
    """Settle every connection with an import that has finished since; how many there were."""
    ids = set(
        PulledActivity.objects.filter(
            status=PullStatus.IMPORTING, batch__status__in=("done", "failed")
        ).values_list("connection_id", flat=True)
    )
    for connection in Connection.objects.filter(pk__in=ids).select_related("athlete"):
        settle(connection)
    return len(ids)


# --- push ------------------------------------------------------------------------------------


def external_id(session: PlanSession) -> str:
    return f"tagalong-{session.ical_uid}"


def _fingerprint(session: PlanSession) -> str:
    shown = session.snapshot()
    shown.pop("id", None)
    shown["label"] = session.label
    shown["format"] = WORKOUT_FORMAT
    return hashlib.sha256(json.dumps(shown, sort_keys=True, default=str).encode()).hexdigest()


def sessions_to_push(athlete: AthleteProfile, *, today: date) -> list[PlanSession]:
    from tagalong.attention.red_flags import plan_pause

    if plan_pause(athlete) is not None:
        return []  # a paused plan leaves the watch too
    return list(
        PlanSession.objects.filter(
            plan__athlete=athlete,
            plan__status=PlanStatus.ACTIVE,
            kind=SessionKind.RUN,
            duration_min__gt=0,
            date__gte=today,
            date__lte=today + timedelta(days=PUSH_DAYS),
        ).select_related("plan")
    )


def planned_workout(session: PlanSession) -> PlannedWorkout:
    from tagalong.plans.selectors.exports import fit_bytes
    from tagalong.plans.workouts import workout_text

    text = workout_text(session) or f"{session.duration_min:g} min {session.label.lower()}"
    try:
        # The plan's creation time keeps the file the same from one sync to the next.
        fit: bytes | None = fit_bytes(session, now=session.plan.created_at)
    except (ValueError, DomainError):
        fit = None
    return PlannedWorkout(
        external_id=external_id(session),
        day=session.date,
        name=session.label,
        description=text,
        moving_s=round(session.duration_min * 60),
        distance_m=None if session.distance_km is None else session.distance_km * 1000,
        fit_bytes=fit,
    )


def push(connection: Connection, client: IntervalsClient) -> None:
    athlete = connection.athlete
    today = timezone.now().astimezone(ZoneInfo(athlete.time_zone)).date()
    wanted = {s.pk: s for s in sessions_to_push(athlete, today=today)}
    rows = {
        row.session_id: row
        for row in PushedWorkout.objects.filter(athlete=athlete, session__isnull=False)
    }
    send: list[tuple[PlanSession, str]] = []
    for pk, session in wanted.items():
        fingerprint = _fingerprint(session)
        row = rows.get(pk)
        if row is not None and row.status == PushStatus.SENT and row.fingerprint == fingerprint:
            continue
        send.append((session, fingerprint))
        PushedWorkout.objects.update_or_create(
            athlete=athlete,
            external_id=external_id(session),
            defaults={"session": session, "day": session.date, "status": PushStatus.WAITING},
        )
    for chunk in _chunks(send, 50):
        try:
            answer = client.upsert_workouts([planned_workout(s) for s, _ in chunk])
        except ServiceError as error:
            if not isinstance(error, RateLimited):
                PushedWorkout.objects.filter(
                    athlete=athlete, external_id__in=[external_id(s) for s, _ in chunk]
                ).update(status=PushStatus.FAILED, problem=error.words[:300])
            raise
        renew(connection)
        remote = {str(e.get("external_id")): str(e.get("id") or "") for e in answer}
        now = timezone.now()
        for session, fingerprint in chunk:
            PushedWorkout.objects.filter(athlete=athlete, external_id=external_id(session)).update(
                status=PushStatus.SENT,
                fingerprint=fingerprint,
                problem="",
                sent_at=now,
                day=session.date,
                remote_event_id=remote.get(external_id(session), "")[:40],
            )
    gone = PushedWorkout.objects.filter(athlete=athlete).exclude(session_id__in=list(wanted))
    stale = list(gone.values_list("external_id", flat=True))
    for chunk_ids in _chunks(stale, 100):
        client.delete_workouts(chunk_ids)
        renew(connection)
        PushedWorkout.objects.filter(athlete=athlete, external_id__in=chunk_ids).delete()


def _chunks(items: Sequence[T], size: int) -> Iterable[list[T]]:
    for start in range(0, len(items), size):
        yield list(items[start : start + size])


def recent_batches(connection: Connection) -> list[ImportBatch]:
    ids = (
        PulledActivity.objects.filter(connection=connection, batch__isnull=False)
        .values_list("batch_id", flat=True)
        .distinct()
    )
    return list(ImportBatch.objects.filter(pk__in=list(ids)).order_by("-created_at")[:5])
