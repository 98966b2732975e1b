"""Every notice the shell creates hands `notify` words it can say in the recipient's language:
a `Phrase`, or text someone typed. An f-string, a `%` or a `gettext` call there would be fixed
in the language of the request or job that noticed it."""

from __future__ import annotations

import ast
from pathlib import Path

import tagalong

SOURCE = Path(tagalong.__file__).parent
NOTIFIERS = {"notify", "notify_all"}
FIXED_NOW = {"gettext", "_", "ngettext", "pgettext", "format"}


def _name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def _fixed_in_one_language(value: ast.expr) -> bool:
    if isinstance(value, ast.JoinedStr | ast.BinOp):
        return True
    if isinstance(value, ast.Constant):
        return isinstance(value.value, str) and value.value != ""
    return isinstance(value, ast.Call) and _name(value.func) in FIXED_NOW


def _notices() -> list[tuple[str, ast.Call]]:
    found = []
    for path in sorted(SOURCE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Call) and _name(node.func) in NOTIFIERS:
                found.append((f"{path.relative_to(SOURCE)}:{node.lineno}", node))
    return found


def test_notices_are_found_across_the_apps() -> None:
    places = {where.split("/")[0] for where, _ in _notices()}
    assert {"plans", "messaging", "programmes", "dataexport", "attention", "bookings"} <= places


def test_no_notice_fixes_its_words_before_it_knows_its_reader() -> None:
    fixed = [
        f"{where} {keyword.arg}"
        for where, call in _notices()
        for keyword in call.keywords
        if keyword.arg in ("title", "body") and _fixed_in_one_language(keyword.value)
    ]
    assert fixed == []
