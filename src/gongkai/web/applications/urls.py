from django.urls import path

from gongkai.web.applications import views

app_name = "applications"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("export.csv", views.queue_csv, name="queue_csv"),
    path("new/", views.register, name="register"),
    path("inbox/", views.inbox, name="inbox"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/act/<slug:action>/", views.act, name="act"),
]
