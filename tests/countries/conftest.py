"""Fixtures of the countries tests.

`reference_data` loads the real data files once per test module, inside a transaction that is
rolled back when the module ends: the tests of other modules (which build countries with
factories) never see the 248 real countries. Tests using it must not use `transactional_db`.
"""

import pytest
from django.db import transaction

from csst.countries import reference
from csst.countries.models import Country


@pytest.fixture(scope="module")
def reference_data(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        block = transaction.atomic()
        block.__enter__()
        try:
            summary = reference.load(lambda line: None)
        except BaseException:
            block.__exit__(None, None, None)
            raise
    yield summary
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        block.__exit__(None, None, None)


@pytest.fixture
def country(reference_data, db):
    """Country by ISO3: country("KOR")."""

    def get(iso3: str) -> Country:
        return Country.objects.get(iso3=iso3)

    return get
