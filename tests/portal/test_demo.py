from csst.core.i18n import missing_translations
from csst.portal import demo
from csst.portal.models import Contact, Document, NewsItem, NewsStatus, Page


def counts():
    return [model.objects.count() for model in (Page, Contact, NewsItem, Document)]


def test_loading_the_demo_twice_creates_no_duplicates(db):
    demo.load(lambda message: None)
    first = counts()
    summary = demo.load(lambda message: None)
    assert counts() == first == [3, 1, 3, 3]
    assert "\n" not in summary


def test_the_demo_never_overwrites_edited_content(db):
    demo.load(lambda message: None)
    Page.objects.filter(slug="about").update(title_fr="Titre modifié")
    demo.load(lambda message: None)
    assert Page.objects.get(slug="about").title_fr == "Titre modifié"


def test_demo_content_is_complete_in_both_languages_and_marked(db):
    demo.load(lambda message: None)
    for page in Page.objects.all():
        assert not missing_translations(page, ["title", "body"])
        page.full_clean()
    for item in NewsItem.objects.all():
        assert item.is_demo and item.status == NewsStatus.PUBLISHED and item.published_on
        assert not missing_translations(item, ["title", "summary", "body"])
    for document in Document.objects.all():
        assert document.is_demo and document.source_url
        document.full_clean()
