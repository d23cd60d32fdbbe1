"""Demo solutions and lessons learned (illustrative content, marked as demo).

Runs after the needs and assessments demos (organisations, personas and vocabularies exist by
then). Idempotent: a solution is found by its organisation and English title, a lesson by its
organisation and title, and each is created only when missing.

APPC's solutions go through the real services with the demo personas (`provider` writes, adds
evidence and submits; `officer` validates), so their timelines and the rules (South rule, four
eyes, both languages) are genuine. The other Southern operators have no demo user: their
solutions are recorded as the Bureau would have validated them before the platform existed
(no timeline). One validated solution is dated as reviewed 26 months ago, to show the stale flag.
Every figure is illustrative and every text says it is demo content.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone

from csst.core.errors import DomainError
from csst.organisations import demo as organisations_demo

from ..models import LessonLearned, SdgTarget, Solution, SolutionEvidence, SolutionStatus, Theme
from . import services
from .selectors import months_before

NOTE_EN = "Demo content: an illustrative example written for the demonstration, not a real offer."
NOTE_FR = (
    "Contenu de démonstration : exemple illustratif rédigé pour la démonstration, "
    "pas une offre réelle."
)
S = SolutionStatus


@dataclass(frozen=True)
class DemoSolution:
    organisation: str  # key in csst.organisations.demo
    status: str
    texts: dict  # title_fr, title_en, problem_solved_fr… (the note is appended to transfer texts)
    themes: list[str]
    sdg_targets: list[str]
    facts: dict = field(default_factory=dict)  # technology level, cost, languages, modalities
    reviewed_months_ago: int = 0


SOLUTIONS = [
    DemoSolution(
        "appc",
        S.VALIDATED,
        {
            "title_fr": "Cours en ligne sur les données électroniques préalables (EDI) et la "
            "préannonce douanière",
            "title_en": "E-learning course on electronic advance data (EDI) and customs pre-advice",
            "problem_solved_fr": "Dans plusieurs bureaux d'échange de la région, les données "
            "douanières des envois (messages ITMATT) sont saisies à la main ou pas du tout, ce "
            "qui retient les colis à destination.",
            "problem_solved_en": "In several offices of exchange of the region, customs data of "
            "items (ITMATT messages) are keyed by hand or not at all, which holds parcels at "
            "destination.",
            "approach_fr": "Un cours en ligne de six semaines, suivi à son rythme, avec des "
            "exercices sur les messages EDI de l'UPU et un tutorat hebdomadaire par "
            "visioconférence.",
            "approach_en": "A six-week self-paced online course with exercises on UPU EDI "
            "messages and weekly tutoring by video call.",
            "results_fr": "Chiffres illustratifs : 60 agents formés dans 8 pays ; part des "
            "envois avec données préalables passée de 35 % à 70 % en un an dans les bureaux "
            "participants.",
            "results_en": "Illustrative figures: 60 staff trained in 8 countries; share of "
            "items with advance data up from 35% to 70% within a year in the participating "
            "offices.",
            "transfer_conditions_fr": "Un accès Internet stable au bureau d'échange et un "
            "référent désigné par l'opérateur.",
            "transfer_conditions_en": "Stable Internet access at the office of exchange and a "
            "referent named by the operator.",
        },
        ["ecommerce-data-quality", "ecommerce-visibility", "training"],
        ["9.c", "17.11"],
        {
            "technology_level": "medium",
            "indicative_cost": "4500",
            "cost_currency": "USD",
            "languages": ["en"],
            "modalities": ["e_learning", "training_course"],
        },
    ),
    DemoSolution(
        "appc",
        S.VALIDATED,
        {
            "title_fr": "Programme de formation de formateurs à la qualité du service au guichet",
            "title_en": "Train-the-trainer programme for counter service quality",
            "problem_solved_fr": "Les réclamations au guichet restent élevées et les nouveaux "
            "agents sont formés sur le tas, sans référentiel commun.",
            "problem_solved_en": "Counter complaints stay high and new staff learn on the job, "
            "without a common standard.",
            "approach_fr": "Deux semaines au Collège pour former des formateurs nationaux, qui "
            "reproduisent ensuite le module dans leur réseau avec un kit pédagogique.",
            "approach_en": "Two weeks at the College to train national trainers, who then run "
            "the module in their own network with a training kit.",
            "results_fr": "Chiffres illustratifs : 24 formateurs certifiés ; délai d'attente "
            "moyen au guichet réduit d'un tiers dans les bureaux pilotes.",
            "results_en": "Illustrative figures: 24 trainers certified; average counter waiting "
            "time cut by a third in the pilot offices.",
            "transfer_conditions_fr": "L'opérateur libère ses formateurs pour deux semaines et "
            "organise au moins trois sessions nationales dans l'année.",
            "transfer_conditions_en": "The operator releases its trainers for two weeks and "
            "runs at least three national sessions within the year.",
        },
        ["quality-of-service", "training"],
        ["4.4", "9.c"],
        {
            "technology_level": "low",
            "indicative_cost": "12000",
            "cost_currency": "THB",
            "languages": ["en"],
            "modalities": ["training_course", "workshop"],
        },
        reviewed_months_ago=26,
    ),
    DemoSolution(
        "appc",
        S.SUBMITTED,
        {
            "title_fr": "Cours mixte sur la continuité des activités postales après une "
            "catastrophe",
            "title_en": "Blended course on postal business continuity after disasters",
            "problem_solved_fr": "Après un séisme ou un cyclone, les opérateurs reprennent le "
            "service sans plan, au cas par cas.",
            "problem_solved_en": "After an earthquake or a cyclone, operators restart services "
            "without a plan, case by case.",
            "approach_fr": "Trois modules en ligne puis un exercice de simulation d'une journée "
            "dans le pays, pour rédiger le plan de continuité de l'opérateur.",
            "approach_en": "Three online modules followed by a one-day simulation exercise in "
            "the country, to write the operator's continuity plan.",
            "results_fr": "",
            "results_en": "",
            "transfer_conditions_fr": "Une équipe de direction disponible pour l'exercice.",
            "transfer_conditions_en": "A management team available for the exercise.",
        },
        ["drm", "training"],
        ["11.5", "13.1"],
        {"technology_level": "low", "languages": ["en"], "modalities": ["e_learning", "workshop"]},
    ),
    DemoSolution(
        "bangladesh_post",
        S.VALIDATED,
        {
            "title_fr": "Inclusion financière postale : dépôts et retraits de monnaie mobile "
            "dans les bureaux ruraux",
            "title_en": "Postal financial inclusion: mobile money cash-in and cash-out at rural "
            "post offices",
            "problem_solved_fr": "Les ménages ruraux reçoivent des transferts sur leur "
            "téléphone mais n'ont pas de point proche pour les convertir en espèces.",
            "problem_solved_en": "Rural households receive transfers on their phones but have "
            "no nearby point to turn them into cash.",
            "approach_fr": "Les bureaux de poste ruraux deviennent agents de monnaie mobile : "
            "terminal au guichet, plafond de liquidités, procédures de contrôle et formation "
            "des guichetiers.",
            "approach_en": "Rural post offices become mobile money agents: a counter terminal, "
            "a cash ceiling, control procedures and counter staff training.",
            "results_fr": "Chiffres illustratifs : 500 bureaux équipés ; temps de trajet moyen "
            "vers un point de retrait divisé par deux pour les ménages desservis.",
            "results_en": "Illustrative figures: 500 offices equipped; average travel time to a "
            "cash-out point halved for the households served.",
            "transfer_conditions_fr": "Un partenaire de monnaie mobile agréé par la banque "
            "centrale et une couverture réseau mobile des bureaux.",
            "transfer_conditions_en": "A mobile money partner licensed by the central bank and "
            "mobile network coverage of the offices.",
        },
        ["financial-inclusion", "digital"],
        ["8.10", "10.c"],
        {
            "technology_level": "medium",
            "indicative_cost": "25000",
            "cost_currency": "USD",
            "languages": ["en"],
            "modalities": ["study_visit", "expert_mission"],
        },
        reviewed_months_ago=5,
    ),
    DemoSolution(
        "post_fiji",
        S.VALIDATED,
        {
            "title_fr": "Plan de continuité pour la saison des cyclones dans un réseau postal "
            "insulaire",
            "title_en": "Cyclone-season continuity plan for a small-island postal network",
            "problem_solved_fr": "Les cyclones isolent les îles périphériques pendant des "
            "jours ; les bureaux ne peuvent plus verser les prestations sociales.",
            "problem_solved_en": "Cyclones cut outer islands off for days; post offices can no "
            "longer pay social benefits.",
            "approach_fr": "Un plan par groupe d'îles : stocks de formulaires, alimentation de "
            "secours, liste d'appel, paiement hors ligne des prestations et exercice avant "
            "chaque saison.",
            "approach_en": "A plan per island group: forms in stock, backup power, call tree, "
            "offline payment of benefits and a drill before each season.",
            "results_fr": "Chiffres illustratifs : service rétabli en 48 heures au lieu d'une "
            "semaine lors de la dernière saison.",
            "results_en": "Illustrative figures: service restored within 48 hours instead of a "
            "week during the last season.",
            "transfer_conditions_fr": "Adapté aux opérateurs de petits États insulaires ; "
            "suppose un accord avec l'agence nationale de gestion des catastrophes.",
            "transfer_conditions_en": "Suited to operators of small island States; assumes an "
            "agreement with the national disaster management office.",
        },
        ["drm"],
        ["11.5", "13.1"],
        {
            "technology_level": "low",
            "indicative_cost": "8000",
            "cost_currency": "FJD",
            "languages": ["en"],
            "modalities": ["expert_mission", "workshop"],
        },
        reviewed_months_ago=10,
    ),
    DemoSolution(
        "bhutan_post",
        S.DRAFT,
        {
            "title_en": "Digital addresses for rural households with a simple code grid",
            "problem_solved_en": "Rural households have no street address, so parcels wait at "
            "the post office.",
            "approach_en": "A grid code per household, painted on the house and recorded in a "
            "register that carriers consult on their phones.",
            "transfer_conditions_en": "",
        },
        ["addressing"],
        ["9.1"],
        {"technology_level": "low", "languages": ["en"]},
    ),
]

# (organisation key, author username, turned into a draft solution by, fields)
LESSONS = [
    (
        "appc",
        "provider",
        "provider",
        {
            "title": "Pair the e-learning with a mentor at the home office",
            "language": "en",
            "context": "Learners of the online EDI course dropped out when nobody at their "
            "office followed their progress.",
            "lesson": "Completion rose when each learner had a named mentor at the home office "
            "and a short weekly check-in.",
            "recommendation": "Ask the operator to name a mentor before enrolling learners.",
            "themes": ["training"],
        },
    ),
    (
        "nepal_post",
        "beneficiary",
        None,
        {
            "title": "Train counter staff before switching on EDI scanning",
            "language": "en",
            "context": "Scanners were installed at the office of exchange before the staff "
            "were trained.",
            "lesson": "Scan events stayed incomplete until counter and dispatch staff were "
            "trained together on the whole flow.",
            "recommendation": "Plan the training before the equipment arrives.",
            "themes": ["ecommerce-visibility", "training"],
        },
    ),
]


def _codes(model, codes: list[str]) -> list:
    return list(model.objects.filter(code__in=codes))


def _demo_pdf(title: str) -> bytes:
    """A one-page PDF saying that it is illustrative demo evidence."""
    text = f"{title} - Demo content: illustrative evidence, not a real document."
    text = text.encode("latin-1", "replace").decode("latin-1")
    text = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    stream = f"BT /F1 11 Tf 40 800 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _evidence_file(spec: DemoSolution) -> ContentFile:
    return ContentFile(_demo_pdf(spec.texts["title_en"]), name="demo-evidence.pdf")


def _fields(spec: DemoSolution) -> dict:
    texts = dict(spec.texts)
    for lang, note in (("fr", NOTE_FR), ("en", NOTE_EN)):
        key = f"transfer_conditions_{lang}"
        if f"title_{lang}" in texts:
            texts[key] = f"{texts.get(key, '')}\n\n{note}".strip()
    return {
        **texts,
        **spec.facts,
        "themes": _codes(Theme, spec.themes),
        "sdg_targets": _codes(SdgTarget, spec.sdg_targets),
        "is_demo": True,
    }


def _through_services(spec: DemoSolution, users: dict) -> Solution:
    """The real lifecycle with the personas: provider writes and submits, officer validates."""
    provider, officer = users["provider"], users["officer"]
    solution = services.create_solution(provider, _fields(spec))
    if spec.texts.get("results_en"):
        evidence_title = "Evaluation summary (illustrative)"
        services.add_evidence(provider, solution, evidence_title, _evidence_file(spec))
    if spec.status in (S.SUBMITTED, S.VALIDATED):
        services.change_solution_status(provider, solution, "submit")
    if spec.status == S.VALIDATED:
        services.change_solution_status(officer, solution, "validate", "Demo review.")
    return solution


def _recorded(spec: DemoSolution, organisation, users: dict) -> Solution:
    """An operator without a demo user: stored as the Bureau had it before the platform."""
    fields = _fields(spec)
    themes, sdg_targets = fields.pop("themes"), fields.pop("sdg_targets")
    solution = Solution(organisation=organisation, country_id=organisation.country_id, **fields)
    if spec.status == S.VALIDATED:
        solution.status = S.VALIDATED
        solution.reviewed_at = timezone.localdate()
        solution.reviewed_by = users.get("officer")
    solution.full_clean(exclude=["search_text"])
    solution.save()
    solution.themes.set(themes)
    solution.sdg_targets.set(sdg_targets)
    if spec.texts.get("results_en"):
        SolutionEvidence.objects.create(
            solution=solution, title="Evaluation summary (illustrative)", file=_evidence_file(spec)
        )
    return solution


def _backdate_review(solution: Solution, months: int) -> None:
    """Demo only: pretend the last review happened `months` ago (the stale flag shows at 24)."""
    if months:
        day = months_before(timezone.localdate(), months) - timedelta(days=1)
        Solution.objects.filter(pk=solution.pk).update(reviewed_at=day)


def _load_solutions(users: dict, log) -> tuple[int, int]:
    created = existing = 0
    for spec in SOLUTIONS:
        organisation = organisations_demo.organisation(spec.organisation)
        if Solution.objects.filter(
            organisation=organisation, title_en=spec.texts["title_en"]
        ).exists():
            existing += 1
            continue
        try:
            if spec.organisation == "appc" and {"provider", "officer"} <= set(users):
                solution = _through_services(spec, users)
            else:
                solution = _recorded(spec, organisation, users)
        except DomainError as exc:  # e.g. classifications not loaded: the South rule refuses
            log(f"Demo solution skipped ({spec.texts['title_en']}): {exc.message}")
            continue
        _backdate_review(solution, spec.reviewed_months_ago)
        created += 1
    return created, existing


def _load_lessons(users: dict, log) -> int:
    created = 0
    for key, author, drafter, fields in LESSONS:
        organisation = organisations_demo.organisation(key)
        if LessonLearned.objects.filter(organisation=organisation, title=fields["title"]).exists():
            continue
        data = {**fields, "themes": _codes(Theme, fields["themes"]), "is_demo": True}
        data["recommendation"] = f"{data['recommendation']}\n\n{NOTE_EN}"
        lesson = LessonLearned(organisation=organisation, created_by=users.get(author))
        themes = data.pop("themes")
        for name, value in data.items():
            setattr(lesson, name, value)
        lesson.save()
        lesson.themes.set(themes)
        created += 1
        if drafter in users:
            try:
                services.draft_solution_from_lesson(users[drafter], lesson)
            except DomainError as exc:
                log(f"Demo lesson not turned into a solution: {exc.message}")
    return created


def load(log) -> str:
    usernames = ["provider", "officer", "beneficiary"]
    users = {u.username: u for u in get_user_model().objects.filter(username__in=usernames)}
    created, existing = _load_solutions(users, log)
    lessons = _load_lessons(users, log)
    return f"solutions: {created} created, {existing} already there; lessons: {lessons} created"
