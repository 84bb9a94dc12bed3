"""Perbandingan kecamatan: one canonical jabatan or bidang side by side, shared and unique indicators."""

import streamlit as st

from kinerja import charts, labels, ui
from kinerja.vocab import BIDANG_LABELS, KATEGORI_LABELS

filters = ui.current_filters()
st.title("Perbandingan kecamatan")
choices = ui.query("perbandingan_pilihan", filters)

if not ui.empty_notice(choices):
    mode = st.segmented_control("Bandingkan menurut", ["Jabatan", "Bidang"], default="Jabatan", key="bandingkan")
    if mode == "Bidang":
        bidang_options = [b for b in BIDANG_LABELS if b in set(choices["bidang"])]
        bidang = st.selectbox("Bidang", bidang_options, format_func=BIDANG_LABELS.get, key="pilih_bidang")
        jabatan, label = "", BIDANG_LABELS[bidang]
    else:
        options = choices["jabatan_baku"].tolist()
        counts = dict(zip(choices["jabatan_baku"], choices["kecamatan"], strict=True))
        jabatan = st.selectbox("Jabatan baku", options, format_func=lambda j: f"{j} ({counts[j]} kecamatan)", key="pilih_jabatan")
        bidang, label = "", jabatan
    rows = ui.query("perbandingan_indikator", filters, pilihan_jabatan=jabatan, pilihan_bidang=bidang)

    if not ui.empty_notice(rows):
        colours = charts.kecamatan_colours(ui.query("ringkasan_kecamatan")["kecamatan"])
        compared = int(rows["kecamatan_dibandingkan"].iloc[0])
        shared = rows[rows["kecamatan_sama"] > 1]["indikator"].str.lower().nunique()
        st.markdown(
            f"**{label}**: {len(rows)} indikator di {compared} kecamatan; "
            f"**{shared}** indikator dirumuskan sama di lebih dari satu kecamatan."
        )
        ui.chart(charts.indicators_compared(rows, colours, f"Jumlah indikator — {label}"), key="perbandingan_kecamatan_1")
        kecamatan = sorted(rows["kecamatan"].unique())
        for column, name in zip(st.columns(len(kecamatan)), kecamatan, strict=True):
            own = rows[rows["kecamatan"] == name]
            column.markdown(f"#### <span style='color:{colours[name]}'>■</span> {name}", unsafe_allow_html=True)
            for row in own.itertuples():
                badge = "bersama" if row.kecamatan_sama > 1 else "khas"
                column.markdown(
                    f"- {row.indikator}  \n  <small>{KATEGORI_LABELS[row.kategori_formula]} · {badge}</small>",
                    unsafe_allow_html=True,
                )
        st.subheader("Tabel perbandingan")
        st.dataframe(labels.readable(rows.drop(columns="kecamatan_dibandingkan")), hide_index=True, width="stretch")
