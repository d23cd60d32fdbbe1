"""JSON API of the shared vocabularies: /api/v1/themes and /api/v1/sdg/… (public, read-only).

Each item carries both languages (`name_fr`, `name_en`…) and `name`/`title` in the request's
language. Mounted by config/api.py at the root of the API (`api.add_router("", router)`).
"""

from ninja import Field, Query, Router, Schema

from csst.accounts.auth import public
from csst.core.api import READ_ERRORS, Message

from . import selectors as vocabularies

router = Router(tags=["vocabularies"])

# Public reads also answer 401 when a bad token is sent (csst.accounts.auth.optional_user).
ERRORS = {**READ_ERRORS, 401: Message}
PAGE_MAX = 500
OFFSET_MAX = 100_000


def _text(value) -> str:
    return str(value or "")


class ThemeOut(Schema):
    code: str = Field(description="Stable identifier, e.g. ecommerce-visibility")
    name: str = Field(description="In the request's language")
    name_fr: str
    name_en: str
    description: str
    description_fr: str
    description_en: str
    parent: str | None = Field(description="Code of the broader theme; null for a top-level one")
    order: int


class ThemeList(Schema):
    items: list[ThemeOut]
    count: int


class TargetOut(Schema):
    code: str = Field(description='As the UN writes it, e.g. "9.c"')
    goal: int = Field(description="Number of the goal")
    title: str = Field(description="In the request's language")
    title_fr: str
    title_en: str


class TargetList(Schema):
    items: list[TargetOut]
    count: int


class GoalOut(Schema):
    number: int
    title: str = Field(description="In the request's language")
    title_fr: str
    title_en: str
    short_title: str
    short_title_fr: str
    short_title_en: str
    targets: list[TargetOut] | None = Field(None, description="Only with ?with_targets=true")


class GoalList(Schema):
    items: list[GoalOut]
    count: int


class IndicatorOut(Schema):
    code: str = Field(description='e.g. "9.c.1"')
    title: str = Field(description="In the request's language (English when no French exists)")
    title_fr: str = Field(description="Empty when no current French translation is available")
    title_en: str
    unsd_code: str = Field(description="UNSD series code, e.g. C090c01 (shared by repeats)")


class TargetDetailOut(TargetOut):
    goal_title: str = Field(description="Title of the goal, in the request's language")
    indicators: list[IndicatorOut] = Field(description="Official indicators (UNSD 2023 list)")


class Page(Schema):
    limit: int = Field(50, ge=1, le=PAGE_MAX)
    offset: int = Field(0, ge=0, le=OFFSET_MAX)


class GoalFilters(Schema):
    with_targets: bool = Field(False, description="Include each goal's targets")


class TargetFilters(Page):
    goal: int | None = Field(None, ge=1, le=17, description="Number of the goal")
    q: str | None = Field(
        None,
        max_length=vocabularies.QUERY_MAX,
        description="Words of the code or of the French or English title, accents ignored",
    )


def _theme(theme) -> dict:
    return {
        "code": theme.code,
        "name": _text(theme.name),
        "name_fr": _text(theme.name_fr),
        "name_en": _text(theme.name_en),
        "description": _text(theme.description),
        "description_fr": _text(theme.description_fr),
        "description_en": _text(theme.description_en),
        "parent": theme.parent.code if theme.parent_id else None,
        "order": theme.order,
    }


def _target(target, goal_number: int) -> dict:
    return {
        "code": target.code,
        "goal": goal_number,
        "title": _text(target.title),
        "title_fr": _text(target.title_fr),
        "title_en": _text(target.title_en),
    }


def _goal(goal, with_targets: bool) -> dict:
    return {
        "number": goal.number,
        "title": _text(goal.title),
        "title_fr": _text(goal.title_fr),
        "title_en": _text(goal.title_en),
        "short_title": _text(goal.short_title),
        "short_title_fr": _text(goal.short_title_fr),
        "short_title_en": _text(goal.short_title_en),
        "targets": [_target(t, goal.number) for t in goal.targets.all()] if with_targets else None,
    }


@router.get(
    "/themes",
    response={200: ThemeList, **ERRORS},
    auth=public,
    summary="Themes (postal development areas), flat in tree order, each with its parent's code",
)
def list_themes(request, page: Query[Page]):
    rows = vocabularies.themes()
    items = rows[page.offset : page.offset + page.limit]
    return {"items": [_theme(theme) for theme in items], "count": len(rows)}


@router.get(
    "/sdg/goals",
    response={200: GoalList, **ERRORS},
    auth=public,
    summary="The 17 Sustainable Development Goals (with their targets on request)",
)
def list_goals(request, filters: Query[GoalFilters]):
    goals = list(vocabularies.sdg_goals(with_targets=filters.with_targets))
    return {"items": [_goal(g, filters.with_targets) for g in goals], "count": len(goals)}


@router.get(
    "/sdg/targets",
    response={200: TargetList, **ERRORS},
    auth=public,
    summary="The 169 SDG targets (filters: goal, q), in the official order",
)
def list_targets(request, filters: Query[TargetFilters]):
    rows = vocabularies.sdg_targets(goal=filters.goal, q=filters.q)
    items = rows[filters.offset : filters.offset + filters.limit]
    return {"items": [_target(t, t.goal.number) for t in items], "count": len(rows)}


@router.get(
    "/sdg/targets/{code}",
    response={200: TargetDetailOut, **ERRORS},
    auth=public,
    summary='One SDG target by its code (e.g. "9.c") with its indicators',
)
def get_target(request, code: str):
    target = vocabularies.sdg_target(code)
    return {
        **_target(target, target.goal.number),
        "goal_title": _text(target.goal.title),
        "indicators": [
            {
                "code": indicator.code,
                "title": _text(indicator.title),
                "title_fr": _text(indicator.title_fr),
                "title_en": _text(indicator.title_en),
                "unsd_code": indicator.unsd_code,
            }
            for indicator in target.indicators.all()
        ],
    }
