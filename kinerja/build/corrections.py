"""Corrections a person made by hand (data/corrections.csv): fixed text where a document's own text
is broken, or a polarity / formula category the rules cannot tell."""

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kinerja.errors import BuildError
from kinerja.paths import CORRECTIONS

if TYPE_CHECKING:  # only for the annotation: dataset.py imports this module
    from kinerja.build.dataset import Source

TEXT_FIELDS = ("sasaran", "indikator", "formula", "sumber_data")
OVERRIDE_FIELDS = ("polaritas", "kategori_formula")
CORRECTION_COLUMNS = ["kecamatan", "tahun", "jabatan", "cari", "kolom", "nilai", "alasan"]


@dataclass
class Correction:
    kecamatan: str
    tahun: int
    jabatan: str
    cari: str
    kolom: str
    nilai: str
    alasan: str
    row: int
    used: int = 0

    def matches(self, source: "Source", jabatan: str, record: dict) -> bool:
        return (
            self.kecamatan.lower() == source.kecamatan.lower()
            and self.tahun == source.tahun
            and self.jabatan.lower() in jabatan.lower()
            and self.cari.lower() in f"{record['indikator']} {record['formula']}".lower()
        )


def read_corrections(path: Path = CORRECTIONS) -> list[Correction]:
    if not path.exists():
        return []
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(line for line in handle if not line.startswith("#")))
    corrections = []
    for number, row in enumerate(rows, start=2):
        if row.get("kolom") not in TEXT_FIELDS + OVERRIDE_FIELDS:
            allowed = ", ".join(TEXT_FIELDS + OVERRIDE_FIELDS)
            raise BuildError(f"{path}, baris {number}, kolom kolom: '{row.get('kolom')}' tidak dikenal (boleh: {allowed})")
        try:
            tahun = int(row["tahun"])
        except (TypeError, ValueError):
            raise BuildError(f"{path}, baris {number}, kolom tahun: '{row.get('tahun')}' bukan tahun") from None
        corrections.append(Correction(**{c: row[c] for c in CORRECTION_COLUMNS if c != "tahun"}, tahun=tahun, row=number))
    return corrections
