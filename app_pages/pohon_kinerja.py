"""Pohon kinerja: which sasaran of the Camat or the Sekretaris each position's sasaran supports, per place
and as one document's tree; the indicators that support nothing above, the Camat's and Sekretaris'
sasaran nothing supports, and the officers' links that no longer match. A signed-in editor links a
sasaran by hand under the tree."""

import streamlit as st

from kinerja.presentation import views
from kinerja.ui import data, filters, links, widgets

widgets.heading(__file__)
con, chosen = data.connection(), filters.current()
per_place = views.pohon(con, chosen)

if not widgets.empty_notice(per_place):
    widgets.figures(per_place)
    widgets.draw(per_place, key="pohon_kinerja_1")

    documents = views.pohon_dokumen(con, chosen)
    st.subheader("Pohon satu kecamatan")
    shown = st.selectbox("Dokumen", documents.index, format_func=lambda row: documents.at[row, "nama"], key="pohon_dokumen")
    one = documents.loc[shown if shown in documents.index else documents.index[0]]
    tree = views.pohon_kecamatan(con, chosen, one["kabupaten"], one["kecamatan"], int(one["tahun"]))
    if tree is not None:
        widgets.draw(tree, key="pohon_kinerja_2")
        links.controls(tree.rows)

    for extra in (views.sasaran_tanpa_dukungan(con, chosen), views.kaitan_usang(con, chosen)):
        if extra is not None:
            widgets.draw(extra, key=f"pohon_kinerja_{extra.key}")

    unlinked = views.pohon_yatim(con, chosen, st.session_state.get("pohon_yatim_halaman", 1))
    if unlinked is not None:
        st.subheader(unlinked.judul)
        widgets.takeaway(unlinked.pesan)
        widgets.paged_table(unlinked, lambda: views.pohon_yatim_semua(con, chosen))
