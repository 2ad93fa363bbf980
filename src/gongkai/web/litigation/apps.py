from django.apps import AppConfig


class LitigationConfig(AppConfig):
    name = "gongkai.web.litigation"
    label = "litigation"
    verbose_name = "行政复议和行政诉讼"

    def ready(self) -> None:
        # The request page shows this register's part of it (models are loaded only now).
        from gongkai.web.applications.panels import contribute
        from gongkai.web.litigation.selectors import case_list_for_application

        contribute(
            "cases",
            lambda user, application: {
                "cases": list(case_list_for_application(user=user, application=application))
            },
        )
