"""Production: a real secret key and host names are required; cookies and HSTS are strict.

Behind a TLS-terminating proxy set ``DJANGO_SECURE_PROXY_SSL=true``.
"""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured

from gongkai.web.config.datadir import weak_secret
from gongkai.web.config.env import env, env_bool, env_int, env_list

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = env("DJANGO_SECRET_KEY")
if problem := weak_secret(SECRET_KEY):
    raise ImproperlyConfigured(problem)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost")

SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", default=True)
if env_bool("DJANGO_SECURE_PROXY_SSL", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

if not USE_SMTP:  # noqa: F405
    # No mail server configured: reminders stay in the app; mail is logged, not sent.
    MAILERS = {"default": {"BACKEND": "gongkai.web.common.mail.DisabledEmailBackend"}}
