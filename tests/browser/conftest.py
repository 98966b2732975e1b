"""Real Chromium through Playwright. In CI a missing browser is a failure, never a skip."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from typing import Any

import pytest

CHROMIUM = os.environ.get("TAGALONG_CHROMIUM", "/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TIMEOUT_MS = 15_000  # any wait of a context the tests open fails after this, with its locator

# Playwright's sync API runs an event loop in this thread; the Django ORM calls made by the
# test itself (factories, outbox) are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


class Browser:
    """The session's Chromium. Each context a test opens gets the suite's timeout and is closed
    when the test ends: a page left open would go on asking the live server during later tests."""

    def __init__(self, chromium: Any) -> None:
        self._chromium = chromium
        self._opened: list[Any] = []

    def new_context(self, **options: Any) -> Any:
        context = self._chromium.new_context(**options)
        context.set_default_timeout(TIMEOUT_MS)
        self._opened.append(context)
        return context

    def close_contexts(self) -> None:
        while self._opened:
            self._opened.pop().close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._chromium, name)


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        if os.environ.get("CI"):
            pytest.fail(f"Chromium not found at {CHROMIUM}: install it (apt-get install chromium)")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def browser(chromium: Any) -> Iterator[Browser]:
    opened = Browser(chromium)
    yield opened
    opened.close_contexts()


@pytest.fixture
def page(browser: Browser) -> Any:
    return browser.new_context(viewport={"width": 1100, "height": 900}).new_page()
