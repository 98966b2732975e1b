"""One JSON error shape for the whole API: {"error": {"code", "message", "field", "details"}}."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError
from django.http import Http404, HttpRequest, HttpResponse
from django.http.multipartparser import MultiPartParserError
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from tagalong.api.parser import NulInText
from tagalong.errors import DomainError
from tagalong.web import readonly
from tagalong.web.phrases import said


def error_body(
    code: str, message: str, *, field: str | None = None, details: Any = None
) -> dict[str, Any]:
    return said({"error": {"code": code, "message": message, "field": field, "details": details}})


def install(api: NinjaAPI) -> None:
    def respond(request: HttpRequest, status: int, body: dict[str, Any]) -> HttpResponse:
        return api.create_response(request, body, status=status)

    @api.exception_handler(DomainError)
    def domain_error(request: HttpRequest, exc: DomainError) -> HttpResponse:
        body = error_body(exc.code, exc.message, field=exc.field, details=exc.details)
        return respond(request, 400, body)

    @api.exception_handler(PermissionDenied)
    def denied(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
        if not request.user.is_authenticated:
            return respond(request, 401, error_body("unauthenticated", "Sign in or send a token."))
        return respond(request, 403, error_body("forbidden", str(exc) or "Not allowed."))

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return respond(request, 404, error_body("not_found", str(exc) or "Not found."))

    @api.exception_handler(OverflowError)
    def id_out_of_range(request: HttpRequest, exc: OverflowError) -> HttpResponse:
        # SQLite cannot bind an integer beyond 64 bits: such an id names nothing.
        return respond(request, 404, error_body("not_found", "Not found."))

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        return respond(request, 401, error_body("unauthenticated", "Sign in or send a token."))

    @api.exception_handler(NinjaValidationError)
    def invalid(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
        first = exc.errors[0] if exc.errors else {}
        location = [str(part) for part in first.get("loc", ()) if part not in ("body", "payload")]
        field = ".".join(location) or None
        message = f"{field}: {first.get('msg', 'invalid')}" if field else "Invalid request."
        return respond(
            request, 422, error_body("validation", message, field=field, details=exc.errors)
        )

    @api.exception_handler(ValidationError)
    def model_invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        # A model's own check (full_clean) refused a value: name the field and say why.
        errors = exc.message_dict if hasattr(exc, "error_dict") else {"": exc.messages}
        field, messages = next(iter(errors.items()))
        message = f"{field}: {' '.join(messages)}" if field else " ".join(messages)
        return respond(
            request, 400, error_body("validation", message, field=field or None, details=errors)
        )

    @api.exception_handler(MultiPartParserError)
    def bad_multipart(request: HttpRequest, exc: MultiPartParserError) -> HttpResponse:
        message = f"Content-Type: the multipart/form-data body cannot be read ({exc})."
        return respond(request, 400, error_body("bad_request", message, field="Content-Type"))

    def nul_refused(request: HttpRequest, field: str | None) -> HttpResponse:
        message = NulInText(field or "").args[0]
        return respond(request, 422, error_body("validation", message, field=field))

    @api.exception_handler(DatabaseError)
    def database_error(request: HttpRequest, exc: DatabaseError) -> HttpResponse:
        if "NUL (0x00)" in str(exc):
            # A NUL that came another way than the JSON body (a query or form field).
            return nul_refused(request, None)
        if not readonly.is_read_only(exc):
            raise exc
        response = respond(request, 503, error_body("read_only", readonly.MESSAGE))
        response["Retry-After"] = readonly.RETRY_AFTER_S
        return response

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        if isinstance(exc.__cause__, NulInText):
            return nul_refused(request, exc.__cause__.field or None)
        return respond(request, exc.status_code, error_body("http", str(exc)))
