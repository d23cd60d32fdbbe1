"""Knowledge exchange: shared vocabularies (themes, SDGs) and needs expressed by the countries.

Self-assessments, solutions and lessons learned join this app in the following steps of the issue.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from csst.core.models import TimeStampedModel


class Theme(models.Model):
    """A postal development area (hierarchical: a theme may refine a broader one)."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("broader theme"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self) -> str:
        return self.name


class SdgGoal(models.Model):
    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    title = models.TextField(_("title"))
    short_title = models.CharField(_("short title"), max_length=120, blank=True)

    class Meta:
        ordering = ["number"]
        verbose_name = _("SDG goal")
        verbose_name_plural = _("SDG goals")

    def __str__(self) -> str:
        return f"{self.number}. {self.short_title or self.title}"


class SdgTarget(models.Model):
    """An official SDG target, e.g. "9.c" (code as the UN writes it)."""

    goal = models.ForeignKey(SdgGoal, on_delete=models.CASCADE, related_name="targets")
    code = models.CharField(_("code"), max_length=8, unique=True)
    title = models.TextField(_("title"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["goal__number", "order"]
        verbose_name = _("SDG target")
        verbose_name_plural = _("SDG targets")

    def __str__(self) -> str:
        return self.code


class SdgIndicator(models.Model):
    target = models.ForeignKey(SdgTarget, on_delete=models.CASCADE, related_name="indicators")
    code = models.CharField(_("code"), max_length=12, unique=True)
    title = models.TextField(_("title"))
    unsd_code = models.CharField(_("UNSD code"), max_length=12, blank=True)

    class Meta:
        ordering = ["target__goal__number", "target__order", "code"]
        verbose_name = _("SDG indicator")
        verbose_name_plural = _("SDG indicators")

    def __str__(self) -> str:
        return self.code


class Modality(models.TextChoices):
    """Forms that help can take (also the activity types of projects)."""

    TRAINING_COURSE = "training_course", _("Training course")
    WORKSHOP = "workshop", _("Workshop")
    EXPERT_MISSION = "expert_mission", _("Expert mission")
    STUDY_VISIT = "study_visit", _("Study visit")
    SECONDMENT = "secondment", _("Secondment")
    EQUIPMENT_DONATION = "equipment_donation", _("Equipment donation")
    E_LEARNING = "e_learning", _("E-learning")


class Urgency(models.TextChoices):
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")


class NeedStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    ENDORSED = "endorsed", _("Endorsed")
    RETURNED = "returned", _("Returned")
    OPEN = "open", _("Open")
    MATCHED = "matched", _("Matched")
    CONVERTED = "converted", _("Converted into a project")
    CLOSED_UNMET = "closed_unmet", _("Closed, unmet")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Need(TimeStampedModel):
    """A request for assistance (*demande d'assistance*), owned by the requesting organisation.

    Written in the requester's own words, in one language (`language`); status changes only
    through services.change_need_status (rules R2, R3).
    """

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("requesting organisation"),
        on_delete=models.PROTECT,
        related_name="needs",
    )
    # The requester's country, kept with the need so lists filter without joins and history holds.
    country = models.ForeignKey(
        "countries.Country",
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        related_name="needs",
    )
    title = models.CharField(_("title"), max_length=200)
    language = models.CharField(
        _("language of the text"), max_length=8, choices=settings.LANGUAGES, default="fr"
    )
    problem = models.TextField(_("problem statement"))
    expected_results = models.TextField(_("expected results"), blank=True)
    national_priority_reference = models.CharField(
        _("national priority reference"),
        max_length=300,
        blank=True,
        help_text=_("The national postal strategy or plan, and the priority this need serves."),
    )
    themes = models.ManyToManyField(
        Theme, verbose_name=_("themes"), blank=True, related_name="needs"
    )
    sdg_targets = models.ManyToManyField(
        SdgTarget, verbose_name=_("SDG targets"), blank=True, related_name="needs"
    )
    preferred_modalities = models.JSONField(_("preferred modalities"), default=list, blank=True)
    languages = models.JSONField(_("working languages"), default=list, blank=True)
    urgency = models.CharField(
        _("urgency"), max_length=10, choices=Urgency.choices, default=Urgency.MEDIUM
    )
    # Confidential: seen by the requesting organisation and the International Bureau only.
    internal_notes = models.TextField(_("internal notes (confidential)"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=NeedStatus.choices, default=NeedStatus.DRAFT
    )
    screening_comment = models.TextField(_("screening comment"), blank=True)
    is_demo = models.BooleanField(_("demo content"), default=False)

    class Meta:
        ordering = ["-updated_at", "-id"]
        verbose_name = _("need")
        verbose_name_plural = _("needs")
        indexes = [models.Index(fields=["status", "country"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("knowledge:need_detail", args=[self.pk])
