from django.urls import path

from gongkai.web.accounts import audit_views, views

app_name = "accounts"

urlpatterns = [
    path("", views.members, name="members"),
    path("<int:pk>/remove/", views.remove, name="remove"),
    path("audit/", audit_views.audit_list, name="audit"),
    path("audit.csv", audit_views.audit_csv, name="audit_csv"),
]
