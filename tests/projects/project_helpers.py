"""Steps of the project lifecycle shared by the project tests."""

from decimal import Decimal

from csst.projects import services

BILINGUAL = {
    "title_fr": "Suivi des envois",
    "title_en": "Item tracking",
    "summary_fr": "Résumé",
    "summary_en": "Summary",
    "budget": Decimal("100000"),
}


def pending(project, officer):
    services.change_project_status(officer, project, "formulate")
    return services.change_project_status(officer, project, "request_endorsement")


def approved(project, officer, officer2, authority):
    pending(project, officer)
    services.endorse(authority, project, project.partners.get(role="beneficiary").organisation_id)
    return services.change_project_status(officer2, project, "approve")


def make_project(officer, need, provider_org, donor_org):
    """A need turned into a triangular project (Nepal, Thailand, La Poste)."""
    project = services.create_project_from_need(officer, need)
    services.add_partner(officer, project, provider_org.pk, "pivotal", in_kind=8000)
    services.add_partner(officer, project, donor_org.pk, "facilitating", cash=50000)
    services.update_project(officer, project, dict(BILINGUAL))
    project.refresh_from_db()
    return project
