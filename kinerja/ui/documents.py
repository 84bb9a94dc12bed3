"""Tambah dokumen: an officer's IKI files in — each read and shown beside its source text, its region
checked, doubtful cells corrected — and then stored together; the documents kept and their history.

Nothing is stored before "Simpan": the files are read into proposals (kinerja.intake) kept in the
session, and every edit stays in the widgets until then. Only a signed-in editor gets the uploader and
the withdrawal; a viewer sees what the page is for and the documents kept. Every change is stored
under the signed-in editor's name, asked again (`signin.at_write`) at the moment of writing.
"""

from contextlib import nullcontext
from datetime import datetime

import pandas as pd
import streamlit as st

from kinerja import archive, auth, intake
from kinerja.errors import KinerjaError
from kinerja.indonesian import format_datetime
from kinerja.ui import signin, widgets
from kinerja.ui.uploader import file_uploader
from kinerja.vocab import COLUMN_LABELS, LAYOUT_LABELS, REGISTER_LABELS

_PROPOSALS = "dokumen_usulan"
_UPLOAD_ROUND = "dokumen_putaran"  # a new key empties the uploader after a save
REASON = "dikoreksi di halaman Tambah dokumen"
# In the order shown: where the row is and whether to look at it, then the cells an officer corrects.
ROW_LABELS = {
    "baris": "Baris",
    "periksa": "Periksa",
    "indikator": COLUMN_LABELS["indikator"],
    "formula": COLUMN_LABELS["formula"],
    "sasaran": COLUMN_LABELS["sasaran"],
    "target": COLUMN_LABELS["target"],
    "sumber_data": COLUMN_LABELS["sumber_data"],
    "diragukan": "Diragukan karena",
    "blok": "Jabatan no.",
}
ROW_HEIGHT, MAX_TABLE_HEIGHT = 35, 420
BLOCK_LABELS = {"blok": "No", "jabatan": "Judul jabatan", "baris": "Baris", "indikator": "Indikator", "diragukan": "Diragukan"}


def _ocr_notice() -> None:
    """Scans need tesseract; without it the page says what to install and takes the other formats."""
    missing = intake.ocr_missing()
    if missing:
        st.info(f"Pindaian (PDF hasil pindai, .jpg, .png) belum dapat dibaca di server ini: {missing}")


def _proposals(files) -> list[intake.Proposal]:
    """The uploaded files, each read once per session (reading a scan takes a while)."""
    kept = st.session_state.setdefault(_PROPOSALS, {})
    wanted = [(f.name, f.getvalue()) for f in files]
    new = sum((name, archive.digest(content)) not in kept for name, content in wanted)
    with st.spinner(f"Membaca {new} berkas…") if new else nullcontext():
        shown = intake.propose(wanted, known=kept)
    kept.update({(p.name, p.sha256): p for p in shown if not p.twin_of})
    return shown


def add_documents() -> None:
    """The upload, one section per file, and the save button; for a viewer what the page is for."""
    st.caption(
        "Unggah satu atau beberapa dokumen IKI: Word (.docx), PDF, pindaian (.jpg, .png) atau teks. "
        "Setiap berkas dibaca dan ditampilkan lebih dulu; tidak ada yang disimpan sebelum Anda menekan Simpan."
    )
    editor = signin.editor()  # who stores the documents; None: a viewer, shown no uploader
    if editor is None:
        signin.ask_to_sign_in("menambah dokumen")
        return
    _ocr_notice()
    round_ = st.session_state.setdefault(_UPLOAD_ROUND, 0)
    types = [suffix.lstrip(".") for suffix in intake.ACCEPTED_SUFFIXES]
    files = file_uploader("Dokumen IKI", types, key=f"dokumen_unggah_{round_}", multiple=True)
    if not files:
        return
    proposals = _proposals(files)
    stored = {s.key: s for s in archive.current()}
    ready = []
    for proposal in proposals:
        with st.container(border=True):
            result = _review(proposal, stored)
        if result is not None:
            ready.append(result)
    _save(ready, len(proposals), editor)


