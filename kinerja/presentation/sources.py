"""The source documents behind what an export shows: named in full on the workbook's info sheet,
and briefly on the deck's title slide."""

import pandas as pd

from kinerja import db
from kinerja.filters import Filters
from kinerja.indonesian import format_number

SHORT_LIST = 6  # the title slide names this many documents, then says how many more


def documents(con, filters: Filters) -> pd.DataFrame:
    """kecamatan, kabupaten, tahun, berkas of each document with a position under the filters."""
    return db.run_query(con, "dokumen_sumber", **filters.params())


def short(documents: pd.DataFrame) -> str:
    """'Sumber: 4 dokumen IKI (Bululawang 2017, Lumajang 2023, …)', with 'dan N lainnya' past SHORT_LIST."""
    if documents.empty:
        return "Sumber: tidak ada dokumen untuk filter ini"
    named = [f"{row.kecamatan} {row.tahun}" for row in documents.itertuples()]
    listed = ", ".join(named[:SHORT_LIST])
    if len(named) > SHORT_LIST:
        listed += f" dan {format_number(len(named) - SHORT_LIST)} lainnya"
    return f"Sumber: {format_number(len(named))} dokumen IKI ({listed})"
