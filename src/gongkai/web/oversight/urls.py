from django.urls import path

from gongkai.web.oversight import views

app_name = "oversight"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("supervise/", views.supervise, name="supervise"),
]
