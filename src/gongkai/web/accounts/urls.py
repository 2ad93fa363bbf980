from django.urls import path

from gongkai.web.accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.members, name="members"),
    path("<int:pk>/remove/", views.remove, name="remove"),
]
