from typing import Any

# The module, not the class: Django picks an apps.py's config only when it holds one AppConfig.
from gongkai.web.applications import panels


class LettersConfig(panels.RequestPanelConfig):
    name = "gongkai.web.letters"
    label = "letters"
    verbose_name = "文书"
    default_auto_field = "django.db.models.BigAutoField"

    def request_panel(self, user: Any, application: Any) -> dict[str, Any]:
        from gongkai.web.letters.links import suggested_letters  # loads models

        return {"suggested_letters": suggested_letters(application, user=user)}
