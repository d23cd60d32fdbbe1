"""Permission matrix of the project pages and API, persona by persona (DOMAIN §2).

The project is Nepal Post (beneficiary) ← APPC (pivotal) + La Poste (facilitating); Bhutan Post's
focal point and the outsider have nothing to do with it.
"""

import pytest
from django.utils import translation

from .project_helpers import pending

pytestmark = pytest.mark.django_db

PERSONAS = [
    "officer",
    "officer2",
    "finance",
    "beneficiary",
    "authority",
    "other_country_focal_point",
    "provider",
    "donor",
    "outsider",
    "anonymous",
]
# Who sees a project before approval: the Bureau and the partners' people.
INSIDERS = {"officer", "officer2", "finance", "beneficiary", "authority", "provider", "donor"}
OFFICERS = {"officer", "officer2"}
NEPAL = {"beneficiary", "authority"}


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def as_persona(request, client, api_token):
    """persona -> (client signed in through the session, bearer headers or {})."""

    def sign_in(persona):
        english = {"Accept-Language": "en"}
        if persona == "anonymous":
            return english
        user = request.getfixturevalue(persona)
        headers = api_token(user)
        client.force_login(user)
        return {**headers, **english}

    return sign_in


def by(persona, allowed: set, yes: int, no: int) -> int:
    return yes if persona in allowed else no


@pytest.mark.parametrize("persona", PERSONAS)
def test_a_project_before_approval_is_seen_by_the_bureau_and_its_partners(
    persona, client, as_persona, project
):
    headers = as_persona(persona)
    expected = by(persona, INSIDERS, 200, 404)
    assert client.get(f"/en/projects/{project.pk}/").status_code == expected
    assert client.get(f"/api/v1/projects/{project.pk}", headers=headers).status_code == expected
    listed = client.get("/api/v1/projects", headers=headers).json()["count"]
    assert listed == by(persona, INSIDERS, 1, 0)


@pytest.mark.parametrize("persona", PERSONAS)
def test_an_approved_project_is_public_its_timeline_is_not(
    persona, client, as_persona, approved_project
):
    headers = as_persona(persona)
    page = client.get(f"/en/projects/{approved_project.pk}/")
    assert page.status_code == 200
    assert bool(page.context["timeline"]) == (persona in INSIDERS)
    history = client.get(f"/api/v1/projects/{approved_project.pk}/history", headers=headers)
    assert history.status_code == by(persona, INSIDERS, 200, 403)
    records = client.get(f"/api/v1/projects/{approved_project.pk}/endorsements", headers=headers)
    assert records.status_code == by(persona, INSIDERS, 200, 403)


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_bureau_officers_create_and_edit(persona, client, as_persona, project, need):
    headers = as_persona(persona)
    edit = client.get(f"/en/projects/{project.pk}/edit/")
    assert edit.status_code == (302 if persona == "anonymous" else by(persona, OFFICERS, 200, 403))
    created = client.post(
        "/api/v1/projects", {"title_en": "x"}, content_type="application/json", headers=headers
    )
    assert created.status_code == (
        401 if persona == "anonymous" else by(persona, OFFICERS, 201, 403)
    )


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_the_beneficiarys_people_endorse(persona, client, as_persona, project, officer):
    pending(project, officer)
    headers = as_persona(persona)
    nepal = project.partners.get(role="beneficiary").organisation_id
    response = client.post(
        f"/api/v1/projects/{project.pk}/endorsements",
        {"organisation_id": nepal},
        content_type="application/json",
        headers=headers,
    )
    if persona == "anonymous":
        assert response.status_code == 401
    elif persona in {"other_country_focal_point", "outsider"}:
        assert response.status_code == 404  # the pending project is not theirs to see
    else:
        assert response.status_code == by(persona, NEPAL, 201, 403)
        if persona not in NEPAL:
            assert "nothing for me without me" in response.json()["message"]


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_endorse_buttons_show_only_for_the_beneficiarys_people(
    persona, client, as_persona, project, officer
):
    pending(project, officer)
    as_persona(persona)
    response = client.get(f"/en/projects/{project.pk}/")
    if persona in INSIDERS:
        shown = [org.pk for org in response.context["endorse_for"]]
        assert bool(shown) == (persona in NEPAL)


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_officers_see_lifecycle_buttons(persona, client, as_persona, project):
    as_persona(persona)
    response = client.get(f"/en/projects/{project.pk}/")
    if persona in INSIDERS:
        assert bool(response.context["actions"]) == (persona in OFFICERS)
