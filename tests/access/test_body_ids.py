"""Ids in request bodies pass the same policy as ids in URLs (tests/access/body_ids.py)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.test import Client

from tagalong.api.main import api
from tests.access.body_ids import API, NOWHERE, PAGES, BodyId
from tests.factories import make_world


def _id_fields(schema: dict[str, Any], body: dict[str, Any]) -> set[str]:
    ref = body.get("$ref")
    if ref is None:
        return set()
    properties = schema["components"]["schemas"][ref.rsplit("/", 1)[1]].get("properties", {})
    return {name for name in properties if name.endswith(("_id", "_ids"))}


def _writes_with_body_ids() -> dict[str, set[str]]:
    schema = api.get_openapi_schema()
    found: dict[str, set[str]] = {}
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            content = operation.get("requestBody", {}).get("content", {})
            fields: set[str] = set()
            for media in content.values():
                fields |= _id_fields(schema, media["schema"])
            if fields:
                found[f"{method.upper()} {path.rstrip('/')}"] = fields
    return found


def test_every_api_write_with_an_id_in_its_body_has_a_case() -> None:
    for key, fields in _writes_with_body_ids().items():
        assert key in API, f"{key} takes {sorted(fields)} in its body but has no body-id case"


def _json_answer(client: Client, method: str, url: str, body: Any) -> tuple[int, Any]:
    response = getattr(client, method)(url, data=json.dumps(body), content_type="application/json")
    text = response.content.decode()
    return response.status_code, json.loads(text) if text else None


def _without(value: Any, needle: int) -> Any:
    """The answer with the id itself blanked out (a refusal may quote the id it was sent)."""
    return json.loads(json.dumps(value).replace(str(needle), "ID"))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("key", "index"), [(k, i) for k, cases in sorted(API.items()) for i in range(len(cases))]
)
def test_api_body_id_of_someone_else_answers_as_one_that_does_not_exist(
    key: str, index: int
) -> None:
    case: BodyId = API[key][index]
    world = make_world()
    client = Client()
    client.force_login(world.actor(case.actor))
    method = key.split(" ", 1)[0].lower()
    url = case.url(world)
    foreign = case.foreign(world)
    missing = _json_answer(client, method, url, case.body(world, NOWHERE))
    answer = _json_answer(client, method, url, case.body(world, foreign))
    assert 400 <= answer[0] < 500, f"{key}: someone else's id was accepted"
    assert answer[0] == missing[0], f"{key}: {answer} but {missing} for no such id"
    assert _without(answer[1], foreign) == _without(missing[1], NOWHERE), key
    assert case.untouched(world), f"{key}: someone else's id changed something"


def _page_answer(user: Any, url: str, body: Any, needle: int) -> tuple[int, str, list[str]]:
    client = Client()
    client.force_login(user)
    response = client.post(url, data=body)
    notes = [str(m).replace(str(needle), "ID") for m in get_messages(response.wsgi_request)]
    return response.status_code, response.get("Location", ""), notes


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "index"), [(k, i) for k, cases in sorted(PAGES.items()) for i in range(len(cases))]
)
def test_form_body_id_of_someone_else_answers_as_one_that_does_not_exist(
    name: str, index: int
) -> None:
    case = PAGES[name][index]
    world = make_world()
    user = world.actor(case.actor)
    url = case.url(world)
    foreign = case.foreign(world)
    missing = _page_answer(user, url, case.body(world, NOWHERE), NOWHERE)
    answer = _page_answer(user, url, case.body(world, foreign), foreign)
    assert answer == missing, f"{name}: {answer} but {missing} for no such id"
    assert case.untouched(world), f"{name}: someone else's id changed something"
