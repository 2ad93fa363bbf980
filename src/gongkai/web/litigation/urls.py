from django.urls import path

from gongkai.web.litigation import views

app_name = "litigation"

urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.new, name="new"),
    path("<int:pk>/", views.detail, name="case"),
    path("<int:pk>/result/", views.result, name="result"),
    path("<int:pk>/void/", views.void, name="void"),
]
