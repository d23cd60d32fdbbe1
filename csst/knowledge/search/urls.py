"""Route of the search page across needs and solutions (joined to the knowledge namespace)."""

from django.urls import path

from .views import search

urlpatterns = [path("search/", search, name="search")]
