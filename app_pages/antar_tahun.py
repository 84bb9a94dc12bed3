"""Antar tahun: per place with documents of several years, what became of the indicators from one
document to the kecamatan's next (kept, reworded, added, dropped) and how the targets moved; one
comparison per position and indicator by indicator; the targets that moved; all of it downloadable
as XLSX."""

import streamlit as st

from kinerja.presentation import views
from kinerja.ui import data, filters, widgets

widgets.heading(__file__)
con, chosen = data.connection(), filters.current()
per_place = views.antar_tahun(con, chosen)

if per_place is None:
    st.info(views.NEEDS_YEARS)
else:
    widgets.figures(per_place)
    widgets.draw(per_place, key="antar_tahun_1")

    comparisons = views.antar_tahun_dokumen(con, chosen)
    st.subheader("Perubahan satu kecamatan")
    most_changed = comparisons.index.get_loc(comparisons["berubah"].idxmax())
    shown = st.selectbox(
        "Perbandingan", comparisons.index, index=most_changed, format_func=lambda row: comparisons.at[row, "nama"],
        key="antar_tahun_dokumen",
    )  # fmt: skip
    one = comparisons.loc[shown if shown in comparisons.index else comparisons.index[most_changed]]
    every = st.toggle("Tampilkan juga indikator yang tidak berubah", key="antar_tahun_semua")
    detail = views.antar_tahun_kecamatan(con, chosen, one["kabupaten"], one["kecamatan"], int(one["tahun"]), semua=every)
    if detail is not None:
        widgets.draw(detail, key="antar_tahun_2")

    moved = views.antar_tahun_target(con, chosen)
    if moved is not None:
        widgets.draw(moved, key="antar_tahun_3")
    widgets.workbook_download(
        "Unduh perubahan antar tahun (XLSX)", lambda: views.antar_tahun_ekspor(con, chosen), "antar_tahun.xlsx",
        key="antar_tahun_unduh",
    )  # fmt: skip
