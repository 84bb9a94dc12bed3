"""`Unduh buku kerja`: the views' tables as one Excel workbook, a sheet per view."""

from kinerja.presentation.views import View
from kinerja.spreadsheet import to_xlsx_bytes


def workbook(views: list[View]) -> bytes:
    return to_xlsx_bytes({view.sheet: view.tabel for view in views})
