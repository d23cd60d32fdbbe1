from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """Loads the demo data set: each app's `demo.load()` in dependency order."""

    name = "csst.demo"
    label = "demo"
    verbose_name = _("Demo data")
