"""Routes of the solution and lesson pages (joined to the knowledge namespace in knowledge/urls)."""

from django.urls import path

from . import views

urlpatterns = [
    path("solutions/", views.solution_list, name="solution_list"),
    path("solutions/new/", views.solution_create, name="solution_create"),
    path("solutions/review/", views.review_queue, name="solution_review"),
    path("solutions/<int:pk>/", views.solution_detail, name="solution_detail"),
    path("solutions/<int:pk>/edit/", views.solution_edit, name="solution_edit"),
    path(
        "solutions/<int:pk>/actions/<slug:action>/",
        views.solution_action,
        name="solution_action",
    ),
    path("solutions/<int:pk>/evidence/new/", views.evidence_add, name="solution_evidence_add"),
    path(
        "solutions/<int:pk>/evidence/<int:evidence_pk>/file/",
        views.evidence_file,
        name="solution_evidence_file",
    ),
    path(
        "solutions/<int:pk>/evidence/<int:evidence_pk>/delete/",
        views.evidence_remove,
        name="solution_evidence_remove",
    ),
    path("lessons/", views.lesson_list, name="lesson_list"),
    path("lessons/new/", views.lesson_create, name="lesson_create"),
    path("lessons/<int:pk>/", views.lesson_detail, name="lesson_detail"),
    path(
        "lessons/<int:pk>/draft-solution/",
        views.lesson_draft_solution,
        name="lesson_draft_solution",
    ),
]
