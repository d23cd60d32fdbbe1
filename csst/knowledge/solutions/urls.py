"""Routes of the solution and lesson pages (joined to the knowledge namespace in knowledge/urls)."""

urlpatterns = []
