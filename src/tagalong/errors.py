"""One error type for rules a request broke; the API and the pages each render it one way."""

from __future__ import annotations


class DomainError(Exception):
    """A request that breaks a business rule. ``message`` is for the person; ``field`` names
    the input at fault where there is one; ``details`` carries what the person can do next
    (for example the plans a refused request could be instead)."""

    def __init__(
        self,
        message: str,
        *,
        field: str | None = None,
        code: str = "invalid",
        details: object = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.code = code
        self.details = details
