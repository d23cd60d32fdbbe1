"""Demo projects: the real cases of DOMAIN.md §1, with their real names and years.

Runs after the knowledge demos (organisations, personas, vocabularies and Nepal's needs exist).
Idempotent: a project is found by its fixed code (project delivery's demo finds them the same way)
and created only when missing.

Every project is built through the services with the demo personas: an officer creates it and
adds the partners, Nepal Post's authority endorses, officer2 approves. The historical cases have
beneficiaries without a demo person (Bhutan Post, the Pacific operators…) and no request recorded
on the platform: where a readiness rule would refuse for that reason, the transition is *arranged*
(services.arrange_demo_status) and the log says which rule was skipped and why. Beneficiaries are
a representative subset of those the demo registry holds; figures that are not public are labelled
"illustrative amount".
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.contrib.auth import get_user_model

from csst.core.errors import DomainError
from csst.knowledge.models import Need, SdgTarget, Theme
from csst.organisations import demo as organisations_demo
from csst.organisations.models import Organisation

from . import services
from .models import Project, ProjectStatus
from .readiness import ENDORSED_NEED_STATUSES

S = ProjectStatus
DEMO = "Demo content."
ILLUSTRATIVE = "illustrative amount"
PERSONAS = ("officer", "officer2", "authority", "beneficiary")


@dataclass(frozen=True)
class Partner:
    key: str  # csst.organisations.demo key
    role: str
    cash: Decimal = Decimal(0)
    in_kind: Decimal = Decimal(0)
    note: str = ""


@dataclass(frozen=True)
class DemoProject:
    code: str
    status: str
    title_fr: str
    title_en: str
    summary_fr: str
    summary_en: str
    themes: list[str]
    sdg_targets: list[str]
    partners: list[Partner]
    start_date: date | None = None
    end_date: date | None = None
    budget: Decimal | None = None
    need_title: str = ""  # a demo need of Nepal Post, turned into the project
    lesson: dict = field(default_factory=dict)
    historical_approval: date | None = None  # the real year, instead of the day of loading


def _asian_ldcs(note: str) -> list[Partner]:
    return [
        Partner(key, "beneficiary", note=note)
        for key in ("nepal_post", "bhutan_post", "bangladesh_post", "cambodia_mptc")
    ]


PROJECTS = [
    DemoProject(
        code="CSST-DEMO-ORE",
        status=S.IN_IMPLEMENTATION,
        title_fr="Préparation opérationnelle au commerce électronique (ORE) — Asie-Pacifique",
        title_en="Operational Readiness for E-commerce (ORE) — Asia-Pacific",
        summary_fr=(
            "Depuis 2017, le projet ORE aide les opérateurs désignés à remplir les exigences "
            "opérationnelles minimales, la visibilité, la qualité des données, l'intégration "
            "de la chaîne logistique et la fiabilité de bout en bout, selon la méthode CSST. "
            "Contenu de démonstration : budget et engagements sont des montants illustratifs."
        ),
        summary_en=(
            "Since 2017, ORE helps designated operators meet minimum operational requirements, "
            "visibility, data quality, supply-chain integration and end-to-end reliability, "
            "run with the SSTC method. Demo content: budget and commitments are illustrative "
            "amounts."
        ),
        themes=["ecommerce", "ecommerce-visibility", "ecommerce-data-quality"],
        sdg_targets=["9.c", "17.11"],
        partners=[
            Partner("nepal_post", "beneficiary"),
            Partner("bhutan_post", "beneficiary"),
            Partner("bangladesh_post", "beneficiary"),
            Partner("appc", "pivotal", in_kind=Decimal(60000), note=f"Trainers ({ILLUSTRATIVE})"),
            Partner(
                "bureau",
                "facilitating",
                cash=Decimal(120000),
                in_kind=Decimal(40000),
                note=f"ORE experts and coordination ({ILLUSTRATIVE})",
            ),
        ],
        start_date=date(2017, 1, 1),
        end_date=date(2026, 12, 31),
        budget=Decimal(220000),
        need_title="Track-and-trace for e-commerce parcels at the Kathmandu office of exchange",
    ),
    DemoProject(
        code="CSST-DEMO-APPC",
        status=S.APPROVED,
        title_fr=(
            "Fonds spécial de la Chine : renforcement des capacités du personnel postal des PMA "
            "d'Asie au Collège postal Asie-Pacifique"
        ),
        title_en=(
            "China special fund: capacity building for postal staff of Asian LDCs at the "
            "Asian-Pacific Postal College"
        ),
        summary_fr=(
            "Formations au Collège postal Asie-Pacifique (Bangkok) pour le personnel postal des "
            "PMA d'Asie, financées par le fonds spécial de la République populaire de Chine que "
            "l'UPU achemine. Contenu de démonstration : montants illustratifs."
        ),
        summary_en=(
            "Training at the Asian-Pacific Postal College (Bangkok) for postal staff of Asian "
            "LDCs, funded by the People's Republic of China special fund channelled by the UPU. "
            "Demo content: illustrative amounts."
        ),
        themes=["training"],
        sdg_targets=["4.4", "17.9"],
        partners=[
            *_asian_ldcs(""),
            Partner(
                "appc",
                "pivotal",
                in_kind=Decimal(30000),
                note=f"Courses and premises ({ILLUSTRATIVE})",
            ),
            Partner(
                "china_spb",
                "facilitating",
                cash=Decimal(150000),
                note=f"Contributor of the China special fund ({ILLUSTRATIVE})",
            ),
            Partner(
                "bureau",
                "facilitating",
                in_kind=Decimal(10000),
                note=f"Channels the China special fund ({ILLUSTRATIVE})",
            ),
        ],
        start_date=date(2026, 1, 1),
        end_date=date(2027, 12, 31),
        budget=Decimal(190000),
        historical_approval=date(2025, 12, 1),  # illustrative date
    ),
    DemoProject(
        code="CSST-DEMO-SOCIAL",
        status=S.OPERATIONALLY_CLOSED,
        title_fr="Renforcer le secteur postal pour remplir son obligation sociale",
        title_en="Strengthening the postal sector to fulfil its social obligation",
        summary_fr=(
            "Projet de 2019-2020 financé par le fonds spécial du Japon. Contenu de "
            "démonstration : bénéficiaires retenus et montants illustratifs."
        ),
        summary_en=(
            "A 2019-2020 project funded by the Japan special fund. Demo content: the "
            "beneficiaries shown and the amounts are illustrative."
        ),
        themes=["regulation", "financial-inclusion"],
        sdg_targets=["1.4", "10.2"],
        partners=[
            Partner("nepal_post", "beneficiary"),
            Partner("cambodia_mptc", "beneficiary"),
            Partner("appc", "pivotal", in_kind=Decimal(15000), note=f"Experts ({ILLUSTRATIVE})"),
            Partner(
                "japan_mic",
                "facilitating",
                cash=Decimal(80000),
                note=f"Japan special fund ({ILLUSTRATIVE})",
            ),
        ],
        start_date=date(2019, 1, 1),
        end_date=date(2020, 12, 31),
        budget=Decimal(95000),
        historical_approval=date(2019, 1, 1),
        lesson={
            "title": "Social services at the counter need a legal mandate first",
            "language": "en",
            "context": "Demo content: post offices offering social payments on behalf of "
            "ministries (2019-2020, Japan special fund).",
            "lesson": "Where the universal service obligation did not name social services, "
            "ministries hesitated to rely on the post; an agreement on the mandate came first.",
            "recommendation": "Start with the regulator and the ministry before training staff.",
        },
    ),
    DemoProject(
        code="CSST-DEMO-KOREA-PC",
        status=S.IN_IMPLEMENTATION,
        title_fr="200 ordinateurs « verts » donnés par Korea Post aux pays du Pacifique",
        title_en="200 “green” computers donated by Korea Post to Pacific countries",
        summary_fr=(
            "Korea Post donne 200 ordinateurs reconditionnés aux opérateurs désignés du "
            "Pacifique (contribution en nature). Contenu de démonstration : valeur illustrative."
        ),
        summary_en=(
            "Korea Post donates 200 refurbished computers to Pacific designated operators (an "
            "in-kind contribution). Demo content: illustrative value."
        ),
        themes=["digital", "sustainability"],
        sdg_targets=["9.c", "12.5"],
        partners=[
            *(
                Partner(key, "beneficiary")
                for key in ("post_fiji", "samoa_post", "tonga_post", "vanuatu_post", "post_png")
            ),
            Partner(
                "korea_post",
                "pivotal",
                in_kind=Decimal(60000),
                note=f"200 refurbished computers ({ILLUSTRATIVE})",
            ),
        ],
        start_date=date(2026, 3, 1),
        end_date=date(2026, 12, 31),
        budget=Decimal(60000),
        historical_approval=date(2026, 2, 2),  # illustrative date
    ),
    DemoProject(
        code="CSST-DEMO-COVID-2021",
        status=S.EVALUATED,
        title_fr="Relance après la COVID-19 des opérateurs désignés d'Asie-Pacifique (2021)",
        title_en="COVID-19 recovery of Asia-Pacific designated operators (2021)",
        summary_fr=(
            "Appel de 2021 dans le cadre du mécanisme CSST : 100 000 CHF du Groupe La Poste, "
            "50 000 CHF du Japon, 425 990 CHF au total avec le budget ordinaire de l'UPU, pour "
            "les opérateurs désignés de 19 PMA, PEID et PDSL d'Asie-Pacifique. Contenu de "
            "démonstration : les bénéficiaires montrés sont ceux du registre de démonstration."
        ),
        summary_en=(
            "2021 appeal under the SSTC mechanism: CHF 100,000 from Groupe La Poste, CHF 50,000 "
            "from Japan, CHF 425,990 in total including the UPU core budget, for the designated "
            "operators of 19 Asia-Pacific LDCs, SIDS and LLDCs. Demo content: the beneficiaries "
            "shown are those of the demo registry."
        ),
        themes=["drm", "ecommerce"],
        sdg_targets=["1.5", "9.1"],
        partners=[
            *(
                Partner(key, "beneficiary")
                for key in (
                    "nepal_post",
                    "bhutan_post",
                    "bangladesh_post",
                    "cambodia_mptc",
                    "maldives_post",
                    "post_png",
                    "post_fiji",
                    "samoa_post",
                    "tonga_post",
                    "vanuatu_post",
                )
            ),
            Partner("appc", "pivotal", in_kind=Decimal(20000), note=f"Training ({ILLUSTRATIVE})"),
            Partner("la_poste", "facilitating", cash=Decimal(100000), note="Public figure"),
            Partner("japan_mic", "facilitating", cash=Decimal(50000), note="Public figure"),
            Partner(
                "bureau",
                "facilitating",
                cash=Decimal(275990),
                note="UPU core budget: the public total (CHF 425,990) less the two donations",
            ),
        ],
        start_date=date(2021, 6, 1),
        end_date=date(2022, 6, 30),
        budget=Decimal(425990),
        historical_approval=date(2021, 6, 1),
        lesson={
            "title": "Pooled donor money reached many small operators quickly",
            "language": "en",
            "context": "Demo content: 2021 COVID-19 recovery appeal for Asia-Pacific operators.",
            "lesson": "One appeal with the core budget as a base let two donors fund 19 "
            "operators without 19 separate agreements.",
        },
    ),
    DemoProject(
        code="CSST-DEMO-NEPAL-FI",
        status=S.PENDING_ENDORSEMENT,
        title_fr="Transferts de fonds et épargne dans les bureaux de poste ruraux du Népal",
        title_en="Remittances and savings services in Nepal's rural post offices",
        summary_fr=(
            "Un pilote de guichets connectés, avec procédures et personnel formé. Contenu de "
            "démonstration : en attente de l'approbation de Nepal Post (montants illustratifs)."
        ),
        summary_en=(
            "A pilot of connected counters, with procedures and trained staff. Demo content: "
            "waiting for Nepal Post's endorsement (illustrative amounts)."
        ),
        themes=["financial-inclusion"],
        sdg_targets=["8.10", "10.c"],
        partners=[
            Partner(
                "korea_post",
                "pivotal",
                in_kind=Decimal(25000),
                note=f"Postal savings experts ({ILLUSTRATIVE})",
            ),
            Partner(
                "japan_mic",
                "facilitating",
                cash=Decimal(70000),
                note=f"Japan special fund ({ILLUSTRATIVE})",
            ),
        ],
        start_date=date(2027, 1, 1),
        end_date=date(2027, 12, 31),
        budget=Decimal(95000),
        need_title="Remittances and savings services in rural post offices",
    ),
]

# Transitions (and the persona who acts) from `identified` to each status.
_APPROVED = [("formulate", "officer"), ("request_endorsement", "officer"), ("approve", "officer2")]
PATH = {
    S.PENDING_ENDORSEMENT: _APPROVED[:2],
    S.APPROVED: _APPROVED,
    S.IN_IMPLEMENTATION: [*_APPROVED, ("start", "officer")],
    S.OPERATIONALLY_CLOSED: [*_APPROVED, ("start", "officer"), ("close", "officer")],
    S.EVALUATED: [*_APPROVED, ("start", "officer"), ("close", "officer"), ("evaluate", "officer")],
}


def _existing(model, codes: list[str]) -> list[str]:
    """The codes the vocabularies hold (all of them once the reference data is loaded)."""
    return list(model.objects.filter(code__in=codes).values_list("code", flat=True))


def _create(spec: DemoProject, users, missing: list[str]) -> Project:
    officer = users["officer"]
    data = {
        name: getattr(spec, name)
        for name in ("title_fr", "title_en", "summary_fr", "summary_en", "start_date", "end_date")
    }
    data.update(
        budget=spec.budget,
        themes=_existing(Theme, spec.themes),
        sdg_targets=_existing(SdgTarget, spec.sdg_targets),
    )
    endorsed = Need.objects.filter(status__in=ENDORSED_NEED_STATUSES)
    need = endorsed.filter(title=spec.need_title).first() if spec.need_title else None
    if need:
        project = services.create_project_from_need(officer, need)
        services.update_project(officer, project, {**data, "is_demo": True})
    else:
        project = services.create_project(officer, {**data, "is_demo": True})
    project.code = spec.code
    project.save(update_fields=["code"])
    for partner in spec.partners:
        _add_partner(officer, project, partner, missing)
    return project


def _add_partner(officer, project, partner: Partner, missing: list[str]) -> None:
    try:
        organisation = organisations_demo.organisation(partner.key)
    except (KeyError, Organisation.DoesNotExist):  # absent from the registry: reported
        missing.append(partner.key)
        return
    if project.partners.filter(organisation=organisation, role=partner.role).exists():
        return  # the need's requester, already the first beneficiary
    services.add_partner(
        officer,
        project,
        organisation.pk,
        partner.role,
        cash=partner.cash,
        in_kind=partner.in_kind,
        note=partner.note,
    )


def _step(project: Project, action: str, actor) -> Project:
    """The real transition; when a readiness rule refuses (no demo person for a beneficiary, no
    recorded request), the arranged one, with the refusal in the log."""
    try:
        return services.change_project_status(actor, project, action)
    except DomainError as refusal:
        if refusal.http_status != 409:
            raise
        why = f"Demo arrangement (historical case recorded after the fact): {refusal.message}"
        return services.arrange_demo_status(actor, project, action, why)


def _nepal_speaks(project: Project, users, action: str) -> None:
    """Nepal Post's people endorse before approval and accept the results before closure."""
    nepal = project.partners.filter(
        role="beneficiary", organisation=organisations_demo.organisation("nepal_post")
    ).first()
    if nepal is None:
        return
    if action == "approve":
        services.endorse(users["authority"], project, nepal.organisation_id, comment=DEMO)
    elif action == "close":
        services.accept_results(users["beneficiary"], project, nepal.organisation_id, DEMO)


