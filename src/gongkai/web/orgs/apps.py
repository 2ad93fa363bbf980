from django.apps import AppConfig


class OrgsConfig(AppConfig):
    name = "gongkai.web.orgs"
    label = "orgs"
    verbose_name = "机构"
