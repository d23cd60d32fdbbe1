"""Rule R1: the modality of a project, derived from its partners — never typed in.

Pure: the caller gives each partner's role, country, South status on the reference date (the
approval date, or today while not approved) and what it commits; this module imports no Django.

- triangular  ⇔ beneficiary and pivotal partners come from ≥ 2 distinct South countries, and ≥ 1
  facilitating partner — an organisation of a North country or an international organisation (no
  country) — commits resources (> 0);
- south-south ⇔ ≥ 2 distinct South countries and no such facilitator.
  Both need a pivotal partner from a South country: the pivotal role is by definition the Southern
  provider, so two South beneficiaries taught by a North operator are not South-South cooperation;
- north-south ⇔ every pivotal partner (provider) comes from a North country;
- other       ⇔ anything else.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum


class Role(StrEnum):
    BENEFICIARY = "beneficiary"
    PIVOTAL = "pivotal"
    FACILITATING = "facilitating"


class Modality(StrEnum):
    TRIANGULAR = "triangular"
    SOUTH_SOUTH = "south-south"
    NORTH_SOUTH = "north-south"
    OTHER = "other"


class Reason(StrEnum):
    """Why the rule gave its answer (the pages and API turn it into a sentence)."""

    TRIANGULAR = "triangular"
    SOUTH_SOUTH_NO_FACILITATOR = "south_south_no_facilitator"
    SOUTH_SOUTH_FACILITATOR_COMMITS_NOTHING = "south_south_facilitator_commits_nothing"
    NORTH_SOUTH = "north_south"
    NO_BENEFICIARY = "no_beneficiary"
    NO_PROVIDER = "no_provider"
    NO_SOUTH_PROVIDER = "no_south_provider"
    ONE_SOUTH_COUNTRY = "one_south_country"


@dataclass(frozen=True)
class PartnerFacts:
    name: str
    role: Role
    country: str | None  # ISO alpha-3; None for an international organisation
    is_south: bool | None  # on the reference date; None without a country or a classification
    committed: Decimal = Decimal(0)  # cash + in-kind, any currency: only "more than zero" matters
    currency: str = ""


@dataclass(frozen=True)
class ModalityResult:
    modality: Modality
    reason: Reason
    south_countries: tuple[str, ...]  # distinct, of beneficiary and pivotal partners, sorted
    facilitators: tuple[PartnerFacts, ...]  # those that count: North or international, committing


def _is_facilitator(partner: PartnerFacts) -> bool:
    """A North organisation or an international organisation that commits resources."""
    north_or_international = partner.country is None or partner.is_south is False
    return partner.role == Role.FACILITATING and north_or_international and partner.committed > 0


def _south_countries(partners: list[PartnerFacts]) -> tuple[str, ...]:
    countries = {
        p.country
        for p in partners
        if p.role in (Role.BENEFICIARY, Role.PIVOTAL) and p.country and p.is_south
    }
    return tuple(sorted(countries))


def _non_committing_facilitator(partners: list[PartnerFacts]) -> bool:
    return any(
        p.role == Role.FACILITATING
        and (p.country is None or p.is_south is False)
        and p.committed <= 0
        for p in partners
    )


def modality_of(partners: Iterable[PartnerFacts]) -> ModalityResult:
    partners = list(partners)
    south = _south_countries(partners)
    facilitators = tuple(p for p in partners if _is_facilitator(p))
    providers = [p for p in partners if p.role == Role.PIVOTAL]

    def result(modality: Modality, reason: Reason) -> ModalityResult:
        return ModalityResult(modality, reason, south, facilitators)

    if not any(p.role == Role.BENEFICIARY for p in partners):
        return result(Modality.OTHER, Reason.NO_BENEFICIARY)
    if not providers:
        return result(Modality.OTHER, Reason.NO_PROVIDER)
    if all(p.is_south is False for p in providers):
        return result(Modality.NORTH_SOUTH, Reason.NORTH_SOUTH)
    if not any(p.is_south for p in providers):
        return result(Modality.OTHER, Reason.NO_SOUTH_PROVIDER)
    if len(south) < 2:
        return result(Modality.OTHER, Reason.ONE_SOUTH_COUNTRY)
    if facilitators:
        return result(Modality.TRIANGULAR, Reason.TRIANGULAR)
    if _non_committing_facilitator(partners):
        return result(Modality.SOUTH_SOUTH, Reason.SOUTH_SOUTH_FACILITATOR_COMMITS_NOTHING)
    return result(Modality.SOUTH_SOUTH, Reason.SOUTH_SOUTH_NO_FACILITATOR)
