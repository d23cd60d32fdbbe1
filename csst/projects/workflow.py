"""Lifecycle of a project (DOMAIN §5): the transitions table.

identified → formulation → pending_endorsement (an officer sends it: R4 and partners complete)
→ approved (another officer, R10; every beneficiary endorsed, R2) → in_implementation
→ operationally_closed (final report, results accepted, final values, a lesson) → evaluated
→ financially_closed; pending_endorsement → formulation (revise); cancelled from any state before
closure, with a reason. Endorsements are records, not transitions (services.endorse).
"""

from csst.core.workflow import Transition

from . import readiness
from .models import ProjectStatus
from .permissions import officer_refusal, second_officer_refusal

S = ProjectStatus

CANCELLABLE = frozenset(
    {S.IDENTIFIED, S.FORMULATION, S.PENDING_ENDORSEMENT, S.APPROVED, S.IN_IMPLEMENTATION}
)

PROJECT_TRANSITIONS = {
    "formulate": Transition(frozenset({S.IDENTIFIED}), S.FORMULATION, officer_refusal),
    "request_endorsement": Transition(
        frozenset({S.FORMULATION}),
        S.PENDING_ENDORSEMENT,
        officer_refusal,
        rules=(readiness.traces_to_endorsed_need, readiness.partners_complete),
    ),
    "revise": Transition(frozenset({S.PENDING_ENDORSEMENT}), S.FORMULATION, officer_refusal),
    "approve": Transition(
        frozenset({S.PENDING_ENDORSEMENT}),
        S.APPROVED,
        second_officer_refusal,
        rules=(
            readiness.traces_to_endorsed_need,
            readiness.partners_complete,
            readiness.every_beneficiary_endorsed,
            readiness.pivotal_committed,
            readiness.bilingual,
        ),
    ),
    "start": Transition(
        frozenset({S.APPROVED}),
        S.IN_IMPLEMENTATION,
        officer_refusal,
        rules=(readiness.every_beneficiary_endorsed,),
    ),
    "close": Transition(
        frozenset({S.IN_IMPLEMENTATION}),
        S.OPERATIONALLY_CLOSED,
        officer_refusal,
        rules=(
            readiness.every_beneficiary_endorsed,
            readiness.final_report_written,
            readiness.results_accepted,
            readiness.final_values_given,
            readiness.activities_reported,
            readiness.lesson_recorded,
        ),
    ),
    "evaluate": Transition(frozenset({S.OPERATIONALLY_CLOSED}), S.EVALUATED, officer_refusal),
    "close_financially": Transition(
        frozenset({S.EVALUATED}), S.FINANCIALLY_CLOSED, officer_refusal
    ),
    "cancel": Transition(CANCELLABLE, S.CANCELLED, officer_refusal, comment_required=True),
}

PROJECT_ACTIONS = tuple(PROJECT_TRANSITIONS)
COMMENT_ACTIONS = frozenset({"cancel", "revise", "approve", "close"})
