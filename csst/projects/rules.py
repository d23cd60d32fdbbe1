"""Rule R1 applied to a stored project: partners → facts (South status on the reference date, R11)
→ csst.projects.modality.modality_of → a sentence in the reader's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

from csst.countries.classification import south_lookup, statuses_for
from csst.countries.models import Scheme

from .modality import Modality, ModalityResult, PartnerFacts, Reason, modality_of


@dataclass(frozen=True)
class ModalityAnswer:
    result: ModalityResult
    on: date
    reason: str  # the explanation, in the active language

    @property
    def modality(self) -> Modality:
        return self.result.modality


def reference_date(project) -> date:
    """South/North as of the approval date, or today while the project is not approved."""
    return project.approved_on or timezone.localdate()


def _south_by_country(partners, on: date) -> dict[int, bool | None]:
    country_ids = {p.organisation.country_id for p in partners if p.organisation.country_id}
    statuses = statuses_for(country_ids, [Scheme.NORTH_SOUTH], on)
    return {pk: status[Scheme.NORTH_SOUTH].is_south for pk, status in statuses.items()}


def partner_facts(partners, on: date, south=None) -> list[PartnerFacts]:
    """Facts of ProjectPartner rows (with organisation and country fetched): one query, none
    when `south` ({country id: is South on `on`}) is given."""
    partners = list(partners)
    if south is None:
        south = _south_by_country(partners, on)
    facts = []
    for partner in partners:
        country = partner.organisation.country
        facts.append(
            PartnerFacts(
                name=str(partner.organisation),
                role=partner.role,
                country=country.iso3 if country else None,
                is_south=south.get(country.pk) if country else None,
                committed=partner.committed_cash + partner.committed_in_kind,
                currency=partner.currency,
            )
        )
    return facts


def _facilitator_text(facts: PartnerFacts) -> str:
    where = _("North") if facts.country else _("international organisation")
    return _("%(name)s (%(where)s), %(currency)s %(amount)s committed") % {
        "name": facts.name,
        "where": where,
        "currency": facts.currency,
        "amount": number_format(facts.committed, 0, use_l10n=True, force_grouping=True),
    }


def explain(result: ModalityResult, on: date) -> str:
    south = ", ".join(result.south_countries) or "—"
    day = date_format(on, "DATE_FORMAT")
    sentences = {
        Reason.TRIANGULAR: _("Triangular: South = %(south)s; facilitator = %(facilitators)s."),
        Reason.SOUTH_SOUTH_NO_FACILITATOR: _(
            "South-South: South = %(south)s; no North or international facilitator commits "
            "resources."
        ),
        Reason.SOUTH_SOUTH_FACILITATOR_COMMITS_NOTHING: _(
            "South-South: South = %(south)s; the facilitating partner commits nothing yet, so "
            "the project is not triangular."
        ),
        Reason.NORTH_SOUTH: _("North-South: every provider comes from a North country."),
        Reason.NO_BENEFICIARY: _("Other: the project has no beneficiary partner yet."),
        Reason.NO_PROVIDER: _("Other: the project has no pivotal (provider) partner yet."),
        Reason.NO_SOUTH_PROVIDER: _(
            "Other: no pivotal partner comes from a South country, so this is not South-South "
            "cooperation."
        ),
        Reason.ONE_SOUTH_COUNTRY: _(
            "Other: beneficiaries and providers come from one South country only (%(south)s); "
            "South-South cooperation needs two."
        ),
    }
    text = sentences[result.reason] % {
        "south": south,
        "facilitators": "; ".join(_facilitator_text(f) for f in result.facilitators),
    }
    return text + " " + _("Classifications as of %(day)s.") % {"day": day}


def project_modality(project, partners=None, south=None) -> ModalityAnswer:
    """The modality of `project` from its partners (pass them when already fetched)."""
    on = reference_date(project)
    if partners is None:
        partners = project.partners.select_related("organisation__country")
    result = modality_of(partner_facts(partners, on, south))
    return ModalityAnswer(result, on, explain(result, on))


def modality_answers(projects) -> dict[int, ModalityAnswer]:
    """Rule R1 for a page of projects (partners prefetched), each as of its own reference date,
    with ONE query for the classifications of every country involved."""
    projects = list(projects)
    country_ids = {
        p.organisation.country_id
        for project in projects
        for p in project.partners.all()
        if p.organisation.country_id
    }
    is_south = south_lookup(country_ids)
    answers = {}
    for project in projects:
        on = reference_date(project)
        south = {pk: is_south(pk, on) for pk in country_ids}
        answers[project.pk] = project_modality(project, list(project.partners.all()), south)
    return answers
