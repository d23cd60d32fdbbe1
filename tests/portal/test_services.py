import pytest

from csst.core.errors import DomainError, InvalidInput, NotAllowed
from csst.core.workflow import history
from csst.portal.models import Document, NewsItem, NewsStatus
from csst.portal.services import (
    change_news_status,
    create_document,
    create_news,
    delete_document,
    update_news,
)

from .builders import PDF_BYTES, document, news, pdf_upload


def test_an_editor_creates_a_draft_in_french_only(officer):
    item = create_news(officer, {"title_fr": "Une nouvelle"})
    assert item.status == NewsStatus.DRAFT
    assert item.created_by == officer


def test_a_draft_needs_a_french_title(officer):
    with pytest.raises(InvalidInput):
        create_news(officer, {"title_en": "Only English"})
    assert not NewsItem.objects.exists()


def test_submitting_records_who_submitted(officer, draft):
    item = change_news_status(draft, "submit", officer)
    assert item.status == NewsStatus.IN_REVIEW
    assert item.submitted_by == officer


def test_returning_to_draft_needs_a_comment_and_logs_it(officer2, in_review):
    with pytest.raises(DomainError):
        change_news_status(in_review, "return", officer2)
    item = change_news_status(in_review, "return", officer2, "Please add the source.")
    assert item.status == NewsStatus.DRAFT
    assert history(item).last().comment == "Please add the source."


def test_publishing_by_a_second_person_sets_the_date_and_publisher(officer2, in_review):
    item = change_news_status(in_review, "publish", officer2)
    assert item.status == NewsStatus.PUBLISHED
    assert item.published_by == officer2
    assert item.published_on is not None


def test_publishing_keeps_a_date_chosen_by_the_editor(officer, officer2):
    item = news(NewsStatus.IN_REVIEW, submitted_by=officer, published_on="2021-05-01")
    item = change_news_status(item, "publish", officer2)
    assert str(item.published_on) == "2021-05-01"


def test_publishing_needs_a_second_person(officer, in_review, english):
    with pytest.raises(DomainError) as refusal:
        change_news_status(in_review, "publish", officer)
    assert "second person" in refusal.value.message


def test_publishing_is_refused_without_english(officer, officer2, english):
    item = news(NewsStatus.IN_REVIEW, submitted_by=officer, body_en="")
    with pytest.raises(DomainError) as refusal:
        change_news_status(item, "publish", officer2)
    assert "English" in refusal.value.message


def test_nothing_changes_when_a_rule_refuses(officer, in_review):
    with pytest.raises(DomainError):
        change_news_status(in_review, "publish", officer)
    in_review.refresh_from_db()
    assert in_review.status == NewsStatus.IN_REVIEW
    assert in_review.published_by is None
    assert not history(in_review).exists()


def test_archiving_a_published_item(officer, published):
    assert change_news_status(published, "archive", officer).status == NewsStatus.ARCHIVED


def test_a_draft_cannot_be_published_directly(officer2, draft):
    with pytest.raises(DomainError):
        change_news_status(draft, "publish", officer2)


def test_every_transition_is_logged_with_its_actor(officer, officer2, draft):
    item = change_news_status(draft, "submit", officer)
    item = change_news_status(item, "publish", officer2)
    change_news_status(item, "archive", officer)
    logs = list(history(item))
    assert [(log.action, log.actor) for log in logs] == [
        ("submit", officer),
        ("publish", officer2),
        ("archive", officer),
    ]


def test_editing_a_draft(officer, draft):
    item = update_news(officer, draft, {"title_en": "New title"})
    assert item.title_en == "New title"


@pytest.mark.parametrize("status", [NewsStatus.IN_REVIEW, NewsStatus.PUBLISHED])
def test_editing_is_refused_unless_the_item_is_a_draft(officer, status):
    item = news(status, title_en="Before")
    with pytest.raises(DomainError):
        update_news(officer, item, {"title_en": "After"})
    item.refresh_from_db()
    assert item.title_en == "Before"


def test_unknown_fields_are_refused(officer):
    with pytest.raises(InvalidInput):
        create_news(officer, {"title_fr": "x", "status": NewsStatus.PUBLISHED})


def test_history_keeps_both_languages(officer, draft):
    update_news(officer, draft, {"title_en": "Changed"})
    assert draft.history.first().title_en == "Changed"


def test_an_uploaded_pdf_is_stored_under_a_random_name(officer, media_root):
    doc = create_document(
        officer,
        {
            "title_fr": "Rapport",
            "title_en": "Report",
            "year": 2022,
            "language": "fr",
            "category": "report",
        },
        upload=pdf_upload("Rapport annuel.pdf"),
    )
    assert doc.file.name.startswith("documents/")
    assert "Rapport" not in doc.file.name
    assert (media_root / doc.file.name).read_bytes() == PDF_BYTES


@pytest.mark.parametrize(
    "name, content",
    [
        ("fake.pdf", b"MZ\x90\x00 not a pdf"),  # wrong magic bytes
        ("notes.txt", b"%PDF-1.4"),  # extension not accepted
        ("sheet.xlsx", b"%PDF-1.4"),  # office file that is not a zip
    ],
)
def test_uploads_are_checked_by_extension_and_content(officer, media_root, name, content):
    data = {"title_fr": "x", "title_en": "x", "year": 2022, "language": "fr", "category": "other"}
    with pytest.raises(InvalidInput):
        create_document(officer, data, upload=pdf_upload(name, content))
    assert not Document.objects.exists()
    assert not (media_root / "documents").exists()


def test_uploads_over_the_size_limit_are_refused(officer, settings, english):
    settings.UPLOAD_MAX_BYTES = 10
    data = {"title_fr": "x", "title_en": "x", "year": 2022, "language": "fr", "category": "other"}
    with pytest.raises(InvalidInput, match="too large"):
        create_document(officer, data, upload=pdf_upload(content=PDF_BYTES * 2))


def test_a_document_needs_a_file_or_a_link(officer, english):
    data = {"title_fr": "x", "title_en": "x", "year": 2022, "language": "fr", "category": "other"}
    with pytest.raises(InvalidInput, match="source link"):
        create_document(officer, data)


def test_a_public_document_needs_an_english_title(officer, english):
    data = {
        "title_fr": "x",
        "year": 2022,
        "language": "fr",
        "category": "other",
        "source_url": "https://www.upu.int/",
    }
    with pytest.raises(InvalidInput, match="English"):
        create_document(officer, data)
    assert create_document(officer, {**data, "visibility": "internal"}).pk


def test_the_year_must_match_the_date(officer):
    data = {
        "title_fr": "x",
        "title_en": "x",
        "year": 2021,
        "document_date": "2022-06-08",
        "language": "fr",
        "category": "other",
        "source_url": "https://www.upu.int/",
    }
    with pytest.raises(InvalidInput):
        create_document(officer, data)


def test_deleting_a_document_removes_its_file(
    officer, media_root, django_capture_on_commit_callbacks
):
    doc = document(file=pdf_upload())
    path = media_root / doc.file.name
    assert path.exists()
    with django_capture_on_commit_callbacks(execute=True):
        delete_document(officer, doc)
    assert not path.exists()
    assert not Document.objects.exists()


@pytest.mark.parametrize("persona", ["outsider", "beneficiary", "donor", "finance"])
def test_only_content_editors_write(request, persona, draft):
    user = request.getfixturevalue(persona)
    with pytest.raises(NotAllowed):
        create_news(user, {"title_fr": "x"})
    with pytest.raises(NotAllowed):
        change_news_status(draft, "submit", user)
    with pytest.raises(NotAllowed):
        delete_document(user, document())
