"""Errors that name the file, the place in it and the reason, for the person who uploaded it."""

from __future__ import annotations


class ActivityFileError(Exception):
    """A file (or archive entry) that cannot become an activity.

    ``code`` is a stable machine-readable key (``empty``, ``not_an_activity``, ``corrupt``,
    ``too_large``, ``unsupported_format``, ``unsafe_archive`` ...); ``reason`` is the human
    sentence.
    """

    def __init__(self, *, file: str, code: str, reason: str, place: str | None = None) -> None:
        self.file = file
        self.code = code
        self.reason = reason
        self.place = place
        where = f" at {place}" if place else ""
        super().__init__(f"{file}{where}: {reason}")


class DecodeError(ActivityFileError):
    """The bytes are not a readable FIT/GPX/TCX activity."""


class ArchiveError(ActivityFileError):
    """An upload or archive entry breaks a limit or is unsafe (zip bomb, traversal, nesting)."""
