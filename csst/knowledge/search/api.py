"""JSON API of the search across needs and solutions: /api/v1/search."""

from ninja import Router

search_router = Router(tags=["search"])
