"""One error type for calendar input, naming the field and why."""

from __future__ import annotations


class CalendarError(ValueError):
    """Bad calendar input; ``field`` names the argument or attribute at fault."""

    def __init__(self, field: str, reason: str) -> None:
        self.field = field
        self.reason = reason
        super().__init__(f"{field}: {reason}")
