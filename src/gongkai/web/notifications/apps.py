from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "gongkai.web.notifications"
    label = "notifications"
    verbose_name = "提醒"

    def ready(self) -> None:
        # Connect the receivers (Django's way: importing the module registers them).
        from gongkai.web.notifications import receivers  # noqa: F401
