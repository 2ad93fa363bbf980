from django.urls import path

from gongkai.web.proactive import views

app_name = "proactive"

urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.item_new, name="new"),
    path("<int:pk>/", views.item_detail, name="item"),
    path("<int:pk>/publish/", views.item_publish, name="publish"),
    path("<int:pk>/void/", views.item_void, name="void"),
    path("import/", views.import_items, name="import"),
    path("import/<int:pk>/", views.import_job, name="import_job"),
    path("import/template.csv", views.import_template, name="import_template"),
    path("settings/", views.settings_page, name="settings"),
    path("article20/", views.article20, name="article20"),
    path("article20/<slug:kind>/new/", views.record_new, name="record_new"),
    path(
        "article20/<slug:kind>/<int:pk>/<slug:action>/", views.record_action, name="record_action"
    ),
]
