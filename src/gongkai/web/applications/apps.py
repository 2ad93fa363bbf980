from django.apps import AppConfig


class ApplicationsConfig(AppConfig):
    name = "gongkai.web.applications"
    label = "applications"
    verbose_name = "依申请公开"

    def ready(self) -> None:
        # Connect the receivers (Django's way: importing the module registers them).
        from gongkai.web.applications import receivers  # noqa: F401
