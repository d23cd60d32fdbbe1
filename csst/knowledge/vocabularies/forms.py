"""Form helpers shared by the pages that pick themes, SDG targets and working languages."""

from django.utils.translation import gettext_lazy as _

from .selectors import sdg_target_choices, theme_choices

LANGUAGE_NAMES = {
    "fr": _("French"),
    "en": _("English"),
    "es": _("Spanish"),
    "ar": _("Arabic"),
    "ru": _("Russian"),
    "pt": _("Portuguese"),
    "zh": _("Chinese"),
}


def grouped_choices():
    """Themes grouped by broader theme, and SDG targets by goal, for the selects."""
    return theme_choices(), sdg_target_choices()
