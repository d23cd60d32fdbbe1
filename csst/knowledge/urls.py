from django.urls import path

from .assessments import urls as assessments
from .needs import views as needs
from .search import urls as search
from .solutions import urls as solutions
from .vocabularies import views as vocabularies

app_name = "knowledge"
urlpatterns = [
    path("needs/", needs.need_list, name="need_list"),
    path("needs/new/", needs.need_create, name="need_create"),
    path("needs/<int:pk>/", needs.need_detail, name="need_detail"),
    path("needs/<int:pk>/edit/", needs.need_edit, name="need_edit"),
    path("needs/<int:pk>/<slug:action>/", needs.need_action, name="need_action"),
    path("vocabularies/", vocabularies.vocabularies, name="vocabularies"),
    *assessments.urlpatterns,
    *solutions.urlpatterns,
    *search.urlpatterns,
]
