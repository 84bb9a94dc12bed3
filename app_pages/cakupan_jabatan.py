"""Cakupan jabatan: kecamatan x jenis jabatan / bidang, thin positions, and the indicators behind a cell."""

import streamlit as st

from kinerja.presentation import views
from kinerja.ui import data, filters, widgets
from kinerja.vocab import JENIS_LABELS

widgets.heading(__file__)
con, chosen = data.connection(), filters.current()
per_jenis = views.cakupan(con, chosen)

if not widgets.empty_notice(per_jenis):
    widgets.draw(per_jenis, key="cakupan_jabatan_1", table=False)
    widgets.draw(views.cakupan_bidang(con, chosen), key="cakupan_jabatan_2", table=False)
    widgets.draw_table(per_jenis)

    st.subheader(views.JABATAN_TIPIS)
    limit = st.slider("Paling banyak … indikator", 0, 5, 1, key="batas")
    widgets.draw(views.jabatan_tipis(con, chosen, limit), key="cakupan_jabatan_3", title=False)

    st.subheader(views.INDIKATOR_SEL)
    present = per_jenis.rows
    if present["tingkat"].iloc[0] != "kecamatan":  # the matrix sums places: a cell holds many kecamatan
        st.info(views.NARROW_FOR_CELLS)
    else:
        left, right = st.columns(2)
        kecamatan = left.selectbox("Kecamatan", sorted(set(present["wilayah"])), key="sel_kecamatan")
        jenis_codes = [k for k in JENIS_LABELS if k in set(present["jenis_jabatan"])]
        jenis = right.selectbox("Jenis jabatan", jenis_codes, format_func=JENIS_LABELS.get, key="sel_jenis")
        widgets.draw(views.indikator_sel(con, chosen, kecamatan, jenis), key="cakupan_jabatan_4", title=False)
