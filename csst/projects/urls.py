"""Routes of the project pages (namespace "projects"); delivery pages are joined from delivery/."""

from .delivery import urls as delivery

app_name = "projects"
urlpatterns = [
    *delivery.urlpatterns,
]
