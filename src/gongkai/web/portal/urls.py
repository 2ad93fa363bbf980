"""Mounted at ``/xxgk/`` (namespace ``portal``): the government's 专栏 at the root, an agency's
below it by its code. Stable paths (site builders link or frame them)."""

from django.urls import path

from gongkai.web.portal import views, views_columns, views_rules, views_staff

app_name = "portal"

urlpatterns = [
    path("", views.column, name="index"),
    path("dazi/", views.large_text, name="large_text"),
    path("ysqgk/", views.apply_index, name="apply_index"),
    path("ysqgk/sq/", views.apply, name="apply"),
    path("ysqgk/sq/<int:pk>/", views.submitted, name="submitted"),
    path("ysqgk/sq/<int:pk>/copy.pdf", views.copy_pdf, name="copy_pdf"),
    path("ysqgk/cx/", views.lookup, name="lookup"),
    path("ysqgk/cx/<int:pk>/", views.status_page, name="status"),
    path("ysqgk/cx/<int:pk>/letter/<int:letter>.pdf", views.status_letter, name="status_letter"),
    path("ysqgk/cx/exit/", views.forget, name="forget"),
    # Staff (login): what came with an online application.
    path("gzt/<int:pk>/", views_staff.online_materials, name="staff_online"),
    path("gzt/zero-results/", views_staff.zero_results, name="staff_zero_results"),
    path("gzt/zd/<int:pk>/", views_rules.rules_edit, name="staff_rules"),
    path("gzt/<int:pk>/proof/", views_staff.id_proof, name="staff_proof"),
    path("gzt/<int:pk>/bz/<int:correction>/", views_staff.correction_file, name="staff_correction"),
    path("<slug:code>/", views.column, name="agency"),
    path("<slug:code>/zn/", views_columns.guide_page, name="guide"),
    path("<slug:code>/zd/", views_columns.rules_page, name="rules"),
    path("<slug:code>/fdzdgknr/", views_columns.catalogue_page, name="catalogue"),
    path("<slug:code>/fdzdgknr/<int:pk>/", views_columns.item_page, name="item"),
    path("<slug:code>/nb/", views_columns.reports_page, name="reports"),
    path("<slug:code>/nb/hz/<int:year>/", views_columns.consolidated_page, name="consolidated"),
    path("<slug:code>/nb/<int:pk>/<slug:kind>/", views_columns.report_file, name="report_file"),
]
