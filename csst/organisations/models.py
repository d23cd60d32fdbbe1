from django.db import models
from django.utils.translation import gettext_lazy as _

from csst.core.models import TimeStampedModel


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


# Organisations that belong to no country.
STATELESS_TYPES = {
    OrganisationType.INTERNATIONAL_ORGANISATION,
    OrganisationType.INTERNATIONAL_BUREAU,
    OrganisationType.RESTRICTED_UNION,
}


class Organisation(TimeStampedModel):
    name = models.CharField(_("name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    type = models.CharField(_("type"), max_length=40, choices=OrganisationType.choices)
    # ISO 3166-1 alpha-3; empty for international organisations. Becomes a link to the country
    # registry when that exists.
    country_iso3 = models.CharField(_("country (ISO alpha-3)"), max_length=3, blank=True)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.UniqueConstraint(fields=["name", "country_iso3"], name="unique_org_name_country")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name
