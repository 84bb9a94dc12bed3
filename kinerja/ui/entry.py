"""Targets and realisation coming in: the template to download, an upload checked whole with a preview
of what changes and stored only on confirmation, the same through a table editor, and the import
history with an undo that asks first. Everything in the officer's words: the template's headers,
Indonesian numbers, local time.

Viewers see the template downloads and the history; the upload, the editor and the undo are drawn only
for a signed-in editor (`signin.editor()`, read once in `realisation_input` and passed down), and each
write asks `signin.at_write` again at the moment it writes."""

import pandas as pd
import streamlit as st

from kinerja import auth
from kinerja.capaian import assembly, store, template
from kinerja.errors import ImportRejected, KinerjaError
from kinerja.filters import Filters
from kinerja.indonesian import format_number, format_value
from kinerja.presentation import views
from kinerja.ui import data, signin
from kinerja.ui.filters import MAX_OPTIONS, NARROW_FIRST
from kinerja.ui.uploader import file_uploader
from kinerja.ui.widgets import CSV, XLSX, download, yes_or_no
from kinerja.vocab import (
    ALLOW_OVER_100,
    IMPORT_LABELS,
    METHOD_LABELS,
    METHODS,
    POLARITIES,
    POLARITY_LABELS,
    TEMPLATE_LABELS,
)

_JUST_SAVED = "impor_baru"  # session key: an import was saved in the run before this one
_HISTORY_ROWS = 200  # imports listed (newest first), each with what it covers; the command line lists all
_TO_UNDO = "batal_menunggu"  # session key: the import whose undo waits for the officer's "Ya, batalkan"
# The editor: the indicator's name first and pinned, then what is filled, then the facts about it.
_EDITOR_ORDER = [
    "indikator", "satuan", "target_dokumen", *template.VALUE_COLUMNS, "polaritas", "metode",
    "jabatan", "kategori_formula", "kecamatan", "tahun", "indikator_id",
]  # fmt: skip
_NUMBER_HELP = "Angka format Indonesia, mis. 1.250 atau 87,5. Kosong berarti belum dilaporkan."


def show_own_data_after_a_save(example_toggle: str) -> None:
    """After a save the page shows the officer's own values, not the illustrative example: the
    example toggle is turned off before it is drawn. A toggle bound to the URL reads a changed URL
    on the next run only, hence the rerun."""
    if st.session_state.pop(_JUST_SAVED, False):
        st.session_state[example_toggle] = False
        if example_toggle in st.query_params:
            del st.query_params[example_toggle]
            st.rerun()


def _right_aligned(*labels: str) -> dict:
    return {label: st.column_config.TextColumn(label, alignment="right") for label in labels}


def _problems(name: str, error: ImportRejected) -> None:
    st.error(f"**{name}**: {len(error.problems)} masalah; tidak ada yang disimpan. Perbaiki lalu unggah lagi.")
    rows = [{"Baris": str(p.row or ""), "Kolom": p.column or "", "Masalah": p.message} for p in error.problems]
    text = st.column_config.TextColumn
    widths = {"Baris": text(width=60, alignment="right"), "Kolom": text(width=140)}  # the rest for the problem
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch", column_config=widths)


def _named_indicators(table: pd.DataFrame) -> pd.DataFrame:
    """The dataset's indicators among the ids a file names (none when it names no id column)."""
    ids = template.named_ids(table) or [""]  # no id is "": an empty list would mean every indicator
    return assembly.indicators(data.connection(), ids=ids)


def _import_form(name: str, content: bytes, key: str, editor: auth.Editor) -> None:
    """Validate against the indicators the file names, preview what changes against their stored
    values, and store only after the officer confirms."""
    allow = st.checkbox(ALLOW_OVER_100, key=f"{key}_lebih100")
    try:
        table = template.read_table(name, content)
        known = _named_indicators(table)
        checked = template.validate(name, table, known, allow)
    except ImportRejected as error:
        _problems(name, error)
        return
    stored = store.current_values(data.connection(), indikator_ids=checked.values["indikator_id"].unique())
    preview = template.changes(checked.values, stored)
    st.write(f"**{name}**: {checked.rows} baris terbaca, {len(preview)} nilai akan berubah.")
    if preview.empty:
        st.info("Tidak ada nilai yang berubah dibanding yang sudah tersimpan; tidak ada yang perlu disimpan.")
        return
    shown = template.readable_changes(preview, known)
    st.dataframe(
        shown,
        hide_index=True,
        width="stretch",
        column_config={
            TEMPLATE_LABELS["indikator"]: st.column_config.TextColumn(width="large", pinned=True),
            **_right_aligned(TEMPLATE_LABELS["tahun"], IMPORT_LABELS["lama"], IMPORT_LABELS["baru"]),
        },
    )
    if st.button("Simpan", key=f"{key}_simpan", type="primary"):
        _save(editor, checked, name, content)


