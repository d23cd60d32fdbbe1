"""Small frameworks and assessments for the self-assessment tests."""

from decimal import Decimal

from csst.knowledge.assessments import reference
from csst.knowledge.models import (
    Answer,
    AssessmentFramework,
    AssessmentItem,
    AssessmentStatus,
    FocusArea,
    MaturityLabel,
    SelfAssessment,
)

from ..factories import ThemeFactory

LABELS = ["Absent", "Initial", "Developing", "Operational", "Optimised"]
ORE_THEMES = [
    "ecommerce-operational-requirements",
    "ecommerce-visibility",
    "ecommerce-data-quality",
    "ecommerce-supply-chain",
    "ecommerce-reliability",
]


def make_framework(code="mini", areas=(("visibility", 2), ("data", 2)), target=3, active=True):
    """A framework whose areas ("code", number of items) have items "<area>-<n>", weight 1,
    each area with a theme "theme-<area>"."""
    framework = AssessmentFramework.objects.create(
        code=code,
        name_en=f"Framework {code}",
        name_fr=f"Cadre {code}",
        target_level=target,
        is_active=active,
    )
    for level, label in enumerate(LABELS):
        MaturityLabel.objects.create(
            framework=framework, level=level, label_en=label, label_fr=label
        )
    for order, (area_code, count) in enumerate(areas, start=1):
        area = FocusArea.objects.create(
            framework=framework,
            code=area_code,
            name_en=f"Area {area_code}",
            name_fr=f"Axe {area_code}",
            order=order,
            theme=ThemeFactory(code=f"theme-{area_code}"),
        )
        for number in range(1, count + 1):
            AssessmentItem.objects.create(
                focus_area=area,
                code=f"{area_code}-{number}",
                statement_en=f"Statement {area_code} {number}",
                statement_fr=f"Énoncé {area_code} {number}",
                weight=Decimal(1),
                order=number,
            )
    return framework


def make_assessment(organisation, framework, levels=None, status=AssessmentStatus.DRAFT, **extra):
    """An assessment with answers {item code: level}; `status` set directly to arrange a state."""
    assessment = SelfAssessment.objects.create(
        framework=framework,
        organisation=organisation,
        country_id=organisation.country_id,
        status=status,
        **extra,
    )
    items = {
        item.code: item for item in AssessmentItem.objects.filter(focus_area__framework=framework)
    }
    Answer.objects.bulk_create(
        Answer(assessment=assessment, item=items[code], level=level)
        for code, level in (levels or {}).items()
    )
    return assessment


def load_ore():
    """The platform's ORE framework from its YAML file, with its five themes."""
    for code in ORE_THEMES:
        ThemeFactory(code=code)
    reference.load(log=lambda message: None)
    return AssessmentFramework.objects.get(code="ore-readiness")
