"""Admin of the knowledge app: one module per part, imported here so that Django finds them."""

from .assessments import admin as assessments_admin  # noqa: F401
from .needs import admin as needs_admin  # noqa: F401
from .solutions import admin as solutions_admin  # noqa: F401
from .vocabularies import admin as vocabularies_admin  # noqa: F401
