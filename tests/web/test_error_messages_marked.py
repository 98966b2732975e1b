"""Every rule a request breaks is told in the reader's language: a DomainError raised by the
shell carries a gettext message, never a bare string or f-string."""

import ast
from pathlib import Path

import tagalong

# The pure core has no Django; its sentences are `tagalong.wording.Phrase`s instead.
CORE = {
    "evidence",
    "activityfile",
    "trainingload",
    "physiology",
    "assessment",
    "calfcheck",
    "exercises",
    "advice",
    "plangen",
    "scheduling",
    "calendars",
    "triage",
}
ROOT = Path(tagalong.__file__).parent


def bare_messages(source: str) -> list[int]:
    """Lines where DomainError(...) gets a literal or an f-string as its message."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        called = (
            node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        )
        message = node.args[0]
        if called == "DomainError" and isinstance(message, ast.JoinedStr | ast.Constant):
            found.append(node.lineno)
    return found


def test_the_checker_finds_bare_and_passes_marked_messages():
    assert bare_messages('DomainError("Say it.")\nDomainError(f"{x} is wrong")') == [1, 2]
    assert (
        bare_messages('DomainError(gettext("Say it."))\nDomainError(_("%(x)s") % {"x": x})') == []
    )


def test_no_shell_module_raises_a_bare_message():
    bare = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in sorted(ROOT.rglob("*.py"))
        if path.relative_to(ROOT).parts[0] not in CORE
        for line in bare_messages(path.read_text())
    ]
    assert bare == []
