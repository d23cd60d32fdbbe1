"""Demo solutions (illustrative content, marked as demo)."""


def load(log) -> str:
    return "solutions: nothing yet"
