"""How data reads to people: Indonesian column names, labels for codes, Indonesian number format."""

import pandas as pd

from kinerja.vocab import BIDANG_LABELS, JENIS_LABELS, KATEGORI_LABELS

COLUMN_LABELS = {
    "kecamatan": "Kecamatan",
    "kabupaten": "Kabupaten",
    "tahun": "Tahun",
    "jabatan_urutan": "Urutan",
    "jabatan": "Jabatan (tertulis)",
    "jabatan_baku": "Jabatan",
    "jenis_jabatan": "Jenis jabatan",
    "bidang": "Bidang",
    "sasaran": "Sasaran",
    "indikator": "Indikator",
    "formula": "Formula / penjelasan",
    "kategori_formula": "Kategori formula",
    "satuan": "Satuan",
    "polaritas": "Polaritas",
    "target": "Target",
    "target_satuan": "Satuan target",
    "sumber_data": "Sumber data",
    "indikator_id": "ID indikator",
    "jumlah_indikator": "Jumlah indikator",
    "jumlah_jabatan": "Jumlah jabatan",
    "jabatan_berindikator": "Jabatan berindikator",
    "terukur": "Formula terukur",
    "bertarget": "Bertarget",
    "persen_terukur": "% terukur",
    "persen_bertarget": "% bertarget",
    "indikator_per_jabatan": "Indikator per jabatan",
    "kecamatan_sama": "Kecamatan dengan indikator sama",
    "capaian": "Capaian (%)",
    "predikat": "Predikat",
    "realisasi": "Realisasi",
    "alasan": "Alasan",
}
VALUE_LABELS = {"jenis_jabatan": JENIS_LABELS, "bidang": BIDANG_LABELS, "kategori_formula": KATEGORI_LABELS}


def readable(frame: pd.DataFrame) -> pd.DataFrame:
    """Codes replaced by their Indonesian labels and columns renamed for people."""
    frame = frame.copy()
    for column, labels in VALUE_LABELS.items():
        if column in frame:
            frame[column] = frame[column].map(labels).fillna(frame[column])
    return frame.rename(columns=COLUMN_LABELS)


def angka(value: float, decimals: int = 0) -> str:
    """Indonesian number format: 1.234,5."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def persen(part: float, whole: float) -> str:
    return f"{angka(100 * part / whole)}%" if whole else "–"
