"""Forms of the project pages. They parse input; the services check the rules and save."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from csst.core.currencies import currency_choices
from csst.knowledge.models import Need, SdgTarget, Theme
from csst.knowledge.vocabularies.forms import grouped_choices
from csst.organisations.models import Organisation

from .modality import Modality
from .models import ProjectPartner, ProjectStatus
from .readiness import ENDORSED_NEED_STATUSES

LANGUAGE_LABELS = dict(settings.LANGUAGES)
TEXT_LABELS = {"title": _("Title"), "summary": _("Summary")}
MODALITY_LABELS = {
    Modality.TRIANGULAR: _("Triangular"),
    Modality.SOUTH_SOUTH: _("South-South"),
    Modality.NORTH_SOUTH: _("North-South"),
    Modality.OTHER: _("Other"),
}


def _text_field(name: str, lang: str) -> forms.CharField:
    label = f"{TEXT_LABELS[name]} ({LANGUAGE_LABELS[lang]})"
    if name == "title":
        return forms.CharField(label=label, required=False, max_length=250)
    return forms.CharField(label=label, required=False, widget=forms.Textarea(attrs={"rows": 5}))


class NeedChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.title} — {obj.organisation} ({obj.get_status_display()})"


class ProjectForm(forms.Form):
    """French and English texts side by side (formulation may start in one language)."""

    start_date = forms.DateField(
        label=_("Start date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end_date = forms.DateField(
        label=_("End date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    budget = forms.DecimalField(
        label=_("Budget"), required=False, min_value=0, max_digits=18, decimal_places=2
    )
    budget_currency = forms.ChoiceField(label=_("Currency"), initial="CHF")
    themes = forms.ModelMultipleChoiceField(Theme.objects.all(), label=_("Themes"), required=False)
    sdg_targets = forms.ModelMultipleChoiceField(
        SdgTarget.objects.all(), label=_("SDG targets"), required=False
    )
    origin_needs = NeedChoice(
        Need.objects.filter(status__in=ENDORSED_NEED_STATUSES).select_related("organisation"),
        label=_("Origin needs (endorsed by their beneficiary)"),
        required=False,
    )

    TRANSLATED = ("title", "summary")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.TRANSLATED:
            for lang in LANGUAGE_LABELS:
                self.fields[f"{name}_{lang}"] = _text_field(name, lang)
        self.fields["budget_currency"].choices = currency_choices()
        theme_groups, target_groups = grouped_choices()
        if theme_groups is not None:
            self.fields["themes"].choices = theme_groups
            self.fields["sdg_targets"].choices = target_groups

    @classmethod
    def text_names(cls) -> list[str]:
        return [f"{name}_{lang}" for name in cls.TRANSLATED for lang in LANGUAGE_LABELS]

    def bilingual_rows(self) -> list[list]:
        return [[self[f"{name}_{lang}"] for lang in LANGUAGE_LABELS] for name in self.TRANSLATED]

    def other_fields(self) -> list:
        return [self[name] for name in self.fields if name not in self.text_names()]

    def service_data(self) -> dict:
        data = dict(self.cleaned_data)
        data["themes"] = [theme.code for theme in data["themes"]]
        data["sdg_targets"] = [target.code for target in data["sdg_targets"]]
        data["origin_needs"] = [need.pk for need in data["origin_needs"]]
        return data

    @classmethod
    def initial_for(cls, project) -> dict:
        initial = {name: getattr(project, name) or "" for name in cls.text_names()}
        initial.update(
            start_date=project.start_date,
            end_date=project.end_date,
            budget=project.budget,
            budget_currency=project.budget_currency,
            themes=list(project.themes.all()),
            sdg_targets=list(project.sdg_targets.all()),
            origin_needs=list(project.origin_needs.all()),
        )
        return initial


class PartnerForm(forms.Form):
    """A partner in an SSTC role; only the commitments change once it is added."""

    organisation = forms.ModelChoiceField(
        Organisation.objects.select_related("country"), label=_("Organisation")
    )
    role = forms.ChoiceField(
        label=_("Role"), choices=ProjectPartner._meta.get_field("role").choices
    )
    committed_cash = forms.DecimalField(
        label=_("Committed cash"), min_value=0, max_digits=18, decimal_places=2, initial=0
    )
    committed_in_kind = forms.DecimalField(
        label=_("Committed in kind (value)"),
        min_value=0,
        max_digits=18,
        decimal_places=2,
        initial=0,
    )
    currency = forms.ChoiceField(label=_("Currency"), initial="CHF")
    contribution_note = forms.CharField(
        label=_("What is committed"), required=False, max_length=300
    )

    def __init__(self, *args, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["currency"].choices = currency_choices()
        if editing:
            for name in ("organisation", "role", "currency"):
                del self.fields[name]


class FinalReportForm(forms.Form):
    text = forms.CharField(
        label=_("Final report"), max_length=20_000, widget=forms.Textarea(attrs={"rows": 10})
    )


class ProjectFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    modality = forms.ChoiceField(label=_("Modality"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    sdg_target = forms.CharField(label=_("SDG target or goal"), required=False, max_length=8)
    country = forms.CharField(label=_("Country (ISO alpha-3)"), required=False, max_length=3)
    region = forms.CharField(label=_("Region (M49 code)"), required=False, max_length=3)
    partner = forms.TypedChoiceField(
        label=_("Partner"), required=False, coerce=int, empty_value=None
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["modality"].choices = [("", _("Any modality")), *MODALITY_LABELS.items()]
        self.fields["status"].choices = [("", _("Any status")), *ProjectStatus.choices]
        self.fields["theme"].choices = [
            ("", _("Any theme")),
            *Theme.objects.values_list("code", "name"),
        ]
        partners = Organisation.objects.filter(project_partnerships__isnull=False).distinct()
        self.fields["partner"].choices = [
            ("", _("Any partner")),
            *((org.pk, str(org)) for org in partners.order_by("name")),
        ]
        self.fields["q"].widget.input_type = "search"

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        return {name: value for name, value in self.cleaned_data.items() if value not in ("", None)}

    def is_filtered(self) -> bool:
        return bool(self.filters())
