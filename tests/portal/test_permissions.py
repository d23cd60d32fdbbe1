import pytest
from django.contrib.auth.models import AnonymousUser

from csst.core.errors import NotAllowed
from csst.portal.models import NewsStatus, Visibility
from csst.portal.permissions import is_content_editor, visible_levels
from csst.portal.selectors import documents_for
from csst.portal.services import change_news_status, create_news

from .builders import document, news

NOT_EDITORS = ["outsider", "beneficiary", "donor", "other_country_focal_point", "provider"]


@pytest.mark.parametrize("persona", NOT_EDITORS)
def test_people_who_are_not_content_editors_cannot_create_news(request, persona):
    user = request.getfixturevalue(persona)
    with pytest.raises(NotAllowed):
        create_news(user, {"title_fr": "x"})


@pytest.mark.parametrize("persona", NOT_EDITORS)
def test_people_who_are_not_content_editors_cannot_publish(request, persona, officer):
    user = request.getfixturevalue(persona)
    item = news(NewsStatus.IN_REVIEW, submitted_by=officer)
    with pytest.raises(NotAllowed):
        change_news_status(item, "publish", user)
    item.refresh_from_db()
    assert item.status == NewsStatus.IN_REVIEW


def test_bureau_officers_and_superusers_are_content_editors(officer, django_user_model):
    admin = django_user_model.objects.create_superuser("root", "root@example.org", "x")
    assert is_content_editor(officer)
    assert is_content_editor(admin)


def test_a_finance_officer_is_not_a_content_editor(finance):
    assert not is_content_editor(finance)


# Who sees which document visibility (public / partners / internal).
VISIBILITY_MATRIX = [
    ("anonymous", {Visibility.PUBLIC}),
    ("outsider", {Visibility.PUBLIC}),  # signed in but without any role
    ("beneficiary", {Visibility.PUBLIC, Visibility.PARTNERS}),
    ("donor", {Visibility.PUBLIC, Visibility.PARTNERS}),
    ("officer", {Visibility.PUBLIC, Visibility.PARTNERS, Visibility.INTERNAL}),
    ("finance", {Visibility.PUBLIC, Visibility.PARTNERS, Visibility.INTERNAL}),
]


def _persona(request, name):
    return AnonymousUser() if name == "anonymous" else request.getfixturevalue(name)


@pytest.mark.parametrize("persona, expected", VISIBILITY_MATRIX)
def test_document_visibility_matrix(request, db, persona, expected):
    user = _persona(request, persona)
    for level in Visibility:
        document(visibility=level, title_fr=level.value)
    assert set(visible_levels(user)) == expected
    assert {d.visibility for d in documents_for(user)} == expected
