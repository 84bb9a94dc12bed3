"""Pohon kinerja for a signed-in editor: say by hand which sasaran of the Camat or the Sekretaris a
position's sasaran supports, or that it supports none, or let the wording decide again. Stored in
kaitan.csv under the editor's name (asked again, `signin.at_write`, at the moment of writing) and
applied by the rebuild that follows, all or nothing."""

import pandas as pd
import streamlit as st

from kinerja import auth, intake
from kinerja.presentation import views
from kinerja.ui import signin, widgets


def controls(nodes: pd.DataFrame) -> None:
    """Under one document's tree: its sasaran below, each linkable by an editor; a viewer is told how."""
    below = nodes[nodes["bawahan"]]  # a Sekretaris' sasaran too, when the document has a Camat
    if below.empty:
        return
    editor = signin.editor()
    if editor is None:
        signin.ask_to_sign_in("mengaitkan atau melepas sasaran secara manual")
        return
    with st.expander("Ubah kaitan sebuah sasaran"):
        names = {key: f"{row.jabatan}: {row.sasaran}" for key, row in zip(below.index, below.itertuples(), strict=True)}
        shown = st.selectbox("Sasaran jabatan", list(names), format_func=names.__getitem__, key="kaitan_simpul")
        node = below.loc[shown]
        st.caption(views.link_now(node))
        choices = views.link_choices(nodes, node)
        parent = st.radio("Mendukung", list(choices), format_func=choices.__getitem__, key="kaitan_induk")
        reason = st.text_input("Alasan (tersimpan di kaitan.csv)", key="kaitan_alasan")
        st.caption(f"Disimpan atas nama **{editor.name}**; data dibangun ulang dan kaitan ini tetap berlaku setelahnya.")
        if st.button("Simpan kaitan", type="primary", key="kaitan_simpan"):
            _store(editor, nodes, node, parent, reason.strip())


def _store(editor: auth.Editor | None, nodes: pd.DataFrame, node: pd.Series, parent: str, reason: str) -> None:
    """Store the link for the editor the page was drawn for, still an editor now; then the page starts
    afresh saying what changed."""
    forget = parent == views.FOLLOW_WORDING
    above = nodes[nodes["simpul_id"] == parent]
    link = [] if forget else [intake.officer_link(node, above.iloc[0] if len(above) else None, reason)]
    dropped = frozenset([node["simpul_id"]] if forget else [])
    stored = widgets.rebuilt(lambda: intake.link_sasaran(link, signin.at_write(editor).name, forget=dropped))
    if stored is None:
        return
    unused = intake.unused_warnings(stored)
    said = views.link_choices(nodes, node)[parent]
    note = " ".join([f"Kaitan tersimpan: “{node['sasaran']}” — {said[0].lower()}{said[1:]}.", *unused])
    widgets.say_on_next_page(note, kind="warning" if unused else "success")
    st.rerun()
