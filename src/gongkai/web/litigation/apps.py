from typing import Any

# The module, not the class: Django picks an apps.py's config only when it holds one AppConfig.
from gongkai.web.applications import panels


class LitigationConfig(panels.RequestPanelConfig):
    name = "gongkai.web.litigation"
    label = "litigation"
    verbose_name = "行政复议和行政诉讼"

    def request_panel(self, user: Any, application: Any) -> dict[str, Any]:
        from gongkai.web.litigation.selectors import case_list_for_application  # loads models

        return {"cases": list(case_list_for_application(user=user, application=application))}
