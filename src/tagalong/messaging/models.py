"""Conversations between a coach and an athlete: one thread per pair, its messages and their
files, each person's inbox state, the coach's saved replies and private notes."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy

from tagalong.accounts.models import Practice, User
from tagalong.athletes.models import AthleteProfile
from tagalong.wording import text_from_json

FORMER_MEMBER = "former member"


class Thread(models.Model):
    """One per coach and athlete. When either account is deleted the thread stays for the
    other person and names the missing side "former member"."""

    athlete = models.ForeignKey(
        AthleteProfile, null=True, on_delete=models.SET_NULL, related_name="threads"
    )
    coach = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="threads")
    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="threads")
    created_at = models.DateTimeField(default=timezone.now)
    last_message_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-last_message_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["athlete", "coach"],
                condition=Q(athlete__isnull=False, coach__isnull=False),
                name="one_thread_per_coach_and_athlete",
            )
        ]

    def __str__(self) -> str:
        return f"{self.coach_name} and {self.athlete_name}"

    @property
    def athlete_name(self) -> str:
        return self.athlete.name if self.athlete is not None else FORMER_MEMBER

    @property
    def coach_name(self) -> str:
        return str(self.coach) if self.coach is not None else FORMER_MEMBER

    def other_party(self, user: User) -> User | None:
        """Who reads what ``user`` writes here: the athlete for any coach, the coach for them."""
        if self.athlete is not None and self.athlete.user_id == user.pk:
            return self.coach
        return self.athlete.user if self.athlete is not None else None


class Message(models.Model):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    text = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)
    # When the other side of the thread first read it (practice colleagues reading do not count).
    read_at = models.DateTimeField(null=True, blank=True)
    # A comment made elsewhere (a plan session, a symptom log, an activity, a calf check).
    subject_kind = models.CharField(max_length=20, blank=True)
    subject_url = models.CharField(max_length=300, blank=True)
    subject_label = models.CharField(max_length=200, blank=True)  # in English
    # The label as a phrase (tagalong.wording), so each side reads it in their language;
    # empty on messages from before it was kept.
    subject_phrase = models.JSONField(null=True, blank=True)
    removed = models.BooleanField(default=False)  # its author's account was deleted

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["thread", "created_at"], name="message_thread_time")]

    def __str__(self) -> str:
        return f"message {self.pk} in thread {self.thread_id}"

    @property
    def subject(self) -> str:
        """What the comment is on, in the reader's language where the phrase was kept."""
        return text_from_json(self.subject_label, self.subject_phrase)

    @property
    def author_name(self) -> str:
        return str(self.author) if self.author is not None else FORMER_MEMBER


def attachment_path(instance: Attachment, filename: str) -> str:
    return f"messages/{instance.message.thread_id}/{filename}"


class Attachment(models.Model):
    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="attachments")
    uploaded_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    file = models.FileField(upload_to=attachment_path)
    name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=40)
    size = models.PositiveIntegerField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]
        indexes = [models.Index(fields=["uploaded_by", "created_at"], name="attachment_rate")]

    def __str__(self) -> str:
        return self.name


class Folder(models.TextChoices):
    INBOX = "inbox", gettext_lazy("Inbox")
    LATER = "later", gettext_lazy("Later")
    DONE = "done", gettext_lazy("Done")


class ThreadState(models.Model):
    """One person's view of a thread: where it sits in their inbox, what they last read, and
    when they were last emailed about it."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="states")
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="thread_states")
    folder = models.CharField(max_length=5, choices=Folder.choices, default=Folder.INBOX)
    last_read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["thread", "user"], name="one_state_per_thread_user")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} on thread {self.thread_id}: {self.folder}"


class SavedReply(models.Model):
    coach = models.ForeignKey(User, on_delete=models.CASCADE, related_name="saved_replies")
    title = models.CharField(max_length=80)
    text = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["title", "pk"]

    def __str__(self) -> str:
        return self.title


class CoachNote(models.Model):
    """A coach's private note on a thread: never shown to the athlete, never sent."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    text = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"note {self.pk} on thread {self.thread_id}"

    @property
    def author_name(self) -> str:
        return str(self.author) if self.author is not None else FORMER_MEMBER
