"""One error type for calendar input, naming the field and why."""

from __future__ import annotations

from tagalong.wording import Phrase


class CalendarError(ValueError):
    """Bad calendar input; ``field`` names the argument or attribute at fault."""

    def __init__(self, field: str, reason: Phrase) -> None:
        self.field = field
        self.reason = reason
        super().__init__(self.message)

    @property
    def message(self) -> Phrase:
        """The field and the reason, as a person reads it next to the form."""
        return Phrase("{field}: {reason}", field=self.field, reason=self.reason)
