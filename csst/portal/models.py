"""Public content of the portal: static pages, news, key documents and contacts.

Translated fields (title, summary, …) get `_fr` and `_en` columns from django-modeltranslation
(see translation.py); history tables are registered there too, after the translated columns exist.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from csst.core.i18n import require_all_languages
from csst.core.models import TimeStampedModel

from .uploads import document_upload_to, extension_of, validate_document_file


class PageSlug(models.TextChoices):
    ABOUT = "about", _("What is SSTC?")
    ACTIONS = "actions", _("Our actions")
    WHO_WE_ARE = "who-we-are", _("Who we are")


class Page(TimeStampedModel):
    """A static page written by staff in Markdown (home, actions, who we are)."""

    slug = models.SlugField(_("page"), max_length=40, unique=True, choices=PageSlug.choices)
    title = models.CharField(_("title"), max_length=200)
    lead = models.TextField(_("lead paragraph"), blank=True)
    body = models.TextField(_("body (Markdown)"), blank=True)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("page")
        verbose_name_plural = _("pages")

    def __str__(self) -> str:
        return self.title

    def clean(self):
        # Pages are public as soon as they exist (R12).
        reason = require_all_languages(self, ["title", "body"])
        if reason:
            raise ValidationError(reason)


class NewsStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    PUBLISHED = "published", _("Published")
    ARCHIVED = "archived", _("Archived")


# Fields that must exist in every language before a news item is published (R12).
NEWS_TRANSLATED_FIELDS = ("title", "summary", "body")


class DatePrecision(models.TextChoices):
    """How much of a date the source gives: a news item of "May 2021" is not dated 1 May 2021."""

    DAY = "day", _("Day")
    MONTH = "month", _("Month")
    YEAR = "year", _("Year")


class NewsItem(TimeStampedModel):
    """*La CSST dans les médias*. Status changes only through services.change_news_status."""

    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(_("body (Markdown)"), blank=True)
    published_on = models.DateField(_("published on"), null=True, blank=True)
    published_on_precision = models.CharField(
        _("precision of the date"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
    )
    source_url = models.URLField(_("source link"), max_length=500, blank=True)
    is_demo = models.BooleanField(_("demo content"), default=False)
    status = models.CharField(
        _("status"), max_length=20, choices=NewsStatus.choices, default=NewsStatus.DRAFT
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = [F("published_on").desc(nulls_last=True), "-id"]
        indexes = [models.Index(fields=["status", "published_on"])]
        verbose_name = _("news item")
        verbose_name_plural = _("news items")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("portal:news_detail", args=[self.pk])


class DocumentLanguage(models.TextChoices):
    FR = "fr", _("French")
    EN = "en", _("English")
    ES = "es", _("Spanish")
    AR = "ar", _("Arabic")
    MULTILINGUAL = "multilingual", _("Multilingual")


class DocumentCategory(models.TextChoices):
    ABOUT = "about_sstc", _("About SSTC")
    CALL = "call_for_contributions", _("Call for contributions")
    REPORT = "report", _("Report")
    AGREEMENT = "agreement", _("Agreement")
    PRESENTATION = "presentation", _("Presentation")
    OTHER = "other", _("Other")


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public")
    PARTNERS = "partners", _("Partners (signed-in members)")
    INTERNAL = "internal", _("Internal (International Bureau)")


class Document(TimeStampedModel):
    """*Documents clés*: an uploaded file, an external link, or both; seen per its visibility."""

    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    document_date = models.DateField(_("date of the document"), null=True, blank=True)
    year = models.PositiveSmallIntegerField(_("year"))
    language = models.CharField(_("language"), max_length=20, choices=DocumentLanguage.choices)
    category = models.CharField(_("category"), max_length=30, choices=DocumentCategory.choices)
    visibility = models.CharField(
        _("visibility"), max_length=20, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    file = models.FileField(
        _("file"),
        upload_to=document_upload_to,
        blank=True,
        max_length=200,
        validators=[validate_document_file],
    )
    source_url = models.URLField(_("source link"), max_length=500, blank=True)
    is_demo = models.BooleanField(_("demo content"), default=False)

    class Meta:
        ordering = [F("document_date").desc(nulls_last=True), "-year", "-id"]
        indexes = [models.Index(fields=["visibility", "category", "year"])]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        constraints = [
            models.CheckConstraint(
                condition=~(Q(file="") & Q(source_url="")),
                name="document_has_file_or_link",
                violation_error_message=_("Give a file, a source link, or both."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self):
        errors = []
        if self.document_date and self.year and self.document_date.year != self.year:
            errors.append(_("The year must be the year of the document's date."))
        if self.visibility == Visibility.PUBLIC:
            reason = require_all_languages(self, ["title"])  # public content is bilingual (R12)
            if reason:
                errors.append(reason)
        if errors:
            raise ValidationError(errors)

    @property
    def download_name(self) -> str:
        """File name offered to the browser: the title in the current language."""
        return f"{slugify(self.title)[:80] or 'document'}{extension_of(self.file.name)}"


class Contact(TimeStampedModel):
    """*Qui nous sommes*: a service or person to contact (phone numbers separated by commas)."""

    role = models.CharField(_("role or title"), max_length=200)
    unit = models.CharField(_("unit"), max_length=200, blank=True)
    name = models.CharField(_("name"), max_length=200, blank=True)
    address = models.TextField(_("postal address"), blank=True)
    phone = models.CharField(_("telephone"), max_length=100, blank=True)
    fax = models.CharField(_("fax"), max_length=100, blank=True)
    email = models.EmailField(_("email"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")

    def __str__(self) -> str:
        return self.role

    def clean(self):
        reason = require_all_languages(self, ["role"])  # contacts are public (R12)
        if reason:
            raise ValidationError(reason)

    def phone_numbers(self) -> list[str]:
        return [number.strip() for number in self.phone.split(",") if number.strip()]
