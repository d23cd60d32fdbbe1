"""JSON API of the search across needs and solutions: /api/v1/search.

Public: anyone may call it and sees what the public sees; a signed-in caller (session or bearer
token) also sees what their roles let them see, exactly as on the search page.
"""

from django.db.models import QuerySet
from ninja import Field, Query, Router, Schema
from ninja.responses import Status

from csst.accounts.auth import public
from csst.core.api import Message, ValidationMessage

from .forms import NEEDS, SOLUTIONS, SearchForm
from .sections import url_of
from .selectors import found, rows

search_router = Router(tags=["search"])

LIMIT_MAX = 100
OFFSET_MAX = 100_000


class SearchParams(Schema):
    q: str | None = Field(None, max_length=200, description="Words, accents and case aside")
    kind: str | None = Field(None, max_length=10, description="needs, solutions or all")
    theme: str | None = Field(None, max_length=60, description="Theme code (narrower included)")
    sdg: str | None = Field(None, max_length=8, description="SDG target (9.c) or goal (9)")
    country: str | None = Field(None, max_length=3, description="ISO alpha-3")
    region: str | None = Field(None, max_length=3, description="UN M49 region code, any level")
    status: str | None = Field(None, max_length=20, description="A status of the kind searched")
    limit: int = Field(20, ge=1, le=LIMIT_MAX, description="Items per section")
    offset: int = Field(0, ge=0, le=OFFSET_MAX, description="Items skipped in each section")


class HitOut(Schema):
    id: int
    title: str
    organisation: str
    country: str = Field(description="ISO alpha-3")
    status: str
    url: str = Field(description="Its page on the site (empty while it has none)")
    themes: list[str] = Field(description="Theme codes")

    @staticmethod
    def resolve_organisation(obj) -> str:
        return str(obj.organisation)

    @staticmethod
    def resolve_country(obj) -> str:
        return obj.country.iso3

    @staticmethod
    def resolve_url(obj) -> str:
        return url_of(obj)

    @staticmethod
    def resolve_themes(obj) -> list[str]:
        return [theme.code for theme in obj.themes.all()]


class SectionOut(Schema):
    count: int
    items: list[HitOut]


class SearchOut(Schema):
    needs: SectionOut
    solutions: SectionOut


def _section(matches: QuerySet, limit: int, offset: int) -> dict:
    return {"count": matches.count(), "items": rows(matches, offset, offset + limit)}


@search_router.get(
    "",
    response={200: SearchOut, 400: Message, 401: Message, 422: ValidationMessage},
    auth=public,
    summary="Search needs and solutions the caller may see (French and English, accents aside)",
)
def search(request, params: Query[SearchParams]):
    data = params.dict(exclude={"limit", "offset"}, exclude_none=True)
    if "country" in data:
        data["country"] = data["country"].upper()
    form = SearchForm(data)
    if not form.is_valid():
        return Status(400, {"message": form.error_message()})
    empty = {"count": 0, "items": []}
    filters, kinds = form.filters(), form.kinds()
    return {
        kind: _section(found(request.user, kind, filters), params.limit, params.offset)
        if kind in kinds
        else empty
        for kind in (NEEDS, SOLUTIONS)
    }
