from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.test import Client

from tests.factories import World, make_world


@pytest.fixture(scope="session", autouse=True)
def _translations() -> None:
    """The .mo files are built from the committed .po files, never committed themselves."""
    from tagalong.web.catalogues import compile_catalogues

    compile_catalogues()


@pytest.fixture(autouse=True)
def _site_language() -> Iterator[None]:
    """Each test starts in the site's language: a request the test client made in German
    leaves German active in the thread, and a phrase is said in the active language."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()


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
