"""Every page of the demo data, for the coach and for a runner, at 1366 px and 390 px: axe-core
finds no violations, and at 390 px no page scrolls sideways and every control (button, field,
disclosure, menu link) is at least 44 px tall.

The page list is the one tests/web/test_no_internal_names.py walks (URL resolver × demo ids).
axe-core comes from npm (package.json) and is served to the browser from node_modules on the
live server's own origin, so the pages' Content-Security-Policy stays on.

One browser and one page per person: each page is loaded once, checked at 1366 px, then resized to
390 px and checked again. This is the slowest browser test (about 40 pages per person).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings

from tagalong.accounts.models import User
from tagalong.demo import DEMO_PASSWORD
from tests.web.test_no_internal_names import (  # noqa: F401 - demo is the fixture
    SKIP_PREFIXES,
    demo,
    demo_ids,
    fill,
    routes,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(settings.NODE_MODULES) / "axe-core" / "axe.min.js"
AXE_PATH = "/__test__/axe.min.js"
PEOPLE = ["coach@demo.tagalong", "sam@demo.tagalong"]
RUN_AXE = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.map(v => ({
    rule: v.id, impact: v.impact,
    where: v.nodes.slice(0, 4).map(n => n.target.join(" ") + (n.failureSummary ? " — " +
      n.failureSummary.split("\\n").slice(1, 2).join("") : "")),
  }));
}"""
# ids that aria-describedby / aria-labelledby / aria-controls name but the page lacks
MISSING_IDS = """() => [...document.querySelectorAll(
  "[aria-describedby], [aria-labelledby], [aria-controls]")].flatMap(el =>
  ["aria-describedby", "aria-labelledby", "aria-controls"].flatMap(attr =>
    (el.getAttribute(attr) || "").split(/\\s+/).filter(id => id && !document.getElementById(id))
      .map(id => `${el.tagName.toLowerCase()}[${attr}=${id}]`)))"""
# controls shorter than 44 px (a tap target) at 390 px; inline links in text are exempt
SMALL_TARGETS = """() => [...document.querySelectorAll("button, .button, select, textarea, " +
  "summary, .nav a, input:not([type=hidden]):not([type=checkbox]):not([type=radio])")]
  .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 &&
    r.height < 43.5; })
  .slice(0, 5).map(e => `${e.tagName.toLowerCase()}${e.name ? "[name=" + e.name + "]" : ""}` +
    ` "${(e.innerText || "").trim().slice(0, 30)}" ` +
    `${Math.round(e.getBoundingClientRect().height)}px`)"""
WIDTHS = """() => ({scroll: document.documentElement.scrollWidth,
  client: document.documentElement.clientWidth})"""


@dataclass
class Sweep:
    pages: list[str] = field(default_factory=list)
    violations: dict[str, list[dict[str, object]]] = field(default_factory=dict)
    too_wide: dict[str, int] = field(default_factory=dict)  # at 390 px: path -> scrollWidth
    small_targets: dict[str, list[str]] = field(default_factory=dict)  # at 390 px


_SWEEPS: dict[str, Sweep] = {}  # one walk per person serves both tests of this module


def candidate_paths(person: User) -> list[str]:
    paths = {p for ids in demo_ids(person) for route, _ in routes() for p in fill(route, ids)}
    return sorted(p for p in paths if not p.startswith(SKIP_PREFIXES))


def sweep(live_server, browser, email: str) -> Sweep:  # type: ignore[no-untyped-def]
    """Each page the person may open, loaded once: axe at 1366 px, then at 390 px with the
    page's width measured."""
    if email in _SWEEPS:
        return _SWEEPS[email]
    assert AXE.is_file(), f"axe-core is not installed at {AXE}: run npm install"
    result = Sweep()
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    context.route(
        f"{live_server.url}{AXE_PATH}",
        lambda route: route.fulfill(path=str(AXE), content_type="text/javascript"),
    )
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()

    def axe(label: str) -> None:
        page.add_script_tag(url=live_server.url + AXE_PATH)
        found = page.evaluate(RUN_AXE)
        if missing := page.evaluate(MISSING_IDS):
            found.append({"rule": "missing-id", "impact": "serious", "where": missing})
        if found:
            result.violations[label] = found

    for path in candidate_paths(User.objects.get(email=email)):
        head = page.request.get(live_server.url + path, max_redirects=0)
        if head.status != 200 or "text/html" not in head.headers.get("content-type", ""):
            continue
        page.set_viewport_size({"width": 1366, "height": 900})
        page.goto(live_server.url + path)
        result.pages.append(path)
        axe(f"{path} at 1366 px")
        page.set_viewport_size({"width": 390, "height": 900})
        axe(f"{path} at 390 px")
        size = page.evaluate(WIDTHS)
        if size["scroll"] > size["client"]:
            result.too_wide[path] = size["scroll"]
        if small := page.evaluate(SMALL_TARGETS):
            result.small_targets[path] = small
    page.goto(live_server.url + "/")  # the open menu, once
    page.get_by_role("button", name="Menu").click()
    axe("/ with the menu open at 390 px")
    context.close()
    _SWEEPS[email] = result
    return result


def report(violations: dict[str, list[dict[str, object]]]) -> str:
    lines = []
    for path, found in sorted(violations.items()):
        for v in found:
            lines.append(f"{path}: {v['rule']} ({v['impact']}) at {v['where']}")
    return "\n".join(lines)


def demo_sweep(request, live_server, browser, email: str) -> Sweep:  # type: ignore[no-untyped-def]
    """The sweep for this person; the demo data is loaded only when the walk has not run yet."""
    if email not in _SWEEPS:
        request.getfixturevalue("demo")
    return sweep(live_server, browser, email)


@pytest.mark.parametrize("email", PEOPLE)
def test_axe_finds_no_violation_on_any_demo_page_at_1366_and_390_px(
    request, live_server, browser, email
):  # type: ignore[no-untyped-def]
    result = demo_sweep(request, live_server, browser, email)
    assert len(result.pages) >= 15, result.pages  # the walk really reached the demo's pages
    assert result.violations == {}, report(result.violations)


@pytest.mark.parametrize("email", PEOPLE)
def test_no_demo_page_scrolls_sideways_at_390_px(request, live_server, browser, email):  # type: ignore[no-untyped-def]
    result = demo_sweep(request, live_server, browser, email)
    assert len(result.pages) >= 15, result.pages
    assert result.too_wide == {}, f"pages wider than a 390 px screen: {result.too_wide}"


@pytest.mark.parametrize("email", PEOPLE)
def test_every_control_is_a_44_px_tap_target_at_390_px(request, live_server, browser, email):  # type: ignore[no-untyped-def]
    result = demo_sweep(request, live_server, browser, email)
    assert len(result.pages) >= 15, result.pages
    assert result.small_targets == {}, "\n".join(
        f"{path}: {found}" for path, found in sorted(result.small_targets.items())
    )
