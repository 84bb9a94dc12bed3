"""Harmonisasi for a signed-in editor: set a wording apart from its cluster, or put two clusters of a
position together. Stored in klaster.csv under the editor's name (asked again, `signin.at_write`, at
the moment of writing) and applied by the rebuild that follows, all or nothing."""

import pandas as pd
import streamlit as st

from kinerja import auth, intake
from kinerja.ui import signin, widgets

SET_APART, PUT_TOGETHER = "Pisahkan satu rumusan menjadi klaster sendiri", "Gabungkan dua klaster"


def controls(position: str, clusters: pd.DataFrame, wordings: pd.DataFrame) -> None:
    """Under a position's clusters: the editor's two corrections; a viewer is told how."""
    editor = signin.editor()
    if editor is None:
        signin.ask_to_sign_in("memisah atau menggabungkan klaster indikator")
        return
    with st.expander("Ubah klaster jabatan ini"):
        action = st.radio("Tindakan", (SET_APART, PUT_TOGETHER), key="klaster_tindakan", horizontal=True)
        decision = _set_apart(position, wordings) if action == SET_APART else _put_together(position, clusters)
        reason = st.text_input("Alasan (tersimpan di klaster.csv)", key="klaster_alasan")
        st.caption(f"Disimpan atas nama **{editor.name}**; data dibangun ulang dan keputusan ini tetap berlaku setelahnya.")
        if decision is not None and st.button("Simpan keputusan", type="primary", key="klaster_simpan"):
            decision.alasan = reason.strip()
            _store(editor, decision)


def _set_apart(position: str, wordings: pd.DataFrame):
    shared = wordings[wordings.groupby("klaster_id")["rumusan"].transform("nunique") > 1]
    if shared.empty:
        st.caption("Setiap klaster jabatan ini hanya satu rumusan: tidak ada yang dapat dipisahkan.")
        return None
    written = shared.drop_duplicates("indikator")
    names = dict(zip(written["indikator"], written["kecamatan"] + ": " + written["indikator"], strict=True))
    chosen = st.selectbox("Rumusan", list(names), format_func=names.__getitem__, key="klaster_rumusan")
    return intake.grouping(position, "pisah", chosen)


def _put_together(position: str, clusters: pd.DataFrame):
    if len(clusters) < 2:
        st.caption("Jabatan ini hanya punya satu klaster.")
        return None
    names = clusters["klaster_nama"].tolist()
    first = st.selectbox("Klaster", names, key="klaster_pertama")
    second = st.selectbox("Digabung dengan", [name for name in names if name != first], key="klaster_kedua")
    return intake.grouping(position, "gabung", first, second)


def _store(editor: auth.Editor | None, decision) -> None:
    """Store the decision for the editor the page was drawn for, still an editor now; then the page starts
    afresh saying what changed."""
    stored = widgets.rebuilt(lambda: intake.regroup([decision], signin.at_write(editor).name))
    if stored is None:
        return
    unused = intake.unused_warnings(stored)
    done = f"“{decision.rumusan}” dipisah menjadi klaster sendiri" if decision.tindakan == "pisah" else (
        f"“{decision.rumusan}” digabung dengan “{decision.dengan}”"
    )  # fmt: skip
    widgets.say_on_next_page(" ".join([f"Keputusan tersimpan: {done}.", *unused]), kind="warning" if unused else "success")
    st.rerun()
