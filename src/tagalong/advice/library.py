"""The advice articles, loaded once from the package's ``content`` folder.

``content/<slug>.md`` is the English article; ``content/<language>/<slug>.md`` (``de``, ...)
its translation, shown when the reader's language matches and the English one otherwise.
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib.resources import files
from importlib.resources.abc import Traversable
from types import MappingProxyType

from tagalong.advice.frontmatter import parse_article, parse_translation
from tagalong.advice.model import CAUSES, Article, InvalidArticle

CONTENT_PACKAGE = "tagalong.advice"
CONTENT_DIR = "content"


def _content() -> Traversable:
    return files(CONTENT_PACKAGE).joinpath(CONTENT_DIR)


def _markdown_files(folder: Traversable) -> list[Traversable]:
    return sorted((e for e in folder.iterdir() if e.name.endswith(".md")), key=lambda e: e.name)


def load_articles() -> dict[str, Article]:
    """Read every ``content/*.md`` file; a file's slug must match its name."""
    articles: dict[str, Article] = {}
    for entry in _markdown_files(_content()):
        source = f"advice/{CONTENT_DIR}/{entry.name}"
        article = parse_article(entry.read_text(encoding="utf-8"), source=source)
        if article.slug != entry.name.removesuffix(".md"):
            raise InvalidArticle(f"{source}: slug {article.slug!r} does not match the file name")
        articles[article.slug] = article
    return articles


def load_translations(english: Mapping[str, Article]) -> dict[str, dict[str, Article]]:
    """Per language folder, the articles translated into it, by slug."""
    translations: dict[str, dict[str, Article]] = {}
    folders = sorted((e for e in _content().iterdir() if e.is_dir()), key=lambda e: e.name)
    for folder in folders:
        language = folder.name.lower()
        for entry in _markdown_files(folder):
            source = f"advice/{CONTENT_DIR}/{folder.name}/{entry.name}"
            slug = entry.name.removesuffix(".md")
            if slug not in english:
                raise InvalidArticle(f"{source}: there is no English article {slug!r}")
            translations.setdefault(language, {})[slug] = parse_translation(
                entry.read_text(encoding="utf-8"),
                source=source,
                english=english[slug],
                language=language,
            )
    return translations


ARTICLES: Mapping[str, Article] = MappingProxyType(load_articles())
TRANSLATIONS: Mapping[str, Mapping[str, Article]] = MappingProxyType(load_translations(ARTICLES))


def in_language(article: Article, language: str | None) -> Article:
    """The article in ``language`` ("de", "de-at", ...) if it is translated, else as it is."""
    if not language:
        return article
    code = language.lower().replace("_", "-")
    for key in (code, code.partition("-")[0]):
        translated = TRANSLATIONS.get(key, {}).get(article.slug)
        if translated is not None:
            return translated
    return article


def get(slug: str, language: str | None = None) -> Article:
    try:
        article = ARTICLES[slug]
    except KeyError:
        raise KeyError(f"no advice article with slug {slug!r}") from None
    return in_language(article, language)


def for_cause(cause: str, language: str | None = None) -> list[Article]:
    """Articles that explain one of the calf check's five causes."""
    if cause not in CAUSES:
        raise ValueError(f"unknown calf-check cause {cause!r}; expected one of {CAUSES}")
    return [in_language(a, language) for a in ARTICLES.values() if cause in a.causes]
