"""Streamlit glue shared by the router and the pages: the cached connection, the sidebar filters
(kept in the URL), query running and table display with Indonesian headers."""

import pandas as pd
import streamlit as st

from kinerja import db, export, realisasi, slides, views
from kinerja.achievement import METHODS, POLARITIES, QUARTERS
from kinerja.filters import Filters
from kinerja.vocab import BIDANG_LABELS, JENIS_LABELS

PRESENTING = "presentasi"


@st.cache_resource(show_spinner=False)
def _root_connection(directory: str, stamp: float):
    return db.connect(directory)


def _stamp() -> tuple[str, float]:
    directory = db.data_dir()
    return str(directory), max((p.stat().st_mtime for p in directory.glob("*.parquet")), default=0.0)


def connection():
    """One root connection per dataset version; each query takes its own cursor from it."""
    return _root_connection(*_stamp())


@st.cache_data(show_spinner=False)
def _example_values(stamp: tuple[str, float], example_mtime: float) -> pd.DataFrame:
    from kinerja import capaian

    return capaian.example_values(capaian.indicators(connection()))


def example_values() -> pd.DataFrame:
    """The illustrative values, validated once per dataset and example-file version."""
    from kinerja import capaian

    return _example_values(_stamp(), capaian.EXAMPLE_FILE.stat().st_mtime)


def query(name: str, filters: Filters | None = None, **params) -> pd.DataFrame:
    values = (filters or Filters()).params()
    return db.run_query(connection(), name, **values, **params)


def _options() -> dict[str, list[str]]:
    frame = query("pilihan_filter")
    return {name: group["nilai"].tolist() for name, group in frame.groupby("filter")}


def _coded_multiselect(label: str, labels: dict[str, str], present: list[str], key: str) -> list[str]:
    """A multiselect over codes shown by their Indonesian labels, in the labels' order, bound to the URL."""
    codes = [code for code in labels if code in present]
    return st.multiselect(label, codes, format_func=labels.get, key=key, bind="query-params", placeholder="Semua")


def sidebar_filters() -> Filters:
    """The shared filters, each bound to its URL parameter so a copied link opens the same view."""
    options = _options()
    with st.sidebar:
        st.header("Filter")
        teks = st.text_input(
            "Cari jabatan (ketik sebagian judul)",
            key="jabatan_teks",
            bind="query-params",
            placeholder="mis. seksi pem, pengadministrasi",
        )
        jabatan = st.multiselect(
            "Jabatan baku", options.get("jabatan", []), key="jabatan", bind="query-params", placeholder="Semua"
        )
        jenis = _coded_multiselect("Jenis jabatan", JENIS_LABELS, options.get("jenis", []), "jenis")
        bidang = _coded_multiselect("Bidang", BIDANG_LABELS, options.get("bidang", []), "bidang")
        kecamatan = st.multiselect(
            "Kecamatan", options.get("kecamatan", []), key="kecamatan", bind="query-params", placeholder="Semua"
        )
        kabupaten = st.multiselect(
            "Kabupaten", options.get("kabupaten", []), key="kabupaten", bind="query-params", placeholder="Semua"
        )
        tahun = st.multiselect("Tahun", options.get("tahun", []), key="tahun", bind="query-params", placeholder="Semua")
        st.caption("Filter kosong berarti semua. Salin alamat halaman untuk membagikan tampilan ini.")
    return Filters(
        kabupaten=tuple(kabupaten),
        kecamatan=tuple(kecamatan),
        tahun=tuple(int(t) for t in tahun),
        jenis=tuple(jenis),
        bidang=tuple(bidang),
        jabatan=tuple(jabatan),
        teks=teks or "",
    )


def current_filters() -> Filters:
    return st.session_state.get("filters", Filters())


def empty_notice(frame: pd.DataFrame) -> bool:
    """Say so when the filters leave nothing, instead of drawing an empty chart."""
    if frame.empty:
        st.info("Tidak ada data untuk filter ini. Longgarkan filter di sidebar.")
        return True
    return False


def data_available() -> bool:
    if all((db.data_dir() / f"{t}.parquet").exists() for t in db.TABLES):
        return True
    st.error(f"Data belum dibangun di {db.data_dir()}. Jalankan `make run` (membangun otomatis) atau `python -m kinerja build`.")
    return False


def _import_form(name: str, content: bytes, everything: pd.DataFrame, stored: pd.DataFrame, key: str) -> None:
    """Validate, preview what changes, and store only after the officer confirms."""
    allow = st.checkbox("Izinkan persentase di atas 100", key=f"{key}_lebih100")
    try:
        checked = realisasi.validate(name, realisasi.read_table(name, content), everything, allow)
    except realisasi.ImportRejected as error:
        st.error(f"**{name}**: {len(error.problems)} masalah; tidak ada yang disimpan. Perbaiki lalu unggah lagi.")
        st.dataframe(
            pd.DataFrame([{"Baris": p.row, "Kolom": p.column, "Masalah": p.message} for p in error.problems]),
            hide_index=True,
            width="stretch",
        )
        return
    preview = realisasi.changes(checked.values, stored)
    st.write(f"**{name}**: {checked.rows} baris terbaca, {len(preview)} nilai akan berubah.")
    st.dataframe(
        preview.rename(columns={"indikator_id": "ID indikator", "kolom": "Kolom", "lama": "Lama", "baru": "Baru"}),
        hide_index=True,
    )
    if st.button("Simpan", key=f"{key}_simpan", type="primary", disabled=preview.empty):
        try:
            import_id = realisasi.store(checked, name, content, "aplikasi")
        except realisasi.ImportRejected as error:
            st.error(str(error))
            return
        st.session_state["pesan_impor"] = f"Disimpan sebagai impor {import_id}: {len(checked.values)} nilai."
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


