import pytest

from csst.portal.models import Document, NewsItem, NewsStatus, Visibility

from .builders import PDF_BYTES, document, news, pdf_upload

NEWS = "/api/v1/news"
DOCUMENTS = "/api/v1/documents"

NEW_ITEM = {
    "title_fr": "Nouvelle",
    "title_en": "News",
    "summary_fr": "Résumé",
    "summary_en": "Summary",
    "body_fr": "Texte",
    "body_en": "Text",
}


def post(client, url, headers, data=None):
    return client.post(url, data or {}, content_type="application/json", headers=headers)


def test_the_public_list_shows_only_published_items(client, published, draft, in_review):
    body = client.get(NEWS).json()
    assert body["count"] == 1
    assert [item["id"] for item in body["items"]] == [published.pk]


def test_items_carry_both_languages_and_the_request_language(client, published):
    item = client.get(f"{NEWS}/{published.pk}", headers={"Accept-Language": "en"}).json()
    assert item["title"] == item["title_en"] == published.title_en
    assert item["title_fr"] == published.title_fr
    item = client.get(f"{NEWS}/{published.pk}", headers={"Accept-Language": "fr"}).json()
    assert item["title"] == published.title_fr


def test_an_unpublished_item_is_not_found_by_the_public(client, draft):
    assert client.get(f"{NEWS}/{draft.pk}").status_code == 404


def test_editors_may_list_by_status(client, api_token, officer, draft, published):
    drafts = client.get(f"{NEWS}?status=draft", headers=api_token(officer)).json()
    assert [item["id"] for item in drafts["items"]] == [draft.pk]
    assert client.get(f"{NEWS}?status=draft").json()["count"] == 0


def test_create_submit_and_publish_through_the_api_needs_two_officers(
    client, api_token, officer, officer2
):
    first, second = api_token(officer), api_token(officer2)
    created = post(client, NEWS, first, NEW_ITEM)
    assert created.status_code == 201, created.content
    item_id = created.json()["id"]
    assert created.json()["status"] == "draft"

    submitted = post(client, f"{NEWS}/{item_id}/submit", first)
    assert submitted.status_code == 200
    assert submitted.json()["submitted_by"] == "officer"

    refused = post(client, f"{NEWS}/{item_id}/publish", first)
    assert refused.status_code == 409
    assert refused.json()["message"]
    assert NewsItem.objects.get(pk=item_id).status == NewsStatus.IN_REVIEW

    published = post(client, f"{NEWS}/{item_id}/publish", second)
    assert published.status_code == 200
    assert published.json()["status"] == "published"
    assert published.json()["published_by"] == "officer2"
    assert client.get(NEWS).json()["count"] == 1


def test_returning_to_draft_takes_a_comment(client, api_token, officer2, in_review):
    headers = api_token(officer2)
    assert post(client, f"{NEWS}/{in_review.pk}/return", headers).status_code == 409
    answer = post(client, f"{NEWS}/{in_review.pk}/return", headers, {"comment": "Add a source"})
    assert answer.status_code == 200
    assert answer.json()["status"] == "draft"


def test_publishing_without_english_is_refused_with_a_message(client, api_token, officer, officer2):
    item = news(NewsStatus.IN_REVIEW, submitted_by=officer, summary_en="")
    answer = post(client, f"{NEWS}/{item.pk}/publish", api_token(officer2))
    assert answer.status_code == 409
    assert answer.json()["message"]


def test_patch_edits_a_draft_only(client, api_token, officer, draft, published):
    headers = api_token(officer)
    answer = client.patch(
        f"{NEWS}/{draft.pk}",
        {"title_en": "Changed"},
        content_type="application/json",
        headers=headers,
    )
    assert answer.status_code == 200
    assert answer.json()["title_en"] == "Changed"
    answer = client.patch(
        f"{NEWS}/{published.pk}",
        {"title_en": "Changed"},
        content_type="application/json",
        headers=headers,
    )
    assert answer.status_code == 409


@pytest.mark.parametrize("persona", ["outsider", "beneficiary", "donor"])
def test_people_who_are_not_editors_get_403(client, api_token, request, persona, in_review):
    headers = api_token(request.getfixturevalue(persona))
    assert post(client, NEWS, headers, NEW_ITEM).status_code == 403
    assert post(client, f"{NEWS}/{in_review.pk}/publish", headers).status_code == 403
    assert not NewsItem.objects.exclude(pk=in_review.pk).exists()


def test_anonymous_writes_need_authentication(client, db):
    assert post(client, NEWS, {}, NEW_ITEM).status_code == 401


@pytest.mark.parametrize(
    "payload",
    [
        {},  # no French title
        {"title_fr": ""},
        {"title_fr": "x", "published_on": "not a date"},
        {"title_fr": "x" * 301},
        {"title_fr": "nul \x00 character"},
    ],
)
def test_bad_input_is_a_422_not_a_500(client, api_token, officer, payload):
    answer = post(client, NEWS, api_token(officer), payload)
    assert answer.status_code == 422
    assert answer.json()["message"]


