"""Route of the search page across needs and solutions (joined to the knowledge namespace)."""

urlpatterns = []
