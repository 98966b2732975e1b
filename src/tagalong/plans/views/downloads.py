"""What leaves the app: a run's FIT file and the private calendar feed (and its link)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tagalong.access import rules
from tagalong.access.policy import athlete_for
from tagalong.attention.red_flags import plan_pause
from tagalong.plans.selectors.exports import feed_bytes, feed_token_lookup, fit_bytes
from tagalong.plans.selectors.lookups import session_for
from tagalong.plans.services.feed_tokens import revoke_feed_token, rotate_feed_token
from tagalong.plans.views.common import user_of


@rules.athlete_scoped
def workout_fit(request: HttpRequest, athlete_id: int, session_id: int) -> HttpResponse:
    athlete = athlete_for(request.user, athlete_id)
    session = session_for(athlete, session_id)
    if session.kind != "run":
        raise Http404("Only run sessions have a workout file")
    if pause := plan_pause(athlete):
        return render(request, "attention/plan_paused.html", {"pause": pause}, status=409)
    try:
        data = fit_bytes(session, now=timezone.now())
    except ValueError as error:
        messages.error(request, str(error))
        return redirect("plans:session", athlete_id=athlete.pk, session_id=session.pk)
    response = HttpResponse(data, content_type="application/vnd.ant.fit")
    name = f"{session.date:%Y-%m-%d}-{session.run_type or 'run'}.fit"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@rules.athlete_scoped
@require_POST
def feed_rotate(request: HttpRequest, athlete_id: int) -> HttpResponse:
    athlete = athlete_for(request.user, athlete_id, write=True)
    rotate_feed_token(athlete=athlete, by=user_of(request))
    messages.success(request, _("New calendar link made. The old link no longer works."))
    return redirect("plans:index", athlete_id=athlete.pk)


@rules.athlete_scoped
@require_POST
def feed_revoke(request: HttpRequest, athlete_id: int) -> HttpResponse:
    athlete = athlete_for(request.user, athlete_id, write=True)
    revoke_feed_token(athlete=athlete, by=user_of(request))
    messages.success(request, _("Calendar link turned off."))
    return redirect("plans:index", athlete_id=athlete.pk)


@rules.public
def feed(request: HttpRequest, token: str) -> HttpResponse:
    found = feed_token_lookup(token)
    data = feed_bytes(found.athlete, now=timezone.now())
    response = HttpResponse(data, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, max-age=900"
    return response
