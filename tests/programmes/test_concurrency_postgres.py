"""Many sign-ups at once for the last places, on PostgreSQL: never more than the capacity."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable

import pytest
from django.db import connection
from django.utils import timezone

from tagalong.errors import DomainError
from tagalong.programmes.models import Place, PlaceStatus
from tagalong.programmes.services import give_gift, join, sign_up_visitor
from tests.factories import make_athlete, make_coach
from tests.programmes.helpers import programme

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
]


def _race(attempts: list[Callable[[], Place | object]]) -> tuple[Counter[str], list[Exception]]:
    outcomes: Counter[str] = Counter()
    errors: list[Exception] = []
    lock = threading.Lock()
    barrier = threading.Barrier(len(attempts))

    def run(attempt: Callable[[], Place | object]) -> None:
        try:
            barrier.wait()
            result = attempt()
            status = result.status if isinstance(result, Place) else "gift"
            with lock:
                outcomes[status] += 1
        except DomainError:
            with lock:
                outcomes["refused"] += 1
        except Exception as error:
            with lock:
                errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(a,)) for a in attempts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes, errors


def test_thirty_runners_and_visitors_racing_for_the_last_three_places_fill_exactly_ten():
    coach = make_coach()
    p = programme(coach, capacity=10, clinic=False)
    now = timezone.now()
    for _ in range(7):  # seven places are gone already
        join(programme=p, athlete=make_athlete(), now=now)
    runners = [make_athlete() for _ in range(15)]
    attempts: list[Callable[[], Place | object]] = [
        lambda a=a: join(programme=p, athlete=a, now=now) for a in runners
    ]
    attempts += [
        lambda n=n: sign_up_visitor(programme=p, email=f"visitor{n}@example.org", now=now)
        for n in range(10)
    ]
    attempts += [
        lambda n=n: give_gift(
            programme=p,
            giver_name="Giver",
            giver_email="giver@example.org",
            recipient_email=f"gift{n}@example.org",
            message="",
            now=now,
        )
        for n in range(5)
    ]
    outcomes, errors = _race(attempts)
    assert errors == []
    taking = Place.objects.filter(
        programme=p, status__in=[PlaceStatus.ACTIVE, PlaceStatus.HELD]
    ).count()
    assert taking == 10
    waiting = Place.objects.filter(programme=p, status=PlaceStatus.WAITLISTED)
    positions = sorted(waiting.values_list("waitlist_position", flat=True))
    assert positions == list(range(1, len(positions) + 1))
    # every attempt got exactly one answer: three places, a waiting list, refused gifts
    assert sum(outcomes.values()) == 30
    assert outcomes["active"] + outcomes["held"] + outcomes["gift"] == 3
    assert outcomes["waitlisted"] == len(positions)
    assert outcomes["refused"] == 30 - 3 - len(positions)
