"""JSON API of projects: /api/v1/projects (mounted in config/api.py)."""

from ninja import Router

from .delivery.api import delivery_router

projects_router = Router(tags=["projects"])
projects_router.add_router("", delivery_router)
