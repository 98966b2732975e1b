"""How a route case is written: the request to make and the status each actor must get.

Each app keeps its cases in tests/access/cases/<app>.py as ``PAGES`` (keyed by URL name) and
``API`` (keyed by "METHOD /api/path" as the OpenAPI document spells it).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from tests.factories import ACTORS, World

Builder = Callable[[World], Mapping[str, Any]]


@dataclass(frozen=True)
class Case:
    expect: Mapping[str, int]
    method: str = "get"
    kwargs: Builder = field(default=lambda world: {})
    data: Builder | None = None
    json: bool = False

    def __post_init__(self) -> None:
        missing = set(ACTORS) - set(self.expect)
        if missing:
            raise ValueError(f"case lacks expected status for {sorted(missing)}")


def statuses(default: int | None = None, **overrides: int) -> dict[str, int]:
    """Expected statuses: one default for everyone, then the exceptions by actor name.

    A colleague of coach_a whom athlete_a never allowed is a stranger to athlete_a's record:
    unless a case says otherwise (practice-wide things such as custom exercises, which do not
    depend on the runner's permission), ``colleague_no_consent`` gets what ``coach_other``
    gets."""
    result = {actor: default for actor in ACTORS if default is not None}
    unknown = set(overrides) - set(ACTORS)
    if unknown:
        raise ValueError(f"unknown actors {sorted(unknown)}")
    result.update(overrides)
    if "colleague_no_consent" not in overrides and "coach_other" in result:
        result["colleague_no_consent"] = result["coach_other"]
    return result


LOGIN = 302  # a page redirects anonymous visitors to the sign-in page
