from django.urls import path

from . import views, views_vocabularies

app_name = "knowledge"
urlpatterns = [
    path("needs/", views.need_list, name="need_list"),
    path("needs/new/", views.need_create, name="need_create"),
    path("needs/<int:pk>/", views.need_detail, name="need_detail"),
    path("needs/<int:pk>/edit/", views.need_edit, name="need_edit"),
    path("needs/<int:pk>/<slug:action>/", views.need_action, name="need_action"),
    path("vocabularies/", views_vocabularies.vocabularies, name="vocabularies"),
]
