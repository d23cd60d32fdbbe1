"""Reads of self-assessments, already limited to who may see them, and their results."""

from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from ..models import (
    AssessmentFramework,
    AssessmentItem,
    FocusArea,
    MaturityLabel,
    Need,
    NeedStatus,
    SelfAssessment,
)
from ..needs.permissions import own_organisations
from . import scoring
from .permissions import sees_every_assessment

FILTERS = ("framework", "status", "country")


def visible_assessments(user) -> QuerySet[SelfAssessment]:
    if not user or not user.is_authenticated:
        return SelfAssessment.objects.none()
    if sees_every_assessment(user):
        return SelfAssessment.objects.all()
    return SelfAssessment.objects.filter(organisation_id__in=own_organisations(user))


def assessments_for(
    user, framework: str | None = None, status: str | None = None, country: str | None = None
) -> QuerySet[SelfAssessment]:
    assessments = visible_assessments(user)
    if framework:
        assessments = assessments.filter(framework__code=framework)
    if status:
        assessments = assessments.filter(status=status)
    if country:
        assessments = assessments.filter(country__iso3=country.upper())
    return assessments.select_related("framework", "organisation", "country")


def assessment_for(user, pk: int) -> SelfAssessment:
    """404 for an assessment the user may not see: its existence is not revealed."""
    return get_object_or_404(assessments_for(user), pk=pk)


def active_frameworks() -> QuerySet[AssessmentFramework]:
    return AssessmentFramework.objects.filter(is_active=True)


def framework_by_code(code: str) -> AssessmentFramework:
    return get_object_or_404(with_structure(AssessmentFramework.objects.all()), code=code)


def with_structure(frameworks: QuerySet[AssessmentFramework]) -> QuerySet[AssessmentFramework]:
    """Frameworks with their labels, areas (and their themes) and items: four queries in all."""
    return frameworks.prefetch_related(
        "maturity_labels",
        Prefetch(
            "focus_areas",
            FocusArea.objects.select_related("theme").prefetch_related("items"),
        ),
    )


@dataclass
class AreaView:
    area: FocusArea
    items: list[AssessmentItem]
    answers: dict  # item id → Answer
    score: scoring.AreaScore | None = None
    weak_items: list = field(default_factory=list)  # (item, answer), weakest first
    need: Need | None = None  # the need already drafted from this gap, if any

    @property
    def rows(self) -> list:
        """(item, answer or None) in the framework's order, for the form and the tables."""
        return [(item, self.answers.get(item.pk)) for item in self.items]


@dataclass
class AssessmentView:
    """An assessment with its framework, its answers and its scores, read in constant queries."""

    assessment: SelfAssessment
    labels: list[MaturityLabel]
    areas: list[AreaView]
    results: scoring.Results

    @property
    def gaps(self) -> list[AreaView]:
        return [area for area in self.areas if area.score and area.score.is_gap]

    @property
    def target_level(self) -> int:
        return self.assessment.framework.target_level

    def label(self, level) -> MaturityLabel | None:
        return next((label for label in self.labels if label.level == level), None)

    def area(self, code: str) -> AreaView | None:
        return next((view for view in self.areas if view.area.code == code), None)


def _area_specs(areas: list[FocusArea]) -> list[scoring.AreaSpec]:
    return [
        scoring.AreaSpec(
            code=area.code,
            weight=area.weight,
            items=tuple(scoring.ItemSpec(item.pk, item.weight) for item in area.items.all()),
        )
        for area in areas
    ]


def _drafted_needs(assessment: SelfAssessment) -> dict[int, Need]:
    """Needs drafted from the assessment's gaps (withdrawn ones do not count), by focus area."""
    needs = Need.objects.filter(self_assessment=assessment, focus_area__isnull=False).exclude(
        status=NeedStatus.WITHDRAWN
    )
    return {need.focus_area_id: need for need in needs.order_by("created_at")}


def assessment_view(assessment: SelfAssessment) -> AssessmentView:
    framework = with_structure(AssessmentFramework.objects.filter(pk=assessment.framework_id))[0]
    areas = list(framework.focus_areas.all())
    answers = {answer.item_id: answer for answer in assessment.answers.all()}
    levels = {item_id: answer.level for item_id, answer in answers.items()}
    results = scoring.score(_area_specs(areas), levels, framework.target_level)
    needs = _drafted_needs(assessment)
    items = {item.pk: item for area in areas for item in area.items.all()}
    views = [
        AreaView(
            area=area,
            items=list(area.items.all()),
            answers=answers,
            score=area_score,
            weak_items=[(items[pk], answers[pk]) for pk in area_score.weak_items],
            need=needs.get(area.pk),
        )
        for area, area_score in zip(areas, results.areas, strict=True)
    ]
    assessment.framework = framework
    return AssessmentView(assessment, list(framework.maturity_labels.all()), views, results)
