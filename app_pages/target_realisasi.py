"""Target vs realisasi: capaian per indicator, rating bands, quarterly progress, what needs attention,
and the officers' own targets and realisation coming in (template, upload, editor, undo)."""

import streamlit as st

from kinerja.presentation import views
from kinerja.ui import data, entry, filters, widgets
from kinerja.ui.filters import MAX_OPTIONS, NARROW_FIRST

widgets.heading(__file__)
chosen = filters.current()
entry.show_own_data_after_a_save("contoh")
use_example = st.toggle(
    "Tampilkan data contoh (ilustratif)",
    value=data.nothing_imported(),
    key="contoh",
    bind="query-params",
    help="Data contoh bukan data resmi dan tidak pernah dicampur dengan data yang diimpor.",
)
if use_example:
    st.warning("Yang tampil adalah **data contoh ilustratif**, bukan realisasi resmi. Matikan sakelar untuk melihat data impor.")
state, shown = data.capaian_views(chosen, use_example)
widgets.detached_notice(state.detached)

overview = shown["capaian"]
if not widgets.empty_notice(overview):
    widgets.figures(overview)
    widgets.draw(overview, key="target_realisasi_1", table=False)
    if shown["progres"] is not None:
        widgets.draw(shown["progres"], key="target_realisasi_2", table=False)
    places = state.kecamatan_for_detail()
    if len(places) > MAX_OPTIONS or state.summed:
        st.info(f"{NARROW_FIRST} di panel Filter untuk melihat capaian per indikator satu kecamatan.")
    else:
        kecamatan = st.selectbox("Kecamatan untuk rincian capaian", places, key="rinci_kecamatan")
        widgets.draw(views.capaian_kecamatan(state, kecamatan), key="target_realisasi_3", table=False)
    if shown["capaian_terendah"] is not None:
        widgets.draw(shown["capaian_terendah"], key="target_realisasi_4")
    widgets.draw(shown["belum_dinilai"], key="target_realisasi_5")

st.divider()
st.header("Isi target dan realisasi")
entry.realisation_input(chosen)
