"""Errors that name the file, the place in it and the reason, for the person who uploaded it."""

from __future__ import annotations

from tagalong.wording import Phrase


class ActivityFileError(Exception):
    """A file (or archive entry) that cannot become an activity.

    ``code`` is a stable machine-readable key (``empty``, ``not_an_activity``, ``corrupt``,
    ``too_large``, ``unsupported_format``, ``unsafe_archive`` ...); ``reason`` is the human
    sentence and ``message`` the whole line the uploader reads (which file, where, why), both
    phrases so the shell says them in the reader's language.
    """

    def __init__(self, *, file: str, code: str, reason: str, place: str | None = None) -> None:
        self.file = file
        self.code = code
        self.reason = reason
        self.place = place
        super().__init__(self.message)

    @property
    def message(self) -> Phrase:
        if self.place:
            return Phrase(
                "{file} at {place}: {reason}", file=self.file, place=self.place, reason=self.reason
            )
        return Phrase("{file}: {reason}", file=self.file, reason=self.reason)


class DecodeError(ActivityFileError):
    """The bytes are not a readable FIT/GPX/TCX activity."""


class ArchiveError(ActivityFileError):
    """An upload or archive entry breaks a limit or is unsafe (zip bomb, traversal, nesting)."""
