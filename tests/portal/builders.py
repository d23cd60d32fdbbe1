"""Builders of portal content for the tests (bilingual and valid unless told otherwise)."""

import itertools

from django.core.files.uploadedfile import SimpleUploadedFile

from csst.portal.models import Document, NewsItem, NewsStatus, Visibility

_numbers = itertools.count(1)

PDF_BYTES = b"%PDF-1.4\n% test document\n"


def news(status=NewsStatus.DRAFT, **fields) -> NewsItem:
    n = next(_numbers)
    values = {
        "title_fr": f"Actualité {n}",
        "title_en": f"News {n}",
        "summary_fr": "Résumé en français.",
        "summary_en": "Summary in English.",
        "body_fr": "Texte en **français**.",
        "body_en": "Text in **English**.",
        "status": status,
        **fields,
    }
    if status == NewsStatus.PUBLISHED:
        values.setdefault("published_on", f"2024-01-{n % 28 + 1:02d}")
    return NewsItem.objects.create(**values)


def document(visibility=Visibility.PUBLIC, **fields) -> Document:
    n = next(_numbers)
    values = {
        "title_fr": f"Document {n}",
        "title_en": f"Document {n} (EN)",
        "year": 2022,
        "language": "fr",
        "category": "report",
        "visibility": visibility,
        "source_url": "https://www.upu.int/",
        **fields,
    }
    return Document.objects.create(**values)


def pdf_upload(name="report.pdf", content=PDF_BYTES) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")
