"""Ringkasan: per kecamatan, positions with indicators, indicators, measurable and targeted shares."""

import streamlit as st

from kinerja import charts, labels, ui
from kinerja.labels import angka, persen

filters = ui.current_filters()
st.title("Ringkasan kinerja kecamatan")
frame = ui.query("ringkasan_kecamatan", filters)

if not ui.empty_notice(frame[frame["indikator"] > 0]):
    total = int(frame["indikator"].sum())
    measured = int(frame["terukur"].sum())
    targeted = int(frame["bertarget"].sum())
    cols = st.columns(4)
    cols[0].metric("Kecamatan", f"{frame['kecamatan'].nunique()}")
    cols[1].metric(
        "Jabatan berindikator", f"{int(frame['jabatan_berindikator'].sum())} dari {int(frame['jumlah_jabatan'].sum())}"
    )
    cols[2].metric("Indikator", angka(total))
    cols[3].metric("Formula terukur", persen(measured, total))

    no_target = frame[frame["bertarget"] == 0]["kecamatan"].tolist()
    best = frame.sort_values("persen_terukur", ascending=False).iloc[0]
    facts = [
        f"**{total}** indikator dari **{int(frame['jabatan_berindikator'].sum())}** jabatan di "
        f"**{frame['kecamatan'].nunique()}** kecamatan.",
        f"Hanya **{measured}** indikator ({persen(measured, total)}) punya formula yang menghitung capaian; "
        "sisanya hitungan, uraian, atau tanpa formula.",
        f"Kecamatan dengan porsi formula terukur tertinggi: **{best['kecamatan']}** ({angka(best['persen_terukur'])}%).",
        f"**{len(no_target)} dari {len(frame)}** kecamatan belum menetapkan target dalam dokumennya"
        + (f" ({', '.join(no_target)})." if no_target else "."),
    ]
    if targeted:
        facts.append(f"**{targeted}** indikator sudah bertarget.")
    st.markdown("\n".join(f"- {fact}" for fact in facts))

    ui.chart(charts.indicators_per_kecamatan(frame), key="ringkasan_1")
    st.subheader("Angka per kecamatan")
    st.dataframe(labels.readable(frame), hide_index=True, width="stretch")
