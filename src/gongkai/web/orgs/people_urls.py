from django.urls import path

from gongkai.web.orgs import audit_views
from gongkai.web.orgs import people as views

# Included under the "accounts" namespace by gongkai.web.config.urls (the page names
# "accounts:members" and "accounts:remove" predate the move of these views to orgs).
urlpatterns = [
    path("", views.members, name="members"),
    path("<int:pk>/remove/", views.remove, name="remove"),
    path("audit/", audit_views.audit_list, name="audit"),
    path("audit.csv", audit_views.audit_csv, name="audit_csv"),
    path("user/<int:pk>/active/<int:active>/", views.set_active, name="set_active"),
    path("user/<int:pk>/password/", views.reset_password, name="reset_password"),
    path("password/", views.ForcedPasswordChangeView.as_view(), name="password_change"),
]
