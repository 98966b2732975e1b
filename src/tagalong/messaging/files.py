"""What a message may carry: images and PDFs, told apart by their first bytes, not their names."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

from django.utils.translation import gettext

from tagalong.errors import DomainError

MAX_BYTES = 10 * 1024 * 1024
MAX_FILES_PER_MESSAGE = 5
# Each kind: the bytes a real file starts with, the name endings that go with it.
KINDS: dict[str, tuple[tuple[bytes, ...], tuple[str, ...]]] = {
    "image/png": ((b"\x89PNG\r\n\x1a\n",), (".png",)),
    "image/jpeg": ((b"\xff\xd8\xff",), (".jpg", ".jpeg")),
    "image/gif": ((b"GIF87a", b"GIF89a"), (".gif",)),
    "image/webp": ((b"RIFF",), (".webp",)),
    "application/pdf": ((b"%PDF-",), (".pdf",)),
}
ALLOWED_TEXT = "a photo (PNG, JPEG, GIF, WebP) or a PDF"


@dataclass(frozen=True)
class CheckedFile:
    name: str
    content_type: str
    content: bytes


def _kind_of(head: bytes) -> str | None:
    for content_type, (magics, _) in KINDS.items():
        if any(head.startswith(magic) for magic in magics):
            if content_type == "image/webp" and head[8:12] != b"WEBP":
                continue
            return content_type
    return None


def check_file(name: str, content: bytes, *, max_bytes: int = MAX_BYTES) -> CheckedFile:
    """The file as it may be stored, or a DomainError naming the file and what is wrong."""
    shown = PurePath(name or "file").name[:200] or "file"
    if not content:
        raise DomainError(gettext("%(shown)s is empty.") % {"shown": shown}, field="files")
    if len(content) > max_bytes:
        limit_mb = max_bytes // (1024 * 1024)
        raise DomainError(
            gettext("%(shown)s is %(content).1f MB; files can be up to %(limit_mb)s MB.")
            % {"shown": shown, "content": len(content) / 1024 / 1024, "limit_mb": limit_mb},
            field="files",
        )
    content_type = _kind_of(content[:16])
    if content_type is None:
        raise DomainError(
            gettext("%(shown)s is not %(allowed_text)s.")
            % {"shown": shown, "allowed_text": ALLOWED_TEXT},
            field="files",
        )
    suffix = PurePath(shown).suffix.lower()
    if suffix not in KINDS[content_type][1]:
        expected = " or ".join(KINDS[content_type][1])
        kind = content_type.split("/")[1].upper()
        named = f"named {suffix}" if suffix else "named without an ending"
        raise DomainError(
            gettext(
                "%(shown)s holds a %(kind)s file but is %(named)s; rename it "
                "to end in %(expected)s."
            )
            % {"shown": shown, "kind": kind, "named": named, "expected": expected},
            field="files",
        )
    return CheckedFile(name=shown, content_type=content_type, content=content)
