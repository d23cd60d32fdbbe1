"""The HTTP answer for a stored evidence file, shared by the page view and the API.

The caller has checked that the user may see the solution (selectors.evidence_for)."""

from django.http import FileResponse, Http404
from django.utils.cache import patch_cache_control
from django.utils.text import slugify

from csst.portal.uploads import content_type_for, extension_of

from .permissions import PUBLIC_STATUSES


def evidence_file_response(evidence) -> FileResponse:
    if not evidence.file:
        raise Http404
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError as exc:  # row without its file (restored database, manual deletion)
        raise Http404 from exc
    name = f"{slugify(evidence.title)[:80] or 'evidence'}{extension_of(evidence.file.name)}"
    response = FileResponse(
        handle, as_attachment=True, filename=name, content_type=content_type_for(evidence.file.name)
    )
    response["X-Content-Type-Options"] = "nosniff"
    if evidence.solution.status not in PUBLIC_STATUSES:
        # Shared caches must not hand a draft's file to the next visitor.
        patch_cache_control(response, private=True, no_store=True)
    return response
