"""Demo activities, participants, equipment and results of the demo projects (DOMAIN.md §1).

Runs after `csst.projects.demo`; projects are found by code and skipped (said in the summary) when
missing. Idempotent: an activity is found by its project and title, an indicator by its project
and name, a value by its period; participants and equipment are added only to an activity that
has none. Figures that are not public (counts, dates, splits, values) are labelled illustrative;
participants are anonymous (gender, country and role only).
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.contrib.auth import get_user_model

from csst.countries.models import Country, Indicator
from csst.organisations import demo as organisations_demo
from csst.organisations.models import Organisation

from ..models import (
    Activity,
    ActivityStatus,
    EquipmentItem,
    Participant,
    Project,
    ResultIndicator,
    ResultValue,
)

ILLUSTRATIVE = "Illustrative figures: counts, dates and costs are not public."
GREEN_PC_UNIT_VALUE = Decimal("300.00")  # illustrative: CHF 60,000 in kind / 200 computers
GREEN_PC_DESCRIPTION = "Refurbished (“green”) desktop computers — illustrative split, date, value"


@dataclass(frozen=True)
class DemoActivity:
    type: str
    title: str
    description: str
    status: str = ActivityStatus.COMPLETED
    host: str | None = None  # organisation key of csst.organisations.demo
    place: str = ""
    country: str | None = None
    start: date | None = None
    end: date | None = None
    cost: Decimal | None = None
    # (ISO alpha-3, gender, role, how many, satisfaction)
    participants: tuple = ()
    # (recipient key, quantity, handover date)
    equipment: tuple = ()


@dataclass(frozen=True)
class DemoIndicator:
    level: str
    name: str
    unit: str
    baseline: Decimal
    target: Decimal
    values: tuple = ()  # (period end, actual, final)
    country_indicator: str | None = None
    justification: str = ""


@dataclass(frozen=True)
class DemoDelivery:
    activities: tuple = ()
    indicators: tuple = ()
    donor: str = ""  # organisation key of the equipment donor


PACIFIC_OPERATORS = ("post_png", "post_fiji", "samoa_post", "tonga_post", "vanuatu_post")

DELIVERY = {
    "CSST-DEMO-KOREA-PC": DemoDelivery(
        donor="korea_post",
        activities=(
            DemoActivity(
                "equipment_donation",
                "Donation of 200 refurbished (“green”) computers to Pacific operators",
                "In-kind contribution of Korea Post: 200 refurbished computers for designated "
                "operators of Pacific countries. Illustrative: the split among operators and the "
                "handover dates are not public; the value per unit is the project's illustrative "
                "in-kind amount (CHF 60,000) divided by 200.",
                host="korea_post",
                country="KOR",
                start=date(2026, 4, 1),
                end=date(2026, 9, 30),
                equipment=tuple(
                    (key, 40, date(2026, 5 + index, 15))
                    for index, key in enumerate(PACIFIC_OPERATORS)
                ),
            ),
        ),
        indicators=(
            DemoIndicator(
                "output",
                "Computers handed over to Pacific operators",
                "computers",
                Decimal(0),
                Decimal(200),
                values=(
                    (date(2026, 6, 30), Decimal(80), False),
                    (date(2026, 9, 30), Decimal(200), False),
                ),
            ),
        ),
    ),
    "CSST-DEMO-APPC": DemoDelivery(
        activities=(
            DemoActivity(
                "training_course",
                "E-commerce and postal operations course for Asian LDC postal staff",
                "Course at the Asian-Pacific Postal College (China special fund). " + ILLUSTRATIVE,
                host="appc",
                place="Bangkok",
                country="THA",
                start=date(2026, 6, 8),
                end=date(2026, 6, 19),
                cost=Decimal("38000.00"),
                participants=(
                    ("NPL", "female", "trainee", 2, 5),
                    ("NPL", "male", "trainee", 2, 4),
                    ("BTN", "female", "trainee", 2, 4),
                    ("BTN", "male", "trainee", 1, 4),
                    ("BGD", "female", "trainee", 1, 5),
                    ("BGD", "male", "trainee", 3, 4),
                    ("KHM", "female", "trainee", 2, 4),
                    ("KHM", "male", "trainee", 1, 3),
                    ("THA", "female", "trainer", 1, None),
                ),
            ),
        ),
        indicators=(
            DemoIndicator(
                "output",
                "Postal staff of Asian LDCs trained",
                "people",
                Decimal(0),
                Decimal(16),
                values=((date(2026, 6, 30), Decimal(14), False),),
            ),
        ),
    ),
    "CSST-DEMO-ORE": DemoDelivery(
        activities=(
            DemoActivity(
                "workshop",
                "ORE workshop: minimum operational requirements and EDI data quality",
                "Operational Readiness for E-commerce, focus areas 1 and 3. " + ILLUSTRATIVE,
                place="Kathmandu",
                country="NPL",
                start=date(2024, 4, 8),
                end=date(2024, 4, 10),
                cost=Decimal("9500.00"),
                participants=(
                    ("NPL", "female", "trainee", 6, 4),
                    ("NPL", "male", "trainee", 9, 4),
                    ("NPL", "undisclosed", "trainee", 1, 5),
                    ("THA", "male", "expert", 1, None),
                ),
            ),
            DemoActivity(
                "expert_mission",
                "ORE expert mission: supply-chain integration and end-to-end reliability",
                "Follow-up mission at the office of exchange. " + ILLUSTRATIVE,
                status=ActivityStatus.PLANNED,
                place="Kathmandu",
                country="NPL",
                start=date(2026, 12, 7),
                end=date(2026, 12, 11),
            ),
        ),
        indicators=(
            DemoIndicator(
                "outcome",
                "Share of outbound items with EDI events (illustrative)",
                "%",
                Decimal(35),
                Decimal(90),
                values=(
                    (date(2024, 6, 30), Decimal(48), False),
                    (date(2024, 12, 31), Decimal(63), False),
                    (date(2025, 6, 30), Decimal(74), False),
                ),
            ),
            DemoIndicator(
                "output",
                "Staff trained in ORE procedures",
                "people",
                Decimal(0),
                Decimal(40),
                values=(
                    (date(2024, 6, 30), Decimal(16), False),
                    (date(2025, 6, 30), Decimal(27), False),
                ),
            ),
            DemoIndicator(
                "impact",
                "2IPD reliability pillar (R1) of the beneficiary (illustrative)",
                "score 0-100",
                Decimal(31),
                Decimal(40),
                country_indicator="2ipd-r1",
            ),
        ),
    ),
    "CSST-DEMO-SOCIAL": DemoDelivery(
        activities=(
            DemoActivity(
                "workshop",
                "Workshop: the post's social obligation and social services",
                "Japan special fund, 2019-2020. " + ILLUSTRATIVE,
                start=date(2019, 10, 7),
                end=date(2019, 10, 9),
                participants=(
                    ("NPL", "female", "trainee", 5, 4),
                    ("NPL", "male", "trainee", 7, 4),
                    ("KHM", "female", "trainee", 3, 5),
                    ("KHM", "male", "trainee", 2, 4),
                ),
            ),
            DemoActivity(
                "expert_mission",
                "Expert mission: designing social services at post offices",
                "Japan special fund, 2019-2020. " + ILLUSTRATIVE,
                start=date(2020, 2, 10),
                end=date(2020, 2, 14),
                participants=(
                    ("JPN", "male", "expert", 1, None),
                    ("NPL", "female", "organiser", 1, 5),
                ),
            ),
        ),
        indicators=(
            DemoIndicator(
                "output",
                "Postal staff trained in social services",
                "people",
                Decimal(0),
                Decimal(60),
                values=(
                    (date(2019, 12, 31), Decimal(17), False),
                    (date(2020, 12, 31), Decimal(52), True),
                ),
            ),
            DemoIndicator(
                "outcome",
                "Post offices offering at least one social service (illustrative)",
                "offices",
                Decimal(10),
                Decimal(30),
                values=((date(2020, 12, 31), Decimal(24), True),),
            ),
        ),
    ),
}


class Counter(dict):
    """How many records of each kind were created (0 on a second run)."""

    def add(self, name: str, created: int) -> None:
        self[name] = self.get(name, 0) + int(created)


def _organisation(key: str | None, missing: set) -> Organisation | None:
    if not key:
        return None
    try:
        return organisations_demo.organisation(key)
    except Organisation.DoesNotExist:
        missing.add(key)
        return None


def _countries(specs) -> dict[str, Country]:
    codes = {spec.country for spec in specs if spec.country}
    codes |= {row[0] for spec in specs for row in spec.participants}
    return {country.iso3: country for country in Country.objects.filter(iso3__in=codes)}


def _participants(activity, spec: DemoActivity, countries, counter) -> None:
    if activity.participants.exists():
        return
    rows = [
        Participant(
            activity=activity,
            country=countries[iso3],
            gender=gender,
            role=role,
            attended=True,
            satisfaction=satisfaction,
        )
        for iso3, gender, role, count, satisfaction in spec.participants
        if iso3 in countries
        for _index in range(count)
    ]
    Participant.objects.bulk_create(rows)
    counter.add("participants", len(rows))


def _equipment(activity, spec: DemoActivity, donor, missing: set, counter) -> None:
    if activity.equipment.exists() or donor is None:
        return
    for key, quantity, handover in spec.equipment:
        recipient = _organisation(key, missing)
        if recipient is None:
            continue
        EquipmentItem.objects.create(
            activity=activity,
            description=GREEN_PC_DESCRIPTION,
            quantity=quantity,
            condition="refurbished",
            unit_value=GREEN_PC_UNIT_VALUE,
            currency="CHF",
            donor=donor,
            recipient=recipient,
            handover_date=handover,
        )
        counter.add("equipment items", True)


def _activity(project, spec: DemoActivity, countries, missing, donor, counter) -> None:
    activity, created = Activity.objects.get_or_create(
        project=project,
        title=spec.title,
        defaults={
            "type": spec.type,
            "description": spec.description,
            "status": spec.status,
            "host": _organisation(spec.host, missing),
            "place": spec.place,
            "country": countries.get(spec.country),
            "start_date": spec.start,
            "end_date": spec.end,
            "cost": spec.cost,
        },
    )
    counter.add("activities", created)
    _participants(activity, spec, countries, counter)
    _equipment(activity, spec, donor, missing, counter)


def _indicator(project, spec: DemoIndicator, recorder, counter) -> None:
    indicator, created = ResultIndicator.objects.get_or_create(
        project=project,
        name=spec.name,
        defaults={
            "level": spec.level,
            "unit": spec.unit,
            "baseline": spec.baseline,
            "target": spec.target,
            "country_indicator": Indicator.objects.filter(code=spec.country_indicator).first(),
            "final_value_justification": spec.justification,
        },
    )
    counter.add("indicators", created)
    if recorder is None:
        return
    for period_end, actual, final in spec.values:
        _value, created = ResultValue.objects.get_or_create(
            indicator=indicator,
            period_end=period_end,
            defaults={
                "actual": actual,
                "is_final": final,
                "recorded_by": recorder,
                "note": "Illustrative value",
            },
        )
        counter.add("values", created)


def _load_project(project, delivery: DemoDelivery, recorder, missing, counter) -> None:
    countries = _countries(delivery.activities)
    donor = _organisation(delivery.donor, missing)
    for spec in delivery.activities:
        _activity(project, spec, countries, missing, donor, counter)
    for spec in delivery.indicators:
        _indicator(project, spec, recorder, counter)


def load(log) -> str:
    projects = {p.code: p for p in Project.objects.filter(code__in=DELIVERY)}
    recorder = get_user_model().objects.filter(username="officer").first()
    missing_orgs: set[str] = set()
    counter = Counter()
    for code, delivery in DELIVERY.items():
        if code in projects:
            _load_project(projects[code], delivery, recorder, missing_orgs, counter)
    notes = []
    skipped = sorted(set(DELIVERY) - set(projects))
    if skipped:
        notes.append(f"projects not found, skipped: {', '.join(skipped)}")
    if missing_orgs:
        notes.append(f"organisations not in the registry: {', '.join(sorted(missing_orgs))}")
    if recorder is None:
        notes.append("no demo officer: indicator values not recorded")
    figures = ", ".join(f"{count} {name}" for name, count in counter.items()) or "nothing new"
    summary = f"project delivery: {len(projects)} projects ({figures})"
    if notes:
        summary += "; " + "; ".join(notes)
    log(summary)
    return summary
