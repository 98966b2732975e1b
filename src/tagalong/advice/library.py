"""The advice articles, loaded once from the package's ``content`` folder."""

from __future__ import annotations

from collections.abc import Mapping
from importlib.resources import files
from types import MappingProxyType

from tagalong.advice.frontmatter import parse_article
from tagalong.advice.model import CAUSES, Article, InvalidArticle

CONTENT_PACKAGE = "tagalong.advice"
CONTENT_DIR = "content"


def load_articles() -> dict[str, Article]:
    """Read every ``content/*.md`` file; a file's slug must match its name."""
    articles: dict[str, Article] = {}
    folder = files(CONTENT_PACKAGE).joinpath(CONTENT_DIR)
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".md"):
            continue
        source = f"advice/{CONTENT_DIR}/{entry.name}"
        article = parse_article(entry.read_text(encoding="utf-8"), source=source)
        if article.slug != entry.name.removesuffix(".md"):
            raise InvalidArticle(f"{source}: slug {article.slug!r} does not match the file name")
        articles[article.slug] = article
    return articles


ARTICLES: Mapping[str, Article] = MappingProxyType(load_articles())


def get(slug: str) -> Article:
    try:
        return ARTICLES[slug]
    except KeyError:
        raise KeyError(f"no advice article with slug {slug!r}") from None


def for_cause(cause: str) -> list[Article]:
    """Articles that explain one of the calf check's five causes."""
    if cause not in CAUSES:
        raise ValueError(f"unknown calf-check cause {cause!r}; expected one of {CAUSES}")
    return [a for a in ARTICLES.values() if cause in a.causes]
