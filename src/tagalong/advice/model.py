"""The shape of one advice article."""

from __future__ import annotations

from dataclasses import dataclass

# The calf check's cause names (tagalong.calfcheck.model.CAUSES); a test keeps the two in step.
CAUSES: tuple[str, ...] = (
    "capacity_vs_load",
    "hip_glute_hamstring",
    "soft_tissue",
    "technique",
    "shoes",
)


class InvalidArticle(ValueError):
    """An article file breaks the content contract; the message names the file."""


@dataclass(frozen=True, slots=True)
class Article:
    slug: str
    title: str
    summary: str
    body_markdown: str
    citations: tuple[str, ...]
    exercises: tuple[str, ...]
    causes: tuple[str, ...]
    language: str = "en"  # the language of title, summary and body; the lists are shared
