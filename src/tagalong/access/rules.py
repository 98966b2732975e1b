"""Route rules: every view and API operation is wrapped by exactly one of these.

Each decorator records ``access_rule`` on the callable; the route-walking test fails for any
route without one. Object-level checks (which athlete, which link) happen inside the view
through ``tagalong.access.policy``; these rules settle who may call the route at all.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from tagalong.accounts.models import User

F = TypeVar("F", bound=Callable[..., Any])

RULES = ("public", "signed_in", "coach", "athlete", "staff", "athlete_scoped")


def _mark(view: F, rule: str) -> F:
    view.access_rule = rule  # type: ignore[attr-defined]
    return view


def _is_api(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def _guard(rule: str, allowed: Callable[[User], bool] | None) -> Callable[[F], F]:
    def decorator(view: F) -> F:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            user = request.user
            if not user.is_authenticated or not user.is_active:
                if _is_api(request):
                    raise PermissionDenied("Authentication required.")
                return redirect_to_login(request.get_full_path())
            assert isinstance(user, User)
            if allowed is not None and not allowed(user):
                raise PermissionDenied(f"This needs the {rule} role.")
            return view(request, *args, **kwargs)

        return _mark(wrapper, rule)  # type: ignore[arg-type]

    return decorator


def public(view: F) -> F:
    return _mark(view, "public")


signed_in = _guard("signed_in", None)
coach = _guard("coach", lambda user: user.is_coach)
athlete = _guard("athlete", lambda user: user.is_athlete)
staff = _guard("staff", lambda user: user.is_platform_staff)
# Signed in; the view then fetches the athlete with policy.athlete_for (404/403 inside).
athlete_scoped = _guard("athlete_scoped", None)


def rule_of(view: Callable[..., Any]) -> str | None:
    seen: set[int] = set()
    current: Any = view
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        rule = getattr(current, "access_rule", None)
        if rule is not None:
            return str(rule)
        current = getattr(current, "__wrapped__", None) or getattr(current, "view_class", None)
    return None


def forbid(message: str) -> HttpResponse:
    raise PermissionDenied(message)
