"""Unguessable video-room links on a Jitsi server (evidence
``scheduling.video.jitsi_unguessable_url``): the room name is the only secret."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from tagalong.calendars.errors import CalendarError
from tagalong.evidence import cite
from tagalong.wording import Phrase

VIDEO_EVIDENCE = cite("scheduling.video.jitsi_unguessable_url")
DEFAULT_SERVER = "https://meet.jit.si"
# secrets.token_urlsafe(16) gives 22 characters (128 bits); shorter tokens are guessable.
MIN_TOKEN_LENGTH = 22
_TOKEN = re.compile(r"^[A-Za-z0-9_-]+$")


def video_room_url(*, secret_token: str, server: str = DEFAULT_SERVER) -> str:
    """``server/secret_token``; the caller makes the token with ``secrets.token_urlsafe``."""
    base = _https_base(server)
    if len(secret_token) < MIN_TOKEN_LENGTH:
        raise CalendarError(
            "secret_token",
            Phrase(
                "must be at least {length} characters to be unguessable", length=MIN_TOKEN_LENGTH
            ),
        )
    if not _TOKEN.match(secret_token):
        raise CalendarError("secret_token", Phrase("may hold only letters, digits, '-' and '_'"))
    return f"{base}/{secret_token}"


def _https_base(server: str) -> str:
    parts = urlsplit(server.strip())
    if parts.scheme != "https":
        raise CalendarError(
            "server", Phrase("{server} must be an https:// URL", server=repr(server))
        )
    if not parts.hostname or parts.username or parts.password:
        raise CalendarError(
            "server",
            Phrase("{server} needs a host and no user name or password", server=repr(server)),
        )
    if parts.query or parts.fragment:
        raise CalendarError(
            "server", Phrase("{server} must not carry a query or fragment", server=repr(server))
        )
    return f"https://{parts.netloc}{parts.path.rstrip('/')}"
