"""Fast test settings: cheap hashing, tasks run immediately unless a test is about tasks."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile

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
    # A file of this run's own, not memory: with an in-memory database the live server's request
    # threads share the test thread's one SQLite connection, and a query calling one of Django's
    # SQL functions written in Python (a __date lookup) then deadlocks the process (the GIL
    # against the connection's mutex) beyond the reach of any timeout. A file gives each thread
    # its own connection, as in production.
    _TEST_DB_DIR = tempfile.mkdtemp(prefix="tagalong-test-db-")
    atexit.register(shutil.rmtree, _TEST_DB_DIR, ignore_errors=True)
    DATABASES["default"]["TEST"] = {"NAME": os.path.join(_TEST_DB_DIR, "test.sqlite3")}
if "django_rq" not in INSTALLED_APPS:
    INSTALLED_APPS = [*INSTALLED_APPS, "django_rq"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
TEST_REDIS_URL = os.environ.get("TAGALONG_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
RQ_QUEUES = {"default": {"URL": TEST_REDIS_URL}}
# No test reaches intervals.icu: the contract server (tests/sync) sets its own address.
SYNC_BASE_URL = "http://127.0.0.1:9"
