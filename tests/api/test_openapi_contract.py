"""Schemathesis walks every operation of /api/openapi.json with generated requests.

Requests go through the WSGI app as coach A (a personal token), with any ``athlete_id`` pointed
at coach A's athlete so generated bodies reach real code, not only the 404 path. Every response
must be a documented status with a body matching its schema, and never a server error.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
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
    max_examples=10,
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
