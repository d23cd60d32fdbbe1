"""Demo needs from Asian and Pacific LDC/SIDS operators (illustrative content, marked as demo).

Runs after `csst.portal.demo` (the organisations, personas and vocabularies exist by then).
Idempotent: a need is found by its organisation and title and created only when missing. Nepal's
needs go through the real lifecycle with the demo personas (beneficiary submits, authority
endorses, officer screens), so their timelines are genuine; needs of operators without a demo
persona stay drafts. Without the themes or SDG targets (vocabularies not loaded) every need stays
a draft: it could not pass the alignment rule (R3).
"""

from django.contrib.auth import get_user_model

from csst.organisations import demo as organisations_demo

from ..models import Need, NeedStatus, SdgTarget, Theme
from . import services

NOTE = "Demo content: an illustrative request written for the demonstration, not a real one."

# (organisation key, target status, fields)
NEEDS = [
    (
        "nepal_post",
        NeedStatus.OPEN,
        {
            "title": "Track-and-trace for e-commerce parcels at the Kathmandu office of exchange",
            "language": "en",
            "problem": (
                "Items posted by small online sellers leave the Kathmandu office of exchange "
                "without electronic pre-advice and with few scan events, so customers and "
                "destination posts cannot follow them. Customs data (EAD/ITMATT) are keyed by "
                "hand for a minority of items."
            ),
            "expected_results": (
                "EDI scan events captured at acceptance, dispatch and customs; electronic "
                "advance data sent for most outbound items; staff trained to run it."
            ),
            "national_priority_reference": (
                "Illustrative: national postal strategy, priority on e-commerce and digital "
                "services"
            ),
            "themes": ["ecommerce", "ecommerce-visibility"],
            "sdg_targets": ["9.c", "17.11"],
            "preferred_modalities": ["expert_mission", "training_course"],
            "languages": ["en"],
            "urgency": "high",
            "internal_notes": NOTE,
        },
    ),
    (
        "nepal_post",
        NeedStatus.ENDORSED,
        {
            "title": "Remittances and savings services in rural post offices",
            "language": "en",
            "problem": (
                "Households in hill districts receive remittances through informal channels; "
                "rural post offices have no connected counter to pay them out or to open "
                "basic savings accounts."
            ),
            "expected_results": (
                "A pilot of connected counters in selected rural offices, with procedures and "
                "trained staff for domestic and international money orders."
            ),
            "national_priority_reference": (
                "Illustrative: national financial inclusion strategy, access point priority"
            ),
            "themes": ["financial-inclusion"],
            "sdg_targets": ["8.10", "10.c"],
            "preferred_modalities": ["study_visit", "workshop"],
            "languages": ["en"],
            "urgency": "medium",
            "internal_notes": NOTE,
        },
    ),
    (
        "nepal_post",
        NeedStatus.SUBMITTED,
        {
            "title": "Earthquake preparedness plan for postal operations",
            "language": "en",
            "problem": (
                "After the 2015 earthquakes, mail and parcel services stopped for weeks in the "
                "most affected districts. The operator has no business-continuity plan and no "
                "role in the national disaster response."
            ),
            "expected_results": (
                "A disaster risk management plan for the network, a continuity drill and an "
                "agreement on the post's role in relief logistics."
            ),
            "national_priority_reference": (
                "Illustrative: national disaster risk reduction policy, resilient public services"
            ),
            "themes": ["drm"],
            "sdg_targets": ["11.5", "13.1"],
            "preferred_modalities": ["expert_mission", "workshop"],
            "languages": ["en"],
            "urgency": "high",
            "internal_notes": NOTE,
        },
    ),
    (
        "nepal_post",
        NeedStatus.DRAFT,
        {
            "title": "Data quality of customs declarations for small sellers",
            "language": "en",
            "problem": (
                "Declarations written by small sellers are often incomplete, which holds "
                "parcels at destination customs."
            ),
            "themes": ["ecommerce-data-quality"],
            "sdg_targets": [],
            "languages": ["en"],
            "internal_notes": NOTE,
        },
    ),
    (
        "tonga_post",
        NeedStatus.DRAFT,
        {
            "title": "Cyclone season continuity plan for outer-island post offices",
            "language": "en",
            "problem": (
                "Cyclones cut the outer islands off for days; post offices there have no "
                "continuity plan, backup power or means to keep paying social benefits."
            ),
            "expected_results": "A continuity plan and a tested procedure for each island group.",
            "national_priority_reference": ("Illustrative: national disaster management plan"),
            "themes": ["drm"],
            "sdg_targets": ["13.1", "1.5"],
            "preferred_modalities": ["expert_mission"],
            "languages": ["en"],
            "urgency": "medium",
            "internal_notes": NOTE,
        },
    ),
    (
        "post_fiji",
        NeedStatus.DRAFT,
        {
            "title": "Préparer les petits exportateurs aux formalités douanières",
            "language": "fr",
            "problem": (
                "Les petits exportateurs ne connaissent pas les exigences de données "
                "douanières ; beaucoup d'envois sont retenus à l'arrivée."
            ),
            "themes": ["ecommerce", "ecommerce-data-quality"],
            "sdg_targets": ["17.11"],
            "languages": ["fr", "en"],
            "internal_notes": NOTE,
        },
    ),
]

# Actions (and their demo persona) leading from draft to each status.
PATH = {
    NeedStatus.DRAFT: [],
    NeedStatus.SUBMITTED: [("submit", "beneficiary")],
    NeedStatus.ENDORSED: [("submit", "beneficiary"), ("endorse", "authority")],
    NeedStatus.OPEN: [
        ("submit", "beneficiary"),
        ("endorse", "authority"),
        ("open", "officer"),
    ],
}


def _codes(model, codes: list[str]) -> list | None:
    """The objects, or None when any code is missing (vocabularies not loaded)."""
    found = list(model.objects.filter(code__in=codes))
    return found if len(found) == len(set(codes)) else None


def load(log) -> str:
    users = {
        user.username: user
        for user in get_user_model().objects.filter(
            username__in=["beneficiary", "authority", "officer"]
        )
    }
    created = existing = 0
    for key, target, spec in NEEDS:
        organisation = organisations_demo.organisation(key)
        if Need.objects.filter(organisation=organisation, title=spec["title"]).exists():
            existing += 1
            continue
        fields = dict(spec)
        themes = _codes(Theme, fields.pop("themes"))
        sdg_targets = _codes(SdgTarget, fields.pop("sdg_targets"))
        aligned = themes is not None and sdg_targets is not None
        need = Need(
            organisation=organisation,
            country_id=organisation.country_id,
            is_demo=True,
            created_by=users.get("beneficiary") if key == "nepal_post" else None,
            **fields,
        )
        need.full_clean()
        need.save()
        need.themes.set(themes or [])
        need.sdg_targets.set(sdg_targets or [])
        created += 1
        steps = PATH[target] if aligned else []
        if any(username not in users for _action, username in steps):
            continue
        for action, username in steps:
            services.change_need_status(users[username], need, action)
    return f"needs: {created} created, {existing} already there"
