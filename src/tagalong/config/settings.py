"""Tagalong settings. Every value comes from the environment; docs/configuration.md lists them."""

from __future__ import annotations

from pathlib import Path

import dj_database_url

from tagalong.config.env import SettingsError, env_bool, env_int, env_list, env_str

PACKAGE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(env_str("TAGALONG_DATA_DIR", str(Path.cwd() / "var"))).resolve()

DEBUG = env_bool("TAGALONG_DEBUG", False)
_INSECURE_KEY = "insecure-development-key-do-not-use-in-production-0123456789abcdef"
SECRET_KEY = env_str("TAGALONG_SECRET_KEY", _INSECURE_KEY if DEBUG else None)
if not DEBUG and SECRET_KEY == _INSECURE_KEY:
    raise SettingsError("TAGALONG_SECRET_KEY must be a real secret when TAGALONG_DEBUG is off")
ALLOWED_HOSTS = env_list("TAGALONG_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
SITE_URL = env_str("TAGALONG_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
CSRF_TRUSTED_ORIGINS = env_list("TAGALONG_CSRF_TRUSTED_ORIGINS", [SITE_URL])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "tagalong.accounts",
    "tagalong.athletes",
    "tagalong.audit",
    "tagalong.notifications",
    "tagalong.web",
    "tagalong.api",
    "tagalong.activities",
    "tagalong.shoes",
    "tagalong.symptoms",
    "tagalong.assessments",
    "tagalong.plans",
    "tagalong.bookings",
    "tagalong.messaging",
    "tagalong.dataexport",
    "tagalong.attention",
    "tagalong.programmes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "tagalong.web.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "tagalong.web.middleware.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "tagalong.web.middleware.IdOutOfRangeMiddleware",
]

ROOT_URLCONF = "tagalong.config.urls"
WSGI_APPLICATION = "tagalong.config.wsgi.application"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "accounts:login"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "tagalong.web.context.navigation",
            ],
        },
    },
]

_SQLITE_OPTIONS = {
    "init_command": ("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"),
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}


def _database() -> dict[str, object]:
    url = env_str("DATABASE_URL", "")
    if not url:
        DATA_DIR.mkdir(parents=True, exist_ok=True)
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(DATA_DIR / "tagalong.sqlite3"),
            "OPTIONS": _SQLITE_OPTIONS,
        }
    config: dict[str, object] = dict(dj_database_url.parse(url, conn_max_age=60))
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["OPTIONS"] = _SQLITE_OPTIONS
    return config


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL", "")
TASK_BACKEND = env_str("TAGALONG_TASK_BACKEND", "redis" if REDIS_URL else "database")
if TASK_BACKEND == "database":
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
elif TASK_BACKEND == "redis":
    if not REDIS_URL:
        raise SettingsError(
            "TAGALONG_TASK_BACKEND=redis needs REDIS_URL, e.g. redis://127.0.0.1:6379/0"
        )
    INSTALLED_APPS += ["django_rq"]
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 3600}}
elif TASK_BACKEND == "immediate":
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
else:
    raise SettingsError(f"TAGALONG_TASK_BACKEND={TASK_BACKEND!r}: use database, redis or immediate")

