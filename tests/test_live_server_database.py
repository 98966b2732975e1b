"""The live server's request threads open their own database connections: sharing the test
thread's in-memory SQLite connection once hung the whole suite (see settings_test)."""

from __future__ import annotations

import pytest
from django.db import connection


@pytest.mark.django_db(transaction=True)
def test_the_live_server_shares_no_connection_with_the_test(live_server) -> None:  # type: ignore[no-untyped-def]
    if connection.vendor == "sqlite":
        assert not connection.is_in_memory_db()
    assert live_server.thread.connections_override == {}
