"""Jelajah indikator: the indicator table under the filters, free-text search, one page of rows at a
time, and the whole table as CSV or XLSX."""

import streamlit as st

from kinerja.presentation import views
from kinerja.ui import data, filters, widgets

widgets.heading(__file__)
cari = st.text_input(
    "Cari di indikator, formula, atau sasaran", key="cari", bind="query-params", placeholder="mis. laporan keuangan"
)
chosen, con, words = filters.current(), data.connection(), cari or ""
page = st.session_state.get("daftar_halaman", 1)  # the page chosen under the table, read before the query
view = views.daftar(con, chosen, cari=words, page=page)
st.caption(view.pesan)
if view.tabel.empty:
    widgets.empty_notice(None)
else:
    widgets.table(view.tabel, pinned=view.utama, key="daftar", height=520)
    if view.jumlah > views.PAGE_ROWS:
        widgets.page_choice(view.jumlah, "daftar")
    widgets.table_downloads(view, "indikator", lambda: views.daftar_semua(con, chosen, words))
