from django.urls import path

from gongkai.web.yearend import views

app_name = "yearend"

urlpatterns = [
    path("", views.index, name="index"),
    path("cell/", views.cell, name="cell"),
]
