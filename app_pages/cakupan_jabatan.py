"""Cakupan jabatan: place x jenis jabatan / bidang, thin positions, and the indicators behind a cell."""

import streamlit as st

from kinerja.presentation import views
from kinerja.ui import data, filters, widgets
from kinerja.vocab import JENIS_LABELS

widgets.heading(__file__)
con, chosen = data.connection(), filters.current()
level = views.scope_level(con, chosen)  # once for both matrices
per_jenis = views.cakupan(con, chosen, level)

if not widgets.empty_notice(per_jenis):
    widgets.draw(per_jenis, key="cakupan_jabatan_1", table=False)
    widgets.draw(views.cakupan_bidang(con, chosen, level), key="cakupan_jabatan_2", table=False)
    widgets.draw_table(per_jenis)

    st.subheader(views.JABATAN_TIPIS)
    limit = st.slider("Paling banyak … indikator", 0, 5, 1, key="batas")
    page = st.session_state.get("jabatan_tipis_halaman", 1)  # the page chosen under the table, read before the query
    thin = views.jabatan_tipis(con, chosen, limit, page)
    widgets.takeaway(thin.pesan)
    widgets.paged_table(thin, lambda: views.jabatan_tipis_semua(con, chosen, limit))

    st.subheader(views.INDIKATOR_SEL)
    if level != "kecamatan":  # the matrix sums places: a cell holds many kecamatan
        st.info(views.NARROW_FOR_CELLS)
    else:
        left, right = st.columns(2)
        kecamatan = left.selectbox("Kecamatan", views.cell_places(per_jenis), key="sel_kecamatan")
        jenis_codes = [k for k in JENIS_LABELS if k in set(per_jenis.rows["jenis_jabatan"])]
        jenis = right.selectbox("Jenis jabatan", jenis_codes, format_func=JENIS_LABELS.get, key="sel_jenis")
        widgets.draw(views.indikator_sel(con, chosen, kecamatan, jenis, per_jenis), key="cakupan_jabatan_4", title=False)
