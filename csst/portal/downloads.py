"""The HTTP answer for a stored key document, shared by the page view and the API."""

from django.http import FileResponse, Http404
from django.utils.cache import patch_cache_control

from .models import Document, Visibility
from .uploads import content_type_for


def document_file_response(document: Document) -> FileResponse:
    if not document.file:
        raise Http404
    try:
        handle = document.file.open("rb")
    except FileNotFoundError as exc:  # row without its file (restored database, manual deletion)
        raise Http404 from exc
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=document.download_name,
        content_type=content_type_for(document.file.name),
    )
    response["X-Content-Type-Options"] = "nosniff"
    if document.visibility != Visibility.PUBLIC:
        # Shared caches must not hand a restricted file to the next visitor.
        patch_cache_control(response, private=True, no_store=True)
    return response
