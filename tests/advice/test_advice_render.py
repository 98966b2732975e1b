"""The Markdown-subset renderer: structure and HTML safety."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tagalong.advice import ARTICLES, get, render_html, render_markdown

ALLOWED_TAG = re.compile(r"</?(h[1-6]|p|ul|ol|li|strong|em|a)(\s[^<>]*)?>")


def test_renders_headings_paragraphs_and_lists() -> None:
    html = render_markdown("# Title\n\nOne\ntwo.\n\n- a\n- b\n\n1. first\n2. second\n")
    assert html == (
        "<h1>Title</h1>\n<p>One two.</p>\n<ul><li>a</li><li>b</li></ul>\n"
        "<ol><li>first</li><li>second</li></ol>"
    )


def test_indented_line_continues_a_list_item() -> None:
    assert render_markdown("- one\n  more\n") == "<ul><li>one more</li></ul>"


def test_renders_bold_italic_and_links() -> None:
    html = render_markdown("**Bold** and *soft* [CDC](https://www.cdc.gov/x?a=1&b=2)")
    assert html == (
        "<p><strong>Bold</strong> and <em>soft</em> "
        '<a href="https://www.cdc.gov/x?a=1&amp;b=2">CDC</a></p>'
    )


def test_escapes_script_tags() -> None:
    html = render_markdown("Hello <script>alert('x')</script>")
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_javascript_links_become_plain_text() -> None:
    html = render_markdown("[click](javascript:alert(1))")
    assert "href" not in html and "click" in html


def test_quotes_in_a_link_cannot_break_out_of_the_attribute() -> None:
    html = render_markdown('[x](https://a.example/"onmouseover="alert(1))')
    assert '"onmouseover' not in html


def test_render_html_uses_the_article_body() -> None:
    html = render_html(get("pain-monitoring"))
    assert html.startswith("<h1>Pain monitoring")
    assert "<ul><li><strong>0–3:</strong>" in html


@pytest.mark.parametrize("slug", sorted(ARTICLES))
def test_every_article_renders_to_allowed_tags_only(slug: str) -> None:
    html = render_html(get(slug))
    assert ALLOWED_TAG.sub("", html).count("<") == 0


@given(st.text(alphabet=st.sampled_from(list("<>\"'&*#-[]()/:=a1 \n")), max_size=80))
def test_any_text_renders_without_foreign_markup(text: str) -> None:
    html = render_markdown(text)
    assert ALLOWED_TAG.sub("", html).count("<") == 0
    assert ">" not in ALLOWED_TAG.sub("", html)
