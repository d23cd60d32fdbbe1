"""The search form, shared by the page and the API (one place that says what a valid filter is).

Choices are callables: they are read from the database only when the form is rendered or when a
value is given, so the API pays nothing for the filters it is not sent.
"""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from csst.countries.models import Country
from csst.countries.selectors import name_sort_key, region_choices

from ..models import NeedStatus, SolutionStatus
from ..vocabularies.selectors import sdg_goals, theme_tree

QUERY_MAX = 200
NEEDS, SOLUTIONS, ALL = "needs", "solutions", "all"
STATUSES = {NEEDS: NeedStatus, SOLUTIONS: SolutionStatus}


class QuickSelect(forms.Select):
    """A <select> whose options are written in Python: the SDG targets, countries and regions
    make ~450 options, which Django's one-template-per-option rendering takes ~100 ms to write."""

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        attributes = flatatt(self.build_attrs(self.attrs, {**(attrs or {}), "name": name}))
        options = self._options(self.choices, "" if value is None else str(value))
        return format_html("<select{}>{}</select>", attributes, options)

    def _options(self, choices, selected: str) -> SafeString:
        return format_html_join(
            "", "{}", ((self._option(*choice, selected),) for choice in choices)
        )

    def _option(self, value, label, selected: str) -> SafeString:
        if isinstance(label, list | tuple):
            return format_html(
                '<optgroup label="{}">{}</optgroup>', value, self._options(label, selected)
            )
        chosen = " selected" if str(value) == selected else ""
        return format_html('<option value="{}"{}>{}</option>', value, chosen, label)


def _choice_field(label, choices) -> forms.ChoiceField:
    return forms.ChoiceField(label=label, required=False, choices=choices, widget=QuickSelect)


def _theme_choices() -> list:
    """Top-level themes (with what lies below them), then each narrower theme indented."""
    choices = [("", _("All themes"))]
    for node in theme_tree():
        choices.append((node.theme.code, str(node.theme.name)))
        choices += [(child.theme.code, f"— {child.theme.name}") for child in node.children]
    return choices


def _sdg_choices() -> list:
    """Each goal ("9": every target of goal 9) heads a group with its targets."""
    choices = [("", _("All goals and targets"))]
    for goal in sdg_goals(with_targets=True):
        label = f"{goal.number}. {goal.short_title or goal.title}"
        whole = (str(goal.number), _("Goal %(label)s (all targets)") % {"label": label})
        targets = [
            (target.code, f"{target.code} — {target.title}") for target in goal.targets.all()
        ]
        choices.append((label, [whole, *targets]))
    return choices


def _country_choices() -> list:
    # Names in the active language (modeltranslation), accents aside in the order.
    countries = Country.objects.order_by(name_sort_key()).values_list("iso3", "name")
    return [("", _("All countries")), *countries]


def _region_choices() -> list:
    return [("", _("All regions")), *region_choices()]


def _status_choices() -> list:
    return [
        ("", _("Any status")),
        (_("Needs"), NeedStatus.choices),
        (_("Solutions"), SolutionStatus.choices),
    ]


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=QUERY_MAX,
        widget=forms.TextInput(
            attrs={"type": "search", "autocomplete": "off", "placeholder": _("e.g. training")}
        ),
    )
    kind = forms.ChoiceField(
        label=_("Look in"),
        required=False,
        choices=[(ALL, _("Needs and solutions")), (NEEDS, _("Needs")), (SOLUTIONS, _("Solutions"))],
    )
    theme = _choice_field(_("Theme"), _theme_choices)
    sdg = _choice_field(_("SDG goal or target"), _sdg_choices)
    country = _choice_field(_("Country"), _country_choices)
    region = _choice_field(_("Region"), _region_choices)
    status = _choice_field(_("Status"), _status_choices)

    def clean(self):
        data = super().clean()
        status = data.get("status")
        if status and not any(status in STATUSES[kind].values for kind in self.kinds()):
            self.add_error("status", _("This status does not apply to what you look in."))
        return data

    def kinds(self) -> list[str]:
        """The sections to show: needs, solutions or both."""
        kind = self.cleaned_data.get("kind") if hasattr(self, "cleaned_data") else None
        return [kind] if kind in STATUSES else [NEEDS, SOLUTIONS]

    def filters(self) -> dict:
        """The valid filters, as `search.filtered` takes them (a wrong one is dropped)."""
        self.is_valid()
        data = self.cleaned_data
        return {
            "q": data.get("q") or None,
            "theme": data.get("theme") or None,
            "sdg_target": data.get("sdg") or None,
            "country": data.get("country") or None,
            "region": data.get("region") or None,
            "status": data.get("status") or None,
        }

    def is_filtered(self) -> bool:
        return any(self.filters().values()) or self.kinds() != [NEEDS, SOLUTIONS]

    def error_message(self) -> str:
        """Every error in one sentence per field (for the API's `{message}`)."""
        return " ".join(f"{field}: {' '.join(errors)}" for field, errors in self.errors.items())
