"""Target vs realisasi: capaian per indicator, rating bands, quarterly progress, what needs attention,
and the officers' own targets and realisation coming in (template, upload, editor, undo)."""

import pandas as pd
import streamlit as st

from kinerja import capaian, charts, labels, ui
from kinerja.achievement import NOT_RATED, load_bands

filters = ui.current_filters()
st.title("Target vs realisasi")
con = ui.connection()
everything = capaian.indicators(con)
rows = capaian.indicators(con, filters)
stored = capaian.stored_values(con)
use_example = st.toggle(
    "Tampilkan data contoh (ilustratif)",
    value=stored.empty,
    key="contoh",
    bind="query-params",
    help="Data contoh bukan data resmi dan tidak pernah dicampur dengan data yang diimpor.",
)
if use_example:
    values = ui.example_values()
    suffix = capaian.EXAMPLE_SUFFIX
    st.warning("Yang tampil adalah **data contoh ilustratif**, bukan realisasi resmi. Matikan sakelar untuk melihat data impor.")
else:
    values, suffix = stored, ""

detached = capaian.detached_values(stored, set(everything["indikator_id"]))
if not detached.empty:
    st.error(f"{len(detached)} nilai tersimpan tidak lagi cocok dengan indikator mana pun (dokumen berubah?): "
             f"{', '.join(sorted(detached['indikator_id'].unique())[:10])}")  # fmt: skip

table = capaian.capaian_table(rows, values, load_bands())
if not ui.empty_notice(table):
    rated = table[table["predikat"] != NOT_RATED]
    cols = st.columns(3)
    cols[0].metric("Indikator dinilai", f"{len(rated)} dari {len(table)}")
    cols[1].metric("Belum dapat dinilai", f"{len(table) - len(rated)}")
    cols[2].metric("Median capaian", f"{labels.angka(rated['capaian'].median(), 1)}%" if len(rated) else "–")

    ui.chart(charts.band_distribution(table, f"Predikat capaian per kecamatan{suffix}"), key="target_realisasi_1")
    progress = capaian.quarterly_progress(table)
    if not progress.empty:
        colours = charts.kecamatan_colours(everything["kecamatan"])
        ui.chart(charts.quarterly_lines(progress, colours, f"Progres per triwulan{suffix}"), key="target_realisasi_2")

    kecamatan = st.selectbox("Kecamatan untuk rincian capaian", sorted(table["kecamatan"].unique()), key="rinci_kecamatan")
    own = table[table["kecamatan"] == kecamatan]
    if own["capaian"].notna().any():
        ui.chart(charts.capaian_bars(own, f"Capaian per indikator — {kecamatan}{suffix}"), key="target_realisasi_3")
    else:
        st.info(f"Belum ada indikator {kecamatan} yang dapat dinilai: isi target dan realisasi di bawah.")

    shown = ["kecamatan", "capaian", "predikat", "indikator", "jabatan_baku", "target", "realisasi"]
    st.subheader("Perlu perhatian: capaian terendah")
    st.dataframe(labels.readable(rated.nsmallest(10, "capaian")[shown].round({"capaian": 1})), hide_index=True, width="stretch")
    st.subheader(f"Belum dapat dinilai ({len(table) - len(rated)})")
    unrated = table[table["predikat"] == NOT_RATED].assign(
        alasan=lambda t: t.apply(
            lambda r: "tanpa target" if pd.isna(r["target"]) or r["target"] == 0 else "belum ada realisasi", axis=1
        )
    )
    if unrated.empty:
        st.success("Semua indikator dapat dinilai.")
    else:
        st.dataframe(
            labels.readable(unrated[["kecamatan", "jabatan_baku", "indikator", "alasan"]]), hide_index=True, width="stretch"
        )

st.divider()
st.header("Isi target dan realisasi")
ui.realisation_input(everything, stored)
