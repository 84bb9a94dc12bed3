"""Corrections an officer made where a document reads wrong (koreksi.csv beside the documents).

A correction changes one cell and is keyed to what it corrects, never to a copy of the data: the
document's content (its sha256), the position block's title as read, the indicator as read and
its occurrence among rows read alike. It is re-applied on every build; one whose document or row is
no longer read that way matches nothing and is reported, so a fix is never silently lost.

An empty `indikator` addresses the block itself: the only column it may change is `jabatan`.
"""

import csv
import io
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from kinerja.errors import BuildError
from kinerja.paths import raw_dir
from kinerja.spreadsheet import atomic_write

CORRECTIONS_NAME = "koreksi.csv"
TEXT_FIELDS = ("sasaran", "indikator", "formula", "target", "sumber_data")
OVERRIDE_FIELDS = ("polaritas", "kategori_formula")
BLOCK_FIELDS = ("jabatan",)
CORRECTION_COLUMNS = ["dokumen", "jabatan", "indikator", "urutan", "kolom", "nilai", "alasan", "oleh", "pada"]
HEADER_NOTE = (
    "# Koreksi petugas: satu sel per baris, dikunci pada isi dokumen (sha256) dan baris seperti terbaca\n"
    "# (judul jabatan, indikator, urutan). Koreksi yang tidak lagi cocok dilaporkan oleh `python -m kinerja check`.\n"
)


@dataclass
class Correction:
    dokumen: str  # sha256 of the document's content
    jabatan: str  # the block's title as read
    indikator: str  # the indicator as read; empty for the block's own title
    urutan: int  # 1 for the first row read with this title and indicator, 2 for the next, ...
    kolom: str
    nilai: str
    alasan: str = ""
    oleh: str = ""
    pada: str = ""
    row: int = 0  # line in the file, for messages
    used: int = 0

    @property
    def key(self) -> tuple[str, str, str, int]:
        return (self.dokumen, self.jabatan, self.indikator, self.urutan)


def corrections_path(directory: Path | None = None) -> Path:
    return (directory or raw_dir()) / CORRECTIONS_NAME


def _checked(row: dict, number: int, path: Path) -> Correction:
    kolom = (row.get("kolom") or "").strip()
    indikator = (row.get("indikator") or "").strip()
    allowed = BLOCK_FIELDS if not indikator else TEXT_FIELDS + OVERRIDE_FIELDS
    if kolom not in allowed:
        raise BuildError(f"{path}, baris {number}, kolom kolom: '{kolom}' tidak dikenal (boleh: {', '.join(allowed)})")
    if len((row.get("dokumen") or "").strip()) != 64:
        raise BuildError(f"{path}, baris {number}, kolom dokumen: diharapkan sha256 dokumen (64 karakter heksadesimal)")
    try:
        urutan = int(row.get("urutan") or 1)
    except ValueError:
        raise BuildError(f"{path}, baris {number}, kolom urutan: '{row.get('urutan')}' bukan bilangan") from None
    values = {c: (row.get(c) or "").strip() for c in ("dokumen", "jabatan", "nilai", "alasan", "oleh", "pada")}
    return Correction(**values, indikator=indikator, urutan=urutan, kolom=kolom, row=number)


def read_corrections(path: Path | None = None) -> list[Correction]:
    path = path or corrections_path()
    if not path.exists():
        return []
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(line for line in handle if not line.startswith("#")))
    return [_checked(row, number, path) for number, row in enumerate(rows, start=2)]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def save_corrections(new: list[Correction], who: str, path: Path | None = None) -> None:
    """Add corrections (a later one for the same cell replaces the earlier), all in one write."""
    path = path or corrections_path()
    kept = {(c.key, c.kolom): c for c in read_corrections(path)}
    when = _now()
    for correction in new:
        correction.oleh, correction.pada = who, when
        kept[(correction.key, correction.kolom)] = correction
    buffer = io.StringIO()
    buffer.write(HEADER_NOTE)
    writer = csv.DictWriter(buffer, fieldnames=CORRECTION_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for c in kept.values():
        writer.writerow({name: getattr(c, name) for name in CORRECTION_COLUMNS})
    atomic_write(path, buffer.getvalue().encode("utf-8"))


class Index:
    """The corrections by the row they address, counting which were used."""

    def __init__(self, corrections: list[Correction]):
        self.corrections = corrections
        self._by_key: dict[tuple, list[Correction]] = {}
        for correction in corrections:
            self._by_key.setdefault(correction.key, []).append(correction)

    def apply(self, dokumen: str, jabatan: str, indikator: str, urutan: int, values: dict) -> list[str]:
        """Change `values` in place; the columns corrected."""
        changed = []
        for correction in self._by_key.get((dokumen, jabatan, indikator, urutan), []):
            correction.used += 1
            values[correction.kolom] = correction.nilai
            changed.append(correction.kolom)
        return changed

    def unused(self) -> list[Correction]:
        return [c for c in self.corrections if c.used == 0]
