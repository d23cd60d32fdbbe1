"""Pages of the catalogue and lessons: the permission matrix, and the flow in the browser."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from csst.knowledge.models import LessonLearned, Solution, SolutionStatus

from .factories import LessonFactory, SolutionFactory

pytestmark = pytest.mark.django_db

PERSONAS = [
    "provider",
    "other_provider",
    "beneficiary",
    "officer",
    "officer2",
    "donor",
    "outsider",
    "anonymous",
]
PDF = b"%PDF-1.4\n% evidence\n"


@pytest.fixture
def as_persona(client, request):
    def login(name):
        if name != "anonymous":
            client.force_login(request.getfixturevalue(name))
        return client

    return login


@pytest.fixture
def draft(provider, provider_org):
    return SolutionFactory(organisation=provider_org, created_by=provider, title_en="Draft one")


@pytest.fixture
def validated(provider_org):
    return SolutionFactory(
        organisation=provider_org,
        status=SolutionStatus.VALIDATED,
        reviewed_at=date.today(),
        title_en="Validated one",
        review_comment="Secret review note",
    )


SEES_DRAFTS = {"provider", "officer", "officer2"}


@pytest.mark.parametrize("persona", PERSONAS)
def test_catalogue_shows_drafts_only_to_the_owner_and_the_bureau(
    as_persona, persona, draft, validated
):
    response = as_persona(persona).get("/en/knowledge/solutions/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Validated one" in body
    assert ("Draft one" in body) == (persona in SEES_DRAFTS)


@pytest.mark.parametrize("persona", PERSONAS)
def test_draft_detail_is_hidden_from_others(as_persona, persona, draft):
    response = as_persona(persona).get(f"/en/knowledge/solutions/{draft.pk}/")
    assert response.status_code == (200 if persona in SEES_DRAFTS else 404)


@pytest.mark.parametrize("persona", PERSONAS)
def test_review_comment_only_for_owner_and_bureau(as_persona, persona, validated):
    response = as_persona(persona).get(f"/en/knowledge/solutions/{validated.pk}/")
    assert response.status_code == 200
    assert ("Secret review note" in response.content.decode()) == (persona in SEES_DRAFTS)


@pytest.mark.parametrize(
    ("persona", "expected"),
    [("provider", 200), ("beneficiary", 302), ("officer", 302), ("donor", 302), ("anonymous", 302)],
)
def test_only_providers_open_the_create_form(as_persona, persona, expected):
    assert as_persona(persona).get("/en/knowledge/solutions/new/").status_code == expected


@pytest.mark.parametrize(
    ("persona", "expected"),
    [("officer", 200), ("officer2", 200), ("provider", 403), ("outsider", 403), ("anonymous", 302)],
)
def test_review_queue_is_for_the_bureau(as_persona, persona, expected, draft):
    assert as_persona(persona).get("/en/knowledge/solutions/review/").status_code == expected


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("provider", 200),
        ("beneficiary", 200),
        ("donor", 200),
        ("officer", 200),
        ("outsider", 403),
        ("anonymous", 302),
    ],
)
def test_lessons_are_for_partners_and_the_bureau(as_persona, persona, expected, provider_org):
    lesson = LessonFactory(organisation=provider_org)
    client = as_persona(persona)
    assert client.get("/en/knowledge/lessons/").status_code == expected
    assert client.get(f"/en/knowledge/lessons/{lesson.pk}/").status_code == expected


def test_provider_publishes_and_officer_validates_in_the_browser(client, provider, officer):
    client.force_login(provider)
    data = {
        "title_fr": "Cours en ligne EDI",
        "title_en": "EDI e-learning course",
        "problem_solved_fr": "Données saisies à la main.",
        "problem_solved_en": "Data keyed by hand.",
        "approach_fr": "Cours de six semaines.",
        "approach_en": "Six-week course.",
        "technology_level": "medium",
        "indicative_cost": "2500",
        "cost_currency": "USD",
        "languages": ["en"],
        "modalities": ["e_learning"],
    }
    response = client.post("/en/knowledge/solutions/new/", data)
    solution = Solution.objects.get()
    assert response.status_code == 302 and response.url == f"/en/knowledge/solutions/{solution.pk}/"
    assert solution.title_en == "EDI e-learning course"
    assert str(solution.indicative_cost) == "2500.00"
    client.post(f"/en/knowledge/solutions/{solution.pk}/actions/submit/")
    client.force_login(officer)
    response = client.post(
        f"/en/knowledge/solutions/{solution.pk}/actions/validate/", {"comment": "Fine"}, follow=True
    )
    assert "The status of the solution was changed." in response.content.decode()
    solution.refresh_from_db()
    assert solution.status == SolutionStatus.VALIDATED
    client.logout()
    assert "EDI e-learning course" in client.get("/en/knowledge/solutions/").content.decode()


def test_form_refuses_an_unknown_currency_with_a_message(client, provider):
    client.force_login(provider)
    response = client.post(
        "/en/knowledge/solutions/new/",
        {
            "title_en": "T",
            "problem_solved_en": "P",
            "approach_en": "A",
            "technology_level": "low",
            "indicative_cost": "10",
            "cost_currency": "XYZ",
        },
    )
    assert response.status_code == 200
    assert not Solution.objects.exists()


def test_refusal_of_a_rule_is_shown(client, provider, provider_org, officer):
    solution = SolutionFactory(organisation=provider_org, status="submitted", title_fr="")
    client.force_login(officer)
    response = client.post(f"/en/knowledge/solutions/{solution.pk}/actions/validate/", follow=True)
    assert "missing: French" in response.content.decode()


def test_missing_translation_note(client, provider, provider_org):
    solution = SolutionFactory(organisation=provider_org, created_by=provider, title_fr="")
    client.force_login(provider)
    note = "not yet fully translated"
    french_page = client.get(f"/fr/knowledge/solutions/{solution.pk}/")
    assert french_page.context["translation_missing"]
    assert note not in client.get(f"/en/knowledge/solutions/{solution.pk}/").content.decode()


def test_evidence_upload_checks_the_content_and_serves_with_permission(
    client, provider, draft, media_root
):
    client.force_login(provider)
    url = f"/en/knowledge/solutions/{draft.pk}/evidence/new/"
    fake = SimpleUploadedFile("report.pdf", b"MZ not a pdf", content_type="application/pdf")
    response = client.post(url, {"title": "Report", "file": fake})
    assert response.status_code == 200
    assert "does not match its extension" in response.content.decode()
    good = SimpleUploadedFile("my secret name.pdf", PDF, content_type="application/pdf")
    assert client.post(url, {"title": "Report", "file": good}).status_code == 302
    evidence = draft.evidence.get()
    assert "secret" not in evidence.file.name and evidence.file.name.endswith(".pdf")
    file_url = f"/en/knowledge/solutions/{draft.pk}/evidence/{evidence.pk}/file/"
    response = client.get(file_url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    client.logout()
    assert client.get(file_url).status_code == 404


def test_officer_completes_translation_through_the_form(client, provider_org, officer):
    solution = SolutionFactory(organisation=provider_org, status="submitted", title_fr="")
    client.force_login(officer)
    url = f"/en/knowledge/solutions/{solution.pk}/edit/"
    assert client.get(url).status_code == 200
    texts = {
        f: getattr(solution, f) or ""
        for f in (
            "title_en",
            "problem_solved_fr",
            "problem_solved_en",
            "approach_fr",
            "approach_en",
        )
    }
    response = client.post(url, {**texts, "title_fr": "Titre traduit"})
    assert response.status_code == 302
    solution.refresh_from_db()
    assert solution.title_fr == "Titre traduit"


def test_turn_a_lesson_into_a_draft_solution(client, provider, provider_org):
    lesson = LessonFactory(organisation=provider_org, language="en")
    client.force_login(provider)
    response = client.post(f"/en/knowledge/lessons/{lesson.pk}/draft-solution/")
    lesson.refresh_from_db()
    assert response.status_code == 302
    assert response.url == f"/en/knowledge/solutions/{lesson.solution_id}/edit/"
    solution = lesson.solution
    assert solution.status == SolutionStatus.DRAFT
    assert solution.title_en == lesson.title and not solution.title_fr
    assert solution.problem_solved_en == lesson.context
    assert solution.approach_en == lesson.lesson
    assert solution.transfer_conditions_en == lesson.recommendation


def test_lesson_of_a_north_organisation_explains_the_refusal(client, officer, donor_org):
    lesson = LessonFactory(organisation=donor_org)
    client.force_login(officer)
    response = client.post(f"/en/knowledge/lessons/{lesson.pk}/draft-solution/", follow=True)
    assert "Only organisations of South countries can offer solutions: France" in (
        response.content.decode()
    )
    assert not Solution.objects.exists()


def test_record_a_lesson(client, beneficiary, beneficiary_org):
    client.force_login(beneficiary)
    response = client.post(
        "/en/knowledge/lessons/new/",
        {"title": "L", "language": "en", "context": "C", "lesson": "Les", "recommendation": ""},
    )
    assert response.status_code == 302
    assert LessonLearned.objects.get().organisation == beneficiary_org


def test_forms_render_with_their_fields(client, provider, officer, draft):
    client.force_login(provider)
    edit = client.get(f"/en/knowledge/solutions/{draft.pk}/edit/").content.decode()
    assert 'name="title_fr"' in edit and 'name="title_en"' in edit and draft.title_en in edit
    assert 'name="cost_currency"' in edit and "CHF — Swiss Franc" in edit
    evidence = client.get(f"/en/knowledge/solutions/{draft.pk}/evidence/new/")
    assert (
        evidence.status_code == 200 and 'enctype="multipart/form-data"' in evidence.content.decode()
    )
    client.force_login(officer)
    lesson_form = client.get("/en/knowledge/lessons/new/").content.decode()
    assert 'name="organisation_id"' in lesson_form  # an officer records for any organisation


def test_officer_translating_sees_only_the_texts(client, provider_org, officer):
    solution = SolutionFactory(organisation=provider_org, status="submitted", title_fr="")
    client.force_login(officer)
    page = client.get(f"/en/knowledge/solutions/{solution.pk}/edit/").content.decode()
    assert 'name="title_fr"' in page and 'name="technology_level"' not in page


def test_the_draft_button_is_offered_only_to_who_may_use_it(
    client, provider, beneficiary, provider_org
):
    lesson = LessonFactory(organisation=provider_org)
    url = f"/en/knowledge/lessons/{lesson.pk}/"
    client.force_login(provider)
    assert "Turn into a draft solution" in client.get(url).content.decode()
    client.force_login(beneficiary)
    assert "Turn into a draft solution" not in client.get(url).content.decode()
    response = client.post(f"{url}draft-solution/", follow=True)
    assert "Only a provider focal point of" in response.content.decode()
    assert not Solution.objects.exists()


def test_french_pages_render(client, validated, provider):
    client.force_login(provider)
    for url in ("/fr/knowledge/solutions/", f"/fr/knowledge/solutions/{validated.pk}/"):
        assert client.get(url).status_code == 200
