"""Jelajah indikator: the full table under the filters, free-text search, CSV and XLSX download."""

import streamlit as st

from kinerja import export, labels, ui

filters = ui.current_filters()
st.title("Jelajah indikator")
cari = st.text_input(
    "Cari di indikator, formula, atau sasaran", key="cari", bind="query-params", placeholder="mis. laporan keuangan"
)
rows = ui.query("jelajah_indikator", filters, cari=cari or "")
st.caption(f"{len(rows)} indikator ditampilkan.")

if not ui.empty_notice(rows):
    shown = labels.readable(rows)
    st.dataframe(shown, hide_index=True, width="stretch", height=520)
    left, right = st.columns(2)
    left.download_button("Unduh CSV", export.to_csv_bytes(shown), "indikator.csv", "text/csv", key="unduh_csv")
    right.download_button(
        "Unduh XLSX",
        lambda: export.to_xlsx_bytes({"Indikator": shown}),  # built on click
        "indikator.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="unduh_xlsx",
    )