def test_a_model_rule_answers_400(client, api_token, officer):
    answer = post(client, NEWS, api_token(officer), {"title_fr": "x", "source_url": "javascript:1"})
    assert answer.status_code == 400
    assert answer.json()["message"]


def test_an_unknown_action_is_a_422(client, api_token, officer, draft):
    assert post(client, f"{NEWS}/{draft.pk}/explode", api_token(officer)).status_code == 422


def test_limit_above_500_is_refused(client, db):
    assert client.get(f"{NEWS}?limit=501").status_code == 422
    assert client.get(f"{DOCUMENTS}?limit=501").status_code == 422
    assert client.get(f"{NEWS}?limit=500").status_code == 200


def test_a_bad_token_on_a_public_read_is_refused(client, db):
    assert client.get(NEWS, headers={"Authorization": "Bearer nope"}).status_code == 401


# --- Documents ----------------------------------------------------------------------------------


def test_the_document_list_shows_what_the_caller_may_see(client, api_token, beneficiary):
    document(title_fr="Public")
    document(title_fr="Partners", visibility=Visibility.PARTNERS)
    document(title_fr="Internal", visibility=Visibility.INTERNAL)
    assert {d["title_fr"] for d in client.get(DOCUMENTS).json()["items"]} == {"Public"}
    answer = client.get(DOCUMENTS, headers=api_token(beneficiary)).json()
    assert {d["title_fr"] for d in answer["items"]} == {"Public", "Partners"}


def test_documents_are_filtered(client, db):
    document(title_fr="A", category="report", language="fr", year=2020)
    document(title_fr="B", category="agreement", language="en", year=2022)
    answer = client.get(f"{DOCUMENTS}?category=agreement&language=en&year=2022").json()
    assert [d["title_fr"] for d in answer["items"]] == ["B"]
    assert client.get(f"{DOCUMENTS}?category=nonsense").status_code == 422


def test_a_hidden_document_is_not_found(client, db):
    doc = document(visibility=Visibility.INTERNAL)
    assert client.get(f"{DOCUMENTS}/{doc.pk}").status_code == 404
    assert client.get(f"{DOCUMENTS}/{doc.pk}/file").status_code == 404


def upload(client, headers, file, **fields):
    data = {
        "title_fr": "Rapport",
        "title_en": "Report",
        "year": "2022",
        "language": "fr",
        "category": "report",
        **fields,
    }
    if file is not None:
        data["file"] = file
    return client.post(DOCUMENTS, data, headers=headers)


def test_an_editor_uploads_a_pdf_and_it_is_downloadable(client, api_token, officer):
    answer = upload(client, api_token(officer), pdf_upload())
    assert answer.status_code == 201, answer.content
    body = answer.json()
    assert body["file_url"] == f"{DOCUMENTS}/{body['id']}/file"
    download = client.get(body["file_url"])
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF_BYTES
    assert download["X-Content-Type-Options"] == "nosniff"
    assert download["Content-Disposition"] == 'attachment; filename="rapport.pdf"'


def test_a_fake_pdf_is_refused_and_creates_nothing(client, api_token, officer, media_root):
    answer = upload(client, api_token(officer), pdf_upload("evil.pdf", b"<html><script>"))
    assert answer.status_code == 400
    assert answer.json()["message"]
    assert not Document.objects.exists()
    assert not (media_root / "documents").exists()


def test_a_link_without_a_file_is_enough(client, api_token, officer):
    answer = upload(client, api_token(officer), None, source_url="https://www.upu.int/")
    assert answer.status_code == 201
    assert answer.json()["file_url"] is None


def test_a_document_with_neither_file_nor_link_is_a_400(client, api_token, officer):
    assert upload(client, api_token(officer), None).status_code == 400


def test_a_bad_year_is_a_422(client, api_token, officer):
    answer = upload(client, api_token(officer), pdf_upload(), year="nineteen")
    assert answer.status_code == 422


def test_only_editors_upload_and_delete(client, api_token, beneficiary, officer):
    headers = api_token(beneficiary)
    assert upload(client, headers, pdf_upload()).status_code == 403
    doc = document()
    assert client.delete(f"{DOCUMENTS}/{doc.pk}", headers=headers).status_code == 403
    assert client.delete(f"{DOCUMENTS}/{doc.pk}", headers=api_token(officer)).status_code == 204
    assert not Document.objects.exists()


def test_the_openapi_spec_lists_the_portal_endpoints(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert {
        "/api/v1/news",
        "/api/v1/news/{news_id}/{action}",
        "/api/v1/documents",
        "/api/v1/documents/{document_id}/file",
    } <= set(paths)
