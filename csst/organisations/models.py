"""The organisation registry: who acts in SSTC (operators, regulators, donors, IOs, the Bureau…).

Names and descriptions are translated (modeltranslation: `name_fr`, `name_en`); the people acting
for an organisation are `csst.accounts.Membership` rows (a focal point = a role for a period).
"""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from csst.core.models import TimeStampedModel
from csst.core.text import fold


class OrganisationType(models.TextChoices):
    DESIGNATED_OPERATOR = "designated_operator", _("Designated operator")
    REGULATOR = "regulator", _("Regulator")
    MINISTRY = "ministry", _("Ministry")
    DONOR_AGENCY = "donor_agency", _("Donor agency")
    INTERNATIONAL_ORGANISATION = "international_organisation", _("International organisation")
    INTERNATIONAL_BUREAU = "international_bureau", _("UPU International Bureau")
    RESTRICTED_UNION = "restricted_union", _("Restricted union")
    TRAINING_CENTRE = "training_centre", _("Training centre")
    PRIVATE_SECTOR = "private_sector", _("Private sector")
    ACADEMIA_NGO = "academia_ngo", _("Academia / NGO")


# Organisations that belong to no country; every other type belongs to exactly one.
STATELESS_TYPES = frozenset(
    {
        OrganisationType.INTERNATIONAL_ORGANISATION,
        OrganisationType.INTERNATIONAL_BUREAU,
        OrganisationType.RESTRICTED_UNION,
    }
)

# IATI organisation identifiers are "<registration agency>-<identifier>", e.g. XM-DAC-41306 (UPU).
# Checked loosely: letters and digits in groups joined by hyphens.
validate_iati_identifier = RegexValidator(
    r"^[A-Za-z0-9]+(-[A-Za-z0-9]+)+$",
    _(
        "An IATI organisation identifier is letters and digits joined by hyphens, "
        "such as XM-DAC-41306."
    ),
)


def is_stateless(type_: str) -> bool:
    return type_ in STATELESS_TYPES


class Organisation(TimeStampedModel):
    name = models.CharField(_("name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    type = models.CharField(_("type"), max_length=40, choices=OrganisationType.choices)
    # None for international organisations, the International Bureau and restricted unions.
    country = models.ForeignKey(
        "countries.Country",
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organisations",
    )
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    iati_identifier = models.CharField(
        _("IATI organisation identifier"),
        max_length=100,
        blank=True,
        validators=[validate_iati_identifier],
        help_text=_("For example XM-DAC-41306 (the UPU)."),
    )
    # Accent- and case-free names in both languages and the acronym, for search (see `fold`).
    search_text = models.TextField(editable=False, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        # modeltranslation adds the same constraints on name_fr and name_en.
        constraints = [
            models.UniqueConstraint(
                fields=["name", "country"],
                name="unique_org_name_country",
                violation_error_message=_(
                    "An organisation with this name already exists in this country."
                ),
            ),
            # NULLs are distinct in a unique index: organisations without a country need their own.
            models.UniqueConstraint(
                fields=["name"],
                condition=Q(country__isnull=True),
                name="unique_org_name_without_country",
                violation_error_message=_(
                    "An organisation without a country already has this name."
                ),
            ),
            models.UniqueConstraint(
                fields=["iati_identifier"],
                condition=~Q(iati_identifier=""),
                name="unique_org_iati_identifier",
                violation_error_message=_("Another organisation already has this IATI identifier."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def clean(self) -> None:
        super().clean()
        if not self.type:
            return  # the field's own validation reports it
        if is_stateless(self.type) and self.country_id is not None:
            raise ValidationError(
                {
                    "country": _(
                        "An organisation of type “%(type)s” belongs to no country: "
                        "leave the country empty."
                    )
                    % {"type": self.get_type_display()}
                }
            )
        if not is_stateless(self.type) and self.country_id is None:
            raise ValidationError(
                {
                    "country": _("An organisation of type “%(type)s” needs a country.")
                    % {"type": self.get_type_display()}
                }
            )

    def save(self, *args, **kwargs):
        self.search_text = self.build_search_text()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "search_text" not in update_fields:
            kwargs["update_fields"] = {*update_fields, "search_text"}
        super().save(*args, **kwargs)

    def build_search_text(self) -> str:
        parts = [
            getattr(self, "name_fr", None),
            getattr(self, "name_en", None),
            self.acronym,
        ]
        return fold(" ".join(dict.fromkeys(p for p in parts if p)))
