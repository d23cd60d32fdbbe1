"""Every write of the countries app that a person makes. Each function is one transaction and
takes the acting user; the reference-data loader (`reference.load`) is the only other writer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from csst.core.errors import InvalidInput

from . import importing
from .classification import SCHEME_VALUES
from .models import Country, CountryClassification, Indicator, IndicatorValue, Scheme
from .permissions import require_classification_editor, require_indicator_importer

# ---------------------------------------------------------------------------------------------
# Classification overrides (history kept: rows are never deleted, and simple_history records
# every change with the acting user)
# ---------------------------------------------------------------------------------------------


def clean_override(scheme: str, value: str, valid_from, valid_to, reason: str) -> tuple:
    """Checked and normalised (scheme, value, reason); InvalidInput with a clear message."""
    if scheme not in Scheme.values:
        raise InvalidInput(_("Unknown classification scheme “%(scheme)s”.") % {"scheme": scheme})
    value = (value or "").strip()
    allowed = SCHEME_VALUES.get(scheme, {})
    if allowed and value not in allowed:
        raise InvalidInput(
            _("“%(value)s” is not a value of this scheme; expected one of: %(values)s.")
            % {"value": value, "values": ", ".join(allowed)}
        )
    if not value or len(value) > 40:
        raise InvalidInput(_("The value is required (at most 40 characters)."))
    if not isinstance(valid_from, date):
        raise InvalidInput(_("The start date is required."))
    if valid_to is not None and (not isinstance(valid_to, date) or valid_to < valid_from):
        raise InvalidInput(_("The end date cannot be before the start date."))
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput(_("A reason is required."))
    return scheme, value, reason


@transaction.atomic
def override_classification(
    actor,
    country: Country,
    scheme: str,
    value: str,
    valid_from: date,
    reason: str,
    valid_to: date | None = None,
) -> CountryClassification:
    """An officer's value for a scheme from `valid_from`; on those dates it wins over the
    sourced value (see classification.classification_on)."""
    require_classification_editor(actor)
    scheme, value, reason = clean_override(scheme, value, valid_from, valid_to, reason)
    override = CountryClassification(
        country=country,
        scheme=scheme,
        value=value,
        valid_from=valid_from,
        valid_to=valid_to,
        source=f"Officer override ({actor.get_username()}, UPU International Bureau)",
        is_override=True,
        reason=reason,
        created_by=actor,
    )
    override._history_user = actor
    override._change_reason = "override"
    override.save()
    return override


@transaction.atomic
def end_override(
    actor, override: CountryClassification, valid_to: date, reason: str
) -> CountryClassification:
    """Close an override on `valid_to` (its last day), with the reason why; the sourced value
    applies again from the next day."""
    require_classification_editor(actor)
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput(_("A reason is required."))
    override = CountryClassification.objects.select_for_update().get(pk=override.pk)
    if not override.is_override:
        raise InvalidInput(
            _("Only officer overrides can be ended; sourced values come from the reference data.")
        )
    if not isinstance(valid_to, date) or valid_to < override.valid_from:
        raise InvalidInput(_("The end date cannot be before the start date."))
    if override.valid_to is not None and valid_to > override.valid_to:
        raise InvalidInput(
            _("This override already ends on %(date)s.") % {"date": override.valid_to.isoformat()}
        )
    override.valid_to = valid_to
    override.end_reason = reason
    override._history_user = actor
    override._change_reason = "end_override"
    override.save(update_fields=["valid_to", "end_reason", "updated_at"])
    return override


# ---------------------------------------------------------------------------------------------
# Indicator values from a CSV file
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportResult:
    rows: int
    created: int
    updated: int
    unchanged: int
    indicators_created: tuple[str, ...]

    def __str__(self) -> str:
        text = _(
            "Rows: %(rows)d; created: %(created)d; updated: %(updated)d; unchanged: %(unchanged)d."
        )
        text %= {
            "rows": self.rows,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
        }
        if self.indicators_created:
            text += " " + _("New indicators: %(codes)s.") % {
                "codes": ", ".join(self.indicators_created)
            }
        return text


@transaction.atomic
def import_indicator_values(actor, file_like) -> ImportResult:
    """Insert or update (indicator, country, date) values from a CSV file (see `importing`).

    `actor` is None on the command line; a person must be a bureau officer or an administrator.
    A file with any problem changes nothing: ImportRejected lists every problem with its row
    and column.
    """
    if actor is not None:
        require_indicator_importer(actor)
    text = importing.read_text(file_like)
    indicators = {indicator.code: indicator for indicator in Indicator.objects.all()}
    countries: dict[str, int] = {}
    for pk, iso3, iso2 in Country.objects.values_list("pk", "iso3", "iso2"):
        countries[iso3.upper()] = pk
        countries[iso2.upper()] = pk
    parsed = importing.parse(text, indicators, countries)

    for new in parsed.new_indicators.values():
        indicators[new.code] = Indicator.objects.create(
            code=new.code,
            name_en=new.name_en,
            name_fr=new.name_fr,
            unit_en=new.unit,
            unit_fr=new.unit,
        )

    keys = {(row.indicator, row.country_id, row.date) for row in parsed.rows}
    stored = {
        (value.indicator.code, value.country_id, value.date): value
        for value in IndicatorValue.objects.filter(
            indicator__code__in={key[0] for key in keys},
            country_id__in={key[1] for key in keys},
            date__in={key[2] for key in keys},
        ).select_related("indicator")
    }
    to_create, to_update = [], []
    for row in parsed.rows:
        existing = stored.get((row.indicator, row.country_id, row.date))
        if existing is None:
            to_create.append(
                IndicatorValue(
                    indicator=indicators[row.indicator],
                    country_id=row.country_id,
                    date=row.date,
                    value=row.value,
                    source=row.source,
                    is_illustrative=row.is_illustrative,
                    imported_by=actor,
                )
            )
        elif (existing.value, existing.source, existing.is_illustrative) != (
            row.value,
            row.source,
            row.is_illustrative,
        ):
            existing.value = row.value
            existing.source = row.source
            existing.is_illustrative = row.is_illustrative
            existing.imported_by = actor
            to_update.append(existing)
    IndicatorValue.objects.bulk_create(to_create, batch_size=1000)
    IndicatorValue.objects.bulk_update(
        to_update, ["value", "source", "is_illustrative", "imported_by"], batch_size=1000
    )
    return ImportResult(
        rows=len(parsed.rows),
        created=len(to_create),
        updated=len(to_update),
        unchanged=len(parsed.rows) - len(to_create) - len(to_update),
        indicators_created=tuple(sorted(parsed.new_indicators)),
    )
