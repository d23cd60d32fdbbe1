"""Every write of the organisation registry: one transaction per call, taking the acting user."""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from csst.core.errors import DomainError, InvalidInput, check_fields
from csst.countries.models import Country

from .models import Organisation
from .permissions import require_manager

ORGANISATION_FIELDS = frozenset(
    {
        "name_fr",
        "name_en",
        "acronym",
        "type",
        "country",
        "website",
        "description_fr",
        "description_en",
        "iati_identifier",
    }
)


def _country(value) -> Country | None:
    """A Country, from itself or its ISO alpha-3 code; None (or "") means no country."""
    if value is None or isinstance(value, Country):
        return value
    code = str(value).strip().upper()
    if not code:
        return None
    country = Country.objects.filter(iso3=code).first()
    if country is None:
        raise InvalidInput(
            _("Unknown country “%(code)s”: give an ISO alpha-3 code such as NPL.")
            % {"code": str(value).strip()[:10]}
        )
    return country


def _prepared(data: dict) -> dict:
    """Trimmed values, empty text instead of None, and the country resolved from its code."""
    values = {}
    for name, value in data.items():
        if name == "country":
            values["country"] = _country(value)
        else:
            values[name] = (value or "").strip() if isinstance(value, str | None) else value
    return values


def _refusal(exc: ValidationError) -> InvalidInput:
    """Model validation as one message naming the fields (as the API names them)."""
    if not hasattr(exc, "error_dict"):
        return InvalidInput(" ".join(exc.messages))
    parts = []
    for field, errors in exc.message_dict.items():
        for message in errors:
            parts.append(message if field == NON_FIELD_ERRORS else f"{field}: {message}")
    return InvalidInput(" ".join(parts))


def _save(organisation: Organisation, actor) -> Organisation:
    try:
        organisation.full_clean()
    except ValidationError as exc:
        raise _refusal(exc) from exc
    organisation._history_user = actor  # simple_history: who made this version
    try:
        with transaction.atomic():  # a savepoint, so a lost race leaves the transaction usable
            organisation.save()
    except IntegrityError as exc:
        # Validation passed but a concurrent request saved the same name or identifier first.
        raise DomainError(
            _(
                "Another organisation with this name in this country, or with this IATI "
                "identifier, was saved meanwhile."
            )
        ) from exc
    return organisation


@transaction.atomic
def create_organisation(actor, data: dict) -> Organisation:
    """A new organisation; a country is required for national types, refused for the others."""
    require_manager(actor)
    check_fields(data, ORGANISATION_FIELDS)
    organisation = Organisation(**_prepared(data), created_by=actor)
    return _save(organisation, actor)


@transaction.atomic
def update_organisation(actor, organisation: Organisation, data: dict) -> Organisation:
    """Change some fields; the result is validated as a whole (e.g. type and country together)."""
    require_manager(actor)
    check_fields(data, ORGANISATION_FIELDS)
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    for name, value in _prepared(data).items():
        setattr(organisation, name, value)
    return _save(organisation, actor)
