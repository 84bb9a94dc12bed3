"""Kualitas indikator: how many indicators meet each criterion of data/config/kualitas.toml per place
and per position type, the positions and indicators with the lowest scores (each flag with its reason),
and the rules behind the flags."""

import streamlit as st

from kinerja.presentation import views
from kinerja.ui import data, filters, widgets

widgets.heading(__file__)
con, chosen = data.connection(), filters.current()
per_place = views.kualitas(con, chosen)

if not widgets.empty_notice(per_place):
    widgets.figures(per_place)
    widgets.draw(per_place, key="kualitas_indikator_1", table=False)
    widgets.draw(views.kualitas_jenis(con, chosen), key="kualitas_indikator_2", table=False)
    widgets.draw_table(per_place)

    positions = views.kualitas_jabatan(con, chosen, st.session_state.get("kualitas_jabatan_halaman", 1))
    st.subheader(positions.judul)
    widgets.takeaway(positions.pesan)
    widgets.paged_table(positions, lambda: views.kualitas_jabatan_semua(con, chosen))

    worst = views.kualitas_indikator(con, chosen, st.session_state.get("kualitas_indikator_halaman", 1))
    st.subheader(worst.judul)
    widgets.takeaway(worst.pesan)
    widgets.table(worst.tabel, pinned=worst.utama, key=worst.key, height=520)
    if worst.jumlah > views.PAGE_ROWS:
        widgets.page_choice(worst.jumlah, worst.key)
    st.caption("Unduhan memuat setiap kriteria dalam kolomnya sendiri: dipenuhi (ya/tidak) dan alasannya.")
    widgets.table_downloads(worst, "kualitas_indikator", lambda: views.kualitas_per_kriteria(con, chosen))

    widgets.draw(views.kualitas_aturan(per_place), key="kualitas_indikator_3", table=False)
