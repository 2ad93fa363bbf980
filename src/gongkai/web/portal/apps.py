from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "gongkai.web.portal"
    label = "portal"
    verbose_name = "政府信息公开专栏"

    def ready(self) -> None:
        from gongkai.web.notifications.tasks import register_daily_check
        from gongkai.web.portal import notify
        from gongkai.web.portal.staff import warn_stale_guides

        notify.connect()
        register_daily_check("stale_guides", warn_stale_guides)
