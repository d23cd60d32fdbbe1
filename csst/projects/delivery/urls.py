"""Routes of the delivery pages (joined to the "projects" namespace by projects/urls.py).

Every path starts with a literal segment, so none can be taken for a project page's pattern.
"""

from django.urls import path

from . import views

urlpatterns = [
    path("delivery/<int:project_pk>/activities/", views.activity_list, name="activity_list"),
    path(
        "delivery/<int:project_pk>/activities/new/",
        views.activity_create,
        name="activity_create",
    ),
    path("delivery/<int:project_pk>/results/", views.indicator_list, name="indicator_list"),
    path("delivery/<int:project_pk>/results/new/", views.indicator_create, name="indicator_create"),
    path("activities/<int:pk>/", views.activity_detail, name="activity_detail"),
    path("activities/<int:pk>/edit/", views.activity_edit, name="activity_edit"),
    path("activities/<int:pk>/<slug:action>/", views.activity_action, name="activity_action"),
    path(
        "activities/<int:activity_pk>/participants/new/",
        views.participant_create,
        name="participant_create",
    ),
    path(
        "activities/<int:activity_pk>/participants/import/",
        views.participant_import,
        name="participant_import",
    ),
    path(
        "activities/<int:activity_pk>/equipment/new/",
        views.equipment_create,
        name="equipment_create",
    ),
    path("participants/<int:pk>/edit/", views.participant_edit, name="participant_edit"),
    path("participants/<int:pk>/delete/", views.participant_delete, name="participant_delete"),
    path("equipment/<int:pk>/edit/", views.equipment_edit, name="equipment_edit"),
    path("equipment/<int:pk>/delete/", views.equipment_delete, name="equipment_delete"),
    path("indicators/<int:pk>/edit/", views.indicator_edit, name="indicator_edit"),
    path("indicators/<int:indicator_pk>/values/new/", views.value_create, name="value_create"),
]
