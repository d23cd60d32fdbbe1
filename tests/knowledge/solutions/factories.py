"""Factories of solutions and lessons learned."""

import factory

from csst.knowledge.models import LessonLearned, Solution, SolutionStatus

from ..factories import SdgTargetFactory, ThemeFactory


class SolutionFactory(factory.django.DjangoModelFactory):
    """A bilingual solution. Tests may set `status` directly to arrange a state (the code changes
    it only through the lifecycle)."""

    class Meta:
        model = Solution
        skip_postgeneration_save = True

    country = factory.SelfAttribute("organisation.country")
    title_fr = factory.Sequence(lambda n: f"Solution {n} (fr)")
    title_en = factory.Sequence(lambda n: f"Solution {n}")
    problem_solved_fr = "Les colis ne sont pas suivis."
    problem_solved_en = "Parcels are not tracked."
    approach_fr = "Formation en ligne."
    approach_en = "E-learning course."
    status = SolutionStatus.DRAFT
    review_comment = "internal review note"

    @factory.post_generation
    def vocabularies(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.themes.add(ThemeFactory(code="ecommerce"))
            obj.sdg_targets.add(SdgTargetFactory(code="9.c"))


class LessonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LessonLearned

    title = factory.Sequence(lambda n: f"Lesson {n}")
    language = "en"
    context = "Customs data were keyed by hand."
    lesson = "Pre-advice works when counter staff are trained first."
    recommendation = "Train counter staff before switching on EDI."
