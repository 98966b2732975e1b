"""The installable web app: its manifest, its service worker, the offline page and today's
session (the page the service worker keeps for a runner without a signal)."""

from __future__ import annotations

import json

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from tagalong.access import rules
from tagalong.access.policy import own_athlete_profile
from tagalong.plans import workouts
from tagalong.plans.selectors.exercises import exercise_rows_by_session
from tagalong.plans.selectors.lookups import athlete_sessions, athlete_today

SW_CACHE_VERSION = "tagalong-v1"


@rules.public
def manifest(request: HttpRequest) -> HttpResponse:
    body = {
        "name": "Tagalong",
        "short_name": "Tagalong",
        "description": _("Training and calf care with your running coach"),
        "start_url": reverse("web:home"),
        "scope": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#1a5fa8",
        "icons": [
            {"src": static("tagalong/icons/icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": static("tagalong/icons/icon-512.png"), "sizes": "512x512", "type": "image/png"},
            {
                "src": static("tagalong/icons/icon-512.png"),
                "sizes": "512x512",
                "type": "image/png",
                "purpose": "maskable",
            },
            {"src": static("tagalong/icons/icon.svg"), "sizes": "any", "type": "image/svg+xml"},
        ],
        "shortcuts": [{"name": _("Today's session"), "url": reverse("web:today")}],
    }
    return HttpResponse(
        json.dumps(body, ensure_ascii=False), content_type="application/manifest+json"
    )


@rules.public
@never_cache
def service_worker(request: HttpRequest) -> HttpResponse:
    """Served from the site's root so that it may look after every page (its scope is "/")."""
    response = render(
        request,
        "web/sw.js",
        {
            "cache": SW_CACHE_VERSION,
            "offline_url": reverse("web:offline"),
            "today_url": reverse("web:today"),
            "icon": static("tagalong/icons/icon-192.png"),
            "precache": json.dumps(
                [
                    reverse("web:offline"),
                    static("tagalong/app.css"),
                    static("tagalong/product.css"),
                    static("tagalong/icons/icon-192.png"),
                ]
            ),
        },
        content_type="text/javascript",
    )
    response["Service-Worker-Allowed"] = "/"
    return response


@rules.public
def offline(request: HttpRequest) -> HttpResponse:
    return render(request, "web/offline.html")


@rules.athlete
def today(request: HttpRequest) -> HttpResponse:
    """The runner's sessions of the day, to read on the run or at the track without a signal."""
    athlete = own_athlete_profile(request.user)
    day = athlete_today(athlete)
    sessions = athlete_sessions(athlete, day, day)
    exercises = exercise_rows_by_session(sessions, request.user)
    rows = [
        {
            "session": s,
            "exercises": exercises.get(s.pk, []),
            "workout_text": workouts.workout_text(s),
        }
        for s in sessions
    ]
    return render(
        request,
        "web/today.html",
        {"athlete": athlete, "day": day, "rows": rows},
    )
