"""The results shown by the page and the API: one section per kind (needs, solutions)."""

from dataclasses import dataclass, field
from functools import partial

from django.urls import NoReverseMatch
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from csst.core.pagination import paginate

from .forms import NEEDS, SOLUTIONS, SearchForm
from .selectors import IdsFirst, found
from .snippets import snippet
from .words import query_words

PER_PAGE = 10
TITLES = {NEEDS: _("Needs"), SOLUTIONS: _("Solutions")}
TEXT_FIELDS = {NEEDS: "problem", SOLUTIONS: "problem_solved"}


@dataclass
class Hit:
    record: object
    kind: str
    url: str
    snippet: SafeString


@dataclass
class PageLink:
    number: int | str  # or the paginator's ellipsis
    url: str = ""
    current: bool = False


@dataclass
class Section:
    kind: str
    title: str
    count: int
    hits: list[Hit]
    page_obj: object = None
    links: list[PageLink] = field(default_factory=list)
    previous_url: str = ""
    next_url: str = ""


def url_of(record) -> str:
    """Its page, or "" while that page does not exist yet (solution pages come later)."""
    try:
        return record.get_absolute_url()
    except NoReverseMatch:
        return ""


def hits(records, kind: str, q: str | None) -> list[Hit]:
    words = query_words(q)
    text = TEXT_FIELDS[kind]
    return [Hit(r, kind, url_of(r), snippet(getattr(r, text), words)) for r in records]


class _PageOnly:
    """`paginate` reads the `page` parameter; each section has its own (needs_page…)."""

    def __init__(self, request, parameter: str):
        self.GET = {"page": request.GET.get(parameter)}


def _page_url(request, parameter: str, number: int) -> str:
    query = request.GET.copy()
    query[parameter] = number
    return f"?{query.urlencode()}"


def _navigation(request, parameter: str, page: dict) -> dict:
    """Links to the other pages of one section, through its own page parameter."""
    page_obj = page["page_obj"]
    if page_obj.paginator.num_pages < 2:
        return {}
    url = partial(_page_url, request, parameter)
    return {
        "links": [
            PageLink(
                number, "" if isinstance(number, str) else url(number), number == page_obj.number
            )
            for number in page["page_range"]
        ],
        "previous_url": url(page_obj.previous_page_number()) if page_obj.has_previous() else "",
        "next_url": url(page_obj.next_page_number()) if page_obj.has_next() else "",
    }


def page_section(request, kind: str, filters: dict) -> Section:
    parameter = f"{kind}_page"
    matches = IdsFirst(found(request.user, kind, filters))
    page = paginate(_PageOnly(request, parameter), matches, PER_PAGE)
    page_obj = page["page_obj"]
    return Section(
        kind,
        TITLES[kind],
        page_obj.paginator.count,
        hits(page_obj.object_list, kind, filters.get("q")),
        page_obj,
        **_navigation(request, parameter, page),
    )


def page_sections(request, form: SearchForm) -> list[Section]:
    filters = form.filters()
    return [page_section(request, kind, filters) for kind in form.kinds()]
