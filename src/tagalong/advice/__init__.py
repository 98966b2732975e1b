"""Advice articles: short, sourced explainers linked to exercises and calf-check causes."""

from tagalong.advice.frontmatter import parse_article, parse_translation
from tagalong.advice.library import (
    ARTICLES,
    TRANSLATIONS,
    for_cause,
    get,
    in_language,
    load_articles,
    load_translations,
)
from tagalong.advice.model import CAUSES, Article, InvalidArticle
from tagalong.advice.render import render_html, render_markdown

__all__ = [
    "ARTICLES",
    "CAUSES",
    "TRANSLATIONS",
    "Article",
    "InvalidArticle",
    "for_cause",
    "get",
    "in_language",
    "load_articles",
    "load_translations",
    "parse_article",
    "parse_translation",
    "render_html",
    "render_markdown",
]
