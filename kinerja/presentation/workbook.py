"""`Unduh buku kerja`: the views' tables as one Excel workbook, a sheet per view, after an info sheet
'Keterangan' that says what the workbook holds: the filters, when it was made, a warning where a
sheet shows illustrative example values, the sheets, and the source documents."""

import openpyxl
import pandas as pd
from openpyxl.styles import Font

from kinerja.filters import Filters
from kinerja.indonesian import format_datetime, format_number
from kinerja.presentation.views import EXAMPLE_SHEET, View
from kinerja.spreadsheet import neutralise, to_xlsx_bytes
from kinerja.vocab import readable

INFO_SHEET = "Keterangan"
TITLE = "Kinerja Kecamatan: tabel tampilan utama"
EXAMPLE_NOTE = (
    "Perhatian: lembar '{sheet}' berisi nilai realisasi CONTOH ILUSTRATIF untuk memperlihatkan cara kerja "
    "dasbor, bukan data resmi. Jangan dipakai sebagai capaian kecamatan."
)
STYLES = {
    "judul": Font(bold=True, size=14),
    "kepala": Font(bold=True),
    "peringatan": Font(bold=True, color="C00000"),
}
WIDTHS = {"A": 30, "B": 40, "C": 12, "D": 30}
SHEET_ROWS = 100_000  # rows a sheet holds; a longer table (all of Indonesia) is cut, and the info sheet says so
CUT_NOTE = "Lembar '{sheet}' memuat {shown} baris pertama dari {total}; persempit filter untuk tabel selengkapnya."


def example_sheets(views: list[View]) -> list[str]:
    """The sheets showing illustrative example values (marked in their names)."""
    return [view.sheet for view in views if EXAMPLE_SHEET in view.sheet]


def info_rows(views: list[View], filters: Filters, documents: pd.DataFrame, made: str) -> list[tuple[str, list]]:
    """The info sheet, row by row, each with its style: title, filters, time, warnings, the sheets
    with their takeaways, the source documents."""
    rows = [("judul", [TITLE]), ("", []), ("", ["Filter", filters.describe()]), ("", ["Dibuat", made])]
    for sheet in example_sheets(views):
        rows += [("", []), ("peringatan", [EXAMPLE_NOTE.format(sheet=sheet)])]
    for view in views:
        if len(view.tabel) > SHEET_ROWS:
            note = CUT_NOTE.format(sheet=view.sheet, shown=format_number(SHEET_ROWS), total=format_number(len(view.tabel)))
            rows += [("", []), ("peringatan", [note])]
    rows += [("", []), ("kepala", ["Lembar", "Kesimpulan"]), *(("", [v.sheet, v.pesan]) for v in views)]
    table = readable(documents[["kecamatan", "kabupaten", "tahun", "berkas"]])
    rows += [("", []), ("kepala", [f"Dokumen sumber ({format_number(len(table))})"]), ("kepala", list(table.columns))]
    rows += [("", row) for row in table.values.tolist()]
    return rows


def _write_info(book: openpyxl.Workbook, rows: list[tuple[str, list]]) -> None:
    sheet = book.create_sheet(INFO_SHEET, 0)
    for style, values in rows:
        sheet.append([neutralise(v) for v in values])
        for cell in sheet[sheet.max_row] if style else ():
            cell.font = STYLES[style]
    for letter, width in WIDTHS.items():
        sheet.column_dimensions[letter].width = width
    book.active = 0


def workbook(views: list[View], filters: Filters, documents: pd.DataFrame, made: str | None = None) -> bytes:
    """The info sheet, then one sheet per view's table (numbers as numbers, in Indonesian formats).
    `made` is when, in words; now by default."""
    rows = info_rows(views, filters, documents, made or format_datetime())
    tables = {view.sheet: view.tabel.head(SHEET_ROWS) for view in views}
    return to_xlsx_bytes(tables, finish=lambda book: _write_info(book, rows))
