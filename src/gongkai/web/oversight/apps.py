from django.apps import AppConfig


class OversightConfig(AppConfig):
    name = "gongkai.web.oversight"
    label = "oversight"
    verbose_name = "公开办监督"
