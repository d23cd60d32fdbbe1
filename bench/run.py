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
os.environ["DATABASE_URL"] = f"sqlite:///{WORKDIR}/bench.sqlite3"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings_test")
os.environ["ALLOWED_HOSTS"] = "testserver"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

from csst.portal.models import NewsItem, NewsStatus  # noqa: E402

REPEAT = 40
SIZES = [100, 20_000]


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
    print(
        f"(ratios against the layout-only 404 page; median of {REPEAT} requests;"
        f" SQLite in {WORKDIR})"
    )


if __name__ == "__main__":
    main()