def realisation_input(everything: pd.DataFrame, stored: pd.DataFrame) -> None:
    """Template download, upload with preview, the table editor, and the import history with undo."""
    if "pesan_impor" in st.session_state:  # what the last save or undo did, kept across its rerun
        st.success(st.session_state.pop("pesan_impor"))
    pairs = everything[["kecamatan", "tahun"]].drop_duplicates().sort_values(["kecamatan", "tahun"])
    choice = st.selectbox("Kecamatan dan tahun", [f"{k} {t}" for k, t in pairs.itertuples(index=False)], key="isi_kecamatan")
    kecamatan, tahun = choice.rsplit(" ", 1)
    own = everything[(everything["kecamatan"] == kecamatan) & (everything["tahun"] == int(tahun))]
    template = realisasi.template_frame(own, stored)
    st.download_button(
        "Unduh templat (XLSX)",
        lambda: realisasi.template_xlsx(template),  # built on click
        f"templat_realisasi_{kecamatan.lower()}_{tahun}.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="unduh_templat",
    )
    upload, editor, history = st.tabs(["Unggah berkas", "Ubah di tabel", "Riwayat impor"])
    with upload:
        uploaded = st.file_uploader("Templat yang sudah diisi (.xlsx atau .csv)", type=["xlsx", "csv"], key="unggah")
        if uploaded is not None:
            _import_form(uploaded.name, uploaded.getvalue(), everything, stored, "unggah")
    with editor:
        editable = ["polaritas", "metode", *realisasi.VALUE_COLUMNS]
        shown = template.copy()
        shown[editable] = shown[editable].astype("object").where(shown[editable].notna(), "").astype(str)
        edited = st.data_editor(
            shown,
            disabled=[c for c in template.columns if c not in editable],
            column_config=_editor_columns(),
            hide_index=True,
            key="editor",
        )
        if not edited.equals(shown):
            content = edited.to_csv(index=False).encode()
            _import_form(f"editor_{kecamatan.lower()}_{tahun}.csv", content, everything, stored, "editor")
    with history:
        imports = realisasi.list_imports()
        if imports.empty:
            st.info("Belum ada impor.")
            return
        st.dataframe(imports.drop(columns="sha256"), hide_index=True, width="stretch")
        active = imports[~imports["dibatalkan"]]["impor_id"].tolist()
        if active:
            target = st.selectbox("Impor yang dibatalkan", active, key="batal_pilih")
            if st.button("Batalkan impor", key="batal"):
                realisasi.undo(target)
                st.session_state["pesan_impor"] = f"Impor {target} dibatalkan; berkasnya tetap tersimpan."
                st.rerun()


def presenting() -> bool:
    """Presentation mode, from ?mode=presentasi or from this session having started it."""
    if st.query_params.get("mode") == PRESENTING:
        st.session_state["presentasi"] = True
    return st.session_state.get("presentasi", False)


def _codes(values: list[str], labels: dict[str, str]) -> tuple[str, ...]:
    """URL values of a coded filter (its label or its code) back to codes."""
    by_label = {label: code for code, label in labels.items()}
    return tuple(by_label.get(v, v) for v in values if v in labels or v in by_label)


def filters_from_url() -> Filters:
    """The shared filters read straight from the URL, for views that draw no sidebar."""
    url = st.query_params
    tahun = tuple(int(t) for t in url.get_all("tahun") if t.isdigit())
    return Filters(
        kabupaten=tuple(url.get_all("kabupaten")),
        kecamatan=tuple(url.get_all("kecamatan")),
        tahun=tahun,
        jenis=_codes(url.get_all("jenis"), JENIS_LABELS),
        bidang=_codes(url.get_all("bidang"), BIDANG_LABELS),
        jabatan=tuple(url.get_all("jabatan")),
        teks=url.get("jabatan_teks", ""),
    )


def _start_presenting() -> None:
    st.query_params["mode"] = PRESENTING
    st.session_state["presentasi"] = True


def sidebar_exports(filters: Filters) -> None:
    """Start presenting, and the deck and workbook of the current view, built only when clicked."""
    with st.sidebar:
        st.divider()
        st.button(
            "Mode presentasi", on_click=_start_presenting, icon=":material/slideshow:", key="mulai_presentasi", width="stretch"
        )

        def deck() -> bytes:
            return slides.deck(views.key_views(connection(), filters), filters)

        def book() -> bytes:
            return export.to_xlsx_bytes({v.lembar: v.tabel for v in views.key_views(connection(), filters)})

        st.download_button(
            "Unduh paparan (PPTX)",
            deck,
            "paparan_kinerja_kecamatan.pptx",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            key="unduh_pptx",
            width="stretch",
        )
        st.download_button(
            "Unduh buku kerja (XLSX)",
            book,
            "kinerja_kecamatan.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            key="unduh_buku",
            width="stretch",
        )


def chart(figure, key: str) -> None:
    """A chart, with PNG and SVG downloads rendered only when asked for."""
    st.plotly_chart(figure, width="stretch", key=key)
    if not export.browser_available():
        st.caption("Unduh grafik sebagai gambar membutuhkan Chromium di server (scripts/install-browser.sh).")
        return
    with st.popover("Unduh grafik", icon=":material/download:"):
        for fmt, mime in (("png", "image/png"), ("svg", "image/svg+xml")):
            st.download_button(
                fmt.upper(),
                lambda fmt=fmt: _image(figure, fmt),
                f"{key}.{fmt}",
                mime,
                key=f"{key}_{fmt}",
            )


def _image(figure, fmt: str) -> bytes:
    return export.render_images([figure], fmt)[0]
