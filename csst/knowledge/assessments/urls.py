"""Routes of the self-assessment pages (joined to the knowledge namespace by knowledge/urls.py)."""

from django.urls import path

from . import views

urlpatterns = [
    path("assessments/", views.assessment_list, name="assessment_list"),
    path("assessments/start/", views.assessment_start, name="assessment_start"),
    path("assessments/<int:pk>/", views.assessment_detail, name="assessment_detail"),
    path("assessments/<int:pk>/answer/", views.assessment_answer, name="assessment_answer"),
    path("assessments/<int:pk>/delete/", views.assessment_delete, name="assessment_delete"),
    path(
        "assessments/<int:pk>/gaps/<slug:area>/draft-need/",
        views.assessment_draft_need,
        name="assessment_draft_need",
    ),
]
