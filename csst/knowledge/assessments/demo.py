"""Demo assessments (illustrative content, marked as demo)."""


def load(log) -> str:
    return "assessments: nothing yet"
