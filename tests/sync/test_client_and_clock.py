"""The pure pieces: Retry-After, the spread of runners over the cycle, the back-off, the vault,
and the start-up check of the secrets key."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest

from tagalong.sync import vault
from tagalong.sync.client import DEFAULT_RETRY_AFTER_S, IntervalsClient, retry_after_seconds
from tagalong.sync.services import MAX_BACKOFF, backoff, next_slot

NOW = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)


def test_retry_after_in_seconds_or_as_a_date() -> None:
    assert retry_after_seconds("120", now=NOW) == 120
    assert retry_after_seconds("Wed, 02 Dec 2026 12:01:30 GMT", now=NOW) == 90
    assert retry_after_seconds(None, now=NOW) == DEFAULT_RETRY_AFTER_S
    assert retry_after_seconds("soon", now=NOW) == DEFAULT_RETRY_AFTER_S
    assert retry_after_seconds("-5", now=NOW) == 0


def test_runners_are_spread_over_the_cycle(settings) -> None:  # type: ignore[no-untyped-def]
    settings.SYNC_EVERY_MIN = 15
    slots = {next_slot(athlete, now=NOW) for athlete in range(1, 101)}
    assert len(slots) > 80  # a hundred runners, not one moment
    for athlete in (1, 2, 77):
        slot = next_slot(athlete, now=NOW)
        assert NOW < slot <= NOW + timedelta(minutes=15)
        # the same place in every cycle
        assert next_slot(athlete, now=slot) == slot + timedelta(minutes=15)


def test_the_back_off_doubles_up_to_six_hours(settings) -> None:  # type: ignore[no-untyped-def]
    settings.SYNC_EVERY_MIN = 15
    assert [backoff(n) for n in (1, 2, 3)] == [timedelta(minutes=m) for m in (15, 30, 60)]
    assert backoff(30) == MAX_BACKOFF


def test_the_vault_seals_and_masks() -> None:
    key = vault.derived_key("secret")
    sealed = vault.seal("abcdefghijkl", key=key)
    assert "abcdefghijkl" not in sealed and vault.unseal(sealed, key=key) == "abcdefghijkl"
    with pytest.raises(vault.VaultError):
        vault.unseal(sealed, key=vault.derived_key("another"))
    assert vault.masked("abcdefghijkl") == "••••••••ijkl"
    assert vault.masked("short") == "••••••••"


def test_the_client_opens_only_http_addresses() -> None:
    with pytest.raises(ValueError, match="http"):
        IntervalsClient(base_url="file:///etc/passwd", athlete_id="i1", api_key="k")


def test_a_malformed_secrets_key_stops_start_up(tmp_path) -> None:  # type: ignore[no-untyped-def]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tagalong.config.settings",
        "TAGALONG_DEBUG": "true",
        "TAGALONG_DATA_DIR": str(tmp_path),
        "TAGALONG_SECRETS_KEY": "not-a-fernet-key",
    }
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "TAGALONG_SECRETS_KEY" in result.stderr and "32" in result.stderr
