"""Public pages of the portal: thin views (parse → one selector → render)."""

from django.conf import settings
from django.http import HttpResponseServerError
from django.shortcuts import redirect, render
from django.template import loader

from csst.core.pagination import paginate

from . import selectors
from .downloads import document_file_response
from .forms import DocumentFilterForm
from .models import PageSlug

NEWS_PER_PAGE = 10
DOCUMENTS_PER_PAGE = 20


def root_redirect(request):
    """`/` goes to the visitor's chosen language (cookie), French otherwise."""
    lang = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if lang not in dict(settings.LANGUAGES):
        lang = settings.LANGUAGE_CODE
    return redirect(f"/{lang}/")


def _static_page(request, slug: PageSlug, template: str = "portal/page.html", **extra):
    context = {"page": selectors.page(slug), "fallback_title": slug.label, **extra}
    return render(request, template, context)


def home(request):
    return _static_page(request, PageSlug.ABOUT)


def actions(request):
    return _static_page(request, PageSlug.ACTIONS)


def who_we_are(request):
    return _static_page(
        request, PageSlug.WHO_WE_ARE, "portal/who_we_are.html", contacts=selectors.contacts()
    )


def news_list(request):
    return render(
        request,
        "portal/news_list.html",
        paginate(request, selectors.published_news(), NEWS_PER_PAGE),
    )


def news_detail(request, pk: int):
    item = selectors.news_item_for(request.user, pk)
    return render(request, "portal/news_detail.html", {"item": item})


def documents(request):
    form = DocumentFilterForm(request.GET, years=selectors.document_years(request.user))
    found = selectors.documents_for(request.user, **form.filters())
    context = {"form": form, **paginate(request, found, DOCUMENTS_PER_PAGE)}
    return render(request, "portal/documents.html", context)


def document_file(request, pk: int):
    return document_file_response(selectors.document_for(request.user, pk))


def permission_denied(request, exception=None):
    return render(request, "errors/403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "errors/404.html", status=404)


def server_error(request):
    # No context processors: the failure may come from them.
    return HttpResponseServerError(loader.render_to_string("errors/500.html"))
