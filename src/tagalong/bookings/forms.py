"""Forms of the booking pages. They read what people type; the services keep the rules."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from itertools import pairwise
from typing import Any

from django import forms
from django.utils.dates import WEEKDAYS as DAY_NAMES
from django.utils.dates import WEEKDAYS_ABBR
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tagalong.accounts.models import User
from tagalong.athletes.models import AthleteGroup
from tagalong.athletes.validation import time_zone_choices
from tagalong.bookings.models import ATTENDANCE_CHOICES, Availability, Kind, SessionType
from tagalong.bookings.services import SESSION_TYPE_FIELDS
from tagalong.exercises import LIBRARY
from tagalong.scheduling import SchedulingError, TimeRange
from tagalong.scheduling.hours import WEEKDAYS
from tagalong.scheduling.rules import MAX_BUFFER_MIN
from tagalong.scheduling.zones import localise, zone

RANGE = re.compile(r"^(\d{1,2})(?::(\d{2}))?\s*[-–—]\s*(\d{1,2})(?::(\d{2}))?$")
RANGES_HELP = _("Like 09:00-12:00, 14:00-17:30. Leave empty for no hours.")
DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def _clock(hours: str, minutes: str | None) -> time:
    hour, minute = int(hours), int(minutes or 0)
    if hour == 24 and minute == 0:
        return time(23, 59)  # "until midnight"
    return time(hour, minute)


def parse_ranges(text: str) -> list[TimeRange]:
    """ "09:00-12:00, 14:00-17:00" as local ranges; a ValidationError names the bad part."""
    ranges = []
    for part in filter(None, (p.strip() for p in re.split(r"[,;\n]", text))):
        match = RANGE.match(part)
        if match is None:
            raise forms.ValidationError(
                gettext("“%(part)s” is not a range like 09:00-12:00.") % {"part": part}
            )
        try:
            ranges.append(TimeRange(_clock(*match.group(1, 2)), _clock(*match.group(3, 4))))
        except ValueError as error:
            raise forms.ValidationError(
                gettext("“%(part)s”: %(error)s.") % {"part": part, "error": error}
            ) from error
        except SchedulingError as error:
            raise forms.ValidationError(
                gettext("“%(part)s”: the end must be after the start.") % {"part": part}
            ) from error
    ordered = sorted(ranges, key=lambda r: r.start)
    for earlier, later in pairwise(ordered):
        if later.start < earlier.end:
            raise forms.ValidationError(
                gettext("%(first)s and %(second)s overlap.")
                % {
                    "first": f"{_hm(earlier.start)}-{_hm(earlier.end)}",
                    "second": f"{_hm(later.start)}-{_hm(later.end)}",
                }
            )
    return ordered


def _hm(moment: time) -> str:
    return moment.strftime("%H:%M")


def ranges_text(raw: list[list[str]]) -> str:
    return ", ".join(f"{a}-{b}" for a, b in raw)


class RangesField(forms.CharField):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", RANGES_HELP)
        super().__init__(max_length=200, **kwargs)

    def clean(self, value: Any) -> list[TimeRange]:  # type: ignore[override]
        return parse_ranges(super().clean(value) or "")


class AvailabilityForm(forms.Form):
    time_zone = forms.ChoiceField(
        label=_("Your time zone"), help_text=_("Your weekly hours are on this clock.")
    )
    buffer_before_min = forms.IntegerField(
        label=_("Free time before each session (minutes)"), min_value=0, max_value=MAX_BUFFER_MIN
    )
    buffer_after_min = forms.IntegerField(
        label=_("Free time after each session (minutes)"), min_value=0, max_value=MAX_BUFFER_MIN
    )
    minimum_notice_hours = forms.IntegerField(
        label=_("Minimum notice (hours)"),
        min_value=0,
        max_value=24 * 30,
        help_text=_("Runners cannot book a one-on-one that starts sooner than this."),
    )
    horizon_days = forms.IntegerField(
        label=_("Booking horizon (days)"),
        min_value=1,
        max_value=365,
        help_text=_("How far ahead runners may book; weekly classes are created this far ahead."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["time_zone"].choices = time_zone_choices()  # type: ignore[attr-defined]
        for index, day in enumerate(WEEKDAYS):
            self.fields[day] = RangesField(label=DAY_NAMES[index])
            self.fields[day].widget.attrs["data-weekday"] = str(index)

    @classmethod
    def for_availability(cls, availability: Availability) -> AvailabilityForm:
        initial: dict[str, Any] = {
            name: getattr(availability, name)
            for name in (
                "time_zone",
                "buffer_before_min",
                "buffer_after_min",
                "minimum_notice_hours",
                "horizon_days",
            )
        }
        for index, day in enumerate(WEEKDAYS):
            initial[day] = ranges_text(availability.weekly_hours.get(str(index), []))
        return cls(initial=initial)

    def weekday_fields(self) -> list[forms.BoundField]:
        return [self[day] for day in WEEKDAYS]

    def changes(self) -> dict[str, Any]:
        data = {k: v for k, v in self.cleaned_data.items() if k not in WEEKDAYS}
        data["weekly_hours"] = {
            str(index): [[r.start.strftime("%H:%M"), r.end.strftime("%H:%M")] for r in ranges]
            for index, day in enumerate(WEEKDAYS)
            if (ranges := self.cleaned_data[day])
        }
        return data


class ExceptionForm(forms.Form):
    OFF, OTHER, EXTRA = "off", "other", "extra"
    day = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), label=_("Date"))
    kind = forms.ChoiceField(
        label=_("That day"),
        choices=[
            (OFF, _("Not available (holiday, race, course)")),
            (OTHER, _("Only these hours")),
            (EXTRA, _("These hours on top of the usual ones")),
        ],
    )
    hours = RangesField(label=_("Hours"), help_text=_("For “only these” or extra hours."))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") in (self.OTHER, self.EXTRA) and not data.get("hours"):
            self.add_error("hours", gettext("Give the hours, e.g. 18:00-20:00."))
        return data

    def service_args(self) -> dict[str, Any]:
        data = self.cleaned_data
        off = data["kind"] == self.OFF
        return {
            "day": data["day"],
            "ranges": [] if off else data["hours"],
            "replace": data["kind"] != self.EXTRA,
        }


class SessionTypeForm(forms.ModelForm):
    custom_link = forms.URLField(required=False, max_length=200, assume_scheme="https")

    class Meta:
        model = SessionType
        fields = list(SESSION_TYPE_FIELDS)
        labels = {
            "duration_min": _("Length (minutes)"),
            "kind": _("Format"),
            "capacity": _("Seats (group sessions)"),
            "audience": _("Who may book"),
            "group": _("Group"),
            "cancel_cutoff_hours": _("Free cancellation until (hours before)"),
            "price_text": _("Price (shown to runners, not charged)"),
            "location": _("Where it happens"),
            "custom_link": _("Your own meeting link"),
        }
        help_texts = {
            "capacity": _("One-on-one sessions always have one seat."),
            "group": _("Only for “Members of a group”. Make groups under Groups."),
            "cancel_cutoff_hours": _(
                "Later cancellations count as late; runners cannot move "
                "the session any more and are asked to contact you."
            ),
            "price_text": _("E.g. “£45” or “included in your plan”. Tagalong takes no payments."),
            "location": _("A new, unguessable video room is made for every session."),
            "custom_link": _("Zoom, Google Meet… used for every session of this type."),
        }

    def __init__(self, *args: Any, coach: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        group = self.fields["group"]
        assert isinstance(group, forms.ModelChoiceField)
        group.queryset = AthleteGroup.objects.filter(coach=coach)
        group.empty_label = gettext("Choose a group")
        for name in ("kind", "audience", "location"):
            self.fields[name].widget.attrs["data-toggles"] = name

    def changes(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class ClassForm(forms.Form):
    NONE, WEEKLY, FORTNIGHTLY = "", "1", "2"
    session_type = forms.ModelChoiceField(queryset=SessionType.objects.none(), label=_("Session"))
    day = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), label=_("First date"))
    start_time = forms.TimeField(widget=forms.TimeInput(attrs={"type": "time"}), label=_("Start"))
    repeat = forms.ChoiceField(
        required=False,
        label=_("Repeat"),
        choices=[(NONE, _("Once")), (WEEKLY, _("Every week")), (FORTNIGHTLY, _("Every two weeks"))],
    )
    weekdays = forms.MultipleChoiceField(
        required=False,
        label=_("On"),
        choices=[(code, WEEKDAYS_ABBR[index]) for index, code in enumerate(DAY_CODES)],
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave empty for the first date's weekday."),
    )
    count = forms.IntegerField(
        required=False, min_value=1, max_value=104, label=_("Number of classes")
    )
    until = forms.DateField(
        required=False, widget=forms.DateInput(attrs={"type": "date"}), label=_("Or until")
    )
    rrule = forms.CharField(
        required=False,
        max_length=200,
        label=_("Or your own repeat rule (RRULE)"),
        help_text=_("E.g. FREQ=WEEKLY;BYDAY=TU,TH;COUNT=10. Overrides the choices above."),
    )

    def __init__(self, *args: Any, coach: User, tz_name: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.tz_name = tz_name
        field = self.fields["session_type"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = SessionType.objects.filter(coach=coach, kind=Kind.GROUP, active=True)
        field.empty_label = gettext("Choose a group session type")

    def start(self) -> datetime:
        """The first class on the coach's wall clock (RFC 5545 rules on a changeover day)."""
        naive = datetime.combine(self.cleaned_data["day"], self.cleaned_data["start_time"])
        return localise(naive, zone(self.tz_name))

    def rule(self) -> str:
        data = self.cleaned_data
        if data.get("rrule"):
            return str(data["rrule"]).strip().removeprefix("RRULE:")
        if not data.get("repeat"):
            return ""
        days = data.get("weekdays") or [DAY_CODES[data["day"].weekday()]]
        parts = ["FREQ=WEEKLY", f"INTERVAL={data['repeat']}", "BYDAY=" + ",".join(days)]
        if data.get("count"):
            parts.append(f"COUNT={data['count']}")
        elif data.get("until"):
            parts.append(f"UNTIL={_ical_date(data['until'])}")
        return ";".join(parts)


