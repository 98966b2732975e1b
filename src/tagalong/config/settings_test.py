"""Fast test settings: cheap hashing, tasks run immediately unless a test is about tasks."""

from __future__ import annotations

import os

os.environ.setdefault("TAGALONG_DEBUG", "true")
os.environ.setdefault("TAGALONG_TASK_BACKEND", "immediate")

from tagalong.config.settings import *  # noqa: F403
from tagalong.config.settings import DATABASES, INSTALLED_APPS

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {"NAME": ""}  # in memory
if "django_rq" not in INSTALLED_APPS:
    INSTALLED_APPS = [*INSTALLED_APPS, "django_rq"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
TEST_REDIS_URL = os.environ.get("TAGALONG_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
RQ_QUEUES = {"default": {"URL": TEST_REDIS_URL}}
# No test reaches intervals.icu: the contract server (tests/sync) sets its own address.
SYNC_BASE_URL = "http://127.0.0.1:9"
