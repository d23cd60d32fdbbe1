"""Forms of the need pages: filters of the list, and the need itself (focal points)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..inputs import WORKING_LANGUAGES
from ..models import Modality, Need, NeedStatus, SdgTarget, SelfAssessment, Theme
from ..vocabularies.forms import LANGUAGE_NAMES, grouped_choices


class SelfAssessmentChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.framework} — {obj.organisation} ({obj.get_status_display()}, {obj.pk})"


def _assessments_of(organisation_ids):
    """The self-assessments a need of these organisations may cite."""
    return SelfAssessment.objects.filter(organisation_id__in=organisation_ids).select_related(
        "framework", "organisation"
    )


class NeedForm(forms.ModelForm):
    """What a focal point writes; the service checks ownership and saves (the form never does)."""

    themes = forms.ModelMultipleChoiceField(
        Theme.objects.all(), label=_("Themes"), required=False, widget=forms.SelectMultiple
    )
    sdg_targets = forms.ModelMultipleChoiceField(
        SdgTarget.objects.all(),
        label=_("SDG targets"),
        required=False,
        widget=forms.SelectMultiple,
    )
    preferred_modalities = forms.MultipleChoiceField(
        label=_("Preferred modalities"),
        choices=Modality.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    languages = forms.MultipleChoiceField(
        label=_("Working languages"),
        choices=[(code, LANGUAGE_NAMES[code]) for code in WORKING_LANGUAGES],
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Need
        fields = [
            "title",
            "language",
            "problem",
            "expected_results",
            "national_priority_reference",
            "themes",
            "sdg_targets",
            "preferred_modalities",
            "languages",
            "urgency",
            "internal_notes",
            "self_assessment",
        ]
        field_classes = {"self_assessment": SelfAssessmentChoice}
        widgets = {
            "problem": forms.Textarea(attrs={"rows": 6}),
            "expected_results": forms.Textarea(attrs={"rows": 4}),
            "internal_notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        theme_groups, target_groups = grouped_choices()
        if theme_groups is not None:
            self.fields["themes"].choices = theme_groups
            self.fields["sdg_targets"].choices = target_groups
        help_text = _("Needed before submission (alignment rule).")
        for name in ("themes", "sdg_targets", "national_priority_reference"):
            self.fields[name].help_text = help_text
        owners = [self.instance.organisation_id] if self.instance.pk else organisations or []
        self.fields["self_assessment"].queryset = _assessments_of(
            [getattr(org, "pk", org) for org in owners]
        )
        if organisations and len(organisations) > 1:
            self.fields["organisation_id"] = forms.TypedChoiceField(
                label=_("Requesting organisation"),
                choices=[(org.pk, str(org)) for org in organisations],
                coerce=int,
            )
            self.order_fields(["organisation_id"])

    def service_data(self) -> dict:
        """The cleaned data as the services take it."""
        data = dict(self.cleaned_data)
        data["themes"] = list(data["themes"])
        data["sdg_targets"] = list(data["sdg_targets"])
        assessment = data.pop("self_assessment", None)
        data["self_assessment_id"] = assessment.pk if assessment else None
        return data


class NeedFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    status = forms.ChoiceField(label=_("Status"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    country = forms.CharField(label=_("Country (ISO alpha-3)"), required=False, max_length=3)
    region = forms.CharField(label=_("Region (M49 code)"), required=False, max_length=3)
    sdg_target = forms.CharField(label=_("SDG target"), required=False, max_length=8)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", _("Any status")), *NeedStatus.choices]
        self.fields["theme"].choices = [
            ("", _("Any theme")),
            *Theme.objects.values_list("code", "name"),
        ]
        self.fields["q"].widget.input_type = "search"

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        return {name: value for name, value in self.cleaned_data.items() if value}

    def is_filtered(self) -> bool:
        return bool(self.filters())
