"""Evidence entries: scheduling and booking conventions (see shared/science.md §11).

These are product conventions of the booking and calendar tools coaches already use (Calendly,
Acuity, Jitsi) plus the iCalendar standard, not physiology: they are SECONDARY practice conventions,
never expert targets.
"""

from tagalong.evidence.model import Evidence, Strength
from tagalong.wording import Phrase

_TOOLS = "Calendly and Acuity Scheduling help centres, via Tagalong's evidence summary"

ENTRIES: tuple[Evidence, ...] = (
    Evidence(
        id="scheduling.buffer.calendly_0_180_min",
        statement=Phrase(
            "Booking tools let a coach keep a buffer of 0 to 180 minutes before and after each "
            "session, during which nothing else can be booked."
        ),
        source=_TOOLS,
        strength=Strength.SECONDARY,
    ),
    Evidence(
        id="scheduling.reminder.not_later_than_1h",
        statement=Phrase("Session reminders go out no later than one hour before the start."),
        source=_TOOLS,
        strength=Strength.SECONDARY,
    ),
    Evidence(
        id="scheduling.group.capacity_per_slot",
        statement=Phrase("Group sessions have a capacity per slot and show the remaining spots."),
        source=_TOOLS,
        strength=Strength.SECONDARY,
    ),
    Evidence(
        id="scheduling.timezone.per_invitee",
        statement=Phrase(
            "Each invitee sees times in their own detected time zone; the host's hours stay "
            "in the host's zone."
        ),
        source=_TOOLS,
        strength=Strength.SECONDARY,
    ),
    Evidence(
        id="scheduling.invitation.sequence_and_cancel",
        statement=Phrase(
            "Calendly's group invitations never update after a change; send updated iCalendar "
            "invitations with the same UID and a higher SEQUENCE, and cancellations with "
            "METHOD:CANCEL and STATUS:CANCELLED (RFC 5546)."
        ),
        source=f"{_TOOLS}; RFC 5545 section 3.8.7.4 (SEQUENCE), RFC 5546 section 3.2.5 (CANCEL)",
        strength=Strength.SECONDARY,
    ),
    Evidence(
        id="scheduling.ical.local_time_rules",
        statement=Phrase(
            "A local time that occurs twice means its first occurrence; a local time that does "
            "not exist is read with the UTC offset from before the gap (so 02:30 on a "
            "spring-forward night is 03:30 daylight time)."
        ),
        source="RFC 5545 section 3.3.5 and section 3.3.10 (recalled; matches PEP 495 fold=0)",
        strength=Strength.RECALLED,
    ),
    Evidence(
        id="scheduling.video.jitsi_unguessable_url",
        statement=Phrase(
            "A Jitsi room is just an unguessable URL on a Jitsi server; since 2023 the public "
            "meet.jit.si asks the moderator to log in, self-hosted servers do not. Keep the "
            "server configurable and allow a custom link."
        ),
        source="Jitsi Meet documentation, via Tagalong's evidence summary",
        strength=Strength.SECONDARY,
    ),
)
