"""Advice articles: short, sourced explainers linked to exercises and calf-check causes."""

from tagalong.advice.frontmatter import parse_article
from tagalong.advice.library import ARTICLES, for_cause, get, load_articles
from tagalong.advice.model import CAUSES, Article, InvalidArticle
from tagalong.advice.render import render_html, render_markdown

__all__ = [
    "ARTICLES",
    "CAUSES",
    "Article",
    "InvalidArticle",
    "for_cause",
    "get",
    "load_articles",
    "parse_article",
    "render_html",
    "render_markdown",
]
