def load(log) -> str:
    return "accounts: nothing yet"
