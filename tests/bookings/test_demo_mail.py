"""`tagalong demo` keeps the demo's emails out of the console and prints the logins last."""

from __future__ import annotations

import pytest

from tagalong import demo
from tagalong.bookings.demo import add_demo_bookings
from tagalong.cli import main


def test_demo_writes_its_emails_to_files_and_ends_with_the_logins(
    transactional_db: None,
    monkeypatch: pytest.MonkeyPatch,
    settings,
    tmp_path,
    capsys,
    mailoutbox,
) -> None:
    settings.DATA_DIR = tmp_path
    # Console mail is what `make run` has unless configured: none of it may reach stdout.
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    monkeypatch.setattr(demo, "DEMO_EXTENSIONS", [add_demo_bookings])  # the one that emails
    assert main(["demo"]) == 0  # a real transaction: the invitations go out when it commits
    out = capsys.readouterr().out
    files = list((tmp_path / "demo-mail").iterdir())
    assert files and any(b"text/calendar" in f.read_bytes() for f in files)
    assert "Subject:" not in out and "BEGIN:VCALENDAR" not in out
    assert str(tmp_path / "demo-mail") in out
    lines = out.strip().splitlines()
    assert lines[-1].startswith("  staff:") and lines[-5] == "Demo data loaded."
    assert not mailoutbox
