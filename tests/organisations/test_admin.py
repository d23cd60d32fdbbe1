"""Staff keep the registry in the admin; focal points are listed there read-only."""

import pytest
from django.contrib.auth.models import Permission

from csst.organisations.models import Organisation

CHANGELIST = "/en/admin/organisations/organisation/"


def grant_registry_permissions(user):
    user.user_permissions.add(
        *Permission.objects.filter(content_type__app_label__in=["organisations", "accounts"])
    )
    return user


@pytest.fixture
def officer_client(client, officer):
    client.force_login(grant_registry_permissions(officer))
    return client


def form_data(**fields) -> dict:
    return {
        "name_fr": "Poste du Népal",
        "name_en": "Nepal Post",
        "acronym": "",
        "type": "designated_operator",
        "country": "",
        "website": "",
        "iati_identifier": "",
        "description_fr": "",
        "description_en": "",
        "memberships-TOTAL_FORMS": "0",
        "memberships-INITIAL_FORMS": "0",
        **fields,
    }


def test_the_list_shows_type_and_country(officer_client, provider_org, unicef):
    response = officer_client.get(CHANGELIST)
    assert response.status_code == 200
    assert set(response.context["cl"].result_list) >= {provider_org, unicef}
    assert "Thailand" in response.content.decode()


def test_the_list_searches_names_acronyms_and_country_codes(officer_client, provider_org, unicef):
    response = officer_client.get(CHANGELIST, {"q": "THA"})
    assert list(response.context["cl"].result_list) == [provider_org]


def test_the_change_page_lists_focal_points_read_only(officer_client, beneficiary_org, beneficiary):
    response = officer_client.get(f"{CHANGELIST}{beneficiary_org.pk}/change/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Focal points" in page
    assert f'<a href="/en/admin/accounts/user/{beneficiary.pk}/change/">beneficiary</a>' in page
    assert 'name="memberships-0-role"' not in page  # shown, not editable


def test_the_admin_refuses_a_national_organisation_without_a_country(officer_client, english):
    response = officer_client.post(f"{CHANGELIST}add/", form_data())
    assert response.status_code == 200
    assert "needs a country" in response.content.decode()
    assert not Organisation.objects.filter(name_en="Nepal Post").exists()


def test_the_admin_records_who_created_an_organisation(officer_client, officer, nepal):
    response = officer_client.post(f"{CHANGELIST}add/", form_data(country=str(nepal.pk)))
    assert response.status_code == 302, response.content.decode()[:2000]
    created = Organisation.objects.get(name_en="Nepal Post")
    assert created.created_by == officer
    assert created.country == nepal


def test_staff_without_the_officer_role_may_look_but_not_write(client, finance, provider_org):
    client.force_login(grant_registry_permissions(finance))
    assert client.get(CHANGELIST).status_code == 200
    assert client.get(f"{CHANGELIST}add/").status_code == 403
    response = client.post(
        f"{CHANGELIST}{provider_org.pk}/change/", form_data(acronym="X", country="")
    )
    assert response.status_code == 403