def _before_closure(project: Project, spec: DemoProject, users) -> None:
    officer = users["officer"]
    services.write_final_report(officer, project, f"{DEMO} {spec.summary_en}")
    if spec.lesson:
        services.record_lesson(officer, project, dict(spec.lesson))


def _advance(project: Project, spec: DemoProject, users) -> Project:
    for action, persona in PATH[spec.status]:
        if action in ("approve", "close"):
            _nepal_speaks(project, users, action)
        if action == "close":
            _before_closure(project, spec, users)
        project = _step(project, action, users[persona])
        if action == "approve" and spec.historical_approval:
            project.approved_on = spec.historical_approval  # R11: classifications of that year
            project.save(update_fields=["approved_on"])
    return project


def load(log) -> str:
    users = {u.username: u for u in get_user_model().objects.filter(username__in=PERSONAS)}
    if len(users) < len(PERSONAS):
        return "projects: demo users missing, no demo project"
    created, missing = 0, []
    for spec in PROJECTS:
        if Project.objects.filter(code=spec.code).exists():
            continue
        project = _create(spec, users, missing)
        _advance(project, spec, users)
        created += 1
    summary = (
        f"projects: {created} created, {len(PROJECTS) - created} already there "
        "(beneficiaries are a representative subset of the demo registry; historical cases "
        "arranged where their beneficiaries have no demo person)"
    )
    if missing:
        summary += f"; organisations missing from the registry: {', '.join(sorted(set(missing)))}"
    return summary
