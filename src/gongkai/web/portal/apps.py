from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "gongkai.web.portal"
    label = "portal"
    verbose_name = "政府信息公开专栏"

    def ready(self) -> None:
        from gongkai.web.portal import notify

        notify.connect()
