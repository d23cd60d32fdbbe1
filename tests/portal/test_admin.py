"""Staff edit content in the admin; news status changes there go through the lifecycle service."""

import pytest
from django.contrib.auth.models import Permission

from csst.core.workflow import history
from csst.portal.models import Document, NewsItem, NewsStatus

from .builders import news, pdf_upload

CHANGELIST = "/en/admin/portal/newsitem/"


def grant_portal_permissions(user):
    user.user_permissions.add(*Permission.objects.filter(content_type__app_label="portal"))
    return user


@pytest.fixture
def editor_client(client, officer2):
    client.force_login(grant_portal_permissions(officer2))
    return client


def run_action(client, action, items, **extra):
    data = {"action": action, "_selected_action": [item.pk for item in items], **extra}
    return client.post(CHANGELIST, data, follow=True)


def test_publishing_from_the_admin_uses_the_lifecycle(editor_client, officer2, in_review):
    run_action(editor_client, "publish", [in_review])
    in_review.refresh_from_db()
    assert in_review.status == NewsStatus.PUBLISHED
    assert in_review.published_by == officer2
    assert history(in_review).get().actor == officer2


def test_a_refusal_is_shown_as_an_error_message(editor_client, officer2, english):
    item = news(NewsStatus.IN_REVIEW, submitted_by=officer2)
    response = run_action(editor_client, "publish", [item])
    assert "second person" in response.content.decode()
    item.refresh_from_db()
    assert item.status == NewsStatus.IN_REVIEW


def test_returning_to_draft_asks_for_a_comment_first(editor_client, in_review):
    response = run_action(editor_client, "return_to_draft", [in_review])
    assert response.status_code == 200
    assert 'name="comment"' in response.content.decode()
    in_review.refresh_from_db()
    assert in_review.status == NewsStatus.IN_REVIEW

    run_action(editor_client, "return_to_draft", [in_review], apply="1", comment="Add a source")
    in_review.refresh_from_db()
    assert in_review.status == NewsStatus.DRAFT
    assert history(in_review).get().comment == "Add a source"


def test_only_drafts_are_editable_in_the_admin(editor_client, draft, published):
    assert (
        'name="title_fr"' in editor_client.get(f"{CHANGELIST}{draft.pk}/change/").content.decode()
    )
    page = editor_client.get(f"{CHANGELIST}{published.pk}/change/").content.decode()
    assert 'name="title_fr"' not in page


def test_status_cannot_be_typed_in_the_admin(editor_client, draft):
    page = editor_client.get(f"{CHANGELIST}{draft.pk}/change/").content.decode()
    assert 'name="status"' not in page


def test_the_admin_add_form_shows_both_languages(editor_client):
    page = editor_client.get(f"{CHANGELIST}add/").content.decode()
    assert 'name="title_fr"' in page and 'name="title_en"' in page


def test_staff_without_the_editor_role_cannot_write(client, finance, draft):
    client.force_login(grant_portal_permissions(finance))
    response = run_action(client, "publish", [draft])
    assert response.status_code in (200, 403)
    assert client.get(f"{CHANGELIST}add/").status_code == 403
    assert NewsItem.objects.get(pk=draft.pk).status == NewsStatus.DRAFT


def document_form(file, **fields):
    return {
        "title_fr": "Rapport",
        "title_en": "Report",
        "year": "2022",
        "language": "fr",
        "category": "report",
        "visibility": "public",
        "file": file,
        **fields,
    }


def test_the_admin_refuses_a_fake_pdf(editor_client, media_root):
    fake = pdf_upload("fake.pdf", b"GIF89a not a pdf")
    response = editor_client.post("/en/admin/portal/document/add/", document_form(fake))
    assert response.status_code == 200  # the form again, with its error
    assert not Document.objects.exists()
    assert not (media_root / "documents").exists()


def test_the_admin_stores_a_real_pdf(editor_client, officer2):
    response = editor_client.post("/en/admin/portal/document/add/", document_form(pdf_upload()))
    assert response.status_code == 302
    document = Document.objects.get()
    assert document.file.name.startswith("documents/")
    assert document.created_by == officer2
