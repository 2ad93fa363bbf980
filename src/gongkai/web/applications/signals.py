"""What the request register tells the apps above it (they connect receivers in their
``AppConfig.ready``; the register does not import them — the layers contract).

``approval_requested``: sent with ``application``, ``day``, ``message`` and ``exclude`` (the user
who asked, who cannot approve their own request) when a case officer asks a 审核人 to approve.
``approval_decided``: sent with ``user_id`` (who asked), ``application``, ``day`` and ``message``
when a 审核人 approves, rejects or returns the request.
"""

from __future__ import annotations

from django.dispatch import Signal

approval_requested = Signal()
approval_decided = Signal()
