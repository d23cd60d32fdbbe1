"""The projects API is described in a valid OpenAPI 3 document, refusals included."""

from openapi_spec_validator import validate

PATHS = [
    "/api/v1/projects",
    "/api/v1/projects/{project_id}",
    "/api/v1/projects/{project_id}/partners",
    "/api/v1/projects/{project_id}/partners/{partner_id}",
    "/api/v1/projects/{project_id}/endorsements",
    "/api/v1/projects/{project_id}/acceptances",
    "/api/v1/projects/{project_id}/final-report",
    "/api/v1/projects/{project_id}/lessons",
    "/api/v1/projects/{project_id}/actions/{action}",
    "/api/v1/projects/{project_id}/history",
    "/api/v1/projects/{project_id}/endorsements",
]


def test_the_projects_api_is_in_a_valid_openapi_document(client, db):
    spec = client.get("/api/v1/openapi.json").json()
    validate(spec)
    assert set(PATHS) <= set(spec["paths"])
    action = spec["paths"]["/api/v1/projects/{project_id}/actions/{action}"]["post"]
    assert {"403", "409"} <= set(action["responses"])
    project = spec["components"]["schemas"]["ProjectOut"]["properties"]
    assert {"modality", "modality_reason", "partners", "origin_needs"} <= set(project)
