"""Parsing of IKI documents: the layout is recognised from the text, never from the file name."""

from pathlib import Path

from kinerja import GROUND_FLOOR
from kinerja.errors import IngestError
from kinerja.ingest.layout import Layout
from kinerja.ingest.markdown_decree import MarkdownDecree
from kinerja.ingest.meta import DocumentMeta, detect_meta
from kinerja.ingest.numbered_blocks import NumberedBlocks
from kinerja.ingest.ocr_table import OcrTable
from kinerja.ingest.records import Block, Note, ParsedDocument, RawIndicator
from kinerja.ingest.source import ACCEPTED_SUFFIXES, read_document, read_text

MAY_IMPORT = (*GROUND_FLOOR, "kinerja.ingest")

# Most specific first: a numbered-block document also has `Jabatan :` lines.
LAYOUTS: tuple[Layout, ...] = (NumberedBlocks(), MarkdownDecree(), OcrTable())


def detect_layout(text: str) -> Layout | None:
    for layout in LAYOUTS:
        if layout.looks_like(text):
            return layout
    return None


def parse_text(text: str, name: str = "<teks>") -> ParsedDocument:
    layout = detect_layout(text)
    if layout is None:
        raise IngestError(
            f"{name}: tidak ditemukan blok jabatan dengan tabel indikator "
            "(diharapkan baris 'JABATAN : …' dan header tabel 'INDIKATOR KINERJA')"
        )
    doc = layout.parse(text)
    if not doc.indicator_count:
        raise IngestError(f"{name}: blok jabatan ditemukan, tetapi tidak satu pun indikator terbaca")
    return doc


def parse_file(path: Path) -> ParsedDocument:
    """A document of any accepted format (.txt, .md, .docx, .pdf, a scan) parsed into records."""
    return parse_text(read_document(path), Path(path).name)


__all__ = [
    "ACCEPTED_SUFFIXES",
    "LAYOUTS",
    "Block",
    "DocumentMeta",
    "IngestError",
    "Layout",
    "Note",
    "ParsedDocument",
    "RawIndicator",
    "detect_layout",
    "detect_meta",
    "parse_file",
    "parse_text",
    "read_document",
    "read_text",
]
