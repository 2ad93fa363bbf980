"""Mounted by ``config/urls.py`` at ``/letters/`` (namespace ``letters``)."""

from django.urls import path

from gongkai.web.letters import views

app_name = "letters"

urlpatterns = [
    path("", views.index, name="index"),
    path("agency/<int:agency_id>/settings/", views.settings_edit, name="settings_edit"),
    path("agency/<int:agency_id>/templates/<str:key>/", views.template_edit, name="template_edit"),
    path("application/<int:pk>/", views.application_letters, name="application"),
    path("application/<int:pk>/new/<str:key>/", views.letter_new, name="letter_new"),
    path("application/<int:pk>/attachments/", views.attachment_upload, name="attachment_upload"),
    path("letter/<int:pk>/download.<str:fmt>", views.letter_download, name="letter_download"),
    path("letter/<int:pk>/delivery/", views.letter_delivery, name="letter_delivery"),
    path("letter/<int:pk>/void/", views.letter_void, name="letter_void"),
    path("attachment/<int:pk>/", views.attachment_download, name="attachment_download"),
    path("attachment/<int:pk>/void/", views.attachment_void, name="attachment_void"),
]
