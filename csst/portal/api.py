"""JSON API of the public content: /api/v1/news and /api/v1/documents.

Each object carries both languages (`title_fr`, `title_en`) and `title` in the request's language.
"""

from datetime import date
from typing import Literal

from django.urls import reverse
from ninja import Field, File, Form, Query, Router, Schema
from ninja.files import UploadedFile
from ninja.pagination import LimitOffsetPagination, paginate
from ninja.responses import Status
from pydantic import field_validator

from csst.accounts.auth import public, signed_in
from csst.core.api import READ_ERRORS, WRITE_ERRORS, Input, Message

from . import selectors, services
from .downloads import document_file_response
from .models import DatePrecision, DocumentCategory, DocumentLanguage, NewsStatus, Visibility
from .workflow import NEWS_ACTIONS

news_router = Router(tags=["news"])
documents_router = Router(tags=["documents"])

TEXT_MAX = 20_000
# Public reads also answer 401 when a bad token is sent (csst.accounts.auth.optional_user).
PUBLIC_READ_ERRORS = {**READ_ERRORS, 401: Message}


class Bilingual(Schema):
    """Turns missing translations (NULL columns) into empty strings for clients."""

    @field_validator(
        "title",
        "summary",
        "body",
        "description",
        "title_fr",
        "title_en",
        "summary_fr",
        "summary_en",
        "body_fr",
        "body_en",
        "description_fr",
        "description_en",
        mode="before",
        check_fields=False,
    )
    @classmethod
    def empty_not_null(cls, value):
        return value or ""


# --- News -------------------------------------------------------------------------------------


class NewsOut(Bilingual):
    id: int
    status: NewsStatus
    title: str
    title_fr: str
    title_en: str
    summary: str
    summary_fr: str
    summary_en: str
    body: str = Field(description="Markdown")
    body_fr: str
    body_en: str
    published_on: date | None
    published_on_precision: DatePrecision = Field(
        description="How much of published_on is known: day, month or year"
    )
    source_url: str
    is_demo: bool
    submitted_by: str | None = Field(None, description="Username")
    published_by: str | None = Field(None, description="Username")

    @staticmethod
    def resolve_submitted_by(obj) -> str | None:
        return obj.submitted_by.username if obj.submitted_by else None

    @staticmethod
    def resolve_published_by(obj) -> str | None:
        return obj.published_by.username if obj.published_by else None


class NewsPatch(Input):
    title_fr: str | None = Field(None, min_length=1, max_length=300)
    title_en: str | None = Field(None, max_length=300)
    summary_fr: str | None = Field(None, max_length=TEXT_MAX)
    summary_en: str | None = Field(None, max_length=TEXT_MAX)
    body_fr: str | None = Field(None, max_length=TEXT_MAX)
    body_en: str | None = Field(None, max_length=TEXT_MAX)
    published_on: date | None = None
    published_on_precision: DatePrecision | None = None
    source_url: str | None = Field(None, max_length=500)
    is_demo: bool | None = None


class NewsIn(NewsPatch):
    title_fr: str = Field(min_length=1, max_length=300)


class ActionIn(Input):
    comment: str = Field("", max_length=2000)


@news_router.get(
    "",
    response={200: list[NewsOut], **PUBLIC_READ_ERRORS},
    auth=public,
    summary="News items (published ones; editors may ask for any status)",
)
@paginate(LimitOffsetPagination)
def list_news(request, status: NewsStatus | None = None):
    return selectors.news_for(request.user, status)


@news_router.get("/{int:news_id}", response={200: NewsOut, **PUBLIC_READ_ERRORS}, auth=public)
def get_news(request, news_id: int):
    return selectors.news_item_for(request.user, news_id)


@news_router.post(
    "", response={201: NewsOut, **WRITE_ERRORS}, auth=signed_in, summary="Create a draft (editors)"
)
def create_news(request, payload: NewsIn):
    return Status(201, services.create_news(request.user, payload.dict(exclude_unset=True)))


