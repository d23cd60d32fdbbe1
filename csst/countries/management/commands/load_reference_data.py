"""`csst load_reference_data`: countries, regions, classifications and predefined indicators.

Idempotent and fast on a second run: each loader compares with what is stored and writes only the
differences. Officer overrides of classifications are never touched.
"""

from importlib import import_module

from django.core.management.base import BaseCommand

# Each module has `load(log) -> str` returning a one-line summary; later issues add theirs
# (SDGs, themes, IATI codelists, exchange rates).
REFERENCE_LOADERS = [
    "csst.countries.reference",
    "csst.knowledge.reference",
    "csst.knowledge.assessments.reference",
]


class Command(BaseCommand):
    help = "Load the reference data (countries, regions, classifications, indicators). Idempotent."

    def handle(self, *args, **options):
        summaries = [import_module(path).load(self.stdout.write) for path in REFERENCE_LOADERS]
        self.stdout.write(self.style.SUCCESS("Reference data ready: " + "; ".join(summaries)))
