"""The REST API under /api/. Each app contributes a router; this module only assembles them."""

from __future__ import annotations

from ninja import NinjaAPI

from tagalong.api import errors
from tagalong.api.auth import personal_token, session
from tagalong.api.parser import RefusingNul
from tagalong.api.renderer import SaidJSON

api = NinjaAPI(
    title="Tagalong API",
    version="1",
    description=(
        "Coaching and calf-health data. Authenticate with the browser session (send the "
        "X-CSRFToken header on writes) or a personal token: `Authorization: Bearer tg_…`."
    ),
    auth=[personal_token, session],
    urls_namespace="api",
    parser=RefusingNul(),
    renderer=SaidJSON(),
)
errors.install(api)

ROUTERS = (
    ("/", "tagalong.accounts.api"),
    ("/athletes", "tagalong.athletes.api"),
    ("/groups", "tagalong.athletes.groups_api"),
    ("/", "tagalong.athletes.consent_api"),
    ("/", "tagalong.activities.api"),
    ("/", "tagalong.shoes.api"),
    ("/", "tagalong.symptoms.api"),
    ("/", "tagalong.assessments.api"),
    ("/", "tagalong.plans.api"),
    ("/", "tagalong.bookings.api"),
    ("/", "tagalong.notifications.api"),
    ("/", "tagalong.messaging.api"),
    ("/", "tagalong.attention.api"),
    ("/", "tagalong.dataexport.api"),
    ("/", "tagalong.programmes.api"),
)


def _mount() -> None:
    from importlib import import_module

    for prefix, module_path in ROUTERS:
        api.add_router(prefix, import_module(module_path).router)


_mount()
