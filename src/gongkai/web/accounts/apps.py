from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "gongkai.web.accounts"
    label = "accounts"
    verbose_name = "用户与角色"

    def ready(self) -> None:
        from gongkai.web.accounts import signins  # noqa: F401 - connects the audit receivers