@news_router.patch(
    "/{int:news_id}",
    response={200: NewsOut, **WRITE_ERRORS},
    auth=signed_in,
    summary="Edit a draft (editors)",
)
def update_news(request, news_id: int, payload: NewsPatch):
    item = selectors.news_item(news_id)
    changes = {
        name: value
        for name, value in payload.dict(exclude_unset=True).items()
        if value is not None or name == "published_on"
    }
    return services.update_news(request.user, item, changes)


@news_router.post(
    "/{int:news_id}/{action}",
    response={200: NewsOut, **WRITE_ERRORS},
    auth=signed_in,
    summary="Change the status: submit, return (comment required), publish, archive",
)
def change_news_status(
    request, news_id: int, action: Literal[NEWS_ACTIONS], payload: ActionIn | None = None
):
    item = selectors.news_item(news_id)
    comment = payload.comment if payload else ""
    return services.change_news_status(item, action, request.user, comment)


# --- Documents ----------------------------------------------------------------------------------


class DocumentOut(Bilingual):
    id: int
    title: str
    title_fr: str
    title_en: str
    description: str
    description_fr: str
    description_en: str
    document_date: date | None
    year: int
    language: DocumentLanguage
    category: DocumentCategory
    visibility: Visibility
    source_url: str
    is_demo: bool
    file_url: str | None = Field(None, description="Download link when a file is stored")

    @staticmethod
    def resolve_file_url(obj) -> str | None:
        return reverse("api:document_file", args=[obj.pk]) if obj.file else None


class DocumentIn(Input):
    title_fr: str = Field(min_length=1, max_length=300)
    title_en: str = Field("", max_length=300)
    description_fr: str = Field("", max_length=TEXT_MAX)
    description_en: str = Field("", max_length=TEXT_MAX)
    document_date: date | None = None
    year: int = Field(ge=1874, le=2100)  # the UPU was founded in 1874
    language: DocumentLanguage
    category: DocumentCategory
    visibility: Visibility = Visibility.PUBLIC
    source_url: str = Field("", max_length=500)
    is_demo: bool = False


class DocumentFilters(Schema):
    category: DocumentCategory | None = None
    language: DocumentLanguage | None = None
    year: int | None = Field(None, ge=1874, le=2100)


@documents_router.get(
    "",
    response={200: list[DocumentOut], **PUBLIC_READ_ERRORS},
    auth=public,
    summary="Key documents the caller may see",
)
@paginate(LimitOffsetPagination)
def list_documents(request, filters: Query[DocumentFilters]):
    return selectors.documents_for(request.user, **filters.dict())


@documents_router.get(
    "/{int:document_id}", response={200: DocumentOut, **PUBLIC_READ_ERRORS}, auth=public
)
def get_document(request, document_id: int):
    return selectors.document_for(request.user, document_id)


@documents_router.get(
    "/{int:document_id}/file",
    response=PUBLIC_READ_ERRORS,
    auth=public,
    url_name="document_file",
    summary="Download the stored file (permission-checked)",
    openapi_extra={
        "responses": {
            "200": {"description": "The file", "content": {"application/octet-stream": {}}}
        }
    },
)
def get_document_file(request, document_id: int):
    return document_file_response(selectors.document_for(request.user, document_id))


@documents_router.post(
    "",
    response={201: DocumentOut, **WRITE_ERRORS},
    auth=signed_in,
    summary="Add a document (editors; multipart with an optional file)",
)
def create_document(request, payload: Form[DocumentIn], file: File[UploadedFile] = None):
    document = services.create_document(request.user, payload.dict(), upload=file)
    return Status(201, document)


@documents_router.delete(
    "/{int:document_id}",
    response={204: None, **WRITE_ERRORS},
    auth=signed_in,
    summary="Delete a document (editors)",
)
def delete_document(request, document_id: int):
    services.delete_document(request.user, selectors.document(document_id))
    return Status(204, None)
