"""Parse an article file: a small front-matter block between ``---`` lines, then Markdown.

The block holds one ``key: value`` per line; list values are written ``[a, b, c]``. We parse it
ourselves because the format is tiny and YAML's type guessing would only add surprises.

A translation (``content/<language>/<slug>.md``) holds only ``title`` and ``summary`` and the
translated body: its citations, exercises and causes are the English article's, so a translator
cannot let them drift.
"""

from __future__ import annotations

from dataclasses import replace

from tagalong.advice.model import CAUSES, Article, InvalidArticle

FENCE = "---"
TEXT_KEYS = ("title", "slug", "summary")
LIST_KEYS = ("citations", "exercises", "causes")
TRANSLATION_KEYS = ("title", "summary")


def parse_article(text: str, *, source: str) -> Article:
    """Build an ``Article`` from file text; ``source`` names the file in error messages."""
    header, body = _split(text, source)
    fields = _parse_header(header, source, TEXT_KEYS + LIST_KEYS)
    article = Article(
        slug=_text(fields, "slug", source),
        title=_text(fields, "title", source),
        summary=_text(fields, "summary", source),
        body_markdown=body.strip() + "\n",
        citations=_list(fields, "citations", source),
        exercises=_list(fields, "exercises", source),
        causes=_list(fields, "causes", source),
    )
    unknown = [c for c in article.causes if c not in CAUSES]
    if unknown:
        raise InvalidArticle(f"{source}: unknown cause(s) {unknown}; expected from {CAUSES}")
    if not article.citations:
        raise InvalidArticle(f"{source}: 'citations' must list at least one evidence id")
    return article


def parse_translation(text: str, *, source: str, english: Article, language: str) -> Article:
    """The English article with the title, summary and body of a translation file."""
    header, body = _split(text, source)
    fields = _parse_header(header, source, TRANSLATION_KEYS)
    return replace(
        english,
        title=_text(fields, "title", source),
        summary=_text(fields, "summary", source),
        body_markdown=body.strip() + "\n",
        language=language,
    )


def _split(text: str, source: str) -> tuple[list[str], str]:
    lines = text.splitlines()
    if not lines or lines[0].strip() != FENCE:
        raise InvalidArticle(f"{source}: must start with a '---' front-matter line")
    for number, line in enumerate(lines[1:], start=1):
        if line.strip() == FENCE:
            return lines[1:number], "\n".join(lines[number + 1 :])
    raise InvalidArticle(f"{source}: front matter is not closed by a '---' line")


def _parse_header(header: list[str], source: str, keys: tuple[str, ...]) -> dict[str, str]:
    fields: dict[str, str] = {}
    for number, line in enumerate(header, start=2):
        if not line.strip():
            continue
        key, sep, value = line.partition(":")
        key = key.strip()
        if not sep or key not in keys:
            raise InvalidArticle(f"{source}, line {number}: expected 'key: value' with a known key")
        if key in fields:
            raise InvalidArticle(f"{source}, line {number}: {key!r} appears twice")
        fields[key] = value.strip()
    return fields


def _text(fields: dict[str, str], key: str, source: str) -> str:
    value = fields.get(key, "")
    if not value:
        raise InvalidArticle(f"{source}: front matter needs a non-empty {key!r}")
    return value


def _list(fields: dict[str, str], key: str, source: str) -> tuple[str, ...]:
    value = fields.get(key)
    if value is None:
        raise InvalidArticle(f"{source}: front matter needs {key!r} (use [] when empty)")
    if not (value.startswith("[") and value.endswith("]")):
        raise InvalidArticle(f"{source}: {key!r} must be a list written [a, b]")
    items = [item.strip() for item in value[1:-1].split(",")]
    return tuple(item for item in items if item)
