"""URL map. Apps owned by other engineers are mounted when their package has a ``urls`` module."""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.urls import URLPattern, URLResolver, include, path
from django.views.generic import RedirectView

from gongkai.web.accounts.forms import LoginForm
from gongkai.web.accounts.password import OwnPasswordChangeView

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
    path("password/", OwnPasswordChangeView.as_view(), name="password_change"),
    path("applications/", include("gongkai.web.applications.urls")),
    path("calendar/", include("gongkai.web.workcalendar.urls")),
    path("agencies/", include("gongkai.web.orgs.urls")),
    path("people/", include(("gongkai.web.orgs.people_urls", "accounts"))),
    path("notifications/", include("gongkai.web.notifications.urls")),
    path("letters/", include("gongkai.web.letters.urls")),
    path("proactive/", include("gongkai.web.proactive.urls")),
    path("litigation/", include("gongkai.web.litigation.urls")),
    path("yearend/", include("gongkai.web.yearend.urls")),
    path("xxgk/", include("gongkai.web.portal.urls")),  # the public 专栏 (no login)
    path("reports/", include("gongkai.web.reports.urls")),
    path("oversight/", include("gongkai.web.oversight.urls")),
]
