import pytest

from csst.accounts import demo as accounts_demo
from csst.core.models import TransitionLog
from csst.countries import demo as countries_demo
from csst.knowledge.models import Need, NeedStatus
from csst.knowledge.needs import demo
from csst.organisations import demo as organisations_demo

from .factories import SdgTargetFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def quiet(message):
    return None


@pytest.fixture
def personas(db):
    for module in (countries_demo, organisations_demo, accounts_demo):
        module.load(quiet)


def vocabularies():
    codes = {code for _key, _status, spec in demo.NEEDS for code in spec["themes"]}
    for code in codes:
        ThemeFactory(code=code)
    for code in {code for _key, _status, spec in demo.NEEDS for code in spec["sdg_targets"]}:
        SdgTargetFactory(code=code)


def test_loading_the_demo_twice_creates_no_duplicates(personas):
    vocabularies()
    demo.load(quiet)
    first = (Need.objects.count(), TransitionLog.objects.count())
    summary = demo.load(quiet)
    assert (Need.objects.count(), TransitionLog.objects.count()) == first
    assert first[0] == len(demo.NEEDS)
    assert "\n" not in summary
    assert all(need.is_demo for need in Need.objects.all())
    statuses = set(Need.objects.values_list("status", flat=True))
    assert statuses == {"draft", "submitted", "endorsed", "open"}


def test_without_vocabularies_every_demo_need_stays_a_draft(personas):
    demo.load(quiet)
    assert set(Need.objects.values_list("status", flat=True)) == {NeedStatus.DRAFT}
