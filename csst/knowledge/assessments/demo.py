"""Demo self-assessments (illustrative answers written for the demonstration, marked as demo).

Runs after csst.knowledge.needs.demo. Nepal Post's ORE self-assessment is submitted by the demo
focal point ("beneficiary"), through the real lifecycle, and shows gaps in visibility and data
quality; its Kathmandu track-and-trace need is linked to the visibility gap, while the data-quality
gap is left for the demo user to turn into a need. Bhutan Post has a draft under way. Idempotent: an
organisation's demo assessment of the framework is created only when missing. Without the
framework (reference data not loaded) nothing is done and the summary says so.
"""

from django.contrib.auth import get_user_model

from csst.core.errors import DomainError
from csst.organisations import demo as organisations_demo

from ..models import Answer, AssessmentFramework, AssessmentItem, Need, SelfAssessment
from . import services

FRAMEWORK = "ore-readiness"
TRACK_AND_TRACE = "Track-and-trace for e-commerce parcels at the Kathmandu office of exchange"

# item code -> (level, comment); comments are illustrative.
NEPAL_ANSWERS = {
    "item-identification": (3, "S10 labels on all registered items and parcels."),
    "scanning-equipment": (3, "Scanners at the Kathmandu office of exchange and main hubs."),
    "written-procedures": (3, ""),
    "staff-training": (3, "Counter and exchange staff trained in 2023 (illustrative)."),
    "scan-at-acceptance": (2, "Scanned at the main counters only, not in district offices."),
    "scan-at-dispatch": (2, "Dispatch events sent; arrival events often missing."),
    "scan-at-delivery": (1, "Delivery keyed in the next day at the office, when at all."),
    "tracking-for-customers": (2, "Website tracking shows few events."),
    "events-to-partners": (1, "Events reach partner posts with long delays."),
    "advance-customs-data": (1, "ITMATT sent for a minority of outbound items."),
    "declaration-completeness": (1, "Many declarations say only 'gift' or 'goods'."),
    "address-quality": (2, "Free-text addresses; no national address reference yet."),
    "data-capture-at-source": (0, "Clerks copy paper forms by hand."),
    "data-quality-monitoring": (1, ""),
    "customs-electronic-exchange": (3, ""),
    "carrier-coordination": (3, ""),
    "marketplace-integration": (2, "Two local marketplaces send label files."),
    "returns-handling": (4, ""),
    "delivery-performance-measured": (3, ""),
    "service-standards": (3, ""),
    "first-attempt-delivery": (3, ""),
    "claims-and-enquiries": (3, ""),
    "continuous-improvement": (4, "Monthly quality review with the management."),
}
BHUTAN_ANSWERS = {
    "item-identification": (3, ""),
    "scanning-equipment": (2, "Only the Thimphu office is equipped."),
    "scan-at-acceptance": (2, ""),
}


def _assessment(framework, key: str, created_by) -> tuple[SelfAssessment, bool]:
    organisation = organisations_demo.organisation(key)
    existing = SelfAssessment.objects.filter(
        framework=framework, organisation=organisation, is_demo=True
    ).first()
    if existing:
        return existing, False
    assessment = SelfAssessment.objects.create(
        framework=framework,
        organisation=organisation,
        country_id=organisation.country_id,
        is_demo=True,
        created_by=created_by,
    )
    return assessment, True


def _answer(assessment, answers: dict) -> None:
    items = AssessmentItem.objects.filter(focus_area__framework=assessment.framework)
    Answer.objects.bulk_create(
        Answer(
            assessment=assessment,
            item=item,
            level=answers[item.code][0],
            comment=answers[item.code][1],
        )
        for item in items
        if item.code in answers
    )


def _link_track_and_trace(assessment) -> None:
    """The demo need answers the visibility gap (only if nobody linked it to something else)."""
    area = assessment.framework.focus_areas.filter(code="visibility").first()
    Need.objects.filter(
        organisation_id=assessment.organisation_id,
        title=TRACK_AND_TRACE,
        self_assessment__isnull=True,
    ).update(self_assessment=assessment, focus_area=area)


def load(log) -> str:
    framework = AssessmentFramework.objects.filter(code=FRAMEWORK).first()
    if framework is None:
        return "assessments: skipped (framework ore-readiness not loaded: run load_reference_data)"
    beneficiary = get_user_model().objects.filter(username="beneficiary").first()
    created = 0
    nepal, is_new = _assessment(framework, "nepal_post", beneficiary)
    if is_new:
        created += 1
        _answer(nepal, NEPAL_ANSWERS)
        if beneficiary:  # the real lifecycle, so the transition is logged
            try:
                services.submit_assessment(beneficiary, nepal)
            except DomainError as exc:
                log(f"assessments: Nepal Post's demo assessment stays a draft ({exc.message})")
    _link_track_and_trace(nepal)
    bhutan, is_new = _assessment(framework, "bhutan_post", None)
    if is_new:
        created += 1
        _answer(bhutan, BHUTAN_ANSWERS)
    return f"assessments: {created} created, {2 - created} already there"
