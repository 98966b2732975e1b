"""The coach's attention queue: the home page and the roster's default view; CSV; bulk message."""

from __future__ import annotations

import csv
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.views.decorators.http import require_POST

from tagalong.access import rules
from tagalong.access.policy import visible_athletes
from tagalong.accounts.models import Invitation, User
from tagalong.athletes.models import AthleteGroup
from tagalong.attention import selectors
from tagalong.attention.forms import BulkMessageForm, QueueFilter
from tagalong.attention.kind_words import kinds_in_words
from tagalong.attention.outreach import send_bulk_message
from tagalong.attention.queue_page import queue_page as load_page
from tagalong.errors import DomainError

PAGE_SIZE = 30


def _coach(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def _filter(request: HttpRequest) -> QueueFilter:
    coach = _coach(request)
    groups = list(AthleteGroup.objects.filter(coach=coach).values_list("pk", "name"))
    practice = getattr(getattr(coach, "coach_profile", None), "practice_id", None)
    colleagues = (
        User.objects.filter(coach_profile__practice_id=practice)
        if practice
        else User.objects.filter(pk=coach.pk)
    )
    coaches = [(u.pk, u.full_name or u.email) for u in colleagues.order_by("full_name")]
    form = QueueFilter(request.GET, groups=groups, coaches=coaches)
    form.is_valid()  # unknown values fall back to the defaults below
    return form


def _rows(request: HttpRequest, form: QueueFilter) -> list[selectors.Row]:
    data: dict[str, Any] = getattr(form, "cleaned_data", {})
    return selectors.rows(request.user, today=timezone.localdate(), **_criteria(data))


def queue_page(request: HttpRequest, *, home: bool = False) -> HttpResponse:
    form = _filter(request)
    data: dict[str, Any] = getattr(form, "cleaned_data", {})
    page = load_page(
        request.user,
        today=timezone.localdate(),
        page=data.get("page") or 1,
        size=PAGE_SIZE,
        **_criteria(data),
    )
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "filters": _filter_fields(form),
        "page": page,
        "rows": page.rows,
        "athletes": [row.athlete for row in page.rows],
        "everyone": data.get("show") == "all",
        "counts": [
            (kind, label, n) for kind, label in kinds_in_words() if (n := page.counts.get(kind))
        ],
        "query": query.urlencode(),
        "home": home,
        "recent": visible_athletes(request.user).order_by("-user__date_joined")[:5] if home else [],
        "pending_invitations": Invitation.objects.filter(coach=_coach(request))
        .usable(timezone.now())
        .count()
        if home
        else 0,
    }
    if request.htmx:  # type: ignore[attr-defined]
        return render(request, "attention/_queue_table.html", context)
    return render(request, "attention/queue.html", context)


def _criteria(data: dict[str, Any]) -> dict[str, Any]:
    return {
        "everyone": data.get("show") == "all",
        "kind": data.get("kind") or "",
        "q": data.get("q") or "",
        "group": data.get("group"),
        "coach": data.get("coach"),
        "sort": data.get("sort") or "severity",
    }


def _filter_fields(form: QueueFilter) -> list[dict[str, Any]]:
    """The filter selects as plain data: rendering Django's select widgets costs a template per
    option, which the queue page cannot afford on every keystroke."""
    data: dict[str, Any] = getattr(form, "cleaned_data", {})
    fields = []
    for name in ("show", "q", "kind", "group", "coach", "sort"):
        field = form.fields[name]
        value = data.get(name)
        fields.append(
            {
                "name": name,
                "label": field.label or name.capitalize(),
                "value": "" if value is None else str(value),
                "choices": [(str(v), label) for v, label in getattr(field, "choices", [])],
            }
        )
    return fields


@rules.coach
def roster(request: HttpRequest) -> HttpResponse:
    return queue_page(request)


@rules.coach
def export_csv(request: HttpRequest) -> HttpResponse:
    found = _rows(request, _filter(request))
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="athletes.csv"'
    writer = csv.writer(response)
    writer.writerow(["Athlete", "Email", "Most urgent", "Open since", "Reasons", "Snoozed or seen"])
    for row in found:
        writer.writerow(
            [
                _safe(row.athlete.name),
                _safe(row.athlete.user.email),
                row.open[0].label if row.open else "",
                f"{row.opened_at:%Y-%m-%d}" if row.opened_at else "",
                _safe(" | ".join(f"{s.label}: {s.said}" for s in row.open)),
                _safe(" | ".join(s.label for s in row.handled)),
            ]
        )
    return response


def _safe(text: str) -> str:
    """Spreadsheets run cells that start with = + - @ as formulas."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@") else text


@rules.coach
@require_POST
def bulk_message(request: HttpRequest) -> HttpResponse:
    coach = _coach(request)
    writable = list(
        visible_athletes(coach).filter(links__coach=coach, links__ended_at__isnull=True)
    )
    form = BulkMessageForm(request.POST, choices=[(a.pk, a.name) for a in writable])
    if not form.is_valid():
        for field, errors in form.errors.items():
            messages.error(
                request,
                f"{form.fields[field].label if field in form.fields else gettext('Message')}: "
                + " ".join(errors),
            )
        return redirect(_next(request))
    chosen = [a for a in writable if a.pk in set(form.cleaned_data["athletes"])]
    try:
        sent = send_bulk_message(
            coach=coach,
            athletes=chosen,
            subject=form.cleaned_data["subject"],
            message=form.cleaned_data["message"],
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            ngettext(
                "Message sent to %(count)s athlete.", "Message sent to %(count)s athletes.", sent
            )
            % {"count": sent},
        )
    return redirect(_next(request))


def _next(request: HttpRequest) -> str:
    target = request.POST.get("next", "")
    return target if target.startswith("/") and not target.startswith("//") else "/coach/athletes/"
