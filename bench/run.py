"""`make bench`: how list pages and API lists scale with the number of rows.

Every figure is a ratio against a baseline measured in the same run on the same machine (the
layout-only 404 page), so results compare across machines. A paginated list should cost about the
same with 100 and with 20,000 rows behind it; a ratio that grows with the rows is a regression.
"""

import os
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORKDIR = tempfile.mkdtemp(prefix="csst-bench-")
# BENCH_DATABASE_URL runs it on another database (an empty one: it is migrated and filled).
os.environ["DATABASE_URL"] = os.environ.get(
    "BENCH_DATABASE_URL", f"sqlite:///{WORKDIR}/bench.sqlite3"
)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings_test")
os.environ["ALLOWED_HOSTS"] = "testserver"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from csst.portal.models import NewsItem, NewsStatus  # noqa: E402

REPEAT = 40
SIZES = [100, 20_000]
SEARCH_SIZES = [1_000, 100_000]  # needs, and as many solutions
PROJECT_SIZES = [1_000, 100_000]


def median_seconds(client: Client, url: str) -> float:
    client.get(url)  # warm caches and template loading
    timings = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        response = client.get(url)
        timings.append(time.perf_counter() - start)
        assert response.status_code in (200, 404), (url, response.status_code)
    return statistics.median(timings)


def seed_news(total: int) -> None:
    have = NewsItem.objects.count()
    first = date(2000, 1, 1)
    NewsItem.objects.bulk_create(
        NewsItem(
            title_fr=f"Actualité {i}",
            title_en=f"News {i}",
            summary_fr="Résumé",
            summary_en="Summary",
            body_fr="Texte",
            body_en="Text",
            status=NewsStatus.PUBLISHED,
            published_on=first + timedelta(days=i % 9000),
        )
        for i in range(have, total)
    )


def bench_countries(client: Client) -> None:
    """The directory, a profile, the map and the API over the full UN M49 reference data."""
    call_command("load_reference_data", stdout=open(os.devnull, "w"))  # noqa: SIM115
    baseline = median_seconds(client, "/fr/no-such-page/")
    cases = {
        "countries directory (248 countries)": "/fr/countries/",
        "countries directory, South + LDC filter": "/fr/countries/?status=south&group=ldc",
        "country profile (Nepal)": "/fr/countries/NPL/",
        "world map page": "/fr/countries/map/",
        "API countries list (limit=50)": "/api/v1/countries?limit=50",
        "API countries list (limit=500)": "/api/v1/countries?limit=500",
    }
    print(f"\n(baseline: the 404 page, {baseline * 1000:.1f} ms a request here)")
    for name, url in cases.items():
        print(f"{name:42} {median_seconds(client, url) / baseline:>14.2f}×")


# Words of the synthetic needs and solutions: each record takes three, so that a common word
# ("formation") matches one row in twenty and "madagascar" one row in 10,000.
SEARCH_WORDS = [
    "formation",
    "guichet",
    "colis",
    "suivi",
    "adressage",
    "courrier",
    "paiement",
    "epargne",
    "douane",
    "logistique",
    "training",
    "counter",
    "parcel",
    "tracking",
    "addressing",
    "mail",
    "payment",
    "savings",
    "customs",
    "logistics",
]


def _search_text(i: int) -> str:
    words = [SEARCH_WORDS[(i * k) % len(SEARCH_WORDS)] for k in (1, 7, 13)]
    return " ".join(words + (["madagascar"] if i % 10_000 == 0 else []))


def seed_search(total: int) -> None:
    """Needs and solutions up to `total` each, bulk-created with `search_text` filled."""
    from csst.countries.models import Country
    from csst.knowledge.models import Need, Solution, Theme
    from csst.organisations.models import Organisation

    country = Country.objects.get(iso3="NPL")
    organisation, _ = Organisation.objects.get_or_create(
        name_fr="Bench Post", defaults={"name_en": "Bench Post", "country": country}
    )
    theme = Theme.objects.order_by("pk").first()
    have = Need.objects.count()
    common = {"organisation": organisation, "country": country}
    needs = Need.objects.bulk_create(
        Need(title=_search_text(i), problem=_search_text(i), search_text=_search_text(i),
             status="draft" if i % 5 == 1 else "open", **common)
        for i in range(have, total)
    )  # fmt: skip
    solutions = Solution.objects.bulk_create(
        Solution(title_fr=_search_text(i), title_en=_search_text(i), problem_solved=_search_text(i),
                 approach="-", search_text=_search_text(i),
                 status="draft" if i % 5 == 1 else "validated", **common)
        for i in range(have, total)
    )  # fmt: skip
    for model, rows in ((Need, needs), (Solution, solutions)):
        through = model.themes.through
        through.objects.bulk_create(through(**{model._meta.model_name: row, "theme": theme})
                                    for row in rows[::3])  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def bench_search(client: Client) -> None:
    """The search page and API over needs + solutions (public visitor)."""
    from csst.knowledge.models import Theme

    theme = Theme.objects.order_by("pk").first().code
    cases = {
        "search page, no words": "/fr/knowledge/search/",
        "search page, common word": "/fr/knowledge/search/?q=formation",
        "search page, rare word": "/fr/knowledge/search/?q=madagascar",
        "search page, 2 words + theme + status": (
            f"/fr/knowledge/search/?q=colis+suivi&theme={theme}&status=open&kind=needs"
        ),
        "search page, partial word, page 50": (
            "/fr/knowledge/search/?q=logist&needs_page=50&solutions_page=50"
        ),
        "API search, common word (limit=20)": "/api/v1/search?q=formation",
        "API search, no words (limit=100)": "/api/v1/search?limit=100",
    }
    print(f"\n{'search (needs + as many solutions)':42} "
          + " ".join(f"{n:>10,} each" for n in SEARCH_SIZES))  # fmt: skip
    results: dict[str, list[float]] = {name: [] for name in cases}
    for size in SEARCH_SIZES:
        seed_search(size)
        baseline = median_seconds(client, "/fr/no-such-page/")
        for name, url in cases.items():
            results[name].append(median_seconds(client, url) / baseline)
    for name, ratios in results.items():
        print(f"{name:42} " + " ".join(f"{r:>14.2f}×" for r in ratios))


