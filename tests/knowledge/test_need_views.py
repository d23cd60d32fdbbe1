import pytest

from csst.knowledge.models import Need, NeedStatus

from .factories import NeedFactory, SdgTargetFactory, ThemeFactory

pytestmark = pytest.mark.django_db

LANGUAGES = ["fr", "en"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_list_shows_open_needs_to_the_public(client, beneficiary_org, lang):
    NeedFactory(organisation=beneficiary_org, status="open", title="Open need")
    NeedFactory(organisation=beneficiary_org, title="Secret draft")
    response = client.get(f"/{lang}/knowledge/needs/")
    assert response.status_code == 200
    assert b"Open need" in response.content and b"Secret draft" not in response.content


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_focal_point_sees_its_organisations_needs_section(
    client, beneficiary, beneficiary_org, lang
):
    NeedFactory(organisation=beneficiary_org, title="Our draft")
    client.force_login(beneficiary)
    response = client.get(f"/{lang}/knowledge/needs/")
    assert b"Our draft" in response.content
    assert response.context["my_needs"] and response.context["may_create"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_detail_shows_buttons_only_for_allowed_actions(
    client, beneficiary, authority, officer, beneficiary_org, lang
):
    need = NeedFactory(organisation=beneficiary_org, aligned=True, status="submitted")
    url = f"/{lang}/knowledge/needs/{need.pk}/"

    client.force_login(authority)
    response = client.get(url)
    assert response.status_code == 200
    assert response.context["actions"] == ["endorse", "withdraw"]
    assert f"/knowledge/needs/{need.pk}/endorse/".encode() in response.content
    assert b"csrfmiddlewaretoken" in response.content

    client.force_login(officer)
    response = client.get(url)
    assert response.context["actions"] == []
    assert b"/endorse/" not in response.content
    assert b"secret note" in response.content  # the Bureau sees the internal notes


def test_the_public_detail_hides_confidential_fields(client, beneficiary_org):
    need = NeedFactory(organisation=beneficiary_org, status="open")
    response = client.get(f"/en/knowledge/needs/{need.pk}/")
    assert response.status_code == 200
    assert b"secret note" not in response.content
    assert (
        client.get(
            f"/en/knowledge/needs/{NeedFactory(organisation=beneficiary_org).pk}/"
        ).status_code
        == 404
    )


def test_an_officer_returns_with_a_comment_and_a_refusal_is_shown(client, officer, beneficiary_org):
    need = NeedFactory(organisation=beneficiary_org, aligned=True, status="endorsed")
    client.force_login(officer)
    response = client.post(f"/en/knowledge/needs/{need.pk}/return/", {"comment": ""}, follow=True)
    assert Need.objects.get().status == NeedStatus.ENDORSED
    assert any("comment" in str(m) for m in response.context["messages"])
    client.post(f"/en/knowledge/needs/{need.pk}/return/", {"comment": "Name the plan."})
    need.refresh_from_db()
    assert need.status == NeedStatus.RETURNED and need.screening_comment == "Name the plan."
    response = client.get(f"/en/knowledge/needs/{need.pk}/")
    assert b"Name the plan." in response.content  # in the timeline


def test_the_officer_cannot_endorse_through_the_page(client, officer, beneficiary_org):
    need = NeedFactory(organisation=beneficiary_org, aligned=True, status="submitted")
    client.force_login(officer)
    response = client.post(f"/fr/knowledge/needs/{need.pk}/endorse/", follow=True)
    assert response.status_code == 200
    assert Need.objects.get().status == NeedStatus.SUBMITTED
    assert list(response.context["messages"])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_focal_point_creates_a_need_with_the_form(client, beneficiary, beneficiary_org, lang):
    theme, target = ThemeFactory(code="drm"), SdgTargetFactory(code="11.5")
    client.force_login(beneficiary)
    assert client.get(f"/{lang}/knowledge/needs/new/").status_code == 200
    response = client.post(
        f"/{lang}/knowledge/needs/new/",
        {
            "title": "Earthquake plan",
            "language": "en",
            "problem": "No plan.",
            "national_priority_reference": "DRR policy",
            "themes": [theme.pk],
            "sdg_targets": [target.pk],
            "preferred_modalities": ["workshop"],
            "languages": ["en"],
            "urgency": "high",
        },
    )
    need = Need.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/{need.pk}/")
    assert list(need.themes.all()) == [theme] and need.preferred_modalities == ["workshop"]


def test_form_errors_are_shown_in_the_form(client, beneficiary, beneficiary_org):
    client.force_login(beneficiary)
    response = client.post("/en/knowledge/needs/new/", {"title": "", "problem": ""})
    assert response.status_code == 200
    assert response.context["form"].errors and b'role="alert"' in response.content
    assert not Need.objects.exists()


def test_the_form_is_refused_to_others(client, donor):
    client.force_login(donor)
    response = client.get("/en/knowledge/needs/new/")
    assert response.status_code == 302
    client.logout()
    assert client.get("/en/knowledge/needs/new/").status_code == 302  # to the login page


def test_the_edit_form_saves_a_draft(
    client, beneficiary, other_country_focal_point, beneficiary_org
):
    need = NeedFactory(organisation=beneficiary_org)
    client.force_login(beneficiary)
    url = f"/en/knowledge/needs/{need.pk}/edit/"
    assert client.get(url).status_code == 200
    client.post(url, {"title": "Edited", "language": "en", "problem": "P", "urgency": "low"})
    assert Need.objects.get().title == "Edited"
    client.force_login(other_country_focal_point)
    assert client.get(url).status_code == 404


def test_a_focal_point_of_two_organisations_chooses_in_the_form(
    client, beneficiary, other_beneficiary_org
):
    from tests.factories import MembershipFactory

    MembershipFactory(user=beneficiary, organisation=other_beneficiary_org)
    client.force_login(beneficiary)
    response = client.get("/en/knowledge/needs/new/")
    assert "organisation_id" in response.context["form"].fields
    client.post(
        "/en/knowledge/needs/new/",
        {
            "organisation_id": other_beneficiary_org.pk,
            "title": "Bhutan need",
            "language": "en",
            "problem": "P",
            "urgency": "low",
        },
    )
    assert Need.objects.get().organisation == other_beneficiary_org
