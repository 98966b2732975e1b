"""Every word the programme, plan, shoe and symptom pages and emails show is marked for
translation, so the German catalogue can reach all of it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tagalong.web.untranslated import bare_text, templates

ROOT = Path(__file__).resolve().parents[2] / "src" / "tagalong"
APPS = ("programmes", "plans", "shoes", "symptoms")


@pytest.mark.parametrize("app", APPS)
def test_no_template_of_the_app_shows_bare_text(app):
    found = [
        str(bare)
        for path in templates(ROOT)
        if path.relative_to(ROOT).parts[0] == app
        for bare in bare_text(path, ROOT)
    ]
    assert found == []


def test_the_apps_have_templates_to_check():
    names = {path.relative_to(ROOT).parts[0] for path in templates(ROOT)}
    assert set(APPS) <= names
