"""The one error the assessment raises: it names the field and the allowed range."""

from __future__ import annotations

from tagalong.wording import Phrase


class AssessmentError(ValueError):
    def __init__(self, field: str, reason: str) -> None:
        self.field = field
        self.reason = reason
        self.message = Phrase("{field}: {reason}", field=field, reason=reason)
        super().__init__(self.message)