def _review(proposal: intake.Proposal, stored: dict) -> tuple | None:
    """One file: refused with its reason, or its region, blocks, rows and source text for review.
    Returns the proposal with its corrections when it may be stored."""
    st.subheader(proposal.name)
    if not proposal.usable:
        st.error(proposal.problem)
        return None
    doc = proposal.parsed
    layout = LAYOUT_LABELS.get(doc.layout, doc.layout)
    st.markdown(f"Tata letak: **{layout}** · {len(doc.blocks)} jabatan · {doc.indicator_count} indikator")
    key = proposal.sha256[:12]
    region_ok = _region(proposal, key)
    old = stored.get((proposal.region.kecamatan.casefold(), proposal.region.tahun))
    if old is not None:
        replaced = f"{old.path.name} ({old.kecamatan} {old.tahun})"
        corrected = len(intake.corrections_of(old.sha256))
        lost = f" {corrected} koreksi pada versi lama tidak berlaku untuk versi ini." if corrected else ""
        st.info(f"Dokumen ini akan menggantikan {replaced}; versi lama tetap tersimpan di riwayat.{lost}")
    titles = _blocks(proposal, key)
    rows_before = intake.rows(proposal)
    left, right = st.columns([2, 1])
    with left:
        rows_after = _rows(rows_before, key)
    with right:
        _source_text(proposal, key)
    corrections = intake.cell_corrections(proposal, rows_before, rows_after, REASON)
    for number, new_title in titles:
        corrections.append(intake.title_correction(proposal, number, new_title, REASON))
    if corrections:
        st.caption(f"{len(corrections)} koreksi akan disimpan bersama dokumen ini.")
    return (proposal, corrections) if region_ok else None


def _region(proposal: intake.Proposal, key: str) -> bool:
    """Kecamatan, kabupaten, provinsi and year, as detected and as the officer sets them, checked
    against the gazetteer; an unknown name needs a tick."""
    region = proposal.region
    columns = st.columns([2, 2, 2, 1])
    region.kecamatan = columns[0].text_input("Kecamatan", region.kecamatan, key=f"kec_{key}").strip()
    region.kabupaten = columns[1].text_input("Kabupaten/kota", region.kabupaten, key=f"kab_{key}").strip()
    region.provinsi = columns[2].text_input("Provinsi", region.provinsi, key=f"prov_{key}").strip()
    tahun = columns[3].number_input("Tahun", 1990, 2100, region.tahun or None, step=1, key=f"thn_{key}", placeholder="—")
    region.tahun = int(tahun) if tahun else None
    missing = region.missing()
    if missing:
        st.warning(f"Isi {', '.join(missing)}: tidak terbaca dari teks dokumen.")
        return False
    checked = intake.region_check(region)
    if checked.all_known:
        return True
    fields = {"kecamatan": f"kec_{key}", "kabupaten": f"kab_{key}", "provinsi": f"prov_{key}"}
    for level in (checked.provinsi, checked.kabupaten, checked.kecamatan):
        if level.known:
            continue
        st.warning(level.message)
        for suggestion in level.suggestions[:3]:
            st.button(
                f"Pakai “{suggestion}”",
                key=f"saran_{fields[level.level]}_{suggestion}",
                on_click=_set_field,
                args=(fields[level.level], suggestion),
            )
    return st.checkbox("Nama wilayah ini benar walau tidak ada di daftar wilayah", key=f"wilayah_{key}")


def _set_field(key: str, value: str) -> None:
    st.session_state[key] = value


