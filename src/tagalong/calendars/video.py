"""Unguessable video-room links on a Jitsi server (evidence
``scheduling.video.jitsi_unguessable_url``): the room name is the only secret."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from tagalong.calendars.errors import CalendarError
from tagalong.evidence import cite

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
            "secret_token", f"must be at least {MIN_TOKEN_LENGTH} characters to be unguessable"
        )
    if not _TOKEN.match(secret_token):
        raise CalendarError("secret_token", "may hold only letters, digits, '-' and '_'")
    return f"{base}/{secret_token}"


def _https_base(server: str) -> str:
    parts = urlsplit(server.strip())
    if parts.scheme != "https":
        raise CalendarError("server", f"{server!r} must be an https:// URL")
    if not parts.hostname or parts.username or parts.password:
        raise CalendarError("server", f"{server!r} needs a host and no user name or password")
    if parts.query or parts.fragment:
        raise CalendarError("server", f"{server!r} must not carry a query or fragment")
    return f"https://{parts.netloc}{parts.path.rstrip('/')}"
