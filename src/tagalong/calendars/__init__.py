"""Calendar files: iTIP invitations for bookings, private iCal feeds and video-room links.

Pure: bytes out, no clock (``dtstamp`` is passed in), no network.
"""

from tagalong.calendars.errors import CalendarError
from tagalong.calendars.feed import FeedEvent, build_feed
from tagalong.calendars.invitation import build_invitation
from tagalong.calendars.people import Person
from tagalong.calendars.video import DEFAULT_SERVER, video_room_url

__all__ = [
    "DEFAULT_SERVER",
    "CalendarError",
    "FeedEvent",
    "Person",
    "build_feed",
    "build_invitation",
    "video_room_url",
]
