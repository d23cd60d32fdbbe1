"""Reference layer: countries, regions, time-valid classifications and dated indicators.

North/South is never a column: it is the `north_south` classification scheme, with dated values and
sources, read through `csst.countries.classification` (rules R1 and R11).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from csst.core.models import TimeStampedModel


class Region(models.Model):
    """A UN M49 region, sub-region or intermediate region (hierarchical)."""

    class Level(models.TextChoices):
        REGION = "region", _("Region")
        SUBREGION = "subregion", _("Sub-region")
        INTERMEDIATE = "intermediate", _("Intermediate region")

    m49 = models.CharField(_("M49 code"), max_length=3, unique=True)
    name = models.CharField(_("name"), max_length=120)
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self) -> str:
        return self.name


class UpuGroup(models.TextChoices):
    """The five geographical groups of the UPU list of member countries."""

    AMERICAS = "I", _("I — Americas")
    EASTERN_EUROPE_NORTHERN_ASIA = "II", _("II — Eastern Europe and Northern Asia")
    WESTERN_EUROPE = "III", _("III — Western Europe")
    SOUTHERN_ASIA_OCEANIA = "IV", _("IV — Southern Asia and Oceania")
    AFRICA = "V", _("V — Africa")


class Country(models.Model):
    """A country or territory of the UN M49 list (names translated with modeltranslation)."""

    iso3 = models.CharField(_("ISO alpha-3"), max_length=3, unique=True)
    iso2 = models.CharField(_("ISO alpha-2"), max_length=2, unique=True)
    m49 = models.CharField(_("M49 code"), max_length=3, unique=True)
    name = models.CharField(_("name"), max_length=120)
    official_name = models.CharField(_("official name"), max_length=200, blank=True)
    # Names in the other languages the data has (es, ru, zh, ar…): {"es": "…"}.
    other_names = models.JSONField(_("names in other languages"), default=dict, blank=True)
    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    subregion = models.ForeignKey(
        Region,
        verbose_name=_("sub-region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    intermediate_region = models.ForeignKey(
        Region,
        verbose_name=_("intermediate region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # Languages spoken, as BCP 47 codes from the data ("fr", "en-FJ"…), used for peer similarity.
    languages = models.JSONField(_("languages"), default=list, blank=True)
    is_independent = models.BooleanField(_("independent"), default=True)
    upu_member = models.BooleanField(_("UPU member"), default=False)
    upu_group = models.CharField(
        _("UPU geographical group"), max_length=3, choices=UpuGroup.choices, blank=True
    )
    designated_operator = models.CharField(
        _("designated operator (2017 list)"), max_length=200, blank=True
    )
    # Accent- and case-free names in every language, for search that ignores diacritics.
    search_text = models.TextField(editable=False, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def __str__(self) -> str:
        return self.name


class Scheme(models.TextChoices):
    NORTH_SOUTH = "north_south", _("North / South")
    UN_LDC = "un_ldc", _("Least developed country (UN)")
    UN_LLDC = "un_lldc", _("Landlocked developing country (UN)")
    UN_SIDS = "un_sids", _("Small island developing State (UN)")
    WB_INCOME = "wb_income", _("World Bank income group")
    UPU_TD_GROUP = "upu_td_group", _("UPU terminal dues group")


class NorthSouth(models.TextChoices):
    """Values of the north_south scheme (socio-economic, not geographic)."""

    NORTH = "north", _("North (developed)")
    SOUTH = "south", _("South (developing)")


class ClassificationQuerySet(models.QuerySet):
    def valid_on(self, day):
        return self.filter(valid_from__lte=day).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=day)
        )


class CountryClassification(TimeStampedModel):
    """One dated value of a scheme for a country, with its source; officer overrides carry a reason.

    On a given date an override wins over the sourced value of the same scheme.
    """

    country = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="classifications")
    scheme = models.CharField(_("scheme"), max_length=20, choices=Scheme.choices)
    value = models.CharField(_("value"), max_length=40)
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=300)
    is_override = models.BooleanField(_("officer override"), default=False)
    reason = models.TextField(_("reason"), blank=True)
    # Why an officer ended an override early (set with valid_to by `services.end_override`).
    end_reason = models.TextField(_("reason for ending"), blank=True)

    objects = ClassificationQuerySet.as_manager()

    class Meta:
        ordering = ["country", "scheme", "-valid_from"]
        verbose_name = _("classification")
        verbose_name_plural = _("classifications")
        indexes = [models.Index(fields=["scheme", "value", "valid_from"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="classification_period_ordered",
            ),
            models.CheckConstraint(
                condition=Q(is_override=False) | ~Q(reason=""), name="override_needs_reason"
            ),
        ]

    def __str__(self) -> str:
        until = self.valid_to or "…"
        return f"{self.country} · {self.scheme} = {self.value} ({self.valid_from}–{until})"


class Indicator(models.Model):
    """Something measured per country: the 2IPD score and its pillars, or any imported indicator."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    scale_min = models.DecimalField(
        _("minimum"), max_digits=12, decimal_places=4, null=True, blank=True
    )
    scale_max = models.DecimalField(
        _("maximum"), max_digits=12, decimal_places=4, null=True, blank=True
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="components",
    )
    is_predefined = models.BooleanField(_("predefined"), default=False)

    class Meta:
        ordering = ["code"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return self.name


class IndicatorValue(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    country = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="indicator_values")
    date = models.DateField(_("date"))
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=4)
    source = models.CharField(_("source"), max_length=300)
    is_illustrative = models.BooleanField(
        _("illustrative"),
        default=False,
        help_text=_("Generated for the demo, not a real measurement."),
    )
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["indicator", "country", "-date"]
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "country", "date"], name="one_value_per_indicator_country_date"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.country.iso3} {self.date}: {self.value}"
