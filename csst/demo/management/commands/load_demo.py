"""`csst load_demo`: load the demo data set. Safe to re-run: it only adds what is missing."""

from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import translation

# In dependency order; each module has `load(log) -> str` returning a one-line summary.
DEMO_MODULES = [
    "csst.countries.demo",
    "csst.organisations.demo",
    "csst.accounts.demo",
    "csst.portal.demo",
    "csst.knowledge.needs.demo",
    "csst.knowledge.assessments.demo",
    "csst.knowledge.solutions.demo",
    "csst.projects.demo",
    "csst.projects.delivery.demo",
]


class Command(BaseCommand):
    help = "Load the demo data set (organisations, demo users, public content). Idempotent."

    def handle(self, *args, **options):
        summaries = []
        # The demo texts are written in English; what the loaders generate (timeline comments,
        # drafted texts) follows them rather than the site's default language.
        with transaction.atomic(), translation.override("en"):
            for path in DEMO_MODULES:
                module = import_module(path)
                summaries.append(module.load(self.stdout.write))
        self.stdout.write(self.style.SUCCESS("Demo data ready: " + "; ".join(summaries)))
