"""Fast, strict settings for the test suite (``tests/conftest.py`` may point DATABASES at a
throwaway PostgreSQL server)."""

from __future__ import annotations

import warnings

from .base import *  # noqa: F403
from .base import STORAGES

SECRET_KEY = "gongkai-test-secret-key-not-for-production-use-0123456789"
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
ALLOWED_HOSTS = ["*"]

warnings.filterwarnings("error", message=r".*received a naive datetime", category=RuntimeWarning)

# No collectstatic in tests: serve static files straight from the apps' folders.
STATIC_ROOT = None  # type: ignore[assignment]  # base sets a Path; no collectstatic here
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
