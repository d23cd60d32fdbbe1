"""Checks and storage names for uploaded key documents.

Uploads are trusted only after three checks: size, extension, and the first bytes of the content
(an attacker can rename anything to .pdf). They are stored under MEDIA_ROOT/documents/ with a random
name, so a stored name never reveals or reuses what the uploader chose.
"""

import os
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

ZIP_MAGIC = b"PK\x03\x04"  # Office Open XML and OpenDocument files are zip archives


@dataclass(frozen=True)
class FileType:
    magic: bytes
    content_type: str


ALLOWED_TYPES = {
    ".pdf": FileType(b"%PDF-", "application/pdf"),
    ".docx": FileType(
        ZIP_MAGIC, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    ),
    ".xlsx": FileType(
        ZIP_MAGIC, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    ),
    ".pptx": FileType(
        ZIP_MAGIC, "application/vnd.openxmlformats-officedocument.presentationml.presentation"
    ),
    ".odt": FileType(ZIP_MAGIC, "application/vnd.oasis.opendocument.text"),
}


def extension_of(name: str) -> str:
    return os.path.splitext(name or "")[1].lower()


def document_upload_to(instance, filename: str) -> str:
    return f"documents/{secrets.token_hex(16)}{extension_of(filename)}"


def validate_document_file(value) -> None:
    """Size, extension and magic bytes of a new upload (stored files were checked already)."""
    if getattr(value, "_committed", True):
        return
    file_type = ALLOWED_TYPES.get(extension_of(value.name))
    if file_type is None:
        raise ValidationError(
            _("Only these file types are accepted: %(types)s.")
            % {"types": ", ".join(ext.lstrip(".") for ext in ALLOWED_TYPES)},
            code="extension",
        )
    if value.size > settings.UPLOAD_MAX_BYTES:
        raise ValidationError(
            _("The file is too large (maximum %(size)s).")
            % {"size": filesizeformat(settings.UPLOAD_MAX_BYTES)},
            code="size",
        )
    value.seek(0)
    head = value.read(len(file_type.magic))
    value.seek(0)
    if head != file_type.magic:
        raise ValidationError(_("The file content does not match its extension."), code="content")


def content_type_for(name: str) -> str:
    file_type = ALLOWED_TYPES.get(extension_of(name))
    return file_type.content_type if file_type else "application/octet-stream"
