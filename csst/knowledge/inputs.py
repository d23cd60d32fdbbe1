"""Checks of the input shared by the knowledge and project services (API and forms alike)."""

from django.utils.translation import gettext as _

from csst.core.errors import InvalidInput

# Working languages a need may ask for (the UPU's languages).
WORKING_LANGUAGES = ("fr", "en", "es", "ar", "ru", "pt", "zh")


def by_code(model, values, label: str) -> list:
    """Themes or SDG targets given as objects or codes; unknown codes name the field."""
    values = list(values or [])
    objects = [value for value in values if isinstance(value, model)]
    codes = [str(value) for value in values if not isinstance(value, model)]
    if codes:
        found = list(model.objects.filter(code__in=codes))
        unknown = sorted(set(codes) - {obj.code for obj in found})
        if unknown:
            raise InvalidInput(
                _("%(field)s: unknown codes %(codes)s.")
                % {"field": label, "codes": ", ".join(unknown)}
            )
        objects += found
    return objects


def check_choices(values, allowed, label: str) -> list[str]:
    if not isinstance(values, list | tuple):
        raise InvalidInput(_("%(field)s: a list is expected.") % {"field": label})
    values = [str(value) for value in values]
    unknown = sorted(set(values) - set(allowed))
    if unknown:
        raise InvalidInput(
            _("%(field)s: unknown values %(values)s.")
            % {"field": label, "values": ", ".join(unknown)}
        )
    return list(dict.fromkeys(values))  # no duplicates, order kept
