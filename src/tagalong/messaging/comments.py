"""Comments on a symptom log, an activity or a calf check: the thing commented on, found for
its athlete (404 otherwise), with the link back and the label the conversation shows.
Plan sessions have their own comments (``plans.services.comments.add_comment``), copied in
the same way."""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext

from tagalong.accounts.models import User
from tagalong.athletes.models import AthleteProfile
from tagalong.errors import DomainError
from tagalong.messaging.models import Message
from tagalong.messaging.services import post_linked_comment
from tagalong.wording import Phrase

# The kinds commented on here, as the URL names them.
KINDS = ("symptom_log", "activity", "calf_check")


@dataclass(frozen=True)
class Subject:
    kind: str
    url: str
    label: str


def subject_of(athlete: AthleteProfile, kind: str, subject_id: int) -> Subject:
    """The athlete's symptom log, activity or calf check with this id; 404 for anything else."""
    if kind not in KINDS or not 0 < subject_id < 2**63:
        raise Http404("Nothing to comment on here")
    if kind == "symptom_log":
        from tagalong.symptoms.models import SymptomLog

        log = SymptomLog.objects.filter(athlete=athlete, pk=subject_id).first()
        if log is None:
            raise Http404("No such symptom log")
        url = reverse("symptoms:history", kwargs={"athlete_id": athlete.pk})
        return Subject(
            kind, f"{url}#log-{log.pk}", Phrase("Symptom log, {day:%a %-d %b}", day=log.day)
        )
    if kind == "activity":
        from tagalong.activities.models import Activity

        activity = Activity.objects.filter(athlete=athlete, pk=subject_id).first()
        if activity is None:
            raise Http404("No such activity")
        url = reverse(
            "activities:detail", kwargs={"athlete_id": athlete.pk, "activity_id": activity.pk}
        )
        local = activity.start.astimezone(ZoneInfo(athlete.time_zone or "UTC"))
        name = activity.name or activity.sport.replace("_", " ").capitalize()
        return Subject(kind, url, Phrase("{name}, {day:%a %-d %b}", name=name, day=local))
    from tagalong.assessments.models import CalfCheckRun

    run = CalfCheckRun.objects.filter(athlete=athlete, pk=subject_id).first()
    if run is None:
        raise Http404("No such calf check")
    url = reverse("assessments:calf_check", kwargs={"athlete_id": athlete.pk})
    local = run.created_at.astimezone(ZoneInfo(athlete.time_zone or "UTC"))
    return Subject(kind, f"{url}#run-{run.pk}", Phrase("Calf check, {day:%a %-d %b}", day=local))


def comment_on(
    *, author: User, athlete: AthleteProfile, subject: Subject, text: str
) -> list[Message]:
    """Post the comment into the conversation(s); a clear error when there is nobody to tell."""
    if not (text or "").strip():
        raise DomainError(gettext("Write a comment first."), field="text")
    messages = post_linked_comment(
        author=author,
        athlete=athlete,
        text=text,
        subject_kind=subject.kind,
        subject_url=subject.url,
        subject_label=subject.label,
    )
    if not messages:
        no_coach = (
            gettext(
                "You have no coach to send this to: comments go to the conversation with a coach."
            )
            if author.pk == athlete.user_id
            else gettext(
                "%(name)s has no coach to send this to: comments go to the conversation with a "
                "coach."
            )
            % {"name": athlete.name}
        )
        raise DomainError(
            no_coach,
            field="text",
        )
    return messages
