from django import forms
from django.utils.translation import gettext_lazy as _

from .models import OrganisationType


class OrganisationFilterForm(forms.Form):
    """GET filters of the directory: a wrong value is ignored, never an error page."""

    q = forms.CharField(
        label=_("Name or acronym"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    type = forms.ChoiceField(
        label=_("Type"),
        required=False,
        choices=[("", _("All types")), *OrganisationType.choices],
    )
    country = forms.ChoiceField(label=_("Country"), required=False)

    def __init__(self, *args, countries, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("All countries"))] + [
            (country.iso3, country.name) for country in countries
        ]

    def filters(self) -> dict:
        """The valid filter values (a wrong one is simply dropped)."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}
