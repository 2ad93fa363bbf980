from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "gongkai.web.common"
    label = "common"
    verbose_name = "公共"

    def ready(self) -> None:
        from gongkai.web.common import squashed  # noqa: F401  (registers its database check)
