import pytest

from csst.knowledge.models import Need, NeedStatus

from .factories import NeedFactory, SdgTargetFactory, ThemeFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/needs"


def post(client, url, headers, data=None):
    return client.post(url, data or {}, content_type="application/json", headers=headers)


def test_create_submit_endorse_open_through_tokens(
    client, api_token, beneficiary, authority, officer, beneficiary_org
):
    ThemeFactory(code="ecommerce")
    SdgTargetFactory(code="9.c")
    as_beneficiary = api_token(beneficiary)
    response = post(
        client,
        URL,
        as_beneficiary,
        {
            "title": "Track and trace",
            "problem": "Parcels are not scanned.",
            "national_priority_reference": "Postal strategy 2025, axis 2",
            "themes": ["ecommerce"],
            "sdg_targets": ["9.c"],
            "preferred_modalities": ["expert_mission"],
            "languages": ["en"],
            "internal_notes": "Budget is tight.",
        },
    )
    assert response.status_code == 201, response.content
    body = response.json()
    need_id = body["id"]
    assert body["status"] == "draft" and body["country"] == "NPL"
    assert body["themes"][0]["code"] == "ecommerce" and body["sdg_targets"] == ["9.c"]
    assert body["internal_notes"] == "Budget is tight."

    response = post(client, f"{URL}/{need_id}/submit", as_beneficiary)
    assert response.status_code == 200 and response.json()["status"] == "submitted"
    response = post(client, f"{URL}/{need_id}/endorse", api_token(authority))
    assert response.status_code == 200 and response.json()["status"] == "endorsed"
    as_officer = api_token(officer)
    response = post(client, f"{URL}/{need_id}/open", as_officer, {"comment": "Clear request."})
    assert response.status_code == 200 and response.json()["status"] == "open"

    history = client.get(f"{URL}/{need_id}/history", headers=as_officer).json()
    assert [(row["action"], row["from"], row["to"], row["by"]) for row in history] == [
        ("submit", "draft", "submitted", "beneficiary"),
        ("endorse", "submitted", "endorsed", "authority"),
        ("open", "endorsed", "open", "officer"),
    ]
    assert history[2]["comment"] == "Clear request."


def test_the_officer_cannot_endorse_403_and_the_rules_answer_409(
    client, api_token, beneficiary, officer, beneficiary_org
):
    submitted = NeedFactory(organisation=beneficiary_org, aligned=True, status="submitted")
    response = post(client, f"{URL}/{submitted.pk}/endorse", api_token(officer))
    assert response.status_code == 403
    assert "rien pour moi sans moi" in response.json()["message"]  # French: the default language

    bare = NeedFactory(organisation=beneficiary_org)
    response = post(client, f"{URL}/{bare.pk}/submit", api_token(beneficiary))
    assert response.status_code == 409
    assert Need.objects.get(pk=bare.pk).status == NeedStatus.DRAFT

    endorsed = NeedFactory(organisation=beneficiary_org, aligned=True, status="endorsed")
    response = post(client, f"{URL}/{endorsed.pk}/return", api_token(officer))
    assert response.status_code == 409 and response.json()["message"]


def test_a_draft_is_404_for_others_and_unknown_actions_422(
    client, api_token, other_country_focal_point, beneficiary, beneficiary_org
):
    draft = NeedFactory(organisation=beneficiary_org)
    other = api_token(other_country_focal_point)
    assert client.get(f"{URL}/{draft.pk}", headers=other).status_code == 404
    assert post(client, f"{URL}/{draft.pk}/withdraw", other).status_code == 404
    assert client.get(f"{URL}/{draft.pk}").status_code == 404
    response = post(client, f"{URL}/{draft.pk}/approve", api_token(beneficiary))
    assert response.status_code == 422


def test_bad_bodies_are_422_or_400_never_500(client, api_token, beneficiary, donor):
    headers = api_token(beneficiary)
    assert post(client, URL, headers, {"title": "", "problem": "x"}).status_code == 422
    assert post(client, URL, headers, {"title": "x" * 201, "problem": "x"}).status_code == 422
    assert (
        post(client, URL, headers, {"title": "x", "problem": "y", "urgency": "now"}).status_code
        == 422
    )
    response = post(client, URL, headers, {"title": "x", "problem": "y", "themes": ["nope"]})
    assert response.status_code == 400 and "nope" in response.json()["message"]
    response = client.post(URL, "{not json", content_type="application/json", headers=headers)
    assert response.status_code in (400, 422)
    assert post(client, URL, api_token(donor), {"title": "x", "problem": "y"}).status_code == 403
    assert post(client, URL, {}, {"title": "x", "problem": "y"}).status_code == 401
    assert not Need.objects.exists()


def test_patch_edits_a_draft_only_for_its_own_focal_point(
    client, api_token, beneficiary, officer, beneficiary_org
):
    need = NeedFactory(organisation=beneficiary_org)
    response = client.patch(
        f"{URL}/{need.pk}",
        {"title": "New title", "urgency": "high"},
        content_type="application/json",
        headers=api_token(beneficiary),
    )
    assert response.status_code == 200 and response.json()["title"] == "New title"
    response = client.patch(
        f"{URL}/{need.pk}",
        {"title": "Officer's title"},
        content_type="application/json",
        headers=api_token(officer),
    )
    assert response.status_code == 403
    assert Need.objects.get().title == "New title"


@pytest.mark.parametrize(
    "persona, sees_confidential",
    [
        (None, False),
        ("outsider", False),
        ("donor", False),
        ("other_country_focal_point", False),
        ("beneficiary", True),
        ("officer", True),
    ],
)
def test_confidential_fields_only_for_the_organisation_and_the_bureau(
    client, api_token, request, beneficiary_org, persona, sees_confidential
):
    need = NeedFactory(
        organisation=beneficiary_org, status="open", screening_comment="Screened by officer"
    )
    headers = api_token(request.getfixturevalue(persona)) if persona else {}
    listed = client.get(URL, headers=headers).json()
    assert listed["count"] == 1
    detail = client.get(f"{URL}/{need.pk}", headers=headers).json()
    for body in (listed["items"][0], detail):
        if sees_confidential:
            assert body["internal_notes"] == "secret note"
            assert body["screening_comment"] == "Screened by officer"
        else:
            assert body["internal_notes"] is None and body["screening_comment"] is None
    history = client.get(f"{URL}/{need.pk}/history", headers=headers)
    assert history.status_code == (200 if sees_confidential else 403)


def test_list_filters_and_pagination(client, beneficiary_org, other_beneficiary_org):
    for index in range(3):
        NeedFactory(organisation=beneficiary_org, status="open", title=f"Nepal {index}")
    NeedFactory(organisation=other_beneficiary_org, status="open", title="Bhoutan")
    body = client.get(URL, {"limit": 2, "offset": 0}).json()
    assert body["count"] == 4 and len(body["items"]) == 2
    assert client.get(URL, {"country": "BTN"}).json()["count"] == 1
    assert client.get(URL, {"q": "bhoutan"}).json()["count"] == 1
    assert client.get(URL, {"status": "nonsense"}).status_code == 422
    assert client.get(URL, {"country": "TOOLONG"}).status_code == 422
