from django.apps import AppConfig


class ProactiveConfig(AppConfig):
    name = "gongkai.web.proactive"
    label = "proactive"
    verbose_name = "主动公开"

    def ready(self) -> None:
        # Connect the receivers (Django's way: importing the module registers them).
        from gongkai.web.proactive import receivers  # noqa: F401
