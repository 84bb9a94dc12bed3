"""Perbandingan kecamatan: one canonical jabatan or bidang side by side, shared and unique indicators; for
more kecamatan than can stand side by side, summed per kabupaten/kota or provinsi with the common wordings."""

import streamlit as st

from kinerja.presentation import views
from kinerja.ui import data, filters, widgets
from kinerja.vocab import BIDANG_LABELS

widgets.heading(__file__)
con, chosen = data.connection(), filters.current()
choices = views.jabatan_pilihan(con, chosen)

if choices.empty:
    widgets.empty_notice(None)
else:
    mode = st.segmented_control("Bandingkan menurut", ["Jabatan", "Bidang"], default="Jabatan", key="bandingkan")
    if mode == "Bidang":
        bidang = st.selectbox("Bidang", views.bidang_pilihan(choices), format_func=BIDANG_LABELS.get, key="pilih_bidang")
        choice = {"bidang": bidang}
    else:
        offered, left_out = views.jabatan_ditawarkan(choices)
        jabatan = st.selectbox("Jabatan baku", list(offered), format_func=offered.get, key="pilih_jabatan")
        if left_out:
            st.caption(left_out)
        choice = {"jabatan": jabatan}
    view = views.perbandingan(con, chosen, **choice)
    if widgets.empty_notice(view):
        pass
    elif view.key == "perbandingan":
        widgets.draw(view, key="perbandingan_kecamatan_1", table=False)
        widgets.side_by_side(view)
        widgets.draw_table(view)
    else:  # too many kecamatan to set side by side: the regions, and the wordings most of them use
        st.info(views.NARROW_FOR_COMPARISON)
        widgets.draw(view, key="perbandingan_kecamatan_1")
        widgets.draw(views.rumusan_umum(con, chosen, **choice), key="perbandingan_kecamatan_2")
