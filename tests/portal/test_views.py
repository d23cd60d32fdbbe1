import pytest

from csst.portal import demo
from csst.portal.models import NewsStatus, Page, Visibility

from .builders import PDF_BYTES, document, news, pdf_upload

PAGES = ["", "actions/", "media/", "documents/", "who-we-are/"]


@pytest.fixture
def demo_content(db):
    demo.load(lambda message: None)


def html(response) -> str:
    return response.content.decode()


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_page_answers_in_both_languages_with_one_h1(client, demo_content, lang, path):
    response = client.get(f"/{lang}/{path}")
    assert response.status_code == 200
    assert f'<html lang="{lang}">' in html(response)
    assert html(response).count("<h1") == 1


@pytest.mark.parametrize(
    "path, french, english",
    [
        ("", "La coopération Sud-Sud est un vaste cadre", "South-South cooperation is a broad"),
        ("", "Le saviez-vous ?", "Did you know?"),
        ("actions/", "Rien pour moi sans moi", "Nothing for me without me"),
        ("who-we-are/", "Coordonnateur du programme", "Coordinator, Asia-Pacific programme"),
        ("media/", "Le fonds spécial du Japon renouvelé", "Japan special fund renewed"),
        ("documents/", "Appel à contributions 2022", "Call for contributions 2022"),
    ],
)
def test_the_french_page_shows_french_text_and_the_english_page_english_text(
    client, demo_content, path, french, english
):
    # Content strings only: the site's own labels are translated later, through the .po files.
    in_french, in_english = html(client.get(f"/fr/{path}")), html(client.get(f"/en/{path}"))
    assert french in in_french and english not in in_french
    assert english in in_english and french not in in_english


@pytest.mark.parametrize(
    "lang, heading", [("fr", "En quoi consiste la CSST ?"), ("en", "What is SSTC?")]
)
def test_the_home_page_heading_is_the_page_title_in_the_language(
    client, demo_content, lang, heading
):
    assert f"<h1>{heading}</h1>" in html(client.get(f"/{lang}/"))


def test_the_home_page_quotes_the_secretary_general_in_a_blockquote(client, demo_content):
    assert "<blockquote>" in html(client.get("/fr/"))


def test_a_missing_page_is_announced_politely(client, db, english):
    response = client.get("/en/actions/")
    assert response.status_code == 200
    assert "has not been published yet" in html(response)


def test_staff_markdown_cannot_inject_scripts(client, db):
    Page.objects.create(
        slug="about",
        title_fr="T",
        title_en="T",
        body_fr="<script>alert(1)</script>**ok**",
        body_en="x",
    )
    page = html(client.get("/fr/"))
    assert "<script>alert" not in page
    assert "<strong>ok</strong>" in page


def test_who_we_are_lists_the_contacts_with_phone_links(client, demo_content):
    page = html(client.get("/fr/who-we-are/"))
    assert 'href="tel:+41313503164"' in page
    assert 'href="tel:+41313503223"' in page


def test_the_news_list_shows_published_items_newest_first(client, db):
    news(NewsStatus.PUBLISHED, title_fr="Ancienne", published_on="2020-01-01")
    news(NewsStatus.PUBLISHED, title_fr="Récente", published_on="2023-01-01")
    news(NewsStatus.DRAFT, title_fr="Brouillon")
    news(NewsStatus.ARCHIVED, title_fr="Archivée", published_on="2022-01-01")
    page = html(client.get("/fr/media/"))
    assert page.index("Récente") < page.index("Ancienne")
    assert "Brouillon" not in page and "Archivée" not in page


def test_the_news_list_is_paginated_by_ten(client, db):
    for day in range(1, 13):
        news(NewsStatus.PUBLISHED, published_on=f"2024-01-{day:02d}")
    first, second = client.get("/fr/media/"), client.get("/fr/media/?page=2")
    assert len(first.context["page_obj"]) == 10
    assert len(second.context["page_obj"]) == 2
    assert '<nav class="pagination"' in html(first)
    assert 'aria-current="page">2<' in html(second)
    assert client.get("/fr/media/?page=abc").status_code == 200


def test_demo_news_carries_a_badge(client, demo_content, english):
    assert "Demo content" in html(client.get("/en/media/"))


def test_a_published_news_item_has_its_page(client, published):
    response = client.get(f"/en/media/{published.pk}/")
    assert response.status_code == 200
    assert published.title_en in html(response)


@pytest.mark.parametrize("status", [NewsStatus.DRAFT, NewsStatus.IN_REVIEW, NewsStatus.ARCHIVED])
def test_an_unpublished_news_item_is_not_found_by_the_public(client, outsider, status):
    item = news(status)
    assert client.get(f"/fr/media/{item.pk}/").status_code == 404
    client.force_login(outsider)
    assert client.get(f"/fr/media/{item.pk}/").status_code == 404


def test_editors_can_preview_a_draft(client, officer, draft, english):
    client.force_login(officer)
    response = client.get(f"/en/media/{draft.pk}/")
    assert response.status_code == 200
    assert "Preview for editors" in html(response)


def test_documents_are_filtered_by_category_language_and_year(client, db):
    document(title_fr="Rapport FR 2020", category="report", language="fr", year=2020)
    document(title_fr="Rapport EN 2022", category="report", language="en", year=2022)
    document(title_fr="Accord FR 2022", category="agreement", language="fr", year=2022)

    def titles(query):
        return {d.title_fr for d in client.get(f"/fr/documents/?{query}").context["page_obj"]}

    assert titles("category=report") == {"Rapport FR 2020", "Rapport EN 2022"}
    assert titles("language=fr&year=2022") == {"Accord FR 2022"}
    assert titles("category=nonsense&year=x") == {
        "Rapport FR 2020",
        "Rapport EN 2022",
        "Accord FR 2022",
    }


def test_the_documents_list_shows_the_date_when_known_else_the_year(client, demo_content):
    page = html(client.get("/fr/documents/"))
    assert 'datetime="2022-06-08"' in page
    assert "<td>2020</td>" in page  # a bare year, without a thousands separator


def test_the_documents_list_shows_only_what_the_visitor_may_see(client, beneficiary):
    document(title_fr="Public doc")
    document(title_fr="Partners doc", visibility=Visibility.PARTNERS)
    document(title_fr="Internal doc", visibility=Visibility.INTERNAL)
    assert "Partners doc" not in html(client.get("/fr/documents/"))
    client.force_login(beneficiary)
    page = html(client.get("/fr/documents/"))
    assert "Partners doc" in page and "Internal doc" not in page


@pytest.mark.parametrize(
    "visibility, persona, status",
    [
        (Visibility.PUBLIC, None, 200),
        (Visibility.PARTNERS, None, 404),
        (Visibility.PARTNERS, "outsider", 404),
        (Visibility.PARTNERS, "beneficiary", 200),
        (Visibility.INTERNAL, "beneficiary", 404),
        (Visibility.INTERNAL, "officer", 200),
    ],
)
def test_file_download_checks_visibility(request, client, db, visibility, persona, status):
    doc = document(visibility=visibility, file=pdf_upload())
    if persona:
        client.force_login(request.getfixturevalue(persona))
    response = client.get(f"/fr/documents/{doc.pk}/file/")
    assert response.status_code == status
    if status == 200:
        assert b"".join(response.streaming_content) == PDF_BYTES
        assert response["Content-Type"] == "application/pdf"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert 'attachment; filename="document-' in response["Content-Disposition"]


def test_a_document_without_a_file_has_no_download(client, db):
    doc = document()
    assert client.get(f"/fr/documents/{doc.pk}/file/").status_code == 404