def _blocks(proposal: intake.Proposal, key: str) -> list[tuple[int, str]]:
    """The position blocks found, their titles editable; the titles changed, as (block number, new)."""
    before = intake.blocks(proposal)
    shown = before.rename(columns=BLOCK_LABELS)
    edited = st.data_editor(
        shown,
        key=f"blok_{key}",
        hide_index=True,
        width="stretch",
        disabled=[label for name, label in BLOCK_LABELS.items() if name != "jabatan"],
        column_config={BLOCK_LABELS["jabatan"]: st.column_config.TextColumn(width="large")},
    )
    after = edited[BLOCK_LABELS["jabatan"]].fillna("").astype(str).str.strip()
    changed = zip(before["blok"], before["jabatan"], after, strict=True)
    return [(int(number), new) for number, old, new in changed if new and new != old]


def _rows(before: pd.DataFrame, key: str) -> pd.DataFrame:
    """Every indicator row as read, doubtful ones marked; the cells an officer may correct editable."""
    doubted = int((before["diragukan"] != "").sum())
    st.markdown(f"**Indikator terbaca** · {doubted} baris diragukan" if doubted else "**Indikator terbaca**")
    shown = before.assign(periksa=before["diragukan"] != "").rename(columns=ROW_LABELS)
    editable = [ROW_LABELS[c] for c in intake.EDITABLE]
    edited = st.data_editor(
        shown,
        key=f"baris_{key}",
        hide_index=True,
        width="stretch",
        height=min(MAX_TABLE_HEIGHT, ROW_HEIGHT * (len(shown) + 1) + 3),
        column_order=list(ROW_LABELS.values()),
        disabled=[c for c in shown.columns if c not in editable],
        column_config={
            ROW_LABELS["baris"]: st.column_config.NumberColumn(width="small", pinned=True),
            ROW_LABELS["periksa"]: st.column_config.CheckboxColumn(width="small"),
            ROW_LABELS["indikator"]: st.column_config.TextColumn(width="medium"),
            ROW_LABELS["formula"]: st.column_config.TextColumn(width="medium"),
        },
    )
    return edited.rename(columns={label: name for name, label in ROW_LABELS.items()}).drop(columns="periksa")


def _source_text(proposal: intake.Proposal, key: str) -> None:
    """The text a block was read from, with line numbers, beside the rows."""
    blocks = proposal.parsed.blocks
    names = [f"{i}. {b.jabatan} (baris {b.line})" for i, b in enumerate(blocks, start=1)]
    chosen = st.selectbox("Teks sumber untuk jabatan", range(len(blocks)), format_func=names.__getitem__, key=f"sumber_{key}")
    lines = proposal.lines
    start = blocks[chosen].line - 1
    end = blocks[chosen + 1].line - 1 if chosen + 1 < len(blocks) else len(lines)
    numbered = "\n".join(f"{n:>5}  {line}" for n, line in enumerate(lines[start:end], start=start + 1))
    with st.container(height=420):
        st.code(numbered, language=None, wrap_lines=True)


def _save(ready: list[tuple], uploaded: int, editor: auth.Editor) -> None:
    """The button, saying who stores; a save stores every ready file and its corrections at once."""
    st.divider()
    if not ready:
        st.warning("Belum ada dokumen yang siap disimpan: periksa pesan pada setiap berkas di atas.")
        return
    left_out = uploaded - len(ready)
    if left_out:
        st.caption(f"{left_out} berkas tidak ikut disimpan (lihat pesannya di atas); berkas lain tidak terpengaruh.")
    st.caption(f"Disimpan atas nama **{editor.name}**; riwayat mencatatnya.")
    if st.button(f"Simpan {len(ready)} dokumen", type="primary", key="dokumen_simpan"):
        _store(editor, [proposal for proposal, _ in ready], [c for _, mine in ready for c in mine])


