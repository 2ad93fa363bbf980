from django.apps import AppConfig


class WorkCalendarConfig(AppConfig):
    name = "gongkai.web.workcalendar"
    label = "workcalendar"
    verbose_name = "工作日历"
