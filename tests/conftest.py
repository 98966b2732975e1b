from __future__ import annotations

import pytest
from django.test import Client

from tests.factories import World, make_world


@pytest.fixture(scope="session", autouse=True)
def _translations() -> None:
    """The .mo files are built from the committed .po files, never committed themselves."""
    from tagalong.web.catalogues import compile_catalogues

    compile_catalogues()


@pytest.fixture
def world(db: None) -> World:
    return make_world()


@pytest.fixture
def client_for(client: Client):  # type: ignore[no-untyped-def]
    """A test client signed in as the given user (or anonymous for None)."""

    def sign_in(user):  # type: ignore[no-untyped-def]
        if user is not None:
            client.force_login(user)
        return client

    return sign_in
