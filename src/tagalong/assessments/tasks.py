"""Background jobs: the coach's red-flag alert and retest reminders. Ids in, state re-checked."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from tagalong.assessments.models import Intake, RetestReminder, TestSession
from tagalong.athletes.models import AthleteProfile, CoachingLink
from tagalong.calfcheck import red_flag_labels
from tagalong.notifications.email import send_templated


@task()
def alert_coaches_red_flag(intake_id: int) -> str:
    intake = Intake.objects.select_related("athlete__user").filter(pk=intake_id).first()
    if intake is None or not intake.red_flags:
        return "nothing"
    # Claim: only the first run of this job sends.
    claimed = Intake.objects.filter(pk=intake_id, coach_alerted_at__isnull=True).update(
        coach_alerted_at=timezone.now()
    )
    if not claimed:
        return "already sent"
    links = CoachingLink.objects.active().filter(athlete=intake.athlete).select_related("coach")
    emails = sorted({link.coach.email for link in links if link.coach.email})
    if not emails:
        return "no coach"
    send_templated(
        template="red_flag_alert",
        to=emails,
        context={
            "athlete": intake.athlete,
            "flags": red_flag_labels(intake.red_flags),
            "path": f"/athletes/{intake.athlete_id}/calf-check/",
        },
    )
    return "sent"


@task()
def send_retest_reminders() -> int:
    """Email athletes whose last tests are older than the interval; once per due date."""
    weeks = int(getattr(settings, "TAGALONG_RETEST_WEEKS", 4))
    today = timezone.localdate()
    due_before = today - timedelta(weeks=weeks)
    sent = 0
    for athlete in (
        AthleteProfile.objects.select_related("user").filter(test_sessions__isnull=False).distinct()
    ):
        last = TestSession.objects.filter(athlete=athlete).values_list("date", flat=True).first()
        if last is None or last > due_before:
            continue
        reminder = RetestReminder.objects.filter(athlete=athlete).first()
        if reminder is not None and reminder.last_sent_on >= last + timedelta(weeks=weeks):
            continue  # already reminded for this due date
        if reminder is None:
            RetestReminder.objects.create(athlete=athlete, last_sent_on=today)
        elif not RetestReminder.objects.filter(
            pk=reminder.pk, last_sent_on=reminder.last_sent_on
        ).update(last_sent_on=today):
            continue
        send_templated(
            template="retest_reminder",
            to=[athlete.user.email],
            context={"athlete": athlete, "last": last, "path": f"/athletes/{athlete.pk}/tests/"},
        )
        sent += 1
    return sent
