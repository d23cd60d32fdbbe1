"""Admin of the knowledge app: one module per part, imported here so that Django finds them."""

from .needs import admin as needs_admin  # noqa: F401
from .vocabularies import admin as vocabularies_admin  # noqa: F401
