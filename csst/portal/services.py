"""Every write of the portal. Each function is one transaction and takes the acting user."""

from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from csst.core.errors import DomainError, InvalidInput, check_fields
from csst.core.workflow import transition

from .models import Document, NewsItem, NewsStatus
from .permissions import require_editor
from .workflow import NEWS_TRANSITIONS

NEWS_EDITABLE_FIELDS = frozenset(
    {
        "title_fr",
        "title_en",
        "summary_fr",
        "summary_en",
        "body_fr",
        "body_en",
        "published_on",
        "published_on_precision",
        "source_url",
        "is_demo",
    }
)
DOCUMENT_FIELDS = frozenset(
    {
        "title_fr",
        "title_en",
        "description_fr",
        "description_en",
        "document_date",
        "year",
        "language",
        "category",
        "visibility",
        "source_url",
        "is_demo",
    }
)


def _validated(obj) -> None:
    """Model validation as a domain error, so callers get one kind of refusal."""
    try:
        obj.full_clean()
    except ValidationError as exc:
        raise InvalidInput(" ".join(exc.messages)) from exc


@transaction.atomic
def create_news(actor, data: dict) -> NewsItem:
    require_editor(actor)
    check_fields(data, NEWS_EDITABLE_FIELDS)
    item = NewsItem(**data, status=NewsStatus.DRAFT, created_by=actor)
    _validated(item)
    item.save()
    return item


@transaction.atomic
def update_news(actor, item: NewsItem, data: dict) -> NewsItem:
    require_editor(actor)
    check_fields(data, NEWS_EDITABLE_FIELDS)
    item = NewsItem.objects.select_for_update().get(pk=item.pk)
    if item.status != NewsStatus.DRAFT:
        raise DomainError(_("Only draft news items can be edited."))
    for name, value in data.items():
        setattr(item, name, value)
    _validated(item)
    item.save()
    return item


# What an action records besides the status (the engine changes the status and logs it).
_NEWS_EFFECTS: dict[str, Callable[[NewsItem, object], dict]] = {
    "submit": lambda item, actor: {"submitted_by": actor},
    "publish": lambda item, actor: {
        "published_by": actor,
        "published_on": item.published_on or timezone.localdate(),
    },
}


@transaction.atomic
def change_news_status(item: NewsItem, action: str, actor, comment: str = "") -> NewsItem:
    """The one place where a news item's status changes (submit, return, publish, archive)."""
    # Locked so that two editors acting at once cannot both pass the guards.
    item = NewsItem.objects.select_for_update().get(pk=item.pk)
    transition(NEWS_TRANSITIONS, item, action, actor, comment)
    effect = _NEWS_EFFECTS.get(action)
    if effect:
        changes = effect(item, actor)
        for name, value in changes.items():
            setattr(item, name, value)
        item.save(update_fields=[*changes, "updated_at"])
    return item


@transaction.atomic
def create_document(actor, data: dict, upload=None) -> Document:
    """A key document with an uploaded file (checked in uploads.py), a link, or both."""
    require_editor(actor)
    check_fields(data, DOCUMENT_FIELDS)
    document = Document(**data, created_by=actor)
    if upload is not None:
        document.file = upload
    _validated(document)
    document.save()
    return document


@transaction.atomic
def delete_document(actor, document: Document) -> None:
    require_editor(actor)
    storage, name = document.file.storage, document.file.name
    document.delete()
    if name:
        # Only once the row is really gone: a rolled-back delete must keep its file.
        transaction.on_commit(lambda: storage.delete(name))
