"""JSON API of the organisation registry: /api/v1/organisations.

Reads are public; writes are for bureau officers and administrators. Each organisation carries both
languages (`name_fr`, `name_en`) and `name` in the request's language. Focal points appear with
their names and roles only: the public API never gives e-mail addresses.
"""

from ninja import Field, Query, Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate
from ninja.responses import Status
from pydantic import field_validator

from csst.accounts.auth import public, signed_in
from csst.core.api import READ_ERRORS, WRITE_ERRORS, Input, Message

from . import selectors, services
from .models import OrganisationType

router = Router(tags=["organisations"])

# Public reads also answer 401 when a bad token is sent (csst.accounts.auth.optional_user).
PUBLIC_READ_ERRORS = {**READ_ERRORS, 401: Message}
ISO3 = r"^[A-Za-z]{3}$"
TEXT_MAX = 20_000


class OrganisationOut(Schema):
    id: int
    name: str
    name_fr: str
    name_en: str
    acronym: str
    type: OrganisationType
    type_label: str
    country: str | None = Field(
        None,
        description="ISO alpha-3 code; null for organisations without a country "
        "(international organisations, the Bureau, restricted unions)",
    )
    website: str
    iati_identifier: str

    @field_validator("name", "name_fr", "name_en", mode="before")
    @classmethod
    def empty_not_null(cls, value):
        return value or ""

    @staticmethod
    def resolve_type_label(obj) -> str:
        return str(obj.get_type_display())

    @staticmethod
    def resolve_country(obj) -> str | None:
        return obj.country.iso3 if obj.country_id else None


class FocalPointOut(Schema):
    name: str = Field(description="Full name (empty when not given)")
    role: str
    role_label: str

    @staticmethod
    def resolve_name(membership) -> str:
        return membership.user.get_full_name()

    @staticmethod
    def resolve_role_label(membership) -> str:
        return str(membership.get_role_display())


class OrganisationDetailOut(OrganisationOut):
    description: str
    description_fr: str
    description_en: str
    focal_points: list[FocalPointOut] = Field(description="Current focal points")

    @field_validator("description", "description_fr", "description_en", mode="before")
    @classmethod
    def empty_text_not_null(cls, value):
        return value or ""

    @staticmethod
    def resolve_focal_points(obj) -> list:
        return list(selectors.current_focal_points(obj))


class OrganisationPatch(Input):
    """Only the fields sent are changed; `country: null` removes the country."""

    # Not nullable: omit a field to leave it unchanged (null is refused, except for country).
    name_fr: str = Field(None, min_length=1, max_length=200)
    name_en: str = Field(None, min_length=1, max_length=200)
    acronym: str = Field(None, max_length=30)
    type: OrganisationType = None
    country: str | None = Field(None, pattern=ISO3, description="ISO alpha-3 code, or null")
    website: str = Field(None, max_length=200)
    description_fr: str = Field(None, max_length=TEXT_MAX)
    description_en: str = Field(None, max_length=TEXT_MAX)
    iati_identifier: str = Field(None, max_length=100)


class OrganisationIn(Input):
    name_fr: str = Field(min_length=1, max_length=200)
    name_en: str = Field(min_length=1, max_length=200)
    acronym: str = Field("", max_length=30)
    type: OrganisationType
    country: str | None = Field(
        None,
        pattern=ISO3,
        description="ISO alpha-3 code: required for national types, null for international "
        "organisations, the International Bureau and restricted unions",
    )
    website: str = Field("", max_length=200)
    description_fr: str = Field("", max_length=TEXT_MAX)
    description_en: str = Field("", max_length=TEXT_MAX)
    iati_identifier: str = Field("", max_length=100, description="e.g. XM-DAC-41306")


class OrganisationFilters(Schema):
    type: OrganisationType | None = None
    country: str | None = Field(None, pattern=ISO3, description="ISO alpha-3 code")
    q: str | None = Field(
        None, max_length=100, description="Words of the name (either language) or acronym"
    )


@router.get(
    "",
    response={200: list[OrganisationOut], **PUBLIC_READ_ERRORS},
    auth=public,
    summary="The organisation registry (filters: type, country, q)",
)
@paginate(LimitOffsetPagination)
def list_organisations(request, filters: Query[OrganisationFilters]):
    return selectors.organisations(**filters.dict())


@router.get(
    "/{int:organisation_id}",
    response={200: OrganisationDetailOut, **PUBLIC_READ_ERRORS},
    auth=public,
    summary="One organisation with its current focal points (names and roles)",
)
def get_organisation(request, organisation_id: int):
    return selectors.organisation(organisation_id)


@router.post(
    "",
    response={201: OrganisationDetailOut, **WRITE_ERRORS},
    auth=signed_in,
    summary="Add an organisation (bureau officers and administrators)",
)
def create_organisation(request, payload: OrganisationIn):
    organisation = services.create_organisation(request.auth, payload.dict())
    return Status(201, organisation)


@router.patch(
    "/{int:organisation_id}",
    response={200: OrganisationDetailOut, **WRITE_ERRORS},
    auth=signed_in,
    summary="Change an organisation (bureau officers and administrators)",
)
def update_organisation(request, organisation_id: int, payload: OrganisationPatch):
    organisation = selectors.organisation(organisation_id)
    return services.update_organisation(
        request.auth, organisation, payload.dict(exclude_unset=True)
    )
