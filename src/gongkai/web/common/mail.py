"""The mail backend used when no SMTP server is configured (``USE_SMTP`` unset).

Messages are not sent; each is logged once at INFO level so an administrator can see what
would have gone out. Deadline reminders always stay visible in the app's 提醒 page.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from django.core.mail.backends.base import BaseEmailBackend

log = logging.getLogger(__name__)


class DisabledEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages: Sequence[Any]) -> int:
        for message in email_messages:
            log.info("mail not sent (no SMTP configured): %s → %s", message.subject, message.to)
        return 0