def _save(editor: auth.Editor | None, checked: template.Checked, name: str, content: bytes) -> None:
    """Store a checked file, for the editor the page was drawn for, still an editor now."""
    try:
        writer = signin.at_write(editor)
        store.store(checked, name, content, "aplikasi", oleh=writer.name)
    except ImportRejected as error:
        _problems(name, error)
        return
    except KinerjaError as error:  # not an editor (any more)
        st.error(str(error))
        return
    st.session_state["pesan_impor"] = (
        f"**{name}** disimpan oleh {writer.name}: {len(checked.values)} nilai. "
        "Impor ini tercatat di Riwayat impor dan dapat dibatalkan di sana."
    )
    st.session_state[_JUST_SAVED] = True
    st.rerun()


def _template_downloads(frame: pd.DataFrame, stem: str) -> None:
    stem = f"templat_realisasi_{stem}"
    with st.container(horizontal=True):  # each file built on click
        xlsx, csv = (lambda: template.template_xlsx(frame)), (lambda: template.template_csv(frame))
        download("Unduh templat (XLSX)", xlsx, f"{stem}.xlsx", XLSX, key="unduh_templat")
        download("Unduh templat (CSV)", csv, f"{stem}.csv", CSV, key="unduh_templat_csv")
    st.caption(
        "XLSX: polaritas dan metode dipilih dari daftar, kolom abu-abu terkunci. "
        "CSV: pemisah titik koma dan koma desimal, untuk Excel berbahasa Indonesia."
    )


def _editor_columns() -> dict:
    """The template's headers; values stay text so '87,5' and '1.250' are typed as in Excel."""
    text, label = st.column_config.TextColumn, TEMPLATE_LABELS
    columns = {code: text(label[code]) for code in template.TEMPLATE_COLUMNS}
    columns["indikator"] = text(label["indikator"], width="large", pinned=True)
    columns["tahun"] = st.column_config.NumberColumn(label["tahun"], format="%d")
    columns["target_dokumen"] = text(label["target_dokumen"], alignment="right")
    columns.update({code: text(label[code], help=_NUMBER_HELP, alignment="right") for code in template.VALUE_COLUMNS})
    columns["polaritas"] = st.column_config.SelectboxColumn(
        label["polaritas"], options=list(POLARITIES), format_func=lambda code: POLARITY_LABELS.get(code, code)
    )
    columns["metode"] = st.column_config.SelectboxColumn(
        label["metode"], options=list(METHODS), format_func=lambda code: METHOD_LABELS.get(code, code)
    )
    return columns


def _editor(frame: pd.DataFrame, stem: str, editor: auth.Editor) -> None:
    shown = frame.copy()
    for column in template.NUMBER_COLUMNS:
        shown[column] = shown[column].map(format_value)
    for column in ("polaritas", "metode"):
        shown[column] = shown[column].fillna("").astype(str)
    edited = st.data_editor(
        shown,
        disabled=[c for c in frame.columns if c not in template.INPUT_COLUMNS],
        column_config=_editor_columns(),
        column_order=_EDITOR_ORDER,
        hide_index=True,
        key="editor",
    )
    if not edited.equals(shown):
        content = edited.to_csv(index=False).encode()
        _import_form(f"editor_{stem}.csv", content, "editor", editor)


def _history(editor: auth.Editor | None) -> None:
    """Every import in local time with what it covers, and for an editor an undo that asks first."""
    total, imports, covers = data.newest_imports(_HISTORY_ROWS)
    if imports.empty:
        st.info("Belum ada impor.")
        return
    if total > len(imports):
        # The whole history is for the command line (`realisasi daftar`, in the README), not the page's readers.
        st.caption(f"{format_number(len(imports))} impor terbaru dari {format_number(total)}.")
    try:
        table = store.history(imports, covers)
    except KinerjaError as error:  # e.g. a time zone setting that is not WIB, WITA or WIT
        st.error(str(error))
        return
    numbers = st.column_config.NumberColumn
    st.dataframe(
        table.rename(columns=IMPORT_LABELS),
        hide_index=True,
        width="stretch",
        column_config={IMPORT_LABELS["baris"]: numbers(format="%d"), IMPORT_LABELS["nilai"]: numbers(format="%d")},
    )
    if editor is not None:
        _undo(imports, table, editor)


def _forget_pending_undo() -> None:
    st.session_state.pop(_TO_UNDO, None)


