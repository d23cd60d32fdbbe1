"""Who sees which needs, and which fields (rules R2, R13)."""

import pytest
from django.contrib.auth.models import AnonymousUser

from csst.knowledge.models import NeedStatus
from csst.knowledge.needs import selectors
from csst.knowledge.needs.permissions import may_see_confidential

from .factories import NeedFactory

pytestmark = pytest.mark.django_db

ALL_STATUSES = list(NeedStatus.values)


@pytest.fixture
def needs(beneficiary_org):
    return {
        status: NeedFactory(organisation=beneficiary_org, status=status, title=status)
        for status in ALL_STATUSES
    }


def visible_titles(user) -> set[str]:
    return set(selectors.needs_for(user).values_list("title", flat=True))


PUBLIC = {"open", "matched", "converted"}


@pytest.mark.parametrize("persona", ["outsider", "donor", "provider", "other_country_focal_point"])
def test_others_see_what_the_public_sees(persona, request, needs):
    user = request.getfixturevalue(persona)
    assert visible_titles(user) == PUBLIC
    assert not may_see_confidential(user, needs["open"])


def test_the_public_sees_open_matched_and_converted_needs_only(needs):
    assert visible_titles(AnonymousUser()) == PUBLIC
    assert not may_see_confidential(AnonymousUser(), needs["open"])


@pytest.mark.parametrize("persona", ["beneficiary", "authority"])
def test_the_requesting_organisation_sees_all_its_needs_and_their_confidential_fields(
    persona, request, needs
):
    user = request.getfixturevalue(persona)
    assert visible_titles(user) == set(ALL_STATUSES)
    assert may_see_confidential(user, needs["draft"])


@pytest.mark.parametrize("persona", ["officer", "finance"])
def test_bureau_staff_see_everything(persona, request, needs):
    user = request.getfixturevalue(persona)
    assert visible_titles(user) == set(ALL_STATUSES)
    assert may_see_confidential(user, needs["submitted"])


def test_a_focal_point_sees_its_drafts_but_not_another_countrys(
    needs, other_country_focal_point, other_beneficiary_org
):
    NeedFactory(organisation=other_beneficiary_org, title="bhutan draft")
    assert "bhutan draft" in visible_titles(other_country_focal_point)
    assert "draft" not in visible_titles(other_country_focal_point)


def test_filters(needs, beneficiary_org, other_beneficiary_org, officer):
    from .factories import SdgTargetFactory, ThemeFactory

    drm = ThemeFactory(code="drm")
    target = SdgTargetFactory(code="11.5")
    bhutan = NeedFactory(
        organisation=other_beneficiary_org,
        status=NeedStatus.OPEN,
        title="Réseau résilient",
        problem="Développement du réseau",
    )
    bhutan.themes.add(drm)
    bhutan.sdg_targets.add(target)

    def titles(**filters):
        return set(selectors.needs_for(officer, **filters).values_list("title", flat=True))

    assert titles(theme="drm") == {"Réseau résilient"}
    assert titles(sdg_target="11.5") == {"Réseau résilient"}
    assert titles(country="btn") == {"Réseau résilient"}
    assert "Réseau résilient" in titles(region="142")
    assert titles(region="150") == set()
    assert titles(q="RÉSEAU") >= {"Réseau résilient"}
    assert titles(q="Développement") == {"Réseau résilient"}
    assert titles(status="open") == {"open", "Réseau résilient"}
