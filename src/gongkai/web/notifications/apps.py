from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "gongkai.web.notifications"
    label = "notifications"
    verbose_name = "提醒"
