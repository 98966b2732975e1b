"""Demo conversations: a runner asks about calf tightness, a coach answers, one waits."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from django.utils import timezone

from tagalong.athletes.models import CoachingLink
from tagalong.messaging.models import SavedReply
from tagalong.messaging.services import add_note, mark_read, post_message, thread_for_link

if TYPE_CHECKING:
    from tagalong.demo import DemoWorld

SCRIPTS = (
    (
        0,
        (
            (
                "athlete",
                26,
                "My left calf was tight this morning after the long run. Should I skip tomorrow?",
            ),
            (
                "coach",
                25,
                "Thanks for telling me. Do the calf check in the app and keep tomorrow easy: "
                "30 minutes, walk breaks if it bites.",
            ),
            ("athlete", 3, "Calf check done. Pain 3/10 on hopping, fine walking."),
        ),
        "Tightness after long runs for three weeks; watch the hop test.",
    ),
    (
        1,
        (
            (
                "coach",
                50,
                "Welcome! Have a look at your first week and tell me if the days suit you.",
            ),
            ("athlete", 49, "Looks good. Tuesdays are hard for me, can we move that run?"),
            ("coach", 48, "Moved to Wednesday."),
        ),
        "",
    ),
)


def add_demo_threads(world: DemoWorld) -> None:
    now = timezone.now()
    for index, script, note in SCRIPTS:
        athlete = world.athletes[index]
        link = CoachingLink.objects.active().filter(athlete=athlete).select_related("coach").first()
        if link is None:
            continue
        thread = thread_for_link(link)
        for who, hours_ago, text in script:
            author = link.coach if who == "coach" else athlete.user
            at = now - timedelta(hours=hours_ago)
            post_message(thread=thread, author=author, text=text, now=at)
            if who == "coach":
                mark_read(thread=thread, user=athlete.user, now=at + timedelta(minutes=30))
        if note:
            add_note(thread=thread, author=link.coach, text=note)
    coach = world.coaches[0]
    SavedReply.objects.get_or_create(
        coach=coach,
        title="Easy day",
        defaults={"text": "Keep today easy: 30–40 minutes at a pace you can talk at."},
    )
