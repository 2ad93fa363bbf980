from django.urls import path

from gongkai.web.reports import views

app_name = "reports"

urlpatterns = [
    path("", views.index, name="index"),
    path("report.css", views.stylesheet, name="css"),
    path("import/", views.import_report, name="import"),
    path("import/<int:pk>/", views.import_job, name="import_job"),
    path("<int:agency>/<int:year>/", views.workspace, name="workspace"),
    path("version/<int:pk>/<str:kind>/", views.download, name="download"),
    path("diff/<int:pk>/<int:other>/", views.diff, name="diff"),
]
