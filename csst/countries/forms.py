from django import forms
from django.utils.translation import gettext_lazy as _

from .selectors import GROUP_NAMES, INCOME_LABELS, QUERY_MAX, DirectoryFilters


class DirectoryFilterForm(forms.Form):
    """GET filters of the country directory: a wrong value is ignored, never an error page."""

    q = forms.CharField(
        label=_("Name"),
        required=False,
        max_length=QUERY_MAX,
        widget=forms.TextInput(
            attrs={"type": "search", "autocomplete": "off", "placeholder": _("e.g. Côte d’Ivoire")}
        ),
    )
    status = forms.ChoiceField(
        label=_("South / North"),
        required=False,
        choices=[("", _("All countries")), ("south", _("South")), ("north", _("North"))],
    )
    region = forms.ChoiceField(label=_("Region"), required=False)
    group = forms.ChoiceField(
        label=_("UN group"),
        required=False,
        choices=[("", _("All groups")), *[(key, name) for key, name in GROUP_NAMES.items()]],
    )
    income = forms.ChoiceField(
        label=_("Income group"),
        required=False,
        choices=[("", _("All income groups")), *INCOME_LABELS.items()],
    )
    upu_member = forms.ChoiceField(
        label=_("UPU membership"),
        required=False,
        choices=[
            ("", _("Members and others")),
            ("yes", _("UPU members")),
            ("no", _("Not members")),
        ],
    )

    def __init__(self, *args, regions: list, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = [("", _("All regions")), *regions]

    def filters(self) -> DirectoryFilters:
        """The valid filter values (a wrong one is simply dropped)."""
        self.is_valid()
        data = self.cleaned_data
        return DirectoryFilters(
            south={"south": True, "north": False}.get(data.get("status") or ""),
            region=data.get("region") or "",
            group=data.get("group") or "",
            income=data.get("income") or "",
            upu_member={"yes": True, "no": False}.get(data.get("upu_member") or ""),
            q=data.get("q") or "",
        )

    def is_filtered(self) -> bool:
        return self.filters() != DirectoryFilters()


class MapForm(forms.Form):
    """What colours the world map: South/North (default) or one indicator."""

    colour = forms.ChoiceField(label=_("Colour the countries by"), required=False)

    def __init__(self, *args, indicators: list, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["colour"].choices = [
            ("", _("South / North")),
            *[(indicator.code, indicator.name) for indicator in indicators],
        ]

    def indicator(self) -> str | None:
        self.is_valid()
        return self.cleaned_data.get("colour") or None
