"""Routes of the delivery pages (joined to the "projects" namespace by projects/urls.py)."""

urlpatterns = []
