"""Forms of the self-assessment pages: list filters, starting an assessment, reading answers."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from csst.core.errors import InvalidInput

from ..models import AssessmentFramework, AssessmentStatus


class AssessmentFilterForm(forms.Form):
    framework = forms.ChoiceField(label=gettext_lazy("Framework"), required=False)
    status = forms.ChoiceField(label=gettext_lazy("Status"), required=False)
    country = forms.CharField(
        label=gettext_lazy("Country (ISO alpha-3)"), required=False, max_length=3
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["framework"].choices = [
            ("", _("Any framework")),
            *AssessmentFramework.objects.values_list("code", "name"),
        ]
        self.fields["status"].choices = [("", _("Any status")), *AssessmentStatus.choices]

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        return {name: value for name, value in self.cleaned_data.items() if value}

    def is_filtered(self) -> bool:
        return bool(self.filters())


class StartForm(forms.Form):
    """Which framework, and for which organisation when the focal point acts for several."""

    framework = forms.ChoiceField(label=gettext_lazy("Framework"))

    def __init__(self, *args, frameworks=(), organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["framework"].choices = [(fw.code, fw.name) for fw in frameworks]
        if len(organisations) > 1:
            self.fields["organisation_id"] = forms.TypedChoiceField(
                label=gettext_lazy("Organisation"),
                choices=[(org.pk, str(org)) for org in organisations],
                coerce=int,
            )


def answers_from_post(data, items) -> list[dict]:
    """The answers of the fill-in form (`level-<item id>`, `comment-<item id>`) as the service
    takes them; an empty level means "not answered yet"."""
    answers = []
    for item in items:
        raw = (data.get(f"level-{item.pk}") or "").strip()
        try:
            level = int(raw) if raw else None
        except ValueError:
            raise InvalidInput(
                _("Item “%(code)s”: the level must be a whole number from 0 to 4.")
                % {"code": item.code}
            ) from None
        answers.append(
            {"item": item.code, "level": level, "comment": data.get(f"comment-{item.pk}", "")}
        )
    return answers
