"""Links the application page can show: the letter that fits what was just done.

For the web engineer's ``applications/detail.html`` (one call, no other import needed)::

    from gongkai.web.letters.links import suggested_letters
    context["suggested_letters"] = suggested_letters(application, user=request.user)

Each item is ``{"label": "补正通知书", "url": "/letters/application/7/new/correction/"}``.
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from gongkai.core import letters as core
from gongkai.web.applications.enums import EventKind
from gongkai.web.applications.models import Application
from gongkai.web.letters import permissions

# The event of the register -> the letter that notifies it (条例 第三十条, 第三十二条, 第三十三条;
# 国办函〔2020〕109号).
NOTICE_FOR_EVENT = {
    EventKind.CORRECTION_REQUESTED.value: core.LetterKind.CORRECTION,
    EventKind.EXTENSION.value: core.LetterKind.EXTENSION,
    EventKind.CONSULTATION_STARTED.value: core.LetterKind.CONSULTATION,
    EventKind.FEE_NOTICE.value: core.LetterKind.FEE,
}


def suggested_letters(application: Application, *, user: Any) -> list[dict[str, str]]:
    """The letters the recorded events call for that have not been generated yet."""
    if application.voided or not permissions.can_generate_letter(user, application):
        return []
    made = set(application.letters.filter(voided=False).values_list("template_key", flat=True))
    keys: list[str] = []
    for kind in application.events.values_list("kind", flat=True):
        notice = NOTICE_FOR_EVENT.get(kind)
        if notice is not None and notice.value not in keys:
            keys.append(notice.value)
    if application.outcome in core.OUTCOMES:
        keys.append(core.template_key(core.LetterKind.ANSWER, application.outcome))
    return [
        {
            "label": core.template_label(key),
            "url": reverse("letters:letter_new", kwargs={"pk": application.pk, "key": key}),
        }
        for key in keys
        if key not in made
    ]
