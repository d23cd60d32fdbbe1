"""Project pages: the same path as the API, in the browser, with CSRF-protected forms."""

from datetime import date

import pytest
from django.utils import translation

from csst.projects.models import ProjectStatus

from .project_helpers import pending
from .test_project_api import _deliver

pytestmark = pytest.mark.django_db
BASE = "/en/projects"


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def post(client, user, url, data=None):
    client.force_login(user)
    return client.post(url, data or {}, follow=True)


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def test_an_officer_takes_a_need_to_closure_in_the_browser(
    client, officer, officer2, authority, beneficiary, need, provider_org, donor_org, south_north
):
    client.force_login(officer)
    need_page = client.get(f"/en/knowledge/needs/{need.pk}/")
    assert b"Turn into a project" in need_page.content

    response = post(client, officer, f"{BASE}/from-need/{need.pk}/")
    project = response.context["project"]
    pk, nepal = project.pk, project.partners.get().organisation_id
    for org, role, cash, in_kind in (
        (provider_org, "pivotal", "0", "8000"),
        (donor_org, "facilitating", "50000", "0"),
    ):
        data = {
            "organisation": org.pk,
            "role": role,
            "committed_cash": cash,
            "committed_in_kind": in_kind,
            "currency": "CHF",
        }
        assert client.post(f"{BASE}/{pk}/partners/new/", data).status_code == 302
    edit = client.get(f"{BASE}/{pk}/edit/")
    data = {
        **{k: v for k, v in edit.context["form"].initial.items() if v not in (None, "")},
        "title_fr": "Suivi des envois",
        "title_en": "Item tracking",
        "summary_fr": "Résumé",
        "summary_en": "Summary",
        "budget": "100000",
        "budget_currency": "CHF",
        "themes": [t.pk for t in project.themes.all()],
        "sdg_targets": [t.pk for t in project.sdg_targets.all()],
        "origin_needs": [need.pk],
    }
    assert client.post(f"{BASE}/{pk}/edit/", data).status_code == 302

    page = client.get(f"{BASE}/{pk}/")
    assert page.context["modality"].modality == "triangular"
    assert b"Triangular: South = NPL, THA" in page.content
    assert b"corner-facilitating" in page.content

    post(client, officer, f"{BASE}/{pk}/actions/formulate/")
    post(client, officer, f"{BASE}/{pk}/actions/request_endorsement/")
    refused = post(client, officer2, f"{BASE}/{pk}/actions/approve/")
    assert any("Not every beneficiary" in m for m in messages_of(refused))

    client.force_login(authority)
    page = client.get(f"{BASE}/{pk}/")
    assert [org.pk for org in page.context["endorse_for"]] == [nepal]
    post(client, authority, f"{BASE}/{pk}/endorse/", {"organisation_id": nepal})

    four_eyes = post(client, officer, f"{BASE}/{pk}/actions/approve/")
    assert any("Four eyes" in m for m in messages_of(four_eyes))
    post(client, officer2, f"{BASE}/{pk}/actions/approve/", {"comment": "Fine"})
    post(client, officer, f"{BASE}/{pk}/actions/start/")
    post(client, officer, f"{BASE}/{pk}/final-report/", {"text": "Done."})
    post(client, beneficiary, f"{BASE}/{pk}/accept/", {"organisation_id": nepal})
    lesson = {
        "title": "Train trainers first",
        "language": "en",
        "context": "Scanning",
        "lesson": "Local trainers kept it alive.",
    }
    post(client, beneficiary, f"{BASE}/{pk}/lessons/new/", lesson)
    _deliver(pk, officer)
    closed = post(client, officer, f"{BASE}/{pk}/actions/close/")
    assert closed.context["project"].status == ProjectStatus.OPERATIONALLY_CLOSED
    assert [row["to"] for row in closed.context["timeline"]][-1] == "Operationally closed"


def test_declining_needs_a_comment_and_is_shown(client, officer, authority, project):

    pending(project, officer)
    nepal = project.partners.get(role="beneficiary").organisation_id
    url = f"{BASE}/{project.pk}/endorse/"
    response = post(client, authority, url, {"organisation_id": nepal, "decision": "decline"})
    assert any("comment is required" in m for m in messages_of(response))
    data = {"organisation_id": nepal, "decision": "decline", "comment": "Not our priority"}
    response = post(client, authority, url, data)
    assert b"Declined" in response.content


