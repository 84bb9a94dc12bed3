"""Scans (PDF pages without a text layer, photos) as text: OCR in Indonesian with tesseract."""

from pathlib import Path

from kinerja.errors import IngestError


def image_text(path: Path) -> str:
    raise IngestError(f"{path.name}: OCR belum tersedia")


def scanned_pdf_text(path: Path) -> str:
    raise IngestError(f"{path.name}: OCR belum tersedia")


def ocr_available() -> str | None:
    return None
