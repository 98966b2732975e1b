"""A tiny, safe renderer for the Markdown subset the articles use.

Supported: ``#`` headings, paragraphs, ``-``/``*`` and ``1.`` lists, ``**bold**``, ``*italic*``
and ``[text](url)`` links. Every piece of text is HTML-escaped before any markup is added, so an
article can never inject tags or attributes; links with a scheme other than http, https or mailto
(``javascript:`` and friends) are rendered as plain text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape

from tagalong.advice.model import Article

HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
BULLET = re.compile(r"^[-*]\s+(.*)$")
NUMBERED = re.compile(r"^\d+\.\s+(.*)$")
LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
ITALIC = re.compile(r"\*(?=\S)(.+?)(?<=\S)\*")
SAFE_SCHEMES = ("http://", "https://", "mailto:")
RELATIVE_URL = re.compile(r"[A-Za-z0-9._~/#?=&%+-]+")


@dataclass
class _Block:
    tag: str  # "p", "ul" or "ol"
    lines: list[str] = field(default_factory=list)


def render_html(article: Article) -> str:
    """The article body as HTML (the title is the body's own first heading)."""
    return render_markdown(article.body_markdown)


def render_markdown(text: str) -> str:
    out: list[str] = []
    block: _Block | None = None
    for raw in text.splitlines():
        line = raw.strip()
        heading = HEADING.match(line)
        item = BULLET.match(line) or NUMBERED.match(line)
        if not line or heading:
            out += _close(block)
            block = None
            if heading:
                level = len(heading.group(1))
                out.append(f"<h{level}>{_inline(heading.group(2))}</h{level}>")
        elif item:
            tag = "ul" if BULLET.match(line) else "ol"
            if block is None or block.tag != tag:
                out += _close(block)
                block = _Block(tag)
            block.lines.append(item.group(1))
        elif block is not None and block.tag != "p" and raw[:1].isspace():
            block.lines[-1] += " " + line  # an indented line continues the list item
        else:
            if block is None or block.tag != "p":
                out += _close(block)
                block = _Block("p")
            block.lines.append(line)
    out += _close(block)
    return "\n".join(out)


def _close(block: _Block | None) -> list[str]:
    if block is None:
        return []
    if block.tag == "p":
        return [f"<p>{_inline(' '.join(block.lines))}</p>"]
    items = "".join(f"<li>{_inline(line)}</li>" for line in block.lines)
    return [f"<{block.tag}>{items}</{block.tag}>"]


def _inline(text: str) -> str:
    parts: list[str] = []
    position = 0
    for link in LINK.finditer(text):
        parts.append(_emphasis(escape(text[position : link.start()])))
        label = _emphasis(escape(link.group(1)))
        url = link.group(2)
        parts.append(f'<a href="{escape(url)}">{label}</a>' if _is_safe_url(url) else label)
        position = link.end()
    parts.append(_emphasis(escape(text[position:])))
    return "".join(parts)


def _emphasis(escaped: str) -> str:
    escaped = BOLD.sub(r"<strong>\1</strong>", escaped)
    return ITALIC.sub(r"<em>\1</em>", escaped)


def _is_safe_url(url: str) -> bool:
    if url.lower().startswith(SAFE_SCHEMES):
        return True
    return ":" not in url and RELATIVE_URL.fullmatch(url) is not None
