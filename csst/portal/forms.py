from django import forms
from django.utils.translation import gettext_lazy as _

from .models import DocumentCategory, DocumentLanguage


class DocumentFilterForm(forms.Form):
    """GET filters of the key documents page: a wrong value is ignored, never an error page."""

    category = forms.ChoiceField(
        label=_("Category"),
        required=False,
        choices=[("", _("All categories")), *DocumentCategory.choices],
    )
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("All languages")), *DocumentLanguage.choices],
    )
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", _("All years"))] + [(y, str(y)) for y in years]

    def filters(self) -> dict:
        """The valid filter values (a wrong one is simply dropped)."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


class ReturnToDraftForm(forms.Form):
    """The comment an editor must give when returning a news item to its author."""

    comment = forms.CharField(
        label=_("Why is it returned?"), widget=forms.Textarea(attrs={"rows": 4}), max_length=2000
    )
