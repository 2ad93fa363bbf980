"""Settings shared by every profile; everything that varies comes from the environment.

Data lives in ``GONGKAI_DATA_DIR`` (default ``./data``): the SQLite database and uploads.
``DATABASE_URL`` switches to PostgreSQL (``postgres://user:pass@host:5432/name``).
"""

from __future__ import annotations

import datetime as dt
import secrets
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP

from gongkai.web.config.datadir import read_secret_key
from gongkai.web.config.env import env, env_bool, env_int, env_json, env_list

WEB_DIR = Path(__file__).resolve().parent.parent.parent
DATA_DIR = Path(env("GONGKAI_DATA_DIR", "data")).resolve()

DEBUG = env_bool("DJANGO_DEBUG", default=False)
# Never a known secret: the environment's, else the one `gongkai serve` created in the data folder
# (web/config/datadir.py), else a random one for this process only (sessions end on restart).
SECRET_KEY = env("DJANGO_SECRET_KEY", "") or read_secret_key(DATA_DIR) or secrets.token_urlsafe(50)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")

# One app per domain noun (docs/architecture.md).
INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "django_tasks_db",
    "axes",
    "gongkai.web.common",
    "gongkai.web.orgs",
    "gongkai.web.accounts",
    "gongkai.web.applications",
    "gongkai.web.workcalendar",
    "gongkai.web.notifications",
    "gongkai.web.letters",
    "gongkai.web.proactive",
    "gongkai.web.litigation",
    "gongkai.web.yearend",
    "gongkai.web.portal",
    "gongkai.web.reports",
    "gongkai.web.oversight",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "gongkai.web.accounts.middleware.ForcePasswordChangeMiddleware",
    # Pages and downloads carry personal data: browsers and proxies must not keep them.
    "gongkai.web.common.middleware.NoStoreMiddleware",
    "gongkai.web.common.middleware.RefuseNulCharactersMiddleware",
    # Login throttling and lockout (django-axes); last, as its documentation requires.
    "axes.middleware.AxesMiddleware",
]

# Content-Security-Policy (Django 6): everything comes from the installation itself (government
# intranets are offline; no CDN), no inline scripts or styles, no framing, forms post only here.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

ROOT_URLCONF = "gongkai.web.config.urls"
WSGI_APPLICATION = "gongkai.web.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [WEB_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "gongkai.web.config.context_processors.navigation",
            ],
        },
    },
]

DATABASE_URL = env("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(DATA_DIR / "gongkai.sqlite3"),
            "OPTIONS": {
                # Writers wait instead of failing with "database is locked".
                "timeout": 20,
                "transaction_mode": "IMMEDIATE",
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses a locked-out login before checking it
    "django.contrib.auth.backends.ModelBackend",
]
# After 5 wrong passwords for one username from one address, that pair is locked for 30 minutes;
# every attempt is kept (django-axes), and logins and failures are also in the audit trail.
AXES_FAILURE_LIMIT = env_int("GONGKAI_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = dt.timedelta(minutes=env_int("GONGKAI_LOGIN_LOCKOUT_MINUTES", 30))
# Decided (issue 13, item 6): no lockout per username alone. Usernames are predictable (jyj_jbr)
# and a government office reaches the server through one shared address, so locking a username
# after 5 failures from anywhere would let any outsider lock every official out at will; and
# locking an address alone would lock a whole office out. A guesser is slowed to 5 tries per
# address per 30 minutes; every failure is in the audit trail with username and address, where
# the 系统管理员 sees failures for one username from many addresses (/people/audit/).
# tests/web/accounts/test_sign_in_security.py holds this decision.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "gongkai.web.accounts.signins.locked_out"
AXES_VERBOSE = False
AXES_IPWARE_PROXY_COUNT = env_int("GONGKAI_PROXY_COUNT", 0) or None
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "applications:queue"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "zh-hans"
FORMAT_MODULE_PATH = ["gongkai.web.config.formats"]  # dates printed one way: 2025-03-31
CSRF_FAILURE_VIEW = "gongkai.web.common.views.csrf_failure"
LANGUAGES = [("zh-hans", "简体中文")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [WEB_DIR / "static"]
STATIC_ROOT = Path(env("GONGKAI_STATIC_ROOT", str(DATA_DIR / "staticfiles")))
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"
STORAGES = {
    # Uploads go through the storage API, so an S3-compatible backend can replace the disk:
    # e.g. GONGKAI_STORAGE_BACKEND=storages.backends.s3.S3Storage (django-storages) with
    # GONGKAI_STORAGE_OPTIONS='{"bucket_name": "gongkai", "endpoint_url": "https://…"}'.
    "default": {
        "BACKEND": env("GONGKAI_STORAGE_BACKEND", "django.core.files.storage.FileSystemStorage"),
        "OPTIONS": env_json("GONGKAI_STORAGE_OPTIONS", "{}"),
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Security headers Django provides (`check --deploy` with production settings is clean).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 8 * 60 * 60

USE_SMTP = env_bool("USE_SMTP", default=False)
if USE_SMTP:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": env("SMTP_HOST"),
                "port": env_int("SMTP_PORT", 25),
                "username": env("SMTP_USER", ""),
                "password": env("SMTP_PASSWORD", ""),
                "use_tls": env_bool("SMTP_USE_TLS", default=False),
                "use_ssl": env_bool("SMTP_USE_SSL", default=False),
            },
        }
    }
else:
    # Without SMTP, reminders stay in the app (mail is kept in memory and dropped).
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
DEFAULT_FROM_EMAIL = env("GONGKAI_FROM_EMAIL", "gongkai@localhost")

# The 受理编号 pattern used when an agency has none of its own.
GONGKAI_NUMBER_PATTERN = env("GONGKAI_NUMBER_PATTERN", "{agency_code}-{year}-{seq:04d}")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("GONGKAI_LOG_LEVEL", "WARNING")},
}
