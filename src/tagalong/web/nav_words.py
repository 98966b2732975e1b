"""The navigation's labels, for the translation catalogues.

Apps register their entries with plain English labels (web.navigation); the page translates
each at render time (web.context). ``makemessages`` finds the words only where they are marked,
so they are marked here; a test checks this list covers every registered label.
"""

from __future__ import annotations

from django.utils.translation import gettext_noop

NAV_LABELS = (
    gettext_noop("Home"),
    gettext_noop("Athletes"),
    gettext_noop("Invite"),
    gettext_noop("Groups"),
    gettext_noop("Messages"),
    gettext_noop("Sessions"),
    gettext_noop("Plan"),
    gettext_noop("Plan templates"),
    gettext_noop("Plan changes"),
    gettext_noop("Programmes"),
    gettext_noop("My profile"),
    gettext_noop("Activities"),
    gettext_noop("Symptoms"),
    gettext_noop("Shoes"),
    gettext_noop("Exercises"),
    gettext_noop("My coaches"),
    gettext_noop("Settings"),
    gettext_noop("Admin"),
)
