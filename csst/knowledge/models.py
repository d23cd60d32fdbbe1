"""Knowledge exchange: shared vocabularies (themes, SDGs), self-assessments, needs expressed by the
countries, solutions offered by Southern organisations and lessons learned.

Statuses change only through each part's services (needs/, assessments/, solutions/).
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from csst.core.models import TimeStampedModel
from csst.core.text import fold
from csst.portal.uploads import validate_document_file


def _folded(*parts) -> str:
    """Accent- and case-free text of the given parts, for search (see csst.knowledge.search)."""
    return fold(" ".join(str(part) for part in parts if part))


class SearchableModel(TimeStampedModel):
    """A record whose `search_text` is rebuilt from `searchable_parts()` on every save."""

    search_text = models.TextField(editable=False, blank=True)

    class Meta:
        abstract = True

    def searchable_parts(self) -> list:
        raise NotImplementedError

    def save(self, *args, **kwargs):
        self.search_text = _folded(*self.searchable_parts())
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "search_text" not in update_fields:
            kwargs["update_fields"] = {*update_fields, "search_text"}
        super().save(*args, **kwargs)


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


class Need(SearchableModel):
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
    # The diagnosis this need comes from (drafted from one of its gaps), if any.
    self_assessment = models.ForeignKey(
        "SelfAssessment",
        verbose_name=_("linked self-assessment"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="needs",
    )
    focus_area = models.ForeignKey(
        "FocusArea",
        verbose_name=_("focus area of the gap"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="needs",
    )
    is_demo = models.BooleanField(_("demo content"), default=False)

    class Meta:
        ordering = ["-updated_at", "-id"]
        verbose_name = _("need")
        verbose_name_plural = _("needs")
        indexes = [
            models.Index(fields=["status", "country"]),
            # The default order of lists: without it every page sorts the whole table.
            models.Index(fields=["-updated_at", "-id"], name="need_recent_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("knowledge:need_detail", args=[self.pk])

    def searchable_parts(self) -> list:
        # The private notes are never indexed: search must not reveal them.
        return [
            self.title,
            self.problem,
            self.expected_results,
            self.national_priority_reference,
            *_organisation_and_country_names(self.organisation_id, self.country_id),
        ]


def _organisation_and_country_names(organisation_id, country_id) -> list[str]:
    """Their folded names in every language, so that "Nepal" and "Népal" both find Nepal Post."""
    from csst.countries.models import Country
    from csst.organisations.models import Organisation

    return [
        model.objects.filter(pk=pk).values_list("search_text", flat=True).first()
        for model, pk in ((Organisation, organisation_id), (Country, country_id))
        if pk
    ]


# --- Self-assessments -------------------------------------------------------------------------

MATURITY_MIN, MATURITY_MAX = 0, 4


class AssessmentFramework(models.Model):
    """A configurable diagnosis: focus areas → items, each answered on the 0–4 maturity scale."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    version = models.CharField(_("version"), max_length=20, default="1")
    # An area whose weighted maturity is below this level is a gap.
    target_level = models.PositiveSmallIntegerField(
        _("target maturity level"),
        default=3,
        validators=[MinValueValidator(MATURITY_MIN), MaxValueValidator(MATURITY_MAX)],
    )
    is_active = models.BooleanField(_("open to new assessments"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("assessment framework")
        verbose_name_plural = _("assessment frameworks")

    def __str__(self) -> str:
        return self.name


class MaturityLabel(models.Model):
    """The meaning of one level of a framework's 0–4 scale (0 absent … 4 optimised)."""

    framework = models.ForeignKey(
        AssessmentFramework, on_delete=models.CASCADE, related_name="maturity_labels"
    )
    level = models.PositiveSmallIntegerField(
        _("level"), validators=[MinValueValidator(MATURITY_MIN), MaxValueValidator(MATURITY_MAX)]
    )
    label = models.CharField(_("label"), max_length=80)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["framework", "level"]
        verbose_name = _("maturity level")
        verbose_name_plural = _("maturity levels")
        constraints = [
            models.UniqueConstraint(fields=["framework", "level"], name="unique_framework_level")
        ]

    def __str__(self) -> str:
        return f"{self.level} · {self.label}"


class FocusArea(models.Model):
    framework = models.ForeignKey(
        AssessmentFramework, on_delete=models.CASCADE, related_name="focus_areas"
    )
    code = models.SlugField(_("code"), max_length=60)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    weight = models.DecimalField(_("weight"), max_digits=5, decimal_places=2, default=1)
    # The theme a need drafted from a gap in this area starts with.
    theme = models.ForeignKey(
        Theme, verbose_name=_("theme"), null=True, blank=True, on_delete=models.SET_NULL
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["framework", "order", "code"]
        verbose_name = _("focus area")
        verbose_name_plural = _("focus areas")
        constraints = [
            models.UniqueConstraint(fields=["framework", "code"], name="unique_area_code")
        ]

    def __str__(self) -> str:
        return self.name


class AssessmentItem(models.Model):
    focus_area = models.ForeignKey(FocusArea, on_delete=models.CASCADE, related_name="items")
    code = models.SlugField(_("code"), max_length=60)
    statement = models.TextField(_("statement"))
    guidance = models.TextField(_("guidance"), blank=True)
    weight = models.DecimalField(_("weight"), max_digits=5, decimal_places=2, default=1)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["focus_area__order", "order", "code"]
        verbose_name = _("assessment item")
        verbose_name_plural = _("assessment items")
        constraints = [
            models.UniqueConstraint(fields=["focus_area", "code"], name="unique_item_code")
        ]

    def __str__(self) -> str:
        return self.code


class AssessmentStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")


class SelfAssessment(TimeStampedModel):
    """An organisation's diagnosis against a framework: saved as a draft, then submitted."""

    framework = models.ForeignKey(
        AssessmentFramework,
        verbose_name=_("framework"),
        on_delete=models.PROTECT,
        related_name="assessments",
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="self_assessments",
    )
    country = models.ForeignKey(
        "countries.Country",
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        related_name="self_assessments",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=AssessmentStatus.choices, default=AssessmentStatus.DRAFT
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo content"), default=False)

    class Meta:
        ordering = ["-updated_at", "-id"]
        verbose_name = _("self-assessment")
        verbose_name_plural = _("self-assessments")
        indexes = [models.Index(fields=["organisation", "status"])]

    def __str__(self) -> str:
        return f"{self.framework} — {self.organisation}"

    def get_absolute_url(self) -> str:
        return reverse("knowledge:assessment_detail", args=[self.pk])


class Answer(models.Model):
    assessment = models.ForeignKey(SelfAssessment, on_delete=models.CASCADE, related_name="answers")
    item = models.ForeignKey(AssessmentItem, on_delete=models.PROTECT, related_name="+")
    level = models.PositiveSmallIntegerField(
        _("maturity level"),
        null=True,
        blank=True,
        validators=[MinValueValidator(MATURITY_MIN), MaxValueValidator(MATURITY_MAX)],
    )
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["assessment", "item__focus_area__order", "item__order"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["assessment", "item"], name="unique_answer"),
            models.CheckConstraint(
                condition=models.Q(level__isnull=True)
                | models.Q(level__gte=MATURITY_MIN, level__lte=MATURITY_MAX),
                name="answer_level_on_scale",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.item} = {self.level}"


# --- Solutions and lessons learned --------------------------------------------------------------


class TechnologyLevel(models.TextChoices):
    """How demanding a solution is to adopt (appropriate technology)."""

    LOW = "low", _("Low: manual or basic tools")
    MEDIUM = "medium", _("Medium: standard IT and equipment")
    HIGH = "high", _("High: specialised systems or integration")


class SolutionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Awaiting validation")
    VALIDATED = "validated", _("Validated")
    ARCHIVED = "archived", _("Archived")


class Solution(SearchableModel):
    """A good practice (*bonne pratique*) that a Southern organisation has proven and offers.

    Public once validated by a bureau officer, in French and English (R10, R12); flagged stale when
    its last review is older than 24 months (see solutions/selectors.py).
    """

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("provider organisation"),
        on_delete=models.PROTECT,
        related_name="solutions",
    )
    country = models.ForeignKey(
        "countries.Country",
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        related_name="solutions",
    )
    title = models.CharField(_("title"), max_length=200)
    problem_solved = models.TextField(_("problem solved"))
    approach = models.TextField(_("approach"))
    results = models.TextField(_("results achieved"), blank=True)
    transfer_conditions = models.TextField(_("conditions of transfer"), blank=True)
    technology_level = models.CharField(
        _("technology level"),
        max_length=10,
        choices=TechnologyLevel.choices,
        default=TechnologyLevel.MEDIUM,
    )
    indicative_cost = models.DecimalField(
        _("indicative cost"), max_digits=18, decimal_places=2, null=True, blank=True
    )
    cost_currency = models.CharField(_("currency"), max_length=3, blank=True)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    modalities = models.JSONField(_("forms of transfer"), default=list, blank=True)
    themes = models.ManyToManyField(
        Theme, verbose_name=_("themes"), blank=True, related_name="solutions"
    )
    sdg_targets = models.ManyToManyField(
        SdgTarget, verbose_name=_("SDG targets"), blank=True, related_name="solutions"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=SolutionStatus.choices, default=SolutionStatus.DRAFT
    )
    review_comment = models.TextField(_("review comment"), blank=True)
    # Last time a bureau officer validated or re-confirmed it; 24 months later it is stale.
    reviewed_at = models.DateField(_("last reviewed"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    is_demo = models.BooleanField(_("demo content"), default=False)

    class Meta:
        ordering = ["-updated_at", "-id"]
        verbose_name = _("solution")
        verbose_name_plural = _("solutions")
        indexes = [
            models.Index(fields=["status", "country"]),
            models.Index(fields=["status", "reviewed_at"]),
            models.Index(fields=["-updated_at", "-id"], name="solution_recent_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("knowledge:solution_detail", args=[self.pk])

    def searchable_parts(self) -> list:
        texts = [
            getattr(self, f"{name}_{lang}", "")
            for name in ("title", "problem_solved", "approach", "results", "transfer_conditions")
            for lang, _name in settings.LANGUAGES
        ]
        return [*texts, *_organisation_and_country_names(self.organisation_id, self.country_id)]


class SolutionEvidence(TimeStampedModel):
    """A document or link that shows a solution's results (checked like key documents)."""

    solution = models.ForeignKey(Solution, on_delete=models.CASCADE, related_name="evidence")
    title = models.CharField(_("title"), max_length=300)
    file = models.FileField(
        _("file"),
        upload_to="solutions/",  # replaced by a random name in solutions/services.py
        blank=True,
        max_length=200,
        validators=[validate_document_file],
    )
    source_url = models.URLField(_("source link"), max_length=500, blank=True)

    class Meta:
        ordering = ["solution", "id"]
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        constraints = [
            models.CheckConstraint(
                condition=~(models.Q(file="") & models.Q(source_url="")),
                name="evidence_has_file_or_link",
                violation_error_message=_("Give a file, a source link, or both."),
            ),
        ]

    def __str__(self) -> str:
        return self.title


class LessonLearned(TimeStampedModel):
    """What an organisation learned from an experience; can seed a draft solution.

    Projects (next issue) will link their closing lessons here.
    """

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="lessons_learned",
    )
    title = models.CharField(_("title"), max_length=200)
    language = models.CharField(
        _("language of the text"), max_length=8, choices=settings.LANGUAGES, default="fr"
    )
    context = models.TextField(_("context"))
    lesson = models.TextField(_("lesson"))
    recommendation = models.TextField(_("recommendation"), blank=True)
    themes = models.ManyToManyField(
        Theme, verbose_name=_("themes"), blank=True, related_name="lessons_learned"
    )
    # The draft solution this lesson became, if any.
    solution = models.ForeignKey(
        Solution,
        verbose_name=_("solution drafted from it"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="lessons_learned",
    )
    is_demo = models.BooleanField(_("demo content"), default=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("lesson learned")
        verbose_name_plural = _("lessons learned")

    def __str__(self) -> str:
        return self.title
