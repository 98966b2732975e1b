"""The API's JSON, with the core's phrases in the reader's language."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.renderers import JSONRenderer

from tagalong.web.phrases import said


class SaidJSON(JSONRenderer):
    def render(self, request: HttpRequest, data: Any, *, response_status: int) -> Any:
        return super().render(request, said(data), response_status=response_status)
