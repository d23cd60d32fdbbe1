"""`csst import_indicators FILE.csv`: insert or update dated indicator values per country.

Columns: indicator,country,date,value,source (+ optional indicator_name_en, indicator_name_fr,
unit, illustrative). A file with any problem changes nothing; each problem is listed with its row
and column.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from csst.core.errors import DomainError
from csst.countries.services import import_indicator_values


class Command(BaseCommand):
    help = "Import indicator values from a CSV file (indicator,country,date,value,source)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV file, UTF-8, comma- or semicolon-separated")
        parser.add_argument(
            "--user", help="record the import as done by this user (must be a bureau officer)"
        )

    def handle(self, *args, **options):
        actor = None
        if options["user"]:
            try:
                actor = get_user_model().objects.get(username=options["user"])
            except get_user_model().DoesNotExist as exc:
                raise CommandError(f"No user named {options['user']!r}.") from exc
        try:
            with open(options["file"], "rb") as handle:
                result = import_indicator_values(actor, handle)
        except OSError as exc:
            raise CommandError(f"Cannot read {options['file']}: {exc.strerror}") from exc
        except DomainError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(self.style.SUCCESS(f"Indicator values imported: {result}"))