def _undo(imports: pd.DataFrame, table: pd.DataFrame, editor: auth.Editor) -> None:
    """Undo one import in two steps: choose it, then confirm with its file, time and count named."""
    when, name, cover, count = (table[c] for c in ("diimpor_pada", "berkas", "cakupan", "nilai"))
    said = {
        imports.at[i, "impor_id"]: f"{when[i]} — {name[i]} ({cover[i] or 'tanpa wilayah'}, {count[i]} nilai)"
        for i in imports.index[~imports["dibatalkan"]]
    }
    if not said:
        return
    chosen = st.selectbox(
        "Impor yang akan dibatalkan", list(said), format_func=said.get, key="batal_pilih", on_change=_forget_pending_undo
    )
    if st.session_state.get(_TO_UNDO) != chosen:
        if st.button("Batalkan impor ini…", key="batal"):
            st.session_state[_TO_UNDO] = chosen
            st.rerun()
        return
    row = imports.index[imports["impor_id"] == chosen][0]
    _confirm_undo(chosen, f"**{name[row]}** ({when[row]}, {count[row]} nilai)", editor)


def _confirm_undo(import_id: str, what: str, editor: auth.Editor) -> None:
    """The second step: the import named by file, time and count, and 'Ya, batalkan' or 'Tidak'."""
    question = f"Batalkan impor {what}? Nilainya tidak lagi dihitung; berkasnya tetap tersimpan di riwayat."
    answer = yes_or_no(question, "Ya, batalkan", key="batal")
    if answer:
        _forget_pending_undo()
        _undo_now(editor, import_id, what)
    if answer is False:
        _forget_pending_undo()
        st.rerun()


def _undo_now(editor: auth.Editor | None, import_id: str, what: str) -> None:
    """Undo an import, for the editor the page was drawn for, still an editor now."""
    try:
        writer = signin.at_write(editor)
        store.undo(import_id, oleh=writer.name)
    except KinerjaError as error:  # not an editor (any more), or undone meanwhile from the command line
        st.error(str(error))
        return
    st.session_state["pesan_impor"] = (
        f"Impor {what} dibatalkan oleh {writer.name}: nilainya tidak lagi dihitung; berkasnya tetap tersimpan."
    )
    st.rerun()


def _documents(chosen: Filters) -> dict[str, Filters] | None:
    """Each document under the region filters by its name ('Lumajang 2023'; with its kabupaten/kota where
    the kecamatan name is there more than once) and the filters that pick it; None when there are too many
    for one list."""
    documents = data.source_documents(chosen.region())[["kabupaten", "kecamatan", "tahun"]].drop_duplicates()
    if len(documents) > MAX_OPTIONS:
        return None
    names = views.place_names(documents) + " " + documents["tahun"].astype(str)
    picks = [Filters(kabupaten=(r.kabupaten,), kecamatan=(r.kecamatan,), tahun=(int(r.tahun),)) for r in documents.itertuples()]
    return dict(zip(names, picks, strict=True))


def realisation_input(chosen: Filters) -> None:
    """Template download, upload with preview, the table editor, and the import history with undo,
    for one document of the kecamatan and years the filters name; for a viewer the downloads and the
    history only."""
    editor = signin.editor()  # who writes every change below; None: a viewer, shown no write controls
    if "pesan_impor" in st.session_state:  # what the last save or undo did, kept across its rerun
        st.success(st.session_state.pop("pesan_impor"))
    documents = _documents(chosen)
    if documents is None:
        st.info(f"{NARROW_FIRST} di panel Filter untuk memilih dokumen yang diisi: dokumen terlalu banyak untuk satu daftar.")
    elif not documents:
        st.info("Tidak ada indikator untuk kecamatan dan tahun pada filter ini.")
    else:
        choice = st.selectbox("Kecamatan dan tahun", list(documents), key="isi_kecamatan")
        own = assembly.indicators(data.connection(), documents[choice])
        stored = store.current_values(data.connection(), indikator_ids=own["indikator_id"])
        frame = template.template_frame(own, stored)
        stem = "_".join(choice.lower().replace("(", "").replace(")", "").split())
        _template_downloads(frame, stem)
    if editor is None:
        signin.ask_to_sign_in("mengunggah, mengubah di tabel, atau membatalkan impor")
        st.subheader("Riwayat impor")
        _history(None)
        return
    # A key keeps the officer's tab when a message above it appears after a save or an undo.
    upload, in_table, history = st.tabs(["Unggah berkas", "Ubah di tabel", "Riwayat impor"], key="isi_tab")
    with upload:
        uploaded = file_uploader("Templat yang sudah diisi (.xlsx atau .csv)", ["xlsx", "csv"], key="unggah")
        if uploaded is not None:
            _import_form(uploaded.name, uploaded.getvalue(), "unggah", editor)
    with in_table:
        if documents:
            _editor(frame, stem, editor)
        else:
            st.info("Pilih satu kecamatan dan tahun di atas untuk mengubah nilainya di tabel.")
    with history:
        _history(editor)
