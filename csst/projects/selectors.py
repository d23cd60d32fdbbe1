"""Reads of projects, already limited to what the user may see (rule R13).

Bureau staff see every project; the people of a partner organisation see its projects in any
state; everyone else sees projects from approval on (a project cancelled before approval never
became public). Lists fetch their relations in a constant number of queries.
"""

from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from csst.core.workflow import history
from csst.knowledge import search

from .modality import Role
from .models import Decision, Endorsement, Project, ProjectPartner, ProjectStatus
from .permissions import acting_for, sees_every_project
from .rules import ModalityAnswer, modality_answers, project_modality

S = ProjectStatus
FILTERS = ("modality", "status", "theme", "sdg_target", "country", "region", "partner", "q")
# From approval on, a project is public (R13); before, only the Bureau and its partners see it.
PUBLIC_STATUSES = frozenset(
    {S.APPROVED, S.IN_IMPLEMENTATION, S.OPERATIONALLY_CLOSED, S.EVALUATED, S.FINANCIALLY_CLOSED}
)
ROLE_ORDER = (Role.BENEFICIARY, Role.PIVOTAL, Role.FACILITATING)


def _partners_query() -> QuerySet[ProjectPartner]:
    return ProjectPartner.objects.select_related("organisation__country")


def _public() -> Q:
    return Q(status__in=PUBLIC_STATUSES) | Q(status=S.CANCELLED, approved_on__isnull=False)


def _partner_of(organisation_ids) -> Q:
    """A subquery rather than a join, so that a project comes once."""
    projects = ProjectPartner.objects.filter(organisation_id__in=organisation_ids)
    return Q(pk__in=projects.values("project_id"))


def visible_projects(user) -> QuerySet[Project]:
    if sees_every_project(user):
        return Project.objects.all()
    visible = _public()
    own = acting_for(user)
    if own:
        visible |= _partner_of(own)
    return Project.objects.filter(visible)


def is_insider(user, project: Project) -> bool:
    """Bureau staff and the people of a partner: they see the timeline and who endorsed."""
    if sees_every_project(user):
        return True
    own = acting_for(user)
    return any(partner.organisation_id in own for partner in project.partners.all())


def _filtered_by_place(projects, country: str | None, region: str | None, partner: int | None):
    partners = ProjectPartner.objects.all()
    if country:
        partners = partners.filter(organisation__country__iso3=country.upper())
    if region:
        partners = partners.filter(
            Q(organisation__country__region__m49=region)
            | Q(organisation__country__subregion__m49=region)
            | Q(organisation__country__intermediate_region__m49=region)
        )
    if partner:
        partners = partners.filter(organisation_id=partner)
    if country or region or partner:
        projects = projects.filter(pk__in=partners.values("project_id"))
    return projects


def with_list_relations(projects: QuerySet[Project]) -> QuerySet[Project]:
    return projects.prefetch_related(
        "themes", "sdg_targets", Prefetch("partners", queryset=_partners_query())
    )


def projects_for(
    user,
    modality: str | None = None,
    status: str | None = None,
    theme: str | None = None,
    sdg_target: str | None = None,
    country: str | None = None,
    region: str | None = None,
    partner: int | None = None,
    q: str | None = None,
) -> QuerySet[Project]:
    projects = visible_projects(user)
    if modality:
        projects = projects.filter(modality=modality)
    projects = search.filtered(projects, status=status, theme=theme, sdg_target=sdg_target, q=q)
    projects = _filtered_by_place(projects, country, region, partner)
    return with_list_relations(projects)


def with_detail_relations(projects: QuerySet[Project]) -> QuerySet[Project]:
    endorsements = Endorsement.objects.select_related("organisation", "person")
    return (
        with_list_relations(projects)
        .select_related("responsible_officer", "approved_by")
        .prefetch_related(
            Prefetch("endorsements", queryset=endorsements),
            "origin_needs__organisation",
            "lessons_learned",
        )
    )


def project_for(user, pk: int) -> Project:
    """404 for a project the user may not see, so drafts stay invisible to others."""
    return get_object_or_404(with_detail_relations(visible_projects(user)), pk=pk)


def project_history(project: Project):
    return history(project)


# --- What a project page shows ----------------------------------------------------------------


def countries_of(project: Project) -> list:
    """Distinct countries of the partners (prefetched), in role order."""
    seen = {}
    for partner in partners_in_order(project):
        country = partner.organisation.country
        if country and country.pk not in seen:
            seen[country.pk] = country
    return list(seen.values())


def partners_in_order(project: Project) -> list[ProjectPartner]:
    partners = list(project.partners.all())
    return sorted(partners, key=lambda p: (ROLE_ORDER.index(p.role), str(p.organisation)))


def modality_of(project: Project) -> ModalityAnswer:
    """Rule R1 with its reason, from the partners already fetched (or attached to a page)."""
    answer = getattr(project, "modality_answer", None)
    if answer is None:
        answer = project_modality(project, partners=list(project.partners.all()))
        project.modality_answer = answer
    return answer


def with_modalities(projects) -> list[Project]:
    """A page of projects, each with its `modality_answer` (one query for the whole page)."""
    projects = list(projects)
    answers = modality_answers(projects)
    for project in projects:
        project.modality_answer = answers[project.pk]
    return projects


@dataclass(frozen=True)
class Corner:
    role: str
    partners: list


def triangle(project: Project) -> list[Corner]:
    """The three corners of the SSTC triangle, each with its partners."""
    partners = partners_in_order(project)
    return [Corner(role, [p for p in partners if p.role == role]) for role in ROLE_ORDER]


def endorsement_state(project: Project) -> dict:
    """Beneficiaries still to endorse, and whether that is because the project changed (R2)."""
    endorsements = list(project.endorsements.all())
    current = {
        e.organisation_id
        for e in endorsements
        if e.decision == Decision.ENDORSED and not e.superseded
    }
    waiting = [
        p.organisation
        for p in partners_in_order(project)
        if p.role == Role.BENEFICIARY and p.organisation_id not in current
    ]
    superseded = any(e.decision == Decision.ENDORSED and e.superseded for e in endorsements)
    return {
        "endorsements": endorsements,
        "waiting_for": waiting,
        "endorse_again": bool(waiting) and superseded,
    }
