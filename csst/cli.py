import os
import sys


def main() -> None:
    """Entry point of `csst` and `manage.py`: run a Django management command."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
