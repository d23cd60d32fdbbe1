from django.conf import settings


def platform(request):
    """Values every page needs: the language list for the switch and the demo flag."""
    return {"LANGUAGES_AVAILABLE": settings.LANGUAGES}
