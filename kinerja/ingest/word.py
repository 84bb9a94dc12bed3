"""Word documents (.docx) as text: paragraphs and tables in document order (python-docx)."""

from pathlib import Path

from kinerja.errors import IngestError


def docx_text(path: Path) -> str:
    raise IngestError(f"{path.name}: pembacaan Word belum tersedia")
