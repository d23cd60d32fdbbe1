"""Pagination of list pages (the API uses ninja's limit/offset pagination instead)."""

from django.core.paginator import Paginator


def paginate(request, queryset, per_page: int) -> dict:
    """Template context for one page of results: `page_obj` and `page_range` (elided) to link to.

    A bad or out-of-range `page` parameter gives the nearest page rather than an error.
    """
    page_obj = Paginator(queryset, per_page).get_page(request.GET.get("page"))
    page_range = page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2)
    return {"page_obj": page_obj, "page_range": list(page_range)}
