"""Every route, every kind of actor, the expected status. A route without a case fails here."""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib import import_module
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tagalong.access.rules import RULES, rule_of
from tagalong.api.main import api
from tests.access.matrix import Case
from tests.factories import ACTORS, make_world

CASE_MODULES = sorted(
    p.stem for p in (Path(__file__).parent / "cases").glob("*.py") if p.stem != "__init__"
)
SKIPPED_NAMESPACES = {"admin", "api", "djdt"}


def _load_cases() -> tuple[dict[str, Case], dict[str, Case]]:
    pages: dict[str, Case] = {}
    api_cases: dict[str, Case] = {}
    for name in CASE_MODULES:
        module = import_module(f"tests.access.cases.{name}")
        for key, case in getattr(module, "PAGES", {}).items():
            assert key not in pages, f"{key} has two cases"
            pages[key] = case
        for key, case in getattr(module, "API", {}).items():
            assert key not in api_cases, f"{key} has two cases"
            api_cases[key] = case
    return pages, api_cases


PAGE_CASES, API_CASES = _load_cases()


def _walk(resolver: URLResolver, namespace: str = "") -> Iterator[tuple[str, Any]]:
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = entry.namespace or ""
            if ns in SKIPPED_NAMESPACES:
                continue
            yield from _walk(entry, f"{namespace}{ns}:" if ns else namespace)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", entry.callback
        elif isinstance(entry, URLPattern):
            raise AssertionError(f"route {entry.pattern} has no name, so no case can cover it")


def page_routes() -> dict[str, Any]:
    return dict(_walk(get_resolver()))


def api_operations() -> dict[str, Any]:
    schema = api.get_openapi_schema()
    operations: dict[str, Any] = {}
    for router_prefix, router in api._routers:
        for path, path_view in router.path_operations.items():
            for operation in path_view.operations:
                for method in operation.methods:
                    full = "/api" + (router_prefix + path).replace("//", "/")
                    operations[f"{method} {full.rstrip('/') or '/api'}"] = operation.view_func
    assert schema["paths"], "the OpenAPI document lists no paths"
    return operations


def test_every_page_route_has_a_rule_and_a_case() -> None:
    for name, callback in page_routes().items():
        assert rule_of(callback) in RULES, f"route {name} is not wrapped by a tagalong.access rule"
        assert name in PAGE_CASES, f"route {name} has no case in tests/access/cases/"


def test_every_api_operation_has_a_rule_and_a_case() -> None:
    for key, view_func in api_operations().items():
        assert rule_of(view_func) in RULES, f"API operation {key} has no tagalong.access rule"
        assert key in API_CASES, f"API operation {key} has no case in tests/access/cases/"


def test_no_case_names_a_route_that_is_gone() -> None:
    assert set(PAGE_CASES) <= set(page_routes())
    assert set(API_CASES) <= set(api_operations())


def _request(client: Client, case: Case, url: str, world: Any) -> int:
    data = case.data(world) if case.data else None
    if case.json or url.startswith("/api/"):
        body = json.dumps(data) if data is not None else None
        response = getattr(client, case.method)(url, data=body, content_type="application/json")
    else:
        response = getattr(client, case.method)(url, data=data or {})
    return int(response.status_code)


@pytest.mark.django_db
@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize("name", sorted(PAGE_CASES))
def test_page_route_answers_each_actor_as_expected(name: str, actor: str) -> None:
    case = PAGE_CASES[name]
    world = make_world()
    client = Client()
    user = world.actor(actor)
    if user is not None:
        client.force_login(user)
    url = reverse(name, kwargs=dict(case.kwargs(world)))
    assert _request(client, case, url, world) == case.expect[actor], f"{actor} on {name} ({url})"


@pytest.mark.django_db
@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize("key", sorted(API_CASES))
def test_api_operation_answers_each_actor_as_expected(key: str, actor: str) -> None:
    case = API_CASES[key]
    world = make_world()
    client = Client()
    user = world.actor(actor)
    if user is not None:
        client.force_login(user)
    method, template = key.split(" ", 1)
    assert method.lower() == case.method, f"{key}: case method {case.method}"
    url = template.format(**case.kwargs(world))
    assert _request(client, case, url, world) == case.expect[actor], f"{actor} on {key} ({url})"


@pytest.mark.django_db
@pytest.mark.parametrize("actor", [a for a in ACTORS if a != "staff"])
def test_admin_is_for_staff_only(actor: str) -> None:
    world = make_world()
    client = Client()
    user = world.actor(actor)
    if user is not None:
        client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    client.force_login(world.staff)
    assert client.get("/admin/").status_code == 200
