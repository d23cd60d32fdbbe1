"""The platform's own assessment frameworks, loaded by `csst load_reference_data`."""


def load(log=print) -> str:
    return "assessment frameworks: none yet"
