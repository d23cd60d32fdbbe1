from django.conf import settings
from django.shortcuts import redirect, render
from django.template import loader
from django.http import HttpResponseServerError
from django.utils.translation import get_language_from_request


def root_redirect(request):
    """`/` goes to the visitor's chosen language (cookie), French otherwise."""
    lang = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if lang not in dict(settings.LANGUAGES):
        lang = settings.LANGUAGE_CODE
    return redirect(f"/{lang}/")


def home(request):
    return render(request, "portal/home.html")


def actions(request):
    return render(request, "portal/home.html")


def news_list(request):
    return render(request, "portal/home.html")


def documents(request):
    return render(request, "portal/home.html")


def who_we_are(request):
    return render(request, "portal/home.html")


def permission_denied(request, exception=None):
    return render(request, "errors/403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "errors/404.html", status=404)


def server_error(request):
    # No context processors: the failure may come from them.
    return HttpResponseServerError(loader.render_to_string("errors/500.html"))
