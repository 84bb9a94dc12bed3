"""Parsing of IKI documents: the layout is recognised from the text, never from the file name."""

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from kinerja.errors import IngestError
from kinerja.ingest import markdown_decree, numbered_blocks, ocr_table
from kinerja.ingest.records import Block, Note, ParsedDocument, RawIndicator

# Most specific first: a numbered-block document also has `Jabatan :` lines.
LAYOUTS = (numbered_blocks, markdown_decree, ocr_table)


def detect_layout(text: str):
    for layout in LAYOUTS:
        if layout.looks_like(text):
            return layout
    return None


def read_text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise IngestError(f"{path}: tidak dapat dibaca ({error.strerror})") from error
    if not raw.strip():
        raise IngestError(f"{path}: berkas kosong")
    if b"\x00" in raw[:4096]:
        raise IngestError(f"{path}: bukan berkas teks (ekstrak teks dari Word/PDF terlebih dahulu)")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


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
    return parse_text(read_text(path), str(path))


@dataclass
class DocumentMeta:
    kecamatan: str | None
    tahun: int | None
    kabupaten: str | None


_KECAMATAN = re.compile(r"\bKECAMATAN\s+([A-Z][A-Z]{2,})\b")
_CAMAT = re.compile(r"\bCAMAT[ \t]+([A-Z][A-Z]{2,})\b")  # on one line: "JABATAN : CAMAT / TUGAS" is no name
_PLACE_DATE = re.compile(r"^[ \t]*([A-Z][A-Za-z]+)[ \t]*,[ \t]*[.\w \t]*?\b((?:19|20)\d{2})[ \t]*$", re.M)
_HEADING_YEAR = re.compile(r"(?:\(IKI\)|KECAMATAN\s+[A-Z]+)\s+TAHUN\s+((?:19|20)\d{2})\b")
_YEAR = re.compile(r"\bTAHUN\s+((?:19|20)\d{2})\b", re.I)
_KABUPATEN = re.compile(r"\b(?:KABUPATEN|BUPATI)\s+([A-Z][A-Z]{2,})\b")
_NOT_NAMES = {"TAHUN", "DAN", "YANG", "KABUPATEN", "KECAMATAN", "SEKRETARIS", "INDIKATOR", "TUGAS", "FUNGSI", "JABATAN"}


def _most_common(values: list[str]) -> str | None:
    values = [v for v in values if v.upper() not in _NOT_NAMES]
    return Counter(values).most_common(1)[0][0] if values else None


def detect_meta(text: str) -> DocumentMeta:
    """Kecamatan, year and kabupaten as the document states them, when it does."""
    flat = re.sub(r"\s+", " ", text)
    names = [m.group(1).title() for m in _KECAMATAN.finditer(flat)]
    names += [m.group(1).title() for m in _CAMAT.finditer(text)]
    places = _PLACE_DATE.findall(text)
    names += [place.title() for place, _ in places]
    kabupaten = _most_common([m.group(1).title() for m in _KABUPATEN.finditer(flat)])
    # The signature date states the document's year best; the regulations it cites name others.
    year = None
    for candidates in ([y for _, y in places], _HEADING_YEAR.findall(flat), _YEAR.findall(flat)):
        if candidates:
            year = int(Counter(candidates).most_common(1)[0][0])
            break
    return DocumentMeta(kecamatan=_most_common(names), tahun=year, kabupaten=kabupaten)


__all__ = [
    "Block",
    "DocumentMeta",
    "IngestError",
    "Note",
    "ParsedDocument",
    "RawIndicator",
    "detect_layout",
    "detect_meta",
    "parse_file",
    "parse_text",
    "read_text",
]
