"""A refused request writes one log line, not a traceback."""

from __future__ import annotations

import logging

import pytest
from django.test import Client

from tests.factories import make_athlete

pytestmark = pytest.mark.django_db


def _forbidden_records(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if getattr(r, "status_code", None) == 403]


@pytest.mark.parametrize("path", ["/coach/sessions/", "/api/coaches/me/availability"])
def test_a_403_logs_one_line_without_a_traceback(
    path: str, caplog: pytest.LogCaptureFixture
) -> None:
    client = Client()
    client.force_login(make_athlete().user)
    with caplog.at_level(logging.WARNING, logger="django.request"):
        assert client.get(path).status_code == 403
    records = _forbidden_records(caplog)
    assert len(records) == 1
    assert records[0].exc_info is None
    assert "Traceback" not in caplog.text
