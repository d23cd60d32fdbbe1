"""Routes of the project pages (namespace "projects"); delivery pages are joined from delivery/."""

from django.urls import path

from . import views
from .delivery import urls as delivery

app_name = "projects"
urlpatterns = [
    path("", views.project_list, name="list"),
    path("new/", views.project_create, name="create"),
    path("from-need/<int:need_pk>/", views.project_from_need, name="create_from_need"),
    path("<int:pk>/", views.project_detail, name="detail"),
    path("<int:pk>/edit/", views.project_edit, name="edit"),
    path("<int:pk>/partners/new/", views.partner_add, name="partner_add"),
    path("<int:pk>/partners/<int:partner_pk>/edit/", views.partner_edit, name="partner_edit"),
    path("<int:pk>/partners/<int:partner_pk>/remove/", views.partner_remove, name="partner_remove"),
    path("<int:pk>/endorse/", views.endorse, name="endorse"),
    path("<int:pk>/accept/", views.accept, name="accept"),
    path("<int:pk>/final-report/", views.final_report, name="final_report"),
    path("<int:pk>/lessons/new/", views.lesson_add, name="lesson_add"),
    path("<int:pk>/actions/<slug:action>/", views.project_action, name="action"),
    *delivery.urlpatterns,
]
