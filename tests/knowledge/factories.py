"""Factories of the knowledge app (vocabulary rows are created directly, not loaded)."""

import factory

from csst.knowledge.models import Need, NeedStatus, SdgGoal, SdgTarget, Theme


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"theme-{n}")
    name_fr = factory.LazyAttribute(lambda t: f"Thème {t.code}")
    name_en = factory.LazyAttribute(lambda t: f"Theme {t.code}")


class SdgGoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SdgGoal
        django_get_or_create = ("number",)

    number = 9
    title_fr = "Industrie, innovation et infrastructure"
    title_en = "Industry, innovation and infrastructure"


class SdgTargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SdgTarget
        django_get_or_create = ("code",)

    goal = factory.SubFactory(SdgGoalFactory)
    code = factory.Sequence(lambda n: f"9.{n + 1}")
    title_fr = factory.LazyAttribute(lambda t: f"Cible {t.code}")
    title_en = factory.LazyAttribute(lambda t: f"Target {t.code}")


class NeedFactory(factory.django.DjangoModelFactory):
    """A need; `aligned=True` adds a theme, an SDG target and a national priority reference.
    Tests may set `status` directly to arrange a state (the code changes it only by lifecycle)."""

    class Meta:
        model = Need
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Need {n}")
    problem = "Parcels cannot be tracked."
    country = factory.SelfAttribute("organisation.country")
    status = NeedStatus.DRAFT
    internal_notes = "secret note"
    screening_comment = ""

    class Params:
        aligned = factory.Trait(national_priority_reference="National postal strategy, axis 2")

    @factory.post_generation
    def vocabularies(obj, create, extracted, **kwargs):
        if create and obj.national_priority_reference:
            obj.themes.add(ThemeFactory(code="ecommerce"))
            obj.sdg_targets.add(SdgTargetFactory(code="9.c"))
