from django.urls import path

from gongkai.web.workcalendar import views

app_name = "workcalendar"

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:year>/", views.year, name="year"),
]