CACHES = (
    {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
    if REDIS_URL
    else {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
# The languages offered (Settings → Language); each has a catalogue under locale/.
LANGUAGES = [("en-gb", "English"), ("de", "Deutsch")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# Map tiles under activity routes: a URL template with {z}, {x}, {y}. Empty (the default) draws
# the route as an outline and asks no third party for anything.
MAP_TILES = env_str("TAGALONG_MAP_TILES", "")
MAP_ATTRIBUTION = env_str("TAGALONG_MAP_ATTRIBUTION", "")
if MAP_TILES and not all(part in MAP_TILES for part in ("{z}", "{x}", "{y}")):
    raise SettingsError("TAGALONG_MAP_TILES must hold {z}, {x} and {y}, e.g. .../{z}/{x}/{y}.png")

# Web push (the browser's own notification service): a VAPID key pair, made once with
# `tagalong vapid-keys`. Without it, notifications show in an open Tagalong tab only.
VAPID_PUBLIC_KEY = env_str("TAGALONG_VAPID_PUBLIC_KEY", "")
VAPID_PRIVATE_KEY = env_str("TAGALONG_VAPID_PRIVATE_KEY", "")
VAPID_SUBJECT = env_str("TAGALONG_VAPID_SUBJECT", "")
if bool(VAPID_PUBLIC_KEY) != bool(VAPID_PRIVATE_KEY):
    raise SettingsError("TAGALONG_VAPID_PUBLIC_KEY and _PRIVATE_KEY go together: set both or none")

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
# Front-end packages come from npm at set-up (package.json) and are served as our own files.
NODE_MODULES = Path(
    env_str("TAGALONG_NODE_MODULES", str(PACKAGE_DIR.parent.parent / "node_modules"))
)
STATICFILES_DIRS = [
    (prefix, NODE_MODULES / folder)
    for prefix, folder in (("uplot", "uplot/dist"), ("lucide", "lucide-static/icons"))
    if (NODE_MODULES / folder).is_dir()
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
MEDIA_ROOT = DATA_DIR / "media"

EMAIL_BACKEND = env_str("TAGALONG_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("TAGALONG_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("TAGALONG_EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("TAGALONG_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = env_str("TAGALONG_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env_bool("TAGALONG_EMAIL_TLS", False)
DEFAULT_FROM_EMAIL = env_str("TAGALONG_FROM_EMAIL", "Tagalong <noreply@tagalong.invalid>")

INVITATION_TTL_DAYS = env_int("TAGALONG_INVITATION_TTL_DAYS", 14)
LOGIN_FAILURE_LIMIT = env_int("TAGALONG_LOGIN_FAILURE_LIMIT", 5)
LOGIN_FAILURE_WINDOW_MIN = env_int("TAGALONG_LOGIN_FAILURE_WINDOW_MIN", 15)

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the cookie-free meta tag, not JS cookies
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("TAGALONG_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("TAGALONG_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("TAGALONG_HSTS_PRELOAD", False)  # opt in: hard to undo
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("TAGALONG_LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

# Import work carries a lease its worker renews; expired, another worker takes it up.
IMPORT_LEASE_S = env_int("TAGALONG_IMPORT_LEASE_S", 120)

# Sign-in throttling (django-axes, tagalong.accounts.throttle): by address and by account, each
# paused after TAGALONG_LOGIN_FAILURE_LIMIT failures for TAGALONG_LOGIN_FAILURE_WINDOW_MIN.
INSTALLED_APPS += ["axes"]
MIDDLEWARE += ["axes.middleware.AxesMiddleware"]
AUTHENTICATION_BACKENDS = [
    "tagalong.accounts.throttle.LoginThrottle",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = LOGIN_FAILURE_LIMIT
AXES_COOLOFF_TIME = LOGIN_FAILURE_WINDOW_MIN / 60  # hours
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_CALLABLE = "tagalong.accounts.throttle.account_of"
AXES_LOCKOUT_CALLABLE = "tagalong.accounts.throttle.locked_out"
AXES_CLIENT_IP_CALLABLE = "tagalong.web.security.client_ip"
AXES_VERBOSE = False

# X-Forwarded-Proto / X-Forwarded-For are believed only from these addresses (or networks);
# from anyone else they are dropped (tagalong.web.security). "none": no proxy is trusted.
TRUSTED_PROXIES = [
    p for p in env_list("TAGALONG_TRUSTED_PROXIES", ["127.0.0.1", "::1"]) if p != "none"
]
MIDDLEWARE.insert(0, "tagalong.web.security.TrustedProxyMiddleware")
MIDDLEWARE += ["tagalong.web.security.PrivateCacheMiddleware"]
# HSTS preload is an opt-in (TAGALONG_HSTS_PRELOAD): leaving the list takes months, so the deploy
# check's reminder about it is not a warning here.
SILENCED_SYSTEM_CHECKS = ["security.W021"]
# A 403 logs one line (no traceback); django-axes' routine bookkeeping stays out of the log.
LOGGING["filters"] = {"one_line_403": {"()": "tagalong.config.logfilters.OneLineForbidden"}}
LOGGING["loggers"]["django.request"] = {"filters": ["one_line_403"]}  # type: ignore[index]
LOGGING["loggers"]["axes"] = {"level": "WARNING"}  # type: ignore[index]
# A write refused by a read-only database answers 503 with a clear message (tagalong.web.readonly).
MIDDLEWARE += ["tagalong.web.readonly.ReadOnlyDatabaseMiddleware"]

# intervals.icu sync (tagalong.sync, docs/sync.md). Keys are sealed with TAGALONG_SECRETS_KEY (a
# Fernet key: 32 url-safe base64 bytes), else with a key derived from TAGALONG_SECRET_KEY.
INSTALLED_APPS += ["tagalong.sync"]
SECRETS_KEY = env_str("TAGALONG_SECRETS_KEY", "")
if SECRETS_KEY:
    from tagalong.sync.vault import check_key as _check_secrets_key

    if (_why := _check_secrets_key(SECRETS_KEY)) is not None:
        raise SettingsError(
            f"TAGALONG_SECRETS_KEY {_why}: make one with python -c 'import base64, os; "
            "print(base64.urlsafe_b64encode(os.urandom(32)).decode())'"
        )
else:
    from tagalong.sync.vault import derived_key as _derived_key

    SECRETS_KEY = _derived_key(SECRET_KEY)
SYNC_BASE_URL = env_str("TAGALONG_SYNC_BASE_URL", "https://intervals.icu").rstrip("/")
if not SYNC_BASE_URL.startswith(("https://", "http://")):
    raise SettingsError(f"TAGALONG_SYNC_BASE_URL={SYNC_BASE_URL!r} must start with https://")
SYNC_EVERY_MIN = env_int("TAGALONG_SYNC_EVERY_MIN", 15)
SYNC_TIMEOUT_S = env_int("TAGALONG_SYNC_TIMEOUT_S", 20)
SYNC_HISTORY_DAYS = env_int("TAGALONG_SYNC_HISTORY_DAYS", 90)
SYNC_LEASE_S = env_int("TAGALONG_SYNC_LEASE_S", 300)
if min(SYNC_EVERY_MIN, SYNC_TIMEOUT_S, SYNC_HISTORY_DAYS, SYNC_LEASE_S) < 1:
    raise SettingsError(
        "TAGALONG_SYNC_EVERY_MIN, TAGALONG_SYNC_TIMEOUT_S, TAGALONG_SYNC_HISTORY_DAYS and "
        "TAGALONG_SYNC_LEASE_S must be at least 1"
    )
if SYNC_LEASE_S <= SYNC_TIMEOUT_S:
    raise SettingsError(
        "TAGALONG_SYNC_LEASE_S must be longer than TAGALONG_SYNC_TIMEOUT_S: the lease is renewed "
        "after each request"
    )
