"""Every page of the demo data, for a coach and for a runner, is written in a runner's words.

The URL list comes from the URL resolver; ids in a URL are filled from the demo objects that the
person may see. A page fails on an identifier pattern in its visible text: snake_case words,
dotted ids (``load.runs``, ``capacity.single_run_spike``), "science.md" or "§".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from tagalong.accounts.models import User
from tagalong.demo import load_demo

pytestmark = pytest.mark.django_db(transaction=False)

IDENTIFIER = re.compile(
    r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b"  # snake_case
    r"|\b[a-z][a-z0-9_]+\.[a-z][a-z0-9_]+\b"  # dotted ids
    r"|science\.md|§"
)
# Text a person typed or that names a place outside the app: addresses, links, file names.
NOT_OURS = re.compile(
    r"\S+@\S+|\w+://\S+|intervals\.icu|meet\.jit\.si|\S+\.(?:fit|gpx|tcx|zip|csv|gz|ics)\b",
    re.IGNORECASE,
)
SKIP_PREFIXES = ("/admin/", "/api/", "/static/", "/media/", "/__")


class VisibleText(HTMLParser):
    """The text a person reads: no scripts, styles, json_script data, or tag attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "template"):
            self._hidden += 1
        for name, value in attrs:  # what a screen reader or a tooltip says counts too
            if name in ("aria-label", "title", "placeholder", "alt") and value:
                self.parts.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "template") and self._hidden:
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = VisibleText()
    parser.feed(html)
    return NOT_OURS.sub(" ", " ".join(parser.parts))


def routes(resolver: URLResolver | None = None, prefix: str = "") -> Iterator[tuple[str, str]]:
    """(route with <converters>, url name) for every named page."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            namespace = f"{entry.namespace}:" if entry.namespace else ""
            for route, name in routes(entry, prefix + str(entry.pattern)):
                yield route, namespace + name if name else name
        elif isinstance(entry, URLPattern) and entry.name:
            yield prefix + str(entry.pattern), entry.name


def _pks(queryset, n: int = 2) -> list[object]:  # type: ignore[no-untyped-def]
    return list(queryset.order_by("pk").values_list("pk", flat=True)[:n])


def demo_ids(person: User) -> list[dict[str, list[object]]]:
    """Candidate values for each URL parameter, one set per athlete this person may see."""
    from tagalong.access.policy import visible_athletes
    from tagalong.activities.models import ImportBatch
    from tagalong.advice.library import ARTICLES
    from tagalong.assessments.models import CalfCheckRun, CustomExercise
    from tagalong.athletes.models import AthleteGroup
    from tagalong.bookings.models import Booking, Session, SessionType
    from tagalong.exercises import LIBRARY
    from tagalong.plans.models import Plan, PlanSession
    from tagalong.shoes.models import Shoe

    shared: dict[str, list[object]] = {
        "slug": [next(iter(LIBRARY)), next(iter(ARTICLES))],
        "group_id": _pks(AthleteGroup.objects.all()),
        "type_id": _pks(SessionType.objects.all()),
        "booking_id": _pks(Booking.objects.all()),
        "exercise_id": _pks(CustomExercise.objects.all()),
    }
    sets = []
    for athlete in visible_athletes(person).order_by("pk")[:2]:
        plans = Plan.objects.filter(athlete=athlete)
        sets.append(
            {
                **shared,
                "athlete_id": [athlete.pk],
                "activity_id": _pks(athlete.activities.all(), 3),
                "batch_id": _pks(ImportBatch.objects.filter(athlete=athlete)),
                "shoe_id": _pks(Shoe.objects.filter(athlete=athlete)),
                "plan_id": _pks(plans),
                "run_id": _pks(CalfCheckRun.objects.filter(athlete=athlete)),
                "kind": ["activity"],  # the comment page, on one of the athlete's runs
                "subject_id": _pks(athlete.activities.all(), 1),
                "session_id": _pks(PlanSession.objects.filter(plan__in=plans))
                + _pks(Session.objects.filter(bookings__athlete=athlete)),
            }
        )
    return sets


def fill(route: str, ids: dict[str, list[object]]) -> Iterator[str]:
    names = re.findall(r"<(?:\w+:)?(\w+)>", route)
    if any(not ids.get(n) for n in names):
        return
    for pick in range(max(len(ids[n]) for n in names) if names else 1):
        path = route
        for name in names:
            values = ids[name]
            path = re.sub(rf"<(?:\w+:)?{name}>", str(values[min(pick, len(values) - 1)]), path)
        yield "/" + path.replace("^", "").replace("$", "")


def pages_for(client, person: User) -> dict[str, str]:  # type: ignore[no-untyped-def]
    client.force_login(person)
    seen: dict[str, str] = {}
    paths = {p for ids in demo_ids(person) for route, _ in routes() for p in fill(route, ids)}
    for path in sorted(paths):
        if True:
            if path.startswith(SKIP_PREFIXES) or path in seen:
                continue
            response = client.get(path)
            if response.status_code == 200 and "text/html" in response.get("Content-Type", ""):
                seen[path] = visible_text(response.content.decode())
    return seen


@pytest.fixture
def demo(db):  # type: ignore[no-untyped-def]
    """The demo data, plus a calf check for each of the first athletes so its page has findings."""
    from django.utils import timezone

    from tagalong.assessments.selectors import build_case
    from tagalong.assessments.services import run_calf_check
    from tagalong.athletes.models import AthleteProfile

    load_demo()
    coach = User.objects.get(email="coach@demo.tagalong")
    for athlete in AthleteProfile.objects.order_by("pk")[:2]:
        today = timezone.localdate()
        case = build_case(athlete, today=today)
        run_calf_check(athlete=athlete, by=coach, case=case, today=today)


@pytest.mark.parametrize("email", ["coach@demo.tagalong", "sam@demo.tagalong"])
def test_no_page_of_the_demo_shows_an_internal_name(client, demo, email):
    person = User.objects.get(email=email)
    pages = pages_for(client, person)
    assert len(pages) >= 15, sorted(pages)  # the walk really reached the demo's pages
    leaks = {
        path: sorted(set(IDENTIFIER.findall(text)))
        for path, text in pages.items()
        if IDENTIFIER.search(text)
    }
    assert leaks == {}, "\n".join(f"{path}: {words}" for path, words in sorted(leaks.items()))
