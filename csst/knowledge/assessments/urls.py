"""Routes of the self-assessment pages (joined to the knowledge namespace by knowledge/urls.py)."""

urlpatterns = []
