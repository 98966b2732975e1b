"""Translations: the language picker in Settings, stored per person, turns the navigation and
the pages we translated into German; the catalogues compile without GNU gettext."""

from __future__ import annotations

import gettext
import io
import shutil
import subprocess
from pathlib import Path

import pytest

from tagalong.web.catalogues import LOCALE_DIR, compile_catalogues, mo_bytes, parse_po
from tagalong.web.nav_words import NAV_LABELS
from tagalong.web.navigation import _ENTRIES
from tests.factories import make_athlete, make_coach

pytestmark = pytest.mark.django_db


def _nav(html: str) -> str:
    return html[html.index("<nav aria-label=") : html.index("</nav>")]


def test_a_runner_switches_to_german_and_reads_the_navigation_in_german(client_for):
    athlete = make_athlete()
    client = client_for(athlete.user)
    assert ">Shoes</a>" in _nav(client.get("/").content.decode())
    response = client.post("/accounts/settings/language/", {"language": "de"}, follow=True)
    athlete.user.refresh_from_db()
    assert athlete.user.language == "de"
    html = response.content.decode()
    assert "Deine Sprache ist gespeichert." in html
    assert '<html lang="de">' in html
    nav = _nav(html)
    assert ">Schuhe</a>" in nav and ">Einstellungen</a>" in nav and ">Mein Profil</a>" in nav
    assert "Abmelden" in html and "Zum Inhalt springen" in html


def test_the_choice_follows_the_person_not_the_browser(client_for):
    coach = make_coach(language="de")
    html = client_for(coach).get("/", headers={"accept-language": "en-GB"}).content.decode()
    assert ">Athleten</a>" in _nav(html) and "Erste Schritte" in html


def test_without_a_choice_the_browsers_language_is_used(client):
    html = client.get("/accounts/login/", headers={"accept-language": "de-DE,de;q=0.9"})
    assert "Anmelden" in html.content.decode()


def test_an_unknown_language_is_refused(client_for):
    athlete = make_athlete()
    response = client_for(athlete.user).post(
        "/accounts/settings/language/", {"language": "xx"}, follow=True
    )
    athlete.user.refresh_from_db()
    assert athlete.user.language == ""
    assert "Choose one of the languages offered." in response.content.decode()


def test_the_settings_page_offers_the_languages(client_for):
    html = client_for(make_athlete().user).get("/accounts/settings/").content.decode()
    assert '<option value="de">Deutsch</option>' in html and 'id="language"' in html


def test_every_navigation_label_is_in_the_catalogues():
    assert {entry.label for entry in _ENTRIES} <= set(NAV_LABELS)
    catalogue = parse_po((LOCALE_DIR / "de/LC_MESSAGES/django.po").read_text(encoding="utf-8"))
    assert all(label in catalogue for label in NAV_LABELS if label != "Plan")  # "Plan" is German


def test_the_english_catalogue_holds_every_message_the_german_one_does():
    def ids(language: str) -> set[str]:
        po = (LOCALE_DIR / language / "LC_MESSAGES/django.po").read_text(encoding="utf-8")
        return set(parse_po(po, untranslated=True))

    assert ids("en_GB") == ids("de") and len(ids("de")) > 150


def test_our_compiler_reads_as_gnu_msgfmt_does(tmp_path: Path):
    if shutil.which("msgfmt") is None:
        pytest.skip("GNU gettext is not installed to compare with")
    po = LOCALE_DIR / "de/LC_MESSAGES/django.po"
    ours = tmp_path / "ours.mo"
    ours.write_bytes(mo_bytes(parse_po(po.read_text(encoding="utf-8"))))
    subprocess.run(["msgfmt", "-o", str(tmp_path / "gnu.mo"), str(po)], check=True)
    with ours.open("rb") as a, (tmp_path / "gnu.mo").open("rb") as b:
        mine, gnu = gettext.GNUTranslations(a)._catalog, gettext.GNUTranslations(b)._catalog  # type: ignore[attr-defined]
    mine.pop(""), gnu.pop("")  # the headers differ in the creation date msgfmt drops
    assert mine == gnu and len(mine) > 100


def test_a_context_keeps_words_apart_and_a_fuzzy_entry_leaves_out_only_itself():
    po = (
        'msgid "open"\nmsgstr "offen"\n\n'
        '#, fuzzy\nmsgctxt "door"\nmsgid "open"\nmsgstr "auf"\n\n'
        'msgctxt "session with no runner yet"\nmsgid "open"\nmsgstr "frei"\n\n'
        '#, fuzzy\nmsgid "Shoes"\nmsgstr "Schule"\n'
        'msgid "Save"\nmsgstr "Speichern"\n'
    )
    catalogue = gettext.GNUTranslations(io.BytesIO(mo_bytes(parse_po(po))))
    assert catalogue.gettext("open") == "offen"
    assert catalogue.pgettext("session with no runner yet", "open") == "frei"
    assert catalogue.pgettext("door", "open") == "open"  # fuzzy: left out
    assert catalogue.gettext("Shoes") == "Shoes"
    assert catalogue.gettext("Save") == "Speichern"  # the entry after a fuzzy one is kept


def test_compiling_writes_a_mo_only_when_the_po_is_newer(tmp_path: Path):
    folder = tmp_path / "de" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "django.po").write_text('msgid "Shoes"\nmsgstr "Schuhe"\n', encoding="utf-8")
    assert compile_catalogues(tmp_path) == [folder / "django.mo"]
    assert compile_catalogues(tmp_path) == []
    with (folder / "django.mo").open("rb") as mo:
        assert gettext.GNUTranslations(mo).gettext("Shoes") == "Schuhe"


def test_a_fuzzy_entry_hides_only_itself_not_the_entries_after_it():
    po = (
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Last used"\nmsgstr "Zuletzt benutzt"\n\n'
        '#, fuzzy\nmsgid "Actions"\nmsgstr "Benachrichtigungen"\n\n'
        'msgid "never"\nmsgstr "nie"\n\n'
        'msgid "Copy"\nmsgstr "Kopieren"\n'
    )
    catalogue = parse_po(po)
    assert "Actions" not in catalogue
    assert catalogue["never"] == "nie"
    assert catalogue["Copy"] == "Kopieren"
