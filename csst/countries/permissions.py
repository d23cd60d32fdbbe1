"""Who may change reference data: classification overrides and indicator imports."""

from django.utils.translation import gettext as _

from csst.accounts.permissions import is_administrator, is_bureau_officer
from csst.core.errors import NotAllowed

# Bureau officers and administrators maintain classifications and indicator values.
is_reference_editor = is_bureau_officer | is_administrator


def require_classification_editor(user) -> None:
    if not is_reference_editor(user):
        raise NotAllowed(
            _("Only bureau officers and administrators may override a country classification.")
        )


def require_indicator_importer(user) -> None:
    if not is_reference_editor(user):
        raise NotAllowed(_("Only bureau officers and administrators may import indicator values."))
