"""Tables on screen: Indonesian numbers that stay numbers, years as written, blanks for missing values."""

import re

import pandas as pd

from kinerja import db
from kinerja.filters import Filters
from kinerja.presentation import views
from kinerja.presentation.tables import for_screen

INDONESIAN_NUMBER = re.compile(r"-?\d{1,3}(\.\d{3})*(,\d+)?")


def shown(frame: pd.DataFrame) -> list[list[str]]:
    """The display text of every cell, as the page receives it."""
    styled = for_screen(frame)
    styled._compute()
    return [[styled._display_funcs[(i, j)](frame.iat[i, j]) for j in range(frame.shape[1])] for i in range(len(frame))]


def test_numbers_years_booleans_and_gaps():
    frame = pd.DataFrame(
        {
            "Tahun": [2024, 2025],
            "Capaian (%)": [17.14, None],
            "Indikator": [1250, 3],
            "Target": [87.5, 0.25],
            "Catatan": ["ada", None],
            "Dibatalkan": [True, False],
        }
    )
    assert shown(frame) == [["2024", "17,14", "1.250", "87,50", "ada", "ya"], ["2025", "", "3", "0,25", "", "tidak"]]
    assert for_screen(frame).data["Indikator"].dtype.kind == "i"  # still a number: sorts and aligns as one


def test_every_table_of_the_key_views_has_no_english_numbers_or_gaps_written_out(real_data):
    con = db.connect(real_data)
    for view in views.key_views(con, Filters()):
        for row in shown(view.tabel):
            for column, cell in zip(view.tabel.columns, row, strict=True):
                assert cell not in {"None", "nan", "NaN", "<NA>", "empty"}, view.key
                if column != "Tahun" and re.fullmatch(r"-?[\d.,]+", cell):
                    assert INDONESIAN_NUMBER.fullmatch(cell), (view.key, cell)  # '17,1', '1.250'; never '17.1'
    share = views.kategori(con, Filters(kecamatan=("Lumajang",)))
    assert ["Lumajang", "Persentase", "8", "24,2"] in shown(share.tabel)


def test_the_columns_that_matter_most_come_first(real_data):
    con = db.connect(real_data)
    shown = [
        views.daftar(con, Filters()),
        views.contoh_kategori(con, Filters()),
        views.perbandingan(con, Filters(), jabatan="Kepala Seksi Pemerintahan"),
    ]
    firsts = [tuple(view.tabel.columns[: len(view.utama)]) for view in shown]
    assert firsts == [("Indikator",), ("Formula / penjelasan",), ("Kecamatan", "Indikator")]
    assert [view.utama for view in shown] == firsts
