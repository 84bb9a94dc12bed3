"""Corrections an officer made where a document reads wrong (koreksi.csv beside the documents).

A correction changes one cell and is keyed to what it corrects, never to a copy of the data: the
document's content (its sha256), the position block's title as read, the indicator as read and
its occurrence among rows read alike. It is re-applied on every build; one whose document or row is
no longer read that way matches nothing and is reported, so a fix is never silently lost.

An empty `indikator` addresses the block itself: the only column it may change is `jabatan`.
"""

import csv
import io
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from kinerja.errors import BuildError
from kinerja.indonesian import utc_now
from kinerja.paths import raw_dir
from kinerja.spreadsheet import atomic_write

CORRECTIONS_NAME = "koreksi.csv"
TEXT_FIELDS = ("sasaran", "indikator", "formula", "target", "sumber_data")
OVERRIDE_FIELDS = ("polaritas", "kategori_formula")
BLOCK_FIELDS = ("jabatan",)
CORRECTION_COLUMNS = ["dokumen", "jabatan", "jabatan_ke", "indikator", "urutan", "kolom", "nilai", "alasan", "oleh", "pada"]
HEADER_NOTE = (
    "# Koreksi petugas: satu sel per baris, dikunci pada isi dokumen (sha256) dan baris seperti terbaca\n"
    "# (judul jabatan dan ke berapa judul itu, indikator dan ke berapa di bloknya). Koreksi yang tidak lagi cocok\n"
    "# dilaporkan oleh `python -m kinerja check`.\n"
)


@dataclass
class Correction:
    dokumen: str  # sha256 of the document's content
    jabatan: str  # the block's title as read
    jabatan_ke: int  # 1 for the first block with this title in the document, 2 for the next, ...
    indikator: str  # the indicator as read; empty for the block's own title
    urutan: int  # 1 for the first row of the block read with this indicator, 2 for the next, ...
    kolom: str
    nilai: str
    alasan: str = ""
    oleh: str = ""
    pada: str = ""
    row: int = 0  # line in the file, for messages
    used: int = 0

    @property
    def key(self) -> tuple[str, str, int, str, int]:
        return (self.dokumen, self.jabatan, self.jabatan_ke, self.indikator, self.urutan)


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
    counts = {}
    for column in ("jabatan_ke", "urutan"):
        try:
            counts[column] = int(row.get(column) or 1)
        except ValueError:
            raise BuildError(f"{path}, baris {number}, kolom {column}: '{row.get(column)}' bukan bilangan") from None
    values = {c: (row.get(c) or "").strip() for c in ("dokumen", "jabatan", "nilai", "alasan", "oleh", "pada")}
    return Correction(**values, **counts, indikator=indikator, kolom=kolom, row=number)


def read_corrections(path: Path | None = None) -> list[Correction]:
    path = path or corrections_path()
    return [_checked(row, number, path) for number, row in read_officers_file(path)]


def read_officers_file(path: Path) -> list[tuple[int, dict]]:
    """The rows of a file of officers' decisions (none when it does not exist), after its notes, each
    numbered as the file's line, the notes above the header counted: what an editor shows."""
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    notes = next((i for i, line in enumerate(lines) if not line.startswith("#")), len(lines))
    return list(enumerate(csv.DictReader(lines[notes:]), start=notes + 2))


def save_corrections(new: list[Correction], who: str, path: Path | None = None) -> None:
    """Add corrections (a later one for the same cell replaces the earlier), all in one write."""
    path = path or corrections_path()
    kept = {(c.key, c.kolom): c for c in read_corrections(path)}
    when = utc_now()
    for correction in new:
        correction.oleh, correction.pada = who, when
        kept[(correction.key, correction.kolom)] = correction
    write_officers_file(path, HEADER_NOTE, CORRECTION_COLUMNS, list(kept.values()))


def write_officers_file(path: Path, note: str, columns: list[str], rows: list) -> None:
    """A file of officers' decisions beside the documents: the note saying what it is, then the rows as
    CSV (each row's attributes named by `columns`), written whole at once."""
    buffer = io.StringIO()
    buffer.write(note)
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({name: getattr(row, name) for name in columns})
    atomic_write(path, buffer.getvalue().encode("utf-8"))


class Index:
    """The corrections by the row they address, counting which were used."""

    def __init__(self, corrections: list[Correction]):
        self.corrections = corrections
        self._by_key: dict[tuple, list[Correction]] = {}
        for correction in corrections:
            self._by_key.setdefault(correction.key, []).append(correction)

    def apply(self, key: tuple, values: dict) -> list[str]:
        """Change `values` in place for the row or block `key` names (see `identities`); the columns
        corrected."""
        changed = []
        for correction in self._by_key.get(key, []):
            correction.used += 1
            values[correction.kolom] = correction.nilai
            changed.append(correction.kolom)
        return changed

    def unused(self) -> list[Correction]:
        return [c for c in self.corrections if c.used == 0]


def identities(dokumen: str, blocks: list) -> list[tuple[tuple, list[tuple]]]:
    """The key of every block's title and of every row, in document order: the one definition of
    which row a correction is for, shared by the build and the upload page.

    A block: (dokumen, title as read, its occurrence among blocks so titled, "", 1). A row: (dokumen,
    title, that occurrence, indicator as read, its occurrence among the block's rows read alike)."""
    out = []
    titles: Counter = Counter()
    for block in blocks:
        titles[block.jabatan] += 1
        nth = titles[block.jabatan]
        alike: Counter = Counter()
        rows = []
        for raw in block.indicators:
            alike[raw.indikator] += 1
            rows.append((dokumen, block.jabatan, nth, raw.indikator, alike[raw.indikator]))
        out.append(((dokumen, block.jabatan, nth, "", 1), rows))
    return out
