"""Perbandingan kecamatan: one canonical jabatan or bidang side by side, shared and unique indicators."""

import streamlit as st

from kinerja.presentation import views
from kinerja.ui import data, filters, widgets
from kinerja.vocab import BIDANG_LABELS

widgets.heading(__file__)
con, chosen, colours = data.connection(), filters.current(), data.kecamatan_colours()
choices = views.jabatan_pilihan(con, chosen)

if choices.empty:
    widgets.empty_notice(None)
else:
    mode = st.segmented_control("Bandingkan menurut", ["Jabatan", "Bidang"], default="Jabatan", key="bandingkan")
    if mode == "Bidang":
        bidang_options = [b for b in BIDANG_LABELS if b in set(choices["bidang"])]
        bidang = st.selectbox("Bidang", bidang_options, format_func=BIDANG_LABELS.get, key="pilih_bidang")
        view = views.perbandingan(con, chosen, colours, bidang=bidang)
    else:
        counts = dict(zip(choices["jabatan_baku"], choices["kecamatan"], strict=True))
        jabatan = st.selectbox(
            "Jabatan baku", list(counts), format_func=lambda j: f"{j} ({counts[j]} kecamatan)", key="pilih_jabatan"
        )
        view = views.perbandingan(con, chosen, colours, jabatan=jabatan)
    if not widgets.empty_notice(view):
        widgets.draw(view, key="perbandingan_kecamatan_1", table=False)
        widgets.side_by_side(view, colours)
        widgets.draw_table(view)
