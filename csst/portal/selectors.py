"""Reads of the portal, already limited to what the user may see."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from .models import Contact, Document, NewsItem, NewsStatus, Page
from .permissions import is_content_editor, visible_levels


def page(slug: str) -> Page | None:
    """The page, or None on a fresh database (the view then says it is not published yet)."""
    return Page.objects.filter(slug=slug).first()


def contacts() -> QuerySet[Contact]:
    return Contact.objects.all()


def published_news() -> QuerySet[NewsItem]:
    return NewsItem.objects.filter(status=NewsStatus.PUBLISHED)


def news_for(user, status: str | None = None) -> QuerySet[NewsItem]:
    """Editors see every status (optionally one); everyone else sees published items only."""
    items = NewsItem.objects.all() if is_content_editor(user) else published_news()
    if status:
        items = items.filter(status=status)
    return items.select_related("submitted_by", "published_by")


def news_item_for(user, pk: int) -> NewsItem:
    """404 for anything the user may not see, so unpublished items stay invisible."""
    return get_object_or_404(news_for(user), pk=pk)


def news_item(pk: int) -> NewsItem:
    """Any news item, for writes: the service decides whether the actor may touch it."""
    return get_object_or_404(NewsItem, pk=pk)


def documents_for(
    user, category: str | None = None, language: str | None = None, year: int | None = None
) -> QuerySet[Document]:
    documents = Document.objects.filter(visibility__in=visible_levels(user))
    filters = {"category": category, "language": language, "year": year}
    return documents.filter(**{name: value for name, value in filters.items() if value})


def document_years(user) -> list[int]:
    """Years that have documents the user may see, newest first (for the filter)."""
    years = documents_for(user).order_by("-year").values_list("year", flat=True).distinct()
    return list(years)


def document_for(user, pk: int) -> Document:
    return get_object_or_404(documents_for(user), pk=pk)


def document(pk: int) -> Document:
    """Any document, for writes: the service decides whether the actor may touch it."""
    return get_object_or_404(Document, pk=pk)
