from django.apps import AppConfig


class LettersConfig(AppConfig):
    name = "gongkai.web.letters"
    label = "letters"
    verbose_name = "文书"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # The request page shows this register's part of it (models are loaded only now).
        from gongkai.web.applications.panels import contribute
        from gongkai.web.letters.links import suggested_letters

        contribute(
            "letters",
            lambda user, application: {
                "suggested_letters": suggested_letters(application, user=user)
            },
        )
