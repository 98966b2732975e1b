"""Keys of connected services, sealed at rest with Fernet (AES-128-CBC + HMAC-SHA256).

Plain Python: the caller gives the Fernet key (settings.SECRETS_KEY). A sealed key that the
current secrets key cannot open raises ``VaultError``: the athlete connects again.
"""

from __future__ import annotations

import base64
import hashlib

from cryptography.fernet import Fernet, InvalidToken

SHOWN_CHARS = 4


class VaultError(Exception):
    pass


def derived_key(secret: str) -> str:
    """A Fernet key derived from another secret (the site's SECRET_KEY), for installs that set
    no TAGALONG_SECRETS_KEY of their own."""
    digest = hashlib.sha256(b"tagalong.sync.vault\x00" + secret.encode("utf-8")).digest()
    return base64.urlsafe_b64encode(digest).decode("ascii")


def check_key(key: str) -> str | None:
    """Why ``key`` is not a Fernet key (32 url-safe base64 bytes), or None."""
    try:
        raw = base64.urlsafe_b64decode(key.encode("ascii"))
    except (ValueError, UnicodeEncodeError):
        return "is not url-safe base64"
    if len(raw) != 32:
        return f"decodes to {len(raw)} bytes, not 32"
    return None


def seal(secret: str, *, key: str) -> str:
    return Fernet(key.encode("ascii")).encrypt(secret.encode("utf-8")).decode("ascii")


def unseal(sealed: str, *, key: str) -> str:
    try:
        return Fernet(key.encode("ascii")).decrypt(sealed.encode("ascii")).decode("utf-8")
    except (InvalidToken, ValueError):
        raise VaultError("the stored key cannot be read with this server's secrets key") from None


def masked(secret: str) -> str:
    """What may be shown of a key: its last four characters."""
    tail = secret[-SHOWN_CHARS:] if len(secret) > 2 * SHOWN_CHARS else ""
    return "••••••••" + tail
