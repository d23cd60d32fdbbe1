"""Demo projects: the real cases of DOMAIN.md §1 (illustrative amounts labelled as such)."""


def load(log) -> str:
    return "projects: nothing yet"
