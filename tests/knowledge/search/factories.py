"""Records for the search tests: needs through NeedFactory, solutions created directly (their
services belong to the solutions part)."""

from csst.knowledge.models import Solution, SolutionStatus

from ..factories import NeedFactory, SdgTargetFactory, ThemeFactory

__all__ = ["NeedFactory", "SdgTargetFactory", "ThemeFactory", "make_solution"]


def make_solution(organisation, *, status=SolutionStatus.VALIDATED, themes=(), targets=(), **texts):
    """A solution written in both languages; `texts` override e.g. title_fr or approach_en."""
    fields = {
        "title_fr": "Solution", "title_en": "Solution",
        "problem_solved_fr": "Problème résolu", "problem_solved_en": "Problem solved",
        "approach_fr": "Démarche", "approach_en": "Approach",
    }  # fmt: skip
    solution = Solution.objects.create(
        organisation=organisation, country=organisation.country, status=status, **fields | texts
    )
    solution.themes.add(*themes)
    solution.sdg_targets.add(*targets)
    return solution
