"""Routes of the solution and lesson pages (joined to the knowledge namespace by knowledge/urls.py)."""

urlpatterns = []
