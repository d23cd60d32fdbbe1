"""Forms of the delivery pages. They only parse input: the services check the rules and save."""

from django import forms
from django.utils.translation import gettext_lazy as _

from csst.core.currencies import currency_choices

from ..models import Activity, EquipmentItem, Participant, ResultIndicator

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ServiceForm(forms.ModelForm):
    """A model form that neither validates the model nor saves: the service does both, once."""

    currency_field = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.currency_field:
            self.fields[self.currency_field] = forms.ChoiceField(
                label=_("Currency"), choices=currency_choices(), initial="CHF"
            )

    def _post_clean(self):
        pass

    def service_data(self) -> dict:
        return dict(self.cleaned_data)


class ActivityForm(ServiceForm):
    currency_field = "cost_currency"

    class Meta:
        model = Activity
        fields = [
            "type",
            "title",
            "description",
            "host",
            "online",
            "place",
            "country",
            "start_date",
            "end_date",
            "cost",
            "cost_currency",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "start_date": DATE,
            "end_date": DATE,
        }


class ParticipantForm(ServiceForm):
    class Meta:
        model = Participant
        fields = ["name", "country", "organisation", "gender", "role", "attended", "satisfaction"]
        help_texts = {"name": _("Optional: participants may stay anonymous.")}


class PlainServiceForm(forms.Form):
    def service_data(self) -> dict:
        return dict(self.cleaned_data)


class ParticipantImportForm(PlainServiceForm):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "UTF-8, at most 200 kB and 500 lines. First line: country, gender, role, and "
            "optionally attended, satisfaction, organisation (id), name. Countries as ISO "
            "alpha-3 codes; genders female, male, other or undisclosed."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )


class EquipmentForm(ServiceForm):
    currency_field = "currency"

    class Meta:
        model = EquipmentItem
        fields = [
            "description",
            "quantity",
            "condition",
            "unit_value",
            "currency",
            "donor",
            "recipient",
            "handover_date",
        ]
        widgets = {"handover_date": DATE}
        help_texts = {"unit_value": _("The total value is computed: quantity × value per unit.")}


class IndicatorForm(ServiceForm):
    class Meta:
        model = ResultIndicator
        fields = [
            "level",
            "name",
            "unit",
            "baseline",
            "target",
            "country_indicator",
            "sdg_indicator",
            "final_value_justification",
        ]
        widgets = {"final_value_justification": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "final_value_justification": _(
                "Only when no final value can be given: closure needs one or the other."
            )
        }


class ValueForm(PlainServiceForm):
    period_end = forms.DateField(label=_("End of period"), widget=DATE)
    actual = forms.DecimalField(label=_("Actual"), max_digits=18, decimal_places=4)
    is_final = forms.BooleanField(label=_("Final value"), required=False)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class CancelForm(forms.Form):
    comment = forms.CharField(label=_("Reason"), max_length=2000)
