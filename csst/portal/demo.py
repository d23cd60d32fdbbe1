def load(log) -> str:
    return "portal: nothing yet"
