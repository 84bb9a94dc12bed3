"""What a document says about itself: its kecamatan, year and kabupaten, for documents outside the
manifest (`kinerja ingest` and `kinerja check FILE`)."""

import re
from collections import Counter
from dataclasses import dataclass


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
