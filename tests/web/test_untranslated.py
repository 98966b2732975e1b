"""The checker for unmarked template text also reads the question a confirm dialog asks."""

from __future__ import annotations

from pathlib import Path

from tagalong.web.untranslated import bare_text, templates

ROOT = Path(__file__).resolve().parents[2] / "src" / "tagalong"


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


def test_no_template_shows_bare_text() -> None:
    paths = templates(ROOT)
    assert len({path.relative_to(ROOT).parts[0] for path in paths}) >= 15  # every app is read
    assert [str(bare) for path in paths for bare in bare_text(path, ROOT)] == []


def test_the_checker_finds_bare_words_and_passes_marked_ones(tmp_path: Path) -> None:
    found = _bare(
        tmp_path,
        "{% load i18n %}<h1>Your plan</h1><p>{% translate 'Marked' %}</p>"
        "{% blocktranslate trimmed with n=x %}Week {{ n }}{% endblocktranslate %}"
        "{% comment %}a note{% endcomment %}<script>let words = 1;</script>"
        '<img alt="A calf" src="x.png"><input type="submit" value="Save"> 12 km',
    )
    assert found == ["Your plan", "A calf", "Save"]


def test_a_plain_text_email_is_read_line_by_line(tmp_path: Path) -> None:
    mail = tmp_path / "mail.txt"
    mail.write_text("{% load i18n %}{% translate 'Hello' %}\nSee you soon\n{{ url }}\n")
    assert [(bare.line, bare.text) for bare in bare_text(mail, tmp_path)] == [(2, "See you soon")]
