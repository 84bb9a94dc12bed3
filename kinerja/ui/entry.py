"""Targets and realisation coming in: the template to download, an upload checked whole with a preview
of what changes and stored only on confirmation, the same through a table editor, and the import
history with undo."""

import pandas as pd
import streamlit as st

from kinerja.capaian import assembly, store, template
from kinerja.errors import ImportRejected
from kinerja.filters import Filters
from kinerja.ui import data
from kinerja.ui.widgets import XLSX
from kinerja.vocab import METHODS, POLARITIES, QUARTERS

_JUST_SAVED = "impor_baru"  # session key: an import was saved in the run before this one


def show_own_data_after_a_save(example_toggle: str) -> None:
    """After a save the page shows the officer's own values, not the illustrative example: the
    example toggle is turned off before it is drawn. A toggle bound to the URL reads a changed URL
    on the next run only, hence the rerun."""
    if st.session_state.pop(_JUST_SAVED, False):
        st.session_state[example_toggle] = False
        if example_toggle in st.query_params:
            del st.query_params[example_toggle]
            st.rerun()


def _import_form(name: str, content: bytes, everything: pd.DataFrame, stored: pd.DataFrame, key: str) -> None:
    """Validate, preview what changes, and store only after the officer confirms."""
    allow = st.checkbox("Izinkan persentase di atas 100", key=f"{key}_lebih100")
    try:
        checked = template.validate(name, template.read_table(name, content), everything, allow)
    except ImportRejected as error:
        st.error(f"**{name}**: {len(error.problems)} masalah; tidak ada yang disimpan. Perbaiki lalu unggah lagi.")
        st.dataframe(
            pd.DataFrame([{"Baris": p.row, "Kolom": p.column, "Masalah": p.message} for p in error.problems]),
            hide_index=True,
            width="stretch",
        )
        return
    preview = template.changes(checked.values, stored)
    st.write(f"**{name}**: {checked.rows} baris terbaca, {len(preview)} nilai akan berubah.")
    st.dataframe(
        preview.rename(columns={"indikator_id": "ID indikator", "kolom": "Kolom", "lama": "Lama", "baru": "Baru"}),
        hide_index=True,
    )
    if st.button("Simpan", key=f"{key}_simpan", type="primary", disabled=preview.empty):
        try:
            import_id = store.store(checked, name, content, "aplikasi")
        except ImportRejected as error:
            st.error(str(error))
            return
        st.session_state["pesan_impor"] = f"Disimpan sebagai impor {import_id}: {len(checked.values)} nilai."
        st.session_state[_JUST_SAVED] = True
        st.rerun()


def _editor_columns() -> dict:
    """Indonesian headers for the editor; values stay text so '87,5' and '1.250' are typed as in Excel."""
    text = st.column_config.TextColumn
    columns = {
        "indikator_id": text("ID indikator"),
        "kecamatan": text("Kecamatan"),
        "tahun": st.column_config.NumberColumn("Tahun", format="%d"),
        "jabatan": text("Jabatan"),
        "indikator": text("Indikator", width="large"),
        "satuan": text("Satuan"),
        "kategori_formula": text("Kategori formula"),
        "polaritas": st.column_config.SelectboxColumn("Polaritas", options=list(POLARITIES)),
        "metode": st.column_config.SelectboxColumn("Metode", options=list(METHODS)),
        "target_dokumen": st.column_config.NumberColumn("Target di dokumen"),
        "target": text("Target (isi/ubah)"),
        "tahunan": text("Realisasi tahunan"),
    }
    columns.update({q: text(f"Realisasi TW{i}") for i, q in enumerate(QUARTERS, start=1)})
    return columns


def realisation_input(chosen: Filters) -> None:
    """Template download, upload with preview, the table editor, and the import history with undo,
    for the kecamatan and years the filters name."""
    everything, stored = data.all_indicators(), data.stored_values()
    if "pesan_impor" in st.session_state:  # what the last save or undo did, kept across its rerun
        st.success(st.session_state.pop("pesan_impor"))
    region = assembly.indicators(data.connection(), chosen.region())
    if region.empty:
        st.info("Tidak ada indikator untuk kecamatan dan tahun pada filter ini.")
        return
    pairs = region[["kecamatan", "tahun"]].drop_duplicates().sort_values(["kecamatan", "tahun"])
    choice = st.selectbox("Kecamatan dan tahun", [f"{k} {t}" for k, t in pairs.itertuples(index=False)], key="isi_kecamatan")
    kecamatan, tahun = choice.rsplit(" ", 1)
    own = everything[(everything["kecamatan"] == kecamatan) & (everything["tahun"] == int(tahun))]
    frame = template.template_frame(own, stored)
    st.download_button(
        "Unduh templat (XLSX)",
        lambda: template.template_xlsx(frame),  # built on click
        f"templat_realisasi_{kecamatan.lower()}_{tahun}.xlsx",
        XLSX,
        key="unduh_templat",
    )
    upload, editor, history = st.tabs(["Unggah berkas", "Ubah di tabel", "Riwayat impor"])
    with upload:
        uploaded = st.file_uploader("Templat yang sudah diisi (.xlsx atau .csv)", type=["xlsx", "csv"], key="unggah")
        if uploaded is not None:
            _import_form(uploaded.name, uploaded.getvalue(), everything, stored, "unggah")
    with editor:
        editable = ["polaritas", "metode", *template.VALUE_COLUMNS]
        shown = frame.copy()
        shown[editable] = shown[editable].astype("object").where(shown[editable].notna(), "").astype(str)
        edited = st.data_editor(
            shown,
            disabled=[c for c in frame.columns if c not in editable],
            column_config=_editor_columns(),
            hide_index=True,
            key="editor",
        )
        if not edited.equals(shown):
            content = edited.to_csv(index=False).encode()
            _import_form(f"editor_{kecamatan.lower()}_{tahun}.csv", content, everything, stored, "editor")
    with history:
        imports = store.list_imports()
        if imports.empty:
            st.info("Belum ada impor.")
            return
        st.dataframe(imports.drop(columns="sha256"), hide_index=True, width="stretch")
        active = imports[~imports["dibatalkan"]]["impor_id"].tolist()
        if active:
            target = st.selectbox("Impor yang dibatalkan", active, key="batal_pilih")
            if st.button("Batalkan impor", key="batal"):
                store.undo(target)
                st.session_state["pesan_impor"] = f"Impor {target} dibatalkan; berkasnya tetap tersimpan."
                st.rerun()