def test_a_superseded_endorsement_is_struck_through_with_a_notice(
    client, officer, authority, other_beneficiary_org, project
):
    from csst.projects import services

    pending(project, officer)
    services.endorse(authority, project, project.partners.get(role="beneficiary").organisation_id)
    services.add_partner(officer, project, other_beneficiary_org.pk, "beneficiary")
    client.force_login(officer)
    response = client.get(f"{BASE}/{project.pk}/")
    assert response.context["endorse_again"]
    assert b"<del>" in response.content and b"must endorse the project again" in response.content


def test_forms_of_the_officer_are_refused_to_others(client, beneficiary, project):
    client.force_login(beneficiary)
    assert client.get(f"{BASE}/{project.pk}/edit/").status_code == 403
    assert client.get(f"{BASE}/{project.pk}/partners/new/").status_code == 403
    assert client.get(f"{BASE}/new/").status_code == 403


def test_writes_need_the_csrf_token(officer, project):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(officer)
    response = client.post(f"{BASE}/{project.pk}/actions/formulate/")
    assert response.status_code == 403
    project.refresh_from_db()
    assert project.status == ProjectStatus.IDENTIFIED


def test_the_list_filters_and_shows_cards(client, officer, project):
    client.force_login(officer)
    response = client.get(f"{BASE}/", {"modality": "triangular", "country": "NPL"})
    assert response.status_code == 200
    assert project.code.encode() in response.content
    response = client.get(f"{BASE}/", {"modality": "south-south"})
    assert project.code.encode() not in response.content


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_pages_render_in_both_languages(client, officer, project, lang):
    client.force_login(officer)
    assert client.get(f"/{lang}/projects/").status_code == 200
    assert client.get(f"/{lang}/projects/{project.pk}/").status_code == 200
    assert client.get(f"/{lang}/projects/{project.pk}/edit/").status_code == 200


def test_an_unknown_date_order_is_refused_by_the_form(client, officer, project):
    client.force_login(officer)
    data = {
        "title_en": "x",
        "budget_currency": "CHF",
        "start_date": date(2026, 5, 1),
        "end_date": date(2026, 1, 1),
    }
    response = client.post(f"{BASE}/{project.pk}/edit/", data)
    assert response.status_code == 200
    assert b"end date cannot be before" in response.content


def test_the_api_refuses_a_session_write_without_the_csrf_token(officer, project):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(officer)
    response = client.post(
        f"/api/v1/projects/{project.pk}/actions/formulate",
        content_type="application/json",
        headers={"Accept-Language": "en"},
    )
    assert response.status_code == 403
    assert "CSRF" in response.json()["message"]


@pytest.mark.parametrize(
    ("persona", "shown"), [("officer", True), ("authority", False), ("finance", False)]
)
def test_only_officers_see_turn_into_a_project_on_an_endorsed_need(
    client, request, need, persona, shown
):
    client.force_login(request.getfixturevalue(persona))
    response = client.get(f"/en/knowledge/needs/{need.pk}/")
    assert (b"Turn into a project" in response.content) is shown


def test_a_draft_need_cannot_be_turned_into_a_project(client, officer, beneficiary_org):
    from ..knowledge.factories import NeedFactory

    draft = NeedFactory(organisation=beneficiary_org, aligned=True)
    client.force_login(officer)
    assert b"Turn into a project" not in client.get(f"/en/knowledge/needs/{draft.pk}/").content
    response = client.post(f"{BASE}/from-need/{draft.pk}/", follow=True)
    assert any("R4" in m for m in messages_of(response))


def test_the_public_list_shows_approved_projects_only(
    client, approved_project, officer, need, provider_org, donor_org
):
    from .project_helpers import make_project

    draft = make_project(officer, need, provider_org, donor_org)
    response = client.get(f"{BASE}/")
    assert approved_project.code.encode() in response.content
    assert draft.code.encode() not in response.content
