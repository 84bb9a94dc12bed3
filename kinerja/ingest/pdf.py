"""Born-digital PDFs as text: lines and tables with their positions (pdfplumber)."""

from pathlib import Path

from kinerja.errors import IngestError


def pdf_text(path: Path) -> str:
    raise IngestError(f"{path.name}: pembacaan PDF belum tersedia")
