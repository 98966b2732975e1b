from __future__ import annotations

import pytest

from tagalong.messaging.models import Thread
from tests.factories import World

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n%%EOF\n"


@pytest.fixture
def thread(world: World) -> Thread:
    return Thread.objects.get(athlete=world.athlete_a, coach=world.coach_a)


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path / "media"
