"""JSON API of self-assessments: /api/v1/assessments and /api/v1/assessment-frameworks."""

from ninja import Router

assessments_router = Router(tags=["assessments"])
