from django.urls import path

from gongkai.web.accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.members, name="members"),
    path("<int:pk>/remove/", views.remove, name="remove"),
    path("user/<int:pk>/active/<int:active>/", views.set_active, name="set_active"),
    path("user/<int:pk>/password/", views.reset_password, name="reset_password"),
    path("password/", views.ForcedPasswordChangeView.as_view(), name="password_change"),
]
