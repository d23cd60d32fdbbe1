"""JSON API of project delivery: activities, participants, equipment, indicators and values."""

from ninja import Router

delivery_router = Router(tags=["project delivery"])
