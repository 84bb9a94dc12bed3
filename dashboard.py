"""Dasbor Kinerja Kecamatan: page config, shared sidebar filters, navigation (`make run`)."""

from pathlib import Path

import streamlit as st

from kinerja import ui, ui_presentasi

HERE = Path(__file__).resolve().parent
PAGES = [
    st.Page(HERE / "pages" / "ringkasan.py", title="Ringkasan", icon=":material/dashboard:", default=True),
    st.Page(HERE / "pages" / "cakupan_jabatan.py", title="Cakupan jabatan", icon=":material/groups:", url_path="cakupan"),
    st.Page(HERE / "pages" / "kategori_formula.py", title="Kategori formula", icon=":material/functions:", url_path="kategori"),
    st.Page(
        HERE / "pages" / "perbandingan_kecamatan.py",
        title="Perbandingan kecamatan",
        icon=":material/compare_arrows:",
        url_path="perbandingan",
    ),
    st.Page(HERE / "pages" / "target_realisasi.py", title="Target vs realisasi", icon=":material/target:", url_path="capaian"),
    st.Page(HERE / "pages" / "jelajah_indikator.py", title="Jelajah indikator", icon=":material/search:", url_path="jelajah"),
]

st.set_page_config(page_title="Dasbor Kinerja Kecamatan", page_icon=":material/dashboard:", layout="wide")
presenting = ui.presenting()
page = st.navigation(PAGES, position="hidden" if presenting else "sidebar")
if not ui.data_available():
    st.stop()
if presenting:
    ui_presentasi.render(ui.connection(), ui.filters_from_url())
else:
    filters = ui.sidebar_filters()
    st.session_state["filters"] = filters
    ui.sidebar_exports(filters)
    page.run()
