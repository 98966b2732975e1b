"""Log filters named by settings.LOGGING (no Django imports: logging is set up first)."""

from __future__ import annotations

import logging


class OneLineForbidden(logging.Filter):
    """A refusal (403) is routine, not a fault: log its one line without the traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", None) == 403:
            record.exc_info = None
            record.exc_text = None
        return True
