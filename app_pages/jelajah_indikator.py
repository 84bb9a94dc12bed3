"""Jelajah indikator: the full table under the filters, free-text search, CSV and XLSX download."""

import streamlit as st

from kinerja.presentation import views
from kinerja.ui import data, filters, widgets

widgets.heading(__file__)
cari = st.text_input(
    "Cari di indikator, formula, atau sasaran", key="cari", bind="query-params", placeholder="mis. laporan keuangan"
)
view = views.daftar(data.connection(), filters.current(), cari=cari or "")
st.caption(view.pesan)
if view.tabel.empty:
    widgets.empty_notice(None)
else:
    widgets.draw_table(view, height=520)
    widgets.table_downloads(view, "indikator")
