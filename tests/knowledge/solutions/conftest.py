"""North/South classifications of the personas' countries (the South rule needs them)."""

from datetime import date

import pytest

from csst.accounts.models import Role
from tests.factories import OrganisationFactory, classify, person, real_country

SOURCE = "UN M49 (test)"


@pytest.fixture(autouse=True)
def north_south(db):
    for iso3 in ("THA", "NPL", "BTN"):
        classify(
            real_country(iso3), "north_south", "south", valid_from=date(2018, 1, 1), source=SOURCE
        )
    classify(
        real_country("FRA"), "north_south", "north", valid_from=date(2018, 1, 1), source=SOURCE
    )


@pytest.fixture
def other_provider(db):
    """A provider focal point of another Southern organisation (Nepal)."""
    organisation = OrganisationFactory(
        name_fr="Nepal Postal Training Centre", country=real_country("NPL")
    )
    return person("other_provider", Role.PROVIDER_FOCAL_POINT, organisation)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded evidence goes to a throw-away folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
