"""Signal providers: each kind of attention signal is one function registered here.

A provider takes the athlete and their ``Facts`` (the data read once per refresh) and returns a
``tagalong.triage.Finding`` or None. Apps add providers in ``AppConfig.ready()``; a provider whose
app is not installed is simply not registered, and its signals never appear.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from tagalong.triage import SEVERITY, Finding

if TYPE_CHECKING:
    from tagalong.attention.facts import Facts

Provider = Callable[["Facts"], Finding | None]

_PROVIDERS: dict[str, Provider] = {}


def register(kind: str, provider: Provider) -> None:
    if kind not in SEVERITY:
        raise ValueError(f"unknown attention kind {kind!r}: add it to tagalong.triage.KINDS")
    _PROVIDERS[kind] = provider


def unregister(kind: str) -> None:
    _PROVIDERS.pop(kind, None)


def providers() -> dict[str, Provider]:
    return dict(_PROVIDERS)
