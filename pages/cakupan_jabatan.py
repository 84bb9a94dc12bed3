"""Cakupan jabatan: kecamatan x jenis jabatan / bidang, thin positions, and the indicators behind a cell."""

from dataclasses import replace

import streamlit as st

from kinerja import charts, labels, ui
from kinerja.vocab import BIDANG_LABELS, JENIS_LABELS

filters = ui.current_filters()
st.title("Cakupan jabatan")
per_jenis = ui.query("cakupan_jenis", filters)

if not ui.empty_notice(per_jenis):
    ui.chart(
        charts.coverage_heatmap(per_jenis, "jenis_jabatan", JENIS_LABELS, "Indikator per kecamatan dan jenis jabatan"),
        key="cakupan_jabatan_1",
    )
    per_bidang = ui.query("cakupan_bidang", filters)
    ui.chart(
        charts.coverage_heatmap(per_bidang, "bidang", BIDANG_LABELS, "Indikator per kecamatan dan bidang"),
        key="cakupan_jabatan_2",
    )

    st.subheader("Indikator per jabatan")
    st.dataframe(labels.readable(per_jenis), hide_index=True, width="stretch")

    st.subheader("Jabatan dengan tabel kosong atau tipis")
    limit = st.slider("Paling banyak … indikator", 0, 5, 1, key="batas")
    thin = ui.query("jabatan_tipis", filters, batas=limit)
    if thin.empty:
        st.success(f"Tidak ada jabatan dengan {limit} indikator atau kurang.")
    else:
        st.dataframe(labels.readable(thin), hide_index=True, width="stretch")

    st.subheader("Lihat indikator di balik satu sel")
    left, right = st.columns(2)
    kecamatan = left.selectbox("Kecamatan", sorted(per_jenis["kecamatan"].unique()), key="sel_kecamatan")
    jenis = right.selectbox(
        "Jenis jabatan",
        [k for k in JENIS_LABELS if k in set(per_jenis["jenis_jabatan"])],
        format_func=JENIS_LABELS.get,
        key="sel_jenis",
    )
    cell = ui.query("jelajah_indikator", replace(filters, kecamatan=(kecamatan,), jenis=(jenis,)), cari="")
    st.caption(f"{len(cell)} indikator — {kecamatan}, {JENIS_LABELS[jenis]}")
    st.dataframe(
        labels.readable(cell[["jabatan_baku", "indikator", "formula", "kategori_formula"]]), hide_index=True, width="stretch"
    )
