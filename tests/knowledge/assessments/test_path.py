"""The whole path, as the issue's "done when": a beneficiary focal point goes from a
self-assessment to an endorsed need — through the API, and through the pages."""

import pytest

from csst.knowledge.models import Need, NeedStatus, SelfAssessment

from ..factories import SdgTargetFactory
from .factories import load_ore

pytestmark = pytest.mark.django_db

WEAK = {"data-quality"}  # the area answered below the target


@pytest.fixture
def ore(db):
    SdgTargetFactory(code="17.11")
    return load_ore()


def items_by_area(framework) -> dict[str, list[str]]:
    return {
        area.code: [item.code for item in area.items.all()]
        for area in framework.focus_areas.prefetch_related("items")
    }


def post(client, url, headers, data=None):
    return client.post(url, data or {}, content_type="application/json", headers=headers)


def test_from_self_assessment_to_endorsed_need_through_the_api(
    client, api_token, beneficiary, authority, ore
):
    as_focal_point = {**api_token(beneficiary), "Accept-Language": "en"}
    areas = items_by_area(ore)

    response = post(client, "/api/v1/assessments", as_focal_point, {"framework": "ore-readiness"})
    assert response.status_code == 201, response.content
    assessment_id = response.json()["id"]
    url = f"/api/v1/assessments/{assessment_id}"

    # Two saves: the first area now, the rest later (resuming where left).
    first, *others = areas
    rows = [{"item": code, "level": 3} for code in areas[first]]
    response = client.patch(url, {"answers": rows}, "application/json", headers=as_focal_point)
    assert response.status_code == 200 and len(response.json()["answers"]) == len(rows)
    response = post(client, f"{url}/submit", as_focal_point)
    assert response.status_code == 409 and "unanswered" in response.json()["message"]
    rows = [
        {"item": code, "level": 1 if area in WEAK else 4, "comment": "checked"}
        for area in others
        for code in areas[area]
    ]
    response = client.patch(url, {"answers": rows}, "application/json", headers=as_focal_point)
    assert response.status_code == 200

    response = post(client, f"{url}/submit", as_focal_point)
    assert response.status_code == 200 and response.json()["status"] == "submitted"
    results = client.get(f"{url}/results", headers=as_focal_point).json()
    assert results["gaps"] == ["data-quality"] and results["completeness"] == "100.00"

    response = post(client, f"{url}/gaps/data-quality/draft-need", as_focal_point)
    assert response.status_code == 201, response.content
    need = response.json()
    assert need["status"] == "draft" and need["self_assessment_id"] == assessment_id
    assert need["focus_area"] == "data-quality"
    assert [theme["code"] for theme in need["themes"]] == ["ecommerce-data-quality"]
    again = post(client, f"{url}/gaps/data-quality/draft-need", as_focal_point)
    assert again.status_code == 409 and str(need["id"]) in again.json()["message"]

    need_url = f"/api/v1/needs/{need['id']}"
    alignment = {
        "sdg_targets": ["17.11"],
        "national_priority_reference": "National postal strategy, e-commerce axis",
    }
    response = client.patch(need_url, alignment, "application/json", headers=as_focal_point)
    assert response.status_code == 200, response.content
    assert post(client, f"{need_url}/submit", as_focal_point).status_code == 200
    response = post(client, f"{need_url}/endorse", api_token(authority))
    assert response.status_code == 200 and response.json()["status"] == "endorsed"


def test_from_self_assessment_to_endorsed_need_through_the_pages(
    client, beneficiary, authority, ore
):
    client.force_login(beneficiary)
    page = client.get("/en/knowledge/assessments/")
    assert b"Start a self-assessment" in page.content
    response = client.post("/en/knowledge/assessments/start/", {"framework": "ore-readiness"})
    assessment = SelfAssessment.objects.get()
    assert response.url == f"/en/knowledge/assessments/{assessment.pk}/answer/"

    items = {item.pk: area.code for area in ore.focus_areas.all() for item in area.items.all()}
    first = next(iter(items.values()))
    partial = {f"level-{pk}": "3" for pk, area in items.items() if area == first}
    answer_url = f"/en/knowledge/assessments/{assessment.pk}/answer/"
    response = client.post(answer_url, {**partial, "save": "1"})
    assert response.url == answer_url
    resumed = client.get(answer_url).content.decode()
    assert resumed.count(" checked>") == len(items)  # one choice per item
    assert resumed.count('value="3" checked>') == len(partial)  # the saved answers come back

    full = {f"level-{pk}": "1" if area in WEAK else "4" for pk, area in items.items()}
    full.update(partial)
    response = client.post(
        answer_url, {**full, f"comment-{next(iter(items))}": "ok", "submit": "1"}
    )
    assert response.url == assessment.get_absolute_url()
    result = client.get(response.url).content.decode()
    assert "Draft a need from this gap" in result and "assessment-chart-data" in result

    response = client.post(
        f"/en/knowledge/assessments/{assessment.pk}/gaps/data-quality/draft-need/"
    )
    need = Need.objects.get()
    assert response.url == f"/en/knowledge/needs/{need.pk}/edit/"
    assert need.self_assessment == assessment and need.focus_area.code == "data-quality"
    result = client.get(assessment.get_absolute_url()).content.decode()
    assert (
        f"/en/knowledge/needs/{need.pk}/" in result and "Draft a need from this gap" not in result
    )

    form = client.get(response.url)
    assert form.status_code == 200
    data = {
        "title": need.title,
        "language": "en",
        "problem": need.problem,
        "national_priority_reference": "National postal strategy, e-commerce axis",
        "themes": [theme.pk for theme in need.themes.all()],
        "sdg_targets": [SdgTargetFactory(code="17.11").pk],
        "urgency": "medium",
        "self_assessment": assessment.pk,
    }
    response = client.post(response.url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    detail = client.get(need.get_absolute_url()).content.decode()
    assert "Linked self-assessment" in detail and "#area-data-quality" in detail
    client.post(f"/en/knowledge/needs/{need.pk}/submit/")
    client.force_login(authority)
    client.post(f"/en/knowledge/needs/{need.pk}/endorse/")
    need.refresh_from_db()
    assert need.status == NeedStatus.ENDORSED
    assert need.self_assessment == assessment
