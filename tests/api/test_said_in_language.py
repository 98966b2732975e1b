"""The API answers the core's phrases in the reader's language: in error messages, in
free-form JSON and in typed text fields."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import translation

from tagalong.api.schemas import Said
from tagalong.web.phrases import said
from tagalong.wording import Phrase
from tests.factories import make_athlete
from tests.web.test_phrases import german

pytestmark = pytest.mark.django_db


def test_said_reaches_phrases_inside_lists_and_dicts(monkeypatch) -> None:
    german(monkeypatch, {"Easy run": "Lockerer Lauf"})
    data = {"why": [{"text": Phrase("Easy run"), "evidence": ["x"]}], "n": 3, "t": ("a",)}
    with translation.override("de"):
        assert said(data) == {
            "why": [{"text": "Lockerer Lauf", "evidence": ["x"]}],
            "n": 3,
            "t": ["a"],
        }


def test_a_typed_text_field_takes_the_reader_language(monkeypatch) -> None:
    from ninja import Schema

    class Out(Schema):
        text: Said

    german(monkeypatch, {"{km:.1f} km easy": "{km:.1f} km locker"})
    with translation.override("de"):
        assert Out(text=Phrase("{km:.1f} km easy", km=8.5)).text == "8,5 km locker"


def test_an_error_message_is_in_the_reader_language(monkeypatch) -> None:
    german(monkeypatch, {"Unknown red flag: {flag}.": "Unbekanntes Warnzeichen: {flag}."})
    athlete = make_athlete()
    client = Client()
    client.force_login(athlete.user)
    response = client.post(
        f"/api/athletes/{athlete.pk}/symptoms",
        {"day": dt.date.today().isoformat(), "red_flags": ["purple_calf"]},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="de",
    )
    assert response.status_code == 400, response.content
    assert response.json()["error"]["message"] == "Unbekanntes Warnzeichen: purple_calf."
