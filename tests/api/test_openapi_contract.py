"""Schemathesis walks every operation of /api/openapi.json with generated requests.

Requests go through the WSGI app with a personal token (no session, no CSRF token: the writes
are reached), with any ``athlete_id`` pointed at coach A's athlete so generated bodies reach
real code, not only the 404 path. Every response must be a documented status with a body
matching its schema, and never a server error.

Two passes: each operation alone as coach A, then stateful scenarios (as coach A and as their
athlete) that chain operations through the links Schemathesis infers from the schema (a
created group, consent, activity or invitation is then read, changed and deleted by its id).
Both are bounded: a few examples per operation, a few short scenarios.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, transaction
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tagalong.accounts.services import create_api_token
from tagalong.config.wsgi import application
from tests.factories import make_world

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture(autouse=True)
def keep_the_test_connection() -> Iterator[None]:
    """Requests through the WSGI app fire request_finished, which closes the database connection
    (and with it the test's transaction on PostgreSQL); Django's test client unhooks this too."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def coach_token(db: Any) -> tuple[str, int]:
    world = make_world()
    _, secret = create_api_token(user=world.coach_a, name="contract test")
    return secret, world.athlete_a.pk


@pytest.mark.django_db(transaction=False)
@schema.parametrize()
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)
def test_every_operation_honours_its_contract(case: Any, coach_token: tuple[str, int]) -> None:
    secret, athlete_id = coach_token
    if "athlete_id" in (case.path_parameters or {}):
        case.path_parameters["athlete_id"] = athlete_id
    case.call_and_validate(headers={"Authorization": f"Bearer {secret}"}, checks=CHECKS)


SCENARIOS = settings(
    max_examples=15,
    stateful_step_count=10,
    deadline=None,
    database=None,
    derandomize=True,  # the same scenarios every run: bounded and repeatable
    phases=[Phase.generate],
    suppress_health_check=list(HealthCheck),
)


# The stateful pass walks the objects that are created, read, changed and deleted by id; the
# stateless pass above already covers every operation alone.
LIFECYCLES = schema.include(
    path_regex=(
        r"^/api/(groups|me/consents|me/visibility|invitations|links|custom-exercises"
        r"|saved-replies|coaches/me/session-types|athletes/\{athlete_id\}/(shoes|activities))"
    )
)


def _links_in(document: dict[str, Any]) -> int:
    return sum(
        len(response.get("links") or {})
        for operations in document["paths"].values()
        for operation in operations.values()
        if isinstance(operation, dict)
        for response in (operation.get("responses") or {}).values()
    )


@pytest.mark.django_db(transaction=False)
@pytest.mark.parametrize("actor", ["coach_a", "athlete_a"])
def test_chained_operations_honour_their_contract(actor: str) -> None:
    world = make_world()
    _, secret = create_api_token(user=world.actor(actor), name="stateful contract test")
    athlete_id = world.athlete_a.pk
    base = LIFECYCLES.as_state_machine()
    assert _links_in(LIFECYCLES.raw_schema) > 50, "no links between operations: nothing is chained"

    answered: list[tuple[str, int, bool]] = []  # method, status, found an object by its id

    class Scenario(base):  # type: ignore[misc, valid-type]
        # Each scenario starts from the same rows: what one scenario created would otherwise
        # answer the next one's requests, and Hypothesis takes the changed answers for a
        # flaky strategy.
        def setup(self) -> None:
            super().setup()
            self.savepoint = transaction.savepoint()

        def teardown(self) -> None:
            transaction.savepoint_rollback(self.savepoint)
            super().teardown()

        def after_call(self, response: Any, case: Any) -> None:
            super().after_call(response, case)
            by_id = any(k != "athlete_id" for k in (case.path_parameters or {}))
            answered.append((case.method.upper(), response.status_code, by_id))

        def before_call(self, case: Any) -> None:
            if "athlete_id" in (case.path_parameters or {}):
                case.path_parameters["athlete_id"] = athlete_id

        def get_call_kwargs(self, case: Any) -> dict[str, Any]:
            return {"headers": {"Authorization": f"Bearer {secret}"}}

        def validate_response(self, response: Any, case: Any, **kwargs: Any) -> None:
            case.validate_response(response, checks=CHECKS)

    Scenario.run(settings=SCENARIOS)
    writes = [status for method, status, _ in answered if method != "GET" and status < 300]
    assert writes, f"no write succeeded with the token: {sorted(set(answered))}"
    # Random ids name nothing; an object found by its id came from an earlier answer (a link).
    assert any(by_id and status < 300 for _, status, by_id in answered), sorted(set(answered))
