"""Kategori formula: how indicators are measured, per kecamatan and per jenis jabatan, with examples."""

import streamlit as st

from kinerja import charts, labels, ui
from kinerja.labels import persen
from kinerja.vocab import KATEGORI_LABELS
from kinerja.vocab import TERUKUR as MEASURABLE

filters = ui.current_filters()
st.title("Kategori formula")
per_kecamatan = ui.query("kategori_per_kecamatan", filters)

if not ui.empty_notice(per_kecamatan):
    total = int(per_kecamatan["indikator"].sum())
    measurable = int(per_kecamatan[per_kecamatan["kategori_formula"].isin(MEASURABLE)]["indikator"].sum())
    st.markdown(
        f"**{measurable} dari {total}** indikator ({persen(measurable, total)}) dapat dihitung capaiannya "
        "(persentase, rasio, indeks, komposit, perubahan); sisanya hitungan, uraian, atau tanpa formula."
    )
    ui.chart(
        charts.category_mix(per_kecamatan, "kecamatan", "Kecamatan", "Campuran kategori formula per kecamatan"),
        key="kategori_formula_1",
    )
    per_jenis = ui.query("kategori_per_jenis", filters)
    ui.chart(
        charts.category_mix(per_jenis, "jenis_jabatan", "Jenis jabatan", "Campuran kategori formula per jenis jabatan"),
        key="kategori_formula_2",
    )
    st.subheader("Contoh dari data")
    examples = ui.query("kategori_contoh", filters, per_kategori=3)
    for kategori in [k for k in KATEGORI_LABELS if k in set(examples["kategori_formula"])]:
        rows = examples[examples["kategori_formula"] == kategori]
        with st.expander(f"{KATEGORI_LABELS[kategori]} — {len(rows)} contoh"):
            st.dataframe(labels.readable(rows.drop(columns="kategori_formula")), hide_index=True, width="stretch")
