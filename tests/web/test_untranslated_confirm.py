"""The checker for unmarked template text also reads the question a confirm dialog asks."""

from __future__ import annotations

from pathlib import Path

from tagalong.web.untranslated import bare_text


def _bare(tmp_path: Path, source: str) -> list[str]:
    page = tmp_path / "app" / "templates" / "page.html"
    page.parent.mkdir(parents=True)
    page.write_text(source, encoding="utf-8")
    return [bare.text for bare in bare_text(page, tmp_path)]


def test_a_bare_confirm_question_is_reported(tmp_path):
    assert _bare(tmp_path, '<button data-confirm="Delete this plan?">{{ x }}</button>') == [
        "Delete this plan?"
    ]


def test_a_translated_confirm_question_is_not(tmp_path):
    source = (
        '{% load i18n %}{% translate "Delete this plan?" as ask %}'
        '<button data-confirm="{{ ask }}">{{ x }}</button>'
    )
    assert _bare(tmp_path, source) == []
