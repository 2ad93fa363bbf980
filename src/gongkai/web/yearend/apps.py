from django.apps import AppConfig


class YearendConfig(AppConfig):
    name = "gongkai.web.yearend"
    label = "yearend"
    verbose_name = "年度统计"
