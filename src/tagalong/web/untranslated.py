"""Find words in our templates that people read but gettext never sees.

A template's text outside `{% translate %}` / `{% blocktranslate %}`, and the attributes a
person reads or hears (title, placeholder, alt, aria-label, a button's value), must be marked
for translation. This reads a template as Django's lexer does and reports what is left bare.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from django.template.base import Lexer, TokenType

# data-confirm: app.js shows it in the browser's "are you sure?" dialog.
SPOKEN_ATTRIBUTES = frozenset(
    {"title", "placeholder", "alt", "aria-label", "aria-description", "data-confirm"}
)
# Names, units and file formats that read the same in every language we offer.
SAME_IN_EVERY_LANGUAGE = frozenset(
    {
        "Tagalong",
        "km",
        "kg",
        "cm",
        "ms",
        "mi",
        "min",
        "bpm",
        "spm",
        "RPE",
        "LSI",
        "FIT",
        "GPX",
        "TCX",
        "CSV",
        "JSON",
        "iCal",
        "ZIP",
        "API",
        "URL",
        "OK",
        "intervals.icu",
        "Strava",
        "Garmin",
    }
)
_WORD = re.compile(r"[^\W\d_][\w.'’-]*[^\W\d_]|[^\W\d_]{2,}")
_OPENERS = {"blocktranslate": "endblocktranslate", "blocktrans": "endblocktrans"}
_SILENT = {"comment": "endcomment", "verbatim": "endverbatim"}
_PLACEHOLDER = "\x01"


@dataclass(frozen=True)
class Bare:
    path: str
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.text!r}"


def has_words(text: str) -> bool:
    words = [w for w in _WORD.findall(text) if w not in SAME_IN_EVERY_LANGUAGE]
    return bool(words)


def _marked_out(source: str) -> str:
    """The template with every tag, variable and translated span replaced by a placeholder,
    keeping line breaks so positions still point at the source."""
    pieces: list[str] = []
    closing: str | None = None
    for token in Lexer(source).tokenize():
        kept_lines = "\n" * token.contents.count("\n")
        if token.token_type == TokenType.BLOCK:
            name = token.contents.split()[0] if token.contents.split() else ""
            if closing is None and name in _OPENERS:
                closing = _OPENERS[name]
            elif closing is None and name in _SILENT:
                closing = _SILENT[name]
            elif name == closing:
                closing = None
            pieces.append(_PLACEHOLDER + kept_lines)
        elif token.token_type == TokenType.TEXT and closing is None:
            pieces.append(token.contents)
        else:
            pieces.append(_PLACEHOLDER + kept_lines)
    return "".join(pieces)


class _Reader(HTMLParser):
    def __init__(self, path: str) -> None:
        super().__init__(convert_charrefs=True)
        self.path = path
        self.found: list[Bare] = []
        self._quiet = 0

    def _report(self, text: str) -> None:
        cleaned = " ".join(text.replace(_PLACEHOLDER, " ").split())
        if has_words(cleaned):
            self.found.append(Bare(self.path, self.getpos()[0], cleaned))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._quiet += 1
        values = dict(attrs)
        for name, value in attrs:
            if value and name in SPOKEN_ATTRIBUTES:
                self._report(value)
        if tag == "input" and values.get("type") in ("submit", "button", "reset"):
            self._report(values.get("value") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._quiet:
            self._quiet -= 1

    def handle_data(self, data: str) -> None:
        if not self._quiet:
            self._report(data)


def bare_text(path: Path, root: Path) -> list[Bare]:
    """What a template at `path` shows people without marking it for translation."""
    source = path.read_text(encoding="utf-8")
    shown = str(path.relative_to(root))
    marked = _marked_out(source)
    if path.suffix == ".txt":
        return [
            Bare(shown, number, " ".join(line.replace(_PLACEHOLDER, " ").split()))
            for number, line in enumerate(marked.splitlines(), start=1)
            if has_words(line.replace(_PLACEHOLDER, " "))
        ]
    reader = _Reader(shown)
    reader.feed(marked)
    reader.close()
    return reader.found


def templates(root: Path) -> list[Path]:
    return sorted(
        path
        for pattern in ("*/templates/**/*.html", "*/templates/**/*.txt")
        for path in root.glob(pattern)
    )


def main(argv: list[str]) -> int:
    """`python -m tagalong.web.untranslated [APP ...]`: list bare text, one line each."""
    root = Path(__file__).resolve().parent.parent
    found = [
        bare
        for path in templates(root)
        if not argv or path.relative_to(root).parts[0] in argv
        for bare in bare_text(path, root)
    ]
    for bare in found:
        print(bare)
    print(f"{len(found)} bare")
    return 1 if found else 0


if __name__ == "__main__":
    import sys

    raise SystemExit(main(sys.argv[1:]))