def _ical_date(day: date) -> str:
    return day.strftime("%Y%m%d")


def _exercise_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    groups: dict[str, list[tuple[str, str]]] = {}
    for exercise in LIBRARY.values():
        label = str(exercise.category).replace("_", ", ").capitalize()
        groups.setdefault(label, []).append((exercise.slug, exercise.name))
    return list(groups.items())


class NoteForm(forms.Form):
    private_note = forms.CharField(
        required=False,
        max_length=8000,
        label=_("Private note"),
        help_text=_("Only you see this."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    shared_advice = forms.CharField(
        required=False,
        max_length=8000,
        label=_("Advice for the runner"),
        help_text=_("Shown on the runner's record and session page."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    exercise_slugs = forms.MultipleChoiceField(
        required=False,
        label=_("Exercises to link"),
        widget=forms.SelectMultiple(attrs={"size": 8, "data-picker": _("Search exercises")}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["exercise_slugs"].choices = _exercise_choices()  # type: ignore[attr-defined]


class AttendanceForm(forms.Form):
    status = forms.ChoiceField(choices=ATTENDANCE_CHOICES)


class BookForm(forms.Form):
    """A free one-on-one time (``start``, an instant) or a scheduled class (``session``)."""

    start = forms.DateTimeField(required=False)
    session = forms.IntegerField(required=False, min_value=1)
    token = forms.CharField(required=False, max_length=64)
    # Set by the review page's button: without it the choice is shown for review, not booked.
    confirm = forms.BooleanField(required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("start") and not data.get("session"):
            raise forms.ValidationError(gettext("Pick a time."))
        return data
