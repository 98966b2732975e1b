"""People, practices, invitations and API tokens."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core import signing
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    COACH = "coach", _("Coach")
    ATHLETE = "athlete", _("Athlete")
    STAFF = "staff", _("Staff")


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **fields: object) -> User:
        if not email:
            raise ValueError("An email address is required")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields: object) -> User:
        fields.update(is_staff=True, is_superuser=True, role=Role.STAFF)
        return self.create_user(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(unique=True)
    full_name = models.CharField(max_length=150)
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.ATHLETE)
    time_zone = models.CharField(max_length=64, default="UTC")
    units = models.CharField(
        max_length=2,
        choices=[("km", _("Kilometres (pace per km)")), ("mi", _("Miles (pace per mile)"))],
        default="km",
        help_text=_("How distances and paces are shown to this person."),
    )
    # Blank: the language the browser asks for (LocaleMiddleware); else one of LANGUAGES.
    language = models.CharField(max_length=8, blank=True, default="")
    # When the person closed the first-run checklist on their home page.
    checklist_dismissed_at = models.DateTimeField(null=True, blank=True)
    # Notifications pushed to the browsers this person turned them on in (beside email).
    push_notifications = models.BooleanField(default=False)
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False)
    date_joined = models.DateTimeField(default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        ordering = ["full_name", "email"]

    def __str__(self) -> str:
        return self.full_name or self.email

    def save(self, *args: Any, **kwargs: Any) -> None:
        # set_password() leaves the new password in _password until the row is saved.
        new_password = self.pk is not None and self._password is not None
        super().save(*args, **kwargs)
        if new_password:
            from tagalong.accounts.services import after_password_change

            after_password_change(user=self, now=timezone.now())

    @property
    def is_coach(self) -> bool:
        return self.role == Role.COACH

    @property
    def is_athlete(self) -> bool:
        return self.role == Role.ATHLETE

    @property
    def is_platform_staff(self) -> bool:
        return self.is_staff or self.role == Role.STAFF

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email


class Practice(models.Model):
    """A coaching business: one or more coaches who may share athletes."""

    name = models.CharField(max_length=120)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.name


class CoachProfile(models.Model):
    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="coach_profile")
    practice = models.ForeignKey(Practice, on_delete=models.PROTECT, related_name="coaches")
    bio = models.TextField(blank=True)

    def __str__(self) -> str:
        return f"{self.user} ({self.practice})"


def _new_nonce() -> str:
    return secrets.token_hex(16)


def _invitation_signer() -> signing.Signer:
    return signing.Signer(salt="tagalong.invitation", sep=".")


def _hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


class InvitationQuerySet(models.QuerySet["Invitation"]):
    def usable(self, now: datetime) -> InvitationQuerySet:
        return self.filter(accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=now)


class Invitation(models.Model):
    """A single-use, expiring link a coach sends to a runner. Only the token's hash is stored."""

    email = models.EmailField()
    coach = models.ForeignKey(User, on_delete=models.CASCADE, related_name="sent_invitations")
    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="invitations")
    # The link's token is an HMAC of the id and this nonce, so a task can rebuild the link from
    # the invitation id alone and no usable secret is ever stored.
    nonce = models.CharField(max_length=32, default=_new_nonce)
    message = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Invitation for {self.email}"

    def token(self) -> str:
        return _invitation_signer().sign(f"{self.pk}-{self.nonce}")

    @classmethod
    def from_token(cls, token: str) -> Invitation | None:
        try:
            value = _invitation_signer().unsign(token)
        except signing.BadSignature:
            return None
        pk, _, nonce = value.partition("-")
        if not pk.isdigit():
            return None
        return cls.objects.filter(pk=int(pk), nonce=nonce).first()

    def status(self, now: datetime) -> str:
        if self.accepted_at:
            return "accepted"
        if self.revoked_at:
            return "revoked"
        if self.expires_at <= now:
            return "expired"
        return "pending"

    @classmethod
    def expiry_from(cls, now: datetime, days: int) -> datetime:
        return now + timedelta(days=days)


class ApiToken(models.Model):
    """A personal API token for scripts. Shown once on creation; only its hash is kept."""

    PREFIX = "tg_"

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=80)
    token_hash = models.CharField(max_length=64, unique=True)
    hint = models.CharField(max_length=8)
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} (…{self.hint})"

    @classmethod
    def hash_token(cls, token: str) -> str:
        return _hash_secret(token)
