"""Who may keep the registry (bureau officers, administrators); who sees focal points' e-mails."""

import pytest
from django.contrib.auth.models import AnonymousUser

from csst.core.errors import NotAllowed
from csst.organisations import services
from csst.organisations.models import Organisation, OrganisationType
from csst.organisations.permissions import (
    can_manage_organisations,
    can_see_focal_point_emails,
    can_see_past_focal_points,
)
from tests.factories import UserFactory

NOT_MANAGERS = [
    "outsider",
    "beneficiary",
    "authority",
    "other_country_focal_point",
    "provider",
    "donor",
    "finance",
]
NEW = {
    "name_fr": "Union postale de l'Asie et du Pacifique",
    "name_en": "Asian-Pacific Postal Union",
    "type": OrganisationType.RESTRICTED_UNION,
}


def test_a_bureau_officer_can_manage_the_registry(officer):
    assert can_manage_organisations(officer)
    assert officer.has_perm("organisations.manage")
    created = services.create_organisation(officer, NEW)
    assert created.pk


def test_a_superuser_administrator_can_manage_the_registry(db):
    admin = UserFactory(username="root", is_superuser=True)
    assert can_manage_organisations(admin)
    services.create_organisation(admin, NEW)


@pytest.mark.parametrize("persona", NOT_MANAGERS)
def test_other_personas_cannot_create_or_edit_organisations(request, persona, beneficiary_org):
    user = request.getfixturevalue(persona)
    assert not can_manage_organisations(user)
    with pytest.raises(NotAllowed):
        services.create_organisation(user, NEW)
    with pytest.raises(NotAllowed):
        services.update_organisation(user, beneficiary_org, {"acronym": "X"})
    assert not Organisation.objects.filter(name_en=NEW["name_en"]).exists()
    beneficiary_org.refresh_from_db()
    assert beneficiary_org.acronym == ""


def test_anonymous_visitors_cannot_manage_the_registry(db):
    assert not can_manage_organisations(AnonymousUser())
    with pytest.raises(NotAllowed):
        services.create_organisation(AnonymousUser(), NEW)


def test_a_refusal_is_checked_before_the_input(outsider):
    # An outsider learns nothing about what a valid organisation would be.
    with pytest.raises(NotAllowed):
        services.create_organisation(outsider, {"bogus": 1})


@pytest.mark.parametrize(
    "persona, allowed",
    [("outsider", False), ("beneficiary", True), ("donor", True), ("officer", True)],
)
def test_emails_are_for_people_with_a_role(request, persona, allowed):
    assert can_see_focal_point_emails(request.getfixturevalue(persona)) is allowed
    assert not can_see_focal_point_emails(AnonymousUser())


@pytest.mark.parametrize(
    "persona, allowed",
    [("beneficiary", False), ("donor", False), ("officer", True), ("finance", True)],
)
def test_past_focal_points_are_for_bureau_staff(request, persona, allowed):
    assert can_see_past_focal_points(request.getfixturevalue(persona)) is allowed