def _bench_organisation(name: str, iso3: str | None):
    from csst.countries.models import Country
    from csst.organisations.models import Organisation

    country = Country.objects.get(iso3=iso3) if iso3 else None
    organisation, _ = Organisation.objects.get_or_create(
        name_fr=name, defaults={"name_en": name, "country": country}
    )
    return organisation


def seed_projects(total: int) -> None:
    """Approved (public) projects up to `total`, each with a beneficiary, a pivotal partner and a
    facilitator, bulk-created with their cached modality and `search_text`."""
    from csst.projects.models import Project, ProjectPartner

    corners = [
        ("beneficiary", _bench_organisation("Bench Post", "NPL")),
        ("pivotal", _bench_organisation("Bench College", "THA")),
        ("facilitating", _bench_organisation("Bench Donor", "JPN")),
    ]
    have = Project.objects.count()
    projects = Project.objects.bulk_create(
        Project(code=f"BENCH-{i:06d}", title_fr=f"Projet {_search_text(i)}",
                title_en=f"Project {_search_text(i)}", search_text=_search_text(i),
                status="approved", approved_on=date(2026, 1, 1),
                modality="triangular" if i % 4 else "south-south")
        for i in range(have, total)
    )  # fmt: skip
    ProjectPartner.objects.bulk_create(
        ProjectPartner(project=project, organisation=organisation, role=role,
                       committed_cash=1000 if role == "facilitating" and i % 4 else 0)
        for i, project in enumerate(projects, start=have)
        for role, organisation in corners
    )  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def bench_projects(client: Client) -> None:
    """The project list, its filters, a deep page, the API and one project page (public)."""
    from csst.projects.models import Project

    cases = {
        "projects page 1": "/fr/projects/",
        "projects, modality + country filter": "/fr/projects/?modality=triangular&country=THA",
        "projects, text search": "/fr/projects/?q=madagascar",
        "projects, page 40": "/fr/projects/?page=40",
        "API projects (limit=50)": "/api/v1/projects?limit=50",
        "project page": None,
    }
    print(f"\n{'projects (3 partners each)':42} "
          + " ".join(f"{n:>10,} rows" for n in PROJECT_SIZES))  # fmt: skip
    results: dict[str, list[float]] = {name: [] for name in cases}
    for size in PROJECT_SIZES:
        seed_projects(size)
        baseline = median_seconds(client, "/fr/no-such-page/")
        cases["project page"] = Project.objects.order_by("pk").first().get_absolute_url()
        for name, url in cases.items():
            results[name].append(median_seconds(client, url) / baseline)
    for name, ratios in results.items():
        print(f"{name:42} " + " ".join(f"{r:>14.2f}×" for r in ratios))


def main() -> None:
    call_command("migrate", verbosity=0)
    client = Client()
    cases = {
        "news page 1 (/fr/media/)": "/fr/media/",
        "news last pages (/fr/media/?page=…)": None,
        "API news list (limit=50)": "/api/v1/news?limit=50",
        "API news deep offset": None,
    }
    print(f"{'case':42} " + " ".join(f"{n:>10,} rows" for n in SIZES))
    results: dict[str, list[float]] = {name: [] for name in cases}
    for size in SIZES:
        seed_news(size)
        baseline = median_seconds(client, "/fr/no-such-page/")
        urls = dict(cases)
        urls["news last pages (/fr/media/?page=…)"] = f"/fr/media/?page={size // 10}"
        urls["API news deep offset"] = f"/api/v1/news?limit=50&offset={size - 50}"
        for name, url in urls.items():
            results[name].append(median_seconds(client, url) / baseline)
    for name, ratios in results.items():
        print(f"{name:42} " + " ".join(f"{r:>14.2f}×" for r in ratios))
    bench_countries(client)
    bench_search(client)
    bench_projects(client)
    print(
        f"(ratios against the layout-only 404 page; median of {REPEAT} requests;"
        f" {connection.vendor}, {connection.settings_dict['NAME']})"
    )


if __name__ == "__main__":
    main()
