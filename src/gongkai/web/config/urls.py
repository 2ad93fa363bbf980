"""URL map. Apps owned by other engineers are mounted when their package has a ``urls`` module."""

from __future__ import annotations

import importlib.util

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import URLPattern, URLResolver, include, path
from django.views.generic import RedirectView

from gongkai.web.accounts.forms import LoginForm

urlpatterns: list[URLPattern | URLResolver] = [
    path("", RedirectView.as_view(pattern_name="applications:queue"), name="home"),
    path(
        "login/",
        auth_views.LoginView.as_view(
            authentication_form=LoginForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("applications/", include("gongkai.web.applications.urls")),
    path("calendar/", include("gongkai.web.workcalendar.urls")),
    path("agencies/", include("gongkai.web.orgs.urls")),
    path("people/", include("gongkai.web.accounts.urls")),
    path("notifications/", include("gongkai.web.notifications.urls")),
]

for app in settings.PRESENT_OPTIONAL_APPS:
    if importlib.util.find_spec(f"{app}.urls"):
        prefix = app.rsplit(".", 1)[1]
        urlpatterns.append(path(f"{prefix}/", include(f"{app}.urls")))
