"""Demo projects: the real cases of DOMAIN §1, in several states; loading twice changes nothing."""

import pytest
from django.utils import translation

from csst.accounts import demo as accounts_demo
from csst.accounts.models import User
from csst.core.errors import NotAllowed
from csst.core.models import TransitionLog
from csst.countries import demo as countries_demo
from csst.countries.models import Country, Scheme
from csst.knowledge.needs import demo as needs_demo
from csst.organisations import demo as organisations_demo
from csst.projects import demo, services
from csst.projects.models import Endorsement, Project, ProjectStatus

from ..factories import classify
from ..knowledge.factories import SdgTargetFactory, ThemeFactory

pytestmark = pytest.mark.django_db
NORTH = {"FRA", "JPN"}


def quiet(message):
    return None


@pytest.fixture
def demo_world(db):
    for module in (countries_demo, organisations_demo, accounts_demo):
        module.load(quiet)
    for country in Country.objects.all():
        classify(country, Scheme.NORTH_SOUTH, "north" if country.iso3 in NORTH else "south")
    codes = {c for spec in demo.PROJECTS for c in spec.themes}
    codes |= {c for _k, _s, spec in needs_demo.NEEDS for c in spec["themes"]}
    for code in codes:
        ThemeFactory(code=code)
    targets = {c for spec in demo.PROJECTS for c in spec.sdg_targets}
    targets |= {c for _k, _s, spec in needs_demo.NEEDS for c in spec["sdg_targets"]}
    for code in targets:
        SdgTargetFactory(code=code)
    needs_demo.load(quiet)


def test_the_demo_loads_twice_without_duplicates(demo_world):
    with translation.override("en"):
        demo.load(quiet)
        first = (
            Project.objects.count(),
            TransitionLog.objects.count(),
            Endorsement.objects.count(),
        )
        summary = demo.load(quiet)
    assert (
        Project.objects.count(),
        TransitionLog.objects.count(),
        Endorsement.objects.count(),
    ) == first
    assert first[0] == len(demo.PROJECTS)
    assert "\n" not in summary and "missing" not in summary
    assert all(project.is_demo for project in Project.objects.all())


def test_the_demo_cases_are_in_their_states_with_their_modality(demo_world):
    with translation.override("en"):
        demo.load(quiet)
    projects = {p.code: p for p in Project.objects.all()}
    expected = {
        "CSST-DEMO-ORE": (ProjectStatus.IN_IMPLEMENTATION, "triangular"),
        "CSST-DEMO-APPC": (ProjectStatus.APPROVED, "triangular"),
        "CSST-DEMO-SOCIAL": (ProjectStatus.OPERATIONALLY_CLOSED, "triangular"),
        "CSST-DEMO-KOREA-PC": (ProjectStatus.IN_IMPLEMENTATION, "south-south"),
        "CSST-DEMO-COVID-2021": (ProjectStatus.EVALUATED, "triangular"),
        "CSST-DEMO-NEPAL-FI": (ProjectStatus.PENDING_ENDORSEMENT, "triangular"),
    }
    assert {code: (p.status, p.modality) for code, p in projects.items()} == expected
    assert projects["CSST-DEMO-SOCIAL"].lessons_learned.exists()
    covid = projects["CSST-DEMO-COVID-2021"]
    assert covid.budget == 425990
    assert covid.partners.get(organisation__name_fr="Groupe La Poste").committed_cash == 100000


def test_the_pending_demo_project_waits_for_nepal_posts_authority(demo_world):
    demo.load(quiet)
    pending = Project.objects.get(code="CSST-DEMO-NEPAL-FI")
    need = pending.origin_needs.get()
    assert need.organisation.name_fr == "Nepal Postal Services"
    assert not pending.endorsements.exists()
    users = {u.username: u for u in User.objects.filter(username__in=["authority", "officer2"])}
    services.endorse(users["authority"], pending, need.organisation_id)
    approved = services.change_project_status(users["officer2"], pending, "approve")
    assert approved.status == ProjectStatus.APPROVED


def test_only_demo_projects_may_be_arranged(project, officer):
    with pytest.raises(NotAllowed):
        services.arrange_demo_status(officer, project, "formulate", "why")
    project.is_demo = True
    project.save(update_fields=["is_demo"])
    arranged = services.arrange_demo_status(officer, project, "formulate", "Demo arrangement")
    assert arranged.status == ProjectStatus.FORMULATION
    assert TransitionLog.objects.get(action="formulate").comment == "Demo arrangement"