def _store(editor: auth.Editor | None, proposals: list[intake.Proposal], corrections: list) -> None:
    """Store the documents and their corrections, for the editor the page was drawn for, still an
    editor now; then the page starts afresh with a note of what was stored."""
    stored = widgets.rebuilt(lambda: intake.confirm(proposals, signin.at_write(editor).name, corrections))
    if stored is None:
        return
    history = stored.change.history
    said = "; ".join(f"{h['kecamatan']} {h['tahun']}" + (" (versi baru)" if h["menggantikan"] else "") for h in history)
    unused = intake.unused_warnings(stored)
    note = " ".join([f"Tersimpan: {said}. Data sudah diperbarui di semua halaman.", *unused])
    widgets.say_on_next_page(note, kind="warning" if unused else "success")
    st.session_state.pop(_PROPOSALS, None)
    st.session_state[_UPLOAD_ROUND] += 1
    st.rerun()


def register() -> None:
    """The documents in use and the history of changes."""
    st.header("Dokumen tersimpan")
    current = archive.current()
    if not current:
        st.info("Belum ada dokumen tersimpan.")
        return
    frame = pd.DataFrame(
        {
            "kecamatan": [s.kecamatan for s in current],
            "kabupaten": [s.kabupaten for s in current],
            "provinsi": [s.provinsi for s in current],
            "tahun": [s.tahun for s in current],
            "berkas": [s.path.name for s in current],
            "nama_asli": [s.nama_asli for s in current],
            "oleh": [s.oleh for s in current],
            "pada": [_when(s.pada) for s in current],
            "sha256": [s.sha256[:12] for s in current],
        }
    )
    widgets.table(frame.rename(columns=REGISTER_LABELS), pinned=(REGISTER_LABELS["kecamatan"],))
    editor = signin.editor()
    if editor is not None:
        _withdraw(current, editor)
    history = archive.read_history()
    if history:
        with st.expander(f"Riwayat perubahan ({len(history)})"):
            widgets.table(
                pd.DataFrame(
                    {
                        "Pada": [_when(h["pada"]) for h in history],
                        "Tindakan": [h["tindakan"] for h in history],
                        "Kecamatan": [h["kecamatan"] for h in history],
                        "Tahun": [int(h["tahun"]) for h in history],
                        "Berkas": [h["berkas"] for h in history],
                        "Menggantikan": [h["menggantikan"] for h in history],
                        "Oleh": [h["oleh"] for h in history],
                    }
                )
            )


def _withdraw(current: list[archive.Source], editor: auth.Editor) -> None:
    """Stop using a document, asked twice; its file stays and the history says who and when."""
    with st.expander("Berhenti memakai sebuah dokumen"):
        names = [f"{s.kecamatan} {s.tahun} ({s.path.name})" for s in current]
        chosen = st.selectbox("Dokumen", range(len(current)), format_func=names.__getitem__, key="tarik_dokumen")
        source = current[chosen]
        st.caption(
            f"Berkasnya tetap disimpan dan tercatat di riwayat atas nama {editor.name}; datanya tidak lagi tampil di dasbor."
        )
        if st.button(f"Berhenti memakai {source.kecamatan} {source.tahun}", key="tarik"):
            st.session_state["tarik_tanya"] = True
        if not st.session_state.get("tarik_tanya"):
            return
        what = f"{source.kecamatan} {source.tahun}"
        answer = widgets.yes_or_no(f"Berhenti memakai dokumen {what}?", "Ya, berhenti memakai", "tarik")
        if answer is None:
            return
        st.session_state.pop("tarik_tanya")
        if answer:
            _take_out_of_use(editor, source, what)
            return
        st.rerun()


def _take_out_of_use(editor: auth.Editor | None, source: archive.Source, what: str) -> None:
    """Withdraw a document, for the editor the page was drawn for, still an editor now."""
    try:
        writer = signin.at_write(editor)
        intake.withdraw(source.kecamatan, source.tahun, writer.name)
    except KinerjaError as error:
        st.error(f"Tidak diubah: {error}")
        return
    widgets.say_on_next_page(f"{what} tidak lagi dipakai; berkasnya tetap disimpan.", "success")
    st.rerun()


def _when(moment: str) -> str:
    return format_datetime(datetime.fromisoformat(moment)) if moment else ""
