"""Triangular projects: partners in SSTC roles, endorsements, activities with participants and
equipment, and the results framework.

The modality (rule R1) is computed by csst.projects.modality from the partners and stored only as a
cache for filtering, rewritten by the services whenever partners change. Statuses change only
through the project lifecycle (workflow.py).
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from csst.core.models import TimeStampedModel
from csst.knowledge.models import Modality as ActivityType
from csst.knowledge.models import SearchableModel

from .modality import Modality, Role

MONEY = {"max_digits": 18, "decimal_places": 2}


class ProjectStatus(models.TextChoices):
    IDENTIFIED = "identified", _("Identified")
    FORMULATION = "formulation", _("Formulation")
    PENDING_ENDORSEMENT = "pending_endorsement", _("Pending endorsement")
    APPROVED = "approved", _("Approved")
    IN_IMPLEMENTATION = "in_implementation", _("In implementation")
    OPERATIONALLY_CLOSED = "operationally_closed", _("Operationally closed")
    EVALUATED = "evaluated", _("Evaluated")
    FINANCIALLY_CLOSED = "financially_closed", _("Financially closed")
    CANCELLED = "cancelled", _("Cancelled")


class Project(SearchableModel):
    code = models.CharField(_("code"), max_length=30, unique=True)
    title = models.CharField(_("title"), max_length=250)
    summary = models.TextField(_("summary"), blank=True)
    themes = models.ManyToManyField(
        "knowledge.Theme", verbose_name=_("themes"), blank=True, related_name="projects"
    )
    sdg_targets = models.ManyToManyField(
        "knowledge.SdgTarget", verbose_name=_("SDG targets"), blank=True, related_name="projects"
    )
    # Rule R4: a project traces to at least one endorsed need.
    origin_needs = models.ManyToManyField(
        "knowledge.Need", verbose_name=_("origin needs"), blank=True, related_name="projects"
    )
    # What the project taught (≥ 1 to close it); a lesson can seed a solution (knowledge loop).
    lessons_learned = models.ManyToManyField(
        "knowledge.LessonLearned",
        verbose_name=_("lessons learned"),
        blank=True,
        related_name="projects",
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    budget = models.DecimalField(_("budget"), **MONEY, null=True, blank=True)
    budget_currency = models.CharField(_("currency"), max_length=3, default="CHF")
    responsible_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible officer"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=30, choices=ProjectStatus.choices, default=ProjectStatus.IDENTIFIED
    )
    # Cache of rule R1 (csst.projects.modality), rewritten by the services; never edited.
    modality = models.CharField(
        _("modality"), max_length=20, choices=[(m.value, m.value) for m in Modality], default=""
    )
    approved_on = models.DateField(_("approved on"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # Who sent it for endorsement and approval: approval needs someone else (four eyes, R10).
    approval_requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approval requested by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # What the beneficiaries endorsed (scope, beneficiaries, budget), to see when it changed (R2).
    endorsed_scope = models.JSONField(_("endorsed scope"), default=dict, blank=True)
    cancel_reason = models.TextField(_("reason for cancellation"), blank=True)
    final_report = models.TextField(_("final report"), blank=True)
    is_demo = models.BooleanField(_("demo content"), default=False)

    class Meta:
        ordering = ["-updated_at", "-id"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        indexes = [
            models.Index(fields=["status", "modality"]),
            models.Index(fields=["-updated_at", "-id"], name="project_recent_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.code} — {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("projects:detail", args=[self.pk])

    def searchable_parts(self) -> list:
        return [
            self.code,
            *(
                getattr(self, f"{name}_{lang}", "")
                for name in ("title", "summary")
                for lang, _name in settings.LANGUAGES
            ),
        ]


class ProjectPartner(TimeStampedModel):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="partners")
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="project_partnerships",
    )
    role = models.CharField(
        _("role"),
        max_length=20,
        choices=[
            (Role.BENEFICIARY.value, _("Beneficiary")),
            (Role.PIVOTAL.value, _("Pivotal (Southern provider)")),
            (Role.FACILITATING.value, _("Facilitating (funder or connector)")),
        ],
    )
    committed_cash = models.DecimalField(_("committed cash"), **MONEY, default=0)
    committed_in_kind = models.DecimalField(_("committed in kind"), **MONEY, default=0)
    currency = models.CharField(_("currency"), max_length=3, default="CHF")
    contribution_note = models.CharField(_("what is committed"), max_length=300, blank=True)

    class Meta:
        ordering = ["project", "role", "id"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "organisation", "role"], name="unique_partner_role"
            ),
            models.CheckConstraint(
                condition=Q(committed_cash__gte=0) & Q(committed_in_kind__gte=0),
                name="partner_commitments_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.role})"


class Decision(models.TextChoices):
    # Context: the same English words label needs (feminine in French) and other records.
    ENDORSED = "endorsed", pgettext_lazy("project endorsement", "Endorsed")
    DECLINED = "declined", pgettext_lazy("project endorsement", "Declined")
    ACCEPTED = "accepted", _("Results accepted")


class Endorsement(models.Model):
    """A beneficiary's word on a project, by a person acting for it (R2): endorsement of the
    project, or acceptance of its results at closure. Superseded when the scope changes."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="endorsements")
    organisation = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("organisation"), on_delete=models.PROTECT
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.PROTECT, related_name="+"
    )
    decision = models.CharField(_("decision"), max_length=20, choices=Decision.choices)
    comment = models.TextField(_("comment"), blank=True)
    at = models.DateTimeField(_("at"), auto_now_add=True)
    superseded = models.BooleanField(_("superseded by a change of the project"), default=False)

    class Meta:
        ordering = ["project", "at", "id"]
        verbose_name = _("endorsement")
        verbose_name_plural = _("endorsements")

    def __str__(self) -> str:
        return f"{self.organisation}: {self.decision}"


class ActivityStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", pgettext_lazy("activity", "Cancelled")


class Activity(TimeStampedModel):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="activities")
    type = models.CharField(_("type"), max_length=30, choices=ActivityType.choices)
    title = models.CharField(_("title"), max_length=250)
    description = models.TextField(_("description"), blank=True)
    host = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("host organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="hosted_activities",
    )
    online = models.BooleanField(_("online"), default=False)
    place = models.CharField(_("place"), max_length=200, blank=True)
    country = models.ForeignKey(
        "countries.Country",
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    cost = models.DecimalField(_("cost"), **MONEY, null=True, blank=True)
    cost_currency = models.CharField(_("currency"), max_length=3, default="CHF")
    status = models.CharField(
        _("status"), max_length=20, choices=ActivityStatus.choices, default=ActivityStatus.PLANNED
    )

    class Meta:
        ordering = ["project", "start_date", "id"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="activity_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.title


class Gender(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    OTHER = "other", _("Other")
    UNDISCLOSED = "undisclosed", _("Not disclosed")


class ParticipantRole(models.TextChoices):
    TRAINEE = "trainee", _("Trainee")
    EXPERT = "expert", _("Expert")
    TRAINER = "trainer", _("Trainer")
    ORGANISER = "organiser", _("Organiser")
    OBSERVER = "observer", _("Observer")


class Participant(models.Model):
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="participants")
    name = models.CharField(_("name"), max_length=200, blank=True)
    country = models.ForeignKey(
        "countries.Country", verbose_name=_("country"), on_delete=models.PROTECT, related_name="+"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    gender = models.CharField(_("gender"), max_length=20, choices=Gender.choices)
    role = models.CharField(_("role"), max_length=20, choices=ParticipantRole.choices)
    attended = models.BooleanField(_("attended"), default=True)
    satisfaction = models.PositiveSmallIntegerField(
        _("satisfaction (1–5)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )

    class Meta:
        ordering = ["activity", "id"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")

    def __str__(self) -> str:
        return self.name or f"{self.get_role_display()} ({self.country_id})"


class Condition(models.TextChoices):
    NEW = "new", _("New")
    REFURBISHED = "refurbished", _("Refurbished")


class EquipmentItem(models.Model):
    """E.g. 200 refurbished ("green") computers from Korea Post for a Pacific operator."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="equipment")
    description = models.CharField(_("what"), max_length=250)
    quantity = models.PositiveIntegerField(_("quantity"), validators=[MinValueValidator(1)])
    condition = models.CharField(_("condition"), max_length=20, choices=Condition.choices)
    unit_value = models.DecimalField(_("value per unit"), **MONEY, null=True, blank=True)
    currency = models.CharField(_("currency"), max_length=3, default="CHF")
    donor = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("donor"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    recipient = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("recipient"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    handover_date = models.DateField(_("handover date"), null=True, blank=True)

    class Meta:
        ordering = ["activity", "id"]
        verbose_name = _("equipment item")
        verbose_name_plural = _("equipment items")

    def __str__(self) -> str:
        return f"{self.quantity} × {self.description}"


class ResultLevel(models.TextChoices):
    OUTPUT = "output", _("Output")
    OUTCOME = "outcome", _("Outcome")
    IMPACT = "impact", _("Impact")


class ResultIndicator(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="indicators")
    level = models.CharField(_("level"), max_length=10, choices=ResultLevel.choices)
    name = models.CharField(_("indicator"), max_length=250)
    unit = models.CharField(_("unit"), max_length=40)
    baseline = models.DecimalField(_("baseline"), max_digits=18, decimal_places=4)
    target = models.DecimalField(_("target"), max_digits=18, decimal_places=4)
    country_indicator = models.ForeignKey(
        "countries.Indicator",
        verbose_name=_("country indicator (e.g. 2IPD pillar)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    sdg_indicator = models.ForeignKey(
        "knowledge.SdgIndicator",
        verbose_name=_("SDG indicator"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # When no final value can be given at closure, why (closure needs one or the other).
    final_value_justification = models.TextField(_("why there is no final value"), blank=True)

    class Meta:
        ordering = ["project", "level", "id"]
        verbose_name = _("result indicator")
        verbose_name_plural = _("result indicators")

    def __str__(self) -> str:
        return self.name


class ResultValue(models.Model):
    """The actual value of an indicator for a period; `is_final` marks the closing value."""

    indicator = models.ForeignKey(ResultIndicator, on_delete=models.CASCADE, related_name="values")
    period_end = models.DateField(_("end of period"))
    actual = models.DecimalField(_("actual"), max_digits=18, decimal_places=4)
    is_final = models.BooleanField(_("final value"), default=False)
    note = models.CharField(_("note"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["indicator", "period_end", "id"]
        verbose_name = _("result value")
        verbose_name_plural = _("result values")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period_end"], name="one_value_per_period"
            ),
            models.UniqueConstraint(
                fields=["indicator"], condition=Q(is_final=True), name="one_final_value"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.actual} ({self.period_end})"
