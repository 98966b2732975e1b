"""Settings › Your data: exports (progress shown while built) and account deletion."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from tagalong.access import rules
from tagalong.access.policy import athlete_for, export_for
from tagalong.accounts.models import User
from tagalong.athletes.models import AthleteProfile
from tagalong.dataexport import deletion
from tagalong.dataexport.models import DataExport
from tagalong.dataexport.services import request_export
from tagalong.errors import DomainError


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


@rules.signed_in
def mine(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    profile = AthleteProfile.objects.filter(user=user).first()
    exports = DataExport.objects.filter(requested_by=user).select_related("athlete__user")[:20]
    return render(
        request,
        "dataexport/mine.html",
        {
            "profile": profile,
            "exports": exports,
            "deletion": deletion.open_request(user),
            "grace_days": deletion.GRACE.days,
            "now": timezone.now(),
        },
    )


@rules.athlete_scoped
@require_POST
def ask_export(request: HttpRequest, athlete_id: int) -> HttpResponse:
    athlete = athlete_for(request.user, athlete_id, write=True)
    try:
        export = request_export(athlete=athlete, by=_user(request))
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("dataexport:mine")
    return redirect("dataexport:export", export_id=export.pk)


@rules.signed_in
def export_page(request: HttpRequest, export_id: int) -> HttpResponse:
    export = export_for(request.user, export_id)
    template = "dataexport/_progress.html" if getattr(request, "htmx", False) else None
    context = {"export": export, "now": timezone.now()}
    return render(request, template or "dataexport/export.html", context)


@rules.signed_in
def download(request: HttpRequest, export_id: int) -> HttpResponse:
    export = export_for(request.user, export_id)
    if not export.is_downloadable(timezone.now()):
        return render(request, "dataexport/expired.html", {"export": export}, status=410)
    response = FileResponse(export.file.open("rb"), content_type="application/zip")
    name = (
        f"tagalong-{export.athlete.name.replace(' ', '-').lower()}-{export.created_at:%Y%m%d}.zip"
    )
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@rules.signed_in
@require_POST
def ask_deletion(request: HttpRequest) -> HttpResponse:
    try:
        deletion.request_deletion(user=_user(request))
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            gettext("We sent a confirmation link to %(email)s. Nothing happens until you use it.")
            % {"email": _user(request).email},
        )
    return redirect("dataexport:mine")


@rules.signed_in
@require_POST
def cancel_deletion(request: HttpRequest) -> HttpResponse:
    try:
        deletion.cancel_deletion(user=_user(request))
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, gettext("Deletion cancelled. Your account stays as it is."))
    return redirect("dataexport:mine")


@rules.public
def confirm_deletion(request: HttpRequest, token: str) -> HttpResponse:
    """From the email: the signed link is the proof the owner of the address asked."""
    found = deletion.request_from_token(token)
    if found is None:
        return render(request, "dataexport/confirm_invalid.html", status=410)
    if request.method == "POST":
        found = deletion.confirm_deletion(request=found)
    return render(
        request,
        "dataexport/confirm.html",
        {"deletion": found, "grace_days": deletion.GRACE.days},
    )
