"""Forms of the solution and lesson pages. They parse input; the services check rules and save."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from csst.core.currencies import currency_choices

from ..inputs import WORKING_LANGUAGES
from ..models import LessonLearned, Modality, SdgTarget, SolutionStatus, TechnologyLevel, Theme
from ..vocabularies.forms import LANGUAGE_NAMES, grouped_choices
from .services import MAX_COST
from .workflow import TRANSLATED_FIELDS

TEXT_LABELS = {
    "title": _("Title"),
    "problem_solved": _("Problem solved"),
    "approach": _("Approach"),
    "results": _("Results achieved"),
    "transfer_conditions": _("Conditions of transfer"),
}
LANGUAGE_LABELS = dict(settings.LANGUAGES)


def _text_field(name: str, lang: str) -> forms.CharField:
    label = f"{TEXT_LABELS[name]} ({LANGUAGE_LABELS[lang]})"
    if name == "title":
        return forms.CharField(label=label, required=False, max_length=200)
    return forms.CharField(label=label, required=False, widget=forms.Textarea(attrs={"rows": 5}))


class SolutionForm(forms.Form):
    """French and English texts side by side (a draft may be in one language), and the facts.

    `texts_only`: what a bureau officer may complete while the solution awaits validation.
    """

    technology_level = forms.ChoiceField(
        label=_("Technology level"), choices=TechnologyLevel.choices
    )
    indicative_cost = forms.DecimalField(
        label=_("Indicative cost"),
        required=False,
        min_value=0,
        max_value=MAX_COST,
        decimal_places=2,
    )
    cost_currency = forms.ChoiceField(label=_("Currency"), required=False)
    languages = forms.MultipleChoiceField(
        label=_("Languages of the solution"),
        choices=[(code, LANGUAGE_NAMES[code]) for code in WORKING_LANGUAGES],
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    modalities = forms.MultipleChoiceField(
        label=_("Forms of transfer"),
        choices=Modality.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    themes = forms.ModelMultipleChoiceField(Theme.objects.all(), label=_("Themes"), required=False)
    sdg_targets = forms.ModelMultipleChoiceField(
        SdgTarget.objects.all(), label=_("SDG targets"), required=False
    )

    def __init__(self, *args, organisations=None, texts_only=False, **kwargs):
        super().__init__(*args, **kwargs)
        for name in TRANSLATED_FIELDS:
            for lang in LANGUAGE_LABELS:
                self.fields[f"{name}_{lang}"] = _text_field(name, lang)
        self.fields["cost_currency"].choices = [("", "—"), *currency_choices()]
        self._vocabularies()
        if texts_only:
            for name in [n for n in self.fields if n not in self.text_names()]:
                del self.fields[name]
        elif organisations and len(organisations) > 1:
            self.fields["organisation_id"] = forms.TypedChoiceField(
                label=_("Provider organisation"),
                choices=[(org.pk, str(org)) for org in organisations],
                coerce=int,
            )

    def _vocabularies(self) -> None:
        """Themes under their broader theme, SDG targets under their goal."""
        theme_groups, target_groups = grouped_choices()
        if theme_groups is not None:
            self.fields["themes"].choices = theme_groups
            self.fields["sdg_targets"].choices = target_groups

    @staticmethod
    def text_names() -> list[str]:
        return [f"{name}_{lang}" for name in TRANSLATED_FIELDS for lang in LANGUAGE_LABELS]

    def bilingual_rows(self) -> list[list]:
        """[[French field, English field], …] for the side-by-side layout."""
        return [[self[f"{name}_{lang}"] for lang in LANGUAGE_LABELS] for name in TRANSLATED_FIELDS]

    def other_fields(self) -> list:
        return [self[name] for name in self.fields if name not in self.text_names()]

    def service_data(self) -> dict:
        data = dict(self.cleaned_data)
        for name in ("themes", "sdg_targets"):
            if name in data:
                data[name] = list(data[name])
        return data

    @classmethod
    def initial_for(cls, solution) -> dict:
        initial = {name: getattr(solution, name) or "" for name in cls.text_names()}
        initial.update(
            technology_level=solution.technology_level,
            indicative_cost=solution.indicative_cost,
            cost_currency=solution.cost_currency,
            languages=solution.languages,
            modalities=solution.modalities,
            themes=list(solution.themes.all()),
            sdg_targets=list(solution.sdg_targets.all()),
        )
        return initial


class EvidenceForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    file = forms.FileField(
        label=_("Document (PDF, Word, Excel, PowerPoint, OpenDocument text)"), required=False
    )
    source_url = forms.URLField(
        label=_("Or a link to it"), required=False, max_length=500, assume_scheme="https"
    )


class SolutionFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    sdg_target = forms.CharField(label=_("SDG target"), required=False, max_length=8)
    country = forms.CharField(label=_("Country (ISO alpha-3)"), required=False, max_length=3)
    region = forms.CharField(label=_("Region (M49 code)"), required=False, max_length=3)
    technology_level = forms.ChoiceField(label=_("Technology level"), required=False)
    stale = forms.TypedChoiceField(
        label=_("Review"),
        required=False,
        choices=[
            ("", _("Any")),
            ("1", _("Stale (not reviewed for 24 months)")),
            ("0", _("Up to date")),
        ],
        coerce=lambda value: value == "1",
        empty_value=None,
    )
    status = forms.ChoiceField(label=_("Status"), required=False)

    def __init__(self, *args, show_status=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [
            ("", _("Any theme")),
            *Theme.objects.values_list("code", "name"),
        ]
        self.fields["technology_level"].choices = [("", _("Any level")), *TechnologyLevel.choices]
        self.fields["status"].choices = [("", _("Any status")), *SolutionStatus.choices]
        if not show_status:
            del self.fields["status"]
        self.fields["q"].widget.input_type = "search"

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        return {name: value for name, value in self.cleaned_data.items() if value not in ("", None)}

    def is_filtered(self) -> bool:
        return bool(self.filters())


class LessonForm(forms.ModelForm):
    themes = forms.ModelMultipleChoiceField(Theme.objects.all(), label=_("Themes"), required=False)

    class Meta:
        model = LessonLearned
        fields = ["title", "language", "context", "lesson", "recommendation", "themes"]
        widgets = {
            "context": forms.Textarea(attrs={"rows": 5}),
            "lesson": forms.Textarea(attrs={"rows": 5}),
            "recommendation": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        if organisations is not None and len(organisations) > 1:
            self.fields["organisation_id"] = forms.TypedChoiceField(
                label=_("Organisation"),
                choices=[(org.pk, str(org)) for org in organisations],
                coerce=int,
            )
            self.order_fields(["organisation_id"])

    def service_data(self) -> dict:
        data = dict(self.cleaned_data)
        data["themes"] = list(data["themes"])
        return data
