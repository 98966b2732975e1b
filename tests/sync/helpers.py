from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tagalong.sync import services
from tagalong.sync.models import Connection
from tests.factories import World
from tests.sync.conftest import KEY, REMOTE_ID


def connected(world: World, capture: Callable[..., Any]) -> Connection:
    """Connect athlete A and let the first sync (queued on commit) run, imports settled."""
    with capture(execute=True):
        connection = services.connect(
            athlete=world.athlete_a, by=world.athlete_a.user, remote_athlete_id=REMOTE_ID,
            api_key=KEY,
        )  # fmt: skip
    services.settle_finished()
    connection.refresh_from_db()
    return connection


def sync(connection: Connection, capture: Callable[..., Any]) -> Connection:
    with capture(execute=True):
        services.run_sync(connection.pk)
    services.settle_finished()
    connection.refresh_from_db()
    return connection
