"""JSON API of solutions (/api/v1/solutions) and lessons learned (/api/v1/lessons)."""

from ninja import Router

solutions_router = Router(tags=["solutions"])
lessons_router = Router(tags=["lessons learned"])
