"""Harmonisasi indikator: per position found in two kecamatan or more, its indicators in clusters that
measure the same thing in other words; one position's clusters with the kecamatan holding and lacking
each and how each words and targets it; the proposed standard set, downloadable as XLSX; the officers'
cluster decisions that no longer match."""

import streamlit as st

from kinerja.presentation import views
from kinerja.ui import clusters, data, filters, widgets

widgets.heading(__file__)
con, chosen = data.connection(), filters.current()
per_position = views.harmonisasi(con, chosen)

if per_position is None:
    st.info(views.NEEDS_TWO)
else:
    widgets.figures(per_position)
    widgets.draw(per_position, key="harmonisasi_1")

    st.subheader("Klaster satu jabatan")
    positions = per_position.rows["jabatan_baku"].tolist()
    shown = st.selectbox("Jabatan", positions, key="harmonisasi_jabatan")
    position = shown if shown in positions else positions[0]
    one = views.harmonisasi_jabatan(con, chosen, position)
    widgets.draw(one, key="harmonisasi_2", title=False)
    wordings = views.harmonisasi_rumusan(con, chosen, position)
    widgets.draw(wordings, key="harmonisasi_3")
    clusters.controls(position, one.rows, wordings.rows)

    proposed = views.harmonisasi_standar(con, chosen)
    if proposed is not None:
        widgets.draw(proposed, key="harmonisasi_4")
    widgets.workbook_download(
        "Unduh klaster dan usulan standar (XLSX)", lambda: views.harmonisasi_ekspor(con, chosen), "harmonisasi.xlsx",
        key="harmonisasi_unduh",
    )  # fmt: skip

stale = views.klaster_usang(con, chosen)
if stale is not None:
    widgets.draw(stale, key="harmonisasi_usang")
