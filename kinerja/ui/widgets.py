"""Drawing on a page: a View (takeaway, figures, chart, table), charts with image downloads, the
empty-result notice, and the sidebar's presentation and download buttons."""

import html
from pathlib import Path

import pandas as pd
import streamlit as st

from kinerja import site
from kinerja.errors import KinerjaError
from kinerja.filters import Filters
from kinerja.indonesian import format_number
from kinerja.presentation import images, slides, workbook
from kinerja.presentation.tables import for_screen
from kinerja.presentation.views import PAGE_ROWS, View
from kinerja.spreadsheet import to_csv_bytes, to_xlsx_bytes
from kinerja.ui import data, presentation
from kinerja.vocab import KATEGORI_LABELS, readable

CSV = "text/csv"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
LONG_TEXT = 25  # characters: a column whose typical cell is longer holds sentences
CHARACTER_PX, CELL_PADDING_PX = 8, 24  # a table cell's text (14 px) at its widest letters, and its margins
EMPTY = "Tidak ada data untuk filter ini. Longgarkan filter di sidebar."


def escape(text: str) -> str:
    """Text for an HTML paragraph: shown as written, never read as markup."""
    return html.escape(text, quote=False)


def nothing() -> None:
    """A page body that draws nothing (the router redirects old links before it would run)."""


_SAID = "pesan_halaman"  # session key: a note for the page the router switches to


def rebuilt(write):
    """A write that rebuilds the data (`write()`, which asks signin.at_write first), under a spinner; a
    refusal, or a disk that would not take it, said in red: the write is all or nothing, so nothing
    changed. Returns what the write returns, or None when it failed."""
    try:
        with st.spinner("Menyimpan dan membangun ulang data…"):
            return write()
    except KinerjaError as error:
        st.error(f"Tidak disimpan: {error}")
    except OSError as error:  # a full disk, a folder not writable: everything was put back
        st.error(f"Tidak disimpan: berkas {error.filename or ''} tidak dapat ditulis di server. Tidak ada yang berubah.")
    return None


def say_on_next_page(note: str, kind: str = "warning") -> None:
    """A note for the next page run (after a switch or a rerun): a warning, or "success"."""
    st.session_state[_SAID] = (note, kind)


def what_was_said_before() -> None:
    """The note the router left before switching pages, shown once."""
    if _SAID in st.session_state:
        note, kind = st.session_state.pop(_SAID)
        (st.success if kind == "success" else st.warning)(note)


def yes_or_no(question: str, yes: str, key: str) -> bool | None:
    """The second step of a change that cannot be taken back lightly: the question, then `yes` or
    'Tidak'. True or False once one is clicked, None while the officer has not answered."""
    st.warning(question)
    with st.container(horizontal=True):
        said_yes = st.button(yes, key=f"{key}_ya", type="primary")
        said_no = st.button("Tidak", key=f"{key}_tidak")
    return True if said_yes else False if said_no else None


def heading(script: str) -> None:
    """The page's title, from the page list (call with __file__)."""
    st.title(site.page(Path(script).name).heading)


def takeaway(text: str) -> None:
    """A view's takeaway sentence, in the same words as on its slide."""
    st.markdown(f"<p class='pesan'><strong>{escape(text)}</strong></p>", unsafe_allow_html=True)


def empty_notice(view: View | None) -> bool:
    """Say so when the filters leave nothing, instead of drawing an empty chart."""
    if view is None:
        st.info(EMPTY)
        return True
    return False


OUT_OF = " dari "  # a headline figure 'A dari B' ('172.692 dari 1.307.543')


def figures(view: View) -> None:
    """The view's headline figures as metrics in one row; of a figure 'A dari B' the metric shows A and
    the line under it 'dari B': both in the metric's large type are cut short in a narrow column."""
    for column, (label, value) in zip(st.columns(len(view.angka)), view.angka, strict=True):
        shown, _, whole = value.partition(OUT_OF)
        column.metric(label, shown)
        if whole:
            column.caption(f"{OUT_OF.strip()} {whole}")


def draw(view: View, key: str, table: bool = True, title: bool = True) -> None:
    """A view as a page section: its title when it has no chart (a chart carries its own), the takeaway,
    further facts, the chart, and the table under its heading. title=False when the page drew the
    title itself, above the controls that choose the view."""
    if view.figure is None and title:
        st.subheader(view.judul)
    takeaway(view.pesan)
    if view.rincian:
        st.markdown("\n".join(f"- {escape(fact)}" for fact in view.rincian))
    if view.figure is not None:
        chart(view.figure, key)
    if table:
        draw_table(view)


def draw_table(view: View, **options) -> None:
    if view.judul_tabel:
        st.subheader(view.judul_tabel)
    if not view.tabel.empty:
        table(view.tabel, pinned=view.utama, key=view.key, **options)


def table(frame: pd.DataFrame, pinned: tuple[str, ...] = (), key: str = "tabel", **options) -> None:
    """A table in Indonesian numbers; the columns that matter most (first) stay in view while the
    others scroll sideways, the indicator's own words given the room. A table longer than PAGE_ROWS
    shows one page of rows at a time with the total, and offers the whole table as a download: the
    browser never receives more than a page."""
    shown = _one_page(frame, key) if len(frame) > PAGE_ROWS else frame
    columns = {name: st.column_config.Column(pinned=True, width=_width(shown[name])) for name in pinned}
    st.dataframe(for_screen(shown), hide_index=True, width="stretch", column_config=columns or None, **options)


def paged_table(view: View, everything) -> None:
    """A view holding one page of a longer table (`view.jumlah` rows in all, paged in its query): the
    page, the page chooser under it, and every row as CSV built on click (`everything()`)."""
    if view.tabel.empty:
        return
    table(view.tabel, pinned=view.utama, key=view.key)
    if view.jumlah > PAGE_ROWS:
        page_choice(view.jumlah, view.key)
        download("Unduh semua baris (CSV)", lambda: to_csv_bytes(everything()), f"{view.key}.csv", CSV, key=f"{view.key}_semua")


def _one_page(frame: pd.DataFrame, key: str) -> pd.DataFrame:
    page = page_choice(len(frame), key)
    download("Unduh semua baris (CSV)", lambda: to_csv_bytes(frame), f"{key}.csv", CSV, key=f"{key}_semua")
    return frame.iloc[(page - 1) * PAGE_ROWS : page * PAGE_ROWS]


def page_choice(total: int, key: str) -> int:
    """Which page of a table of `total` rows to show (PAGE_ROWS each), and the rows it holds. A page
    beyond the table (the filters changed) becomes its last."""
    pages = max(1, -(-total // PAGE_ROWS))
    state = f"{key}_halaman"
    if st.session_state.get(state, 1) > pages:
        st.session_state[state] = pages
    with st.container(horizontal=True, vertical_alignment="bottom"):
        page = st.number_input(f"Halaman (dari {format_number(pages)})", 1, pages, key=state, width=200)
        first, last = (page - 1) * PAGE_ROWS, min(page * PAGE_ROWS, total)
        st.caption(f"Baris {format_number(first + 1)}–{format_number(last)} dari {format_number(total)}.")
    return int(page)


def _width(values: pd.Series) -> str | int:
    """Room for a column of sentences (indicators, formulas); a column of names (a pinned place) as wide
    as its longest name ('Daerah Khusus Ibukota Jakarta'), which Streamlit's own sizing cuts short."""
    lengths = values.astype(str).str.len()
    if lengths.empty or lengths.median() > LONG_TEXT:
        return "large"
    return round(CHARACTER_PX * lengths.max()) + CELL_PADDING_PX


def download(label: str, content, file_name: str, mime: str, key: str, **options) -> None:
    """A download that never reruns the page: a rerun would withdraw the other buttons' files while
    a second click is on its way ('Deferred file … not found'). A callable is built on click, with a
    spinner on the button while it is made."""
    st.download_button(label, content, file_name, mime, key=key, on_click="ignore", **options)


def examples(view: View | None) -> None:
    """A view of examples per formula category, one expander per category in the vocabulary's order."""
    if view is None:
        return
    st.subheader(view.judul)
    takeaway(view.pesan)
    rows = view.rows
    for kategori in [k for k in KATEGORI_LABELS if k in set(rows["kategori_formula"])]:
        own = rows[rows["kategori_formula"] == kategori]
        with st.expander(f"{KATEGORI_LABELS[kategori]} — {own['jumlah_contoh'].iloc[0]} contoh"):
            shown = readable(own.drop(columns=["kategori_formula", "jumlah_contoh", "kategori_ada"]))
            table(shown, pinned=view.utama, key=f"contoh_{kategori}")


SIDE_BY_SIDE = 4  # kecamatan columns in one row: a fifth would squeeze the indicators of a 1280 px window


def side_by_side(view: View) -> None:
    """The compared indicators in a column per kecamatan (in rows of SIDE_BY_SIDE), each in the kecamatan's
    colour and marked shared or unique; a shared one with its counterparts in the other kecamatan,
    worded as they wrote it."""
    rows = view.rows
    names = sorted(set(rows["kecamatan"]))
    colours = dict(zip(rows["kecamatan"], rows["warna"], strict=True))
    for start in range(0, len(names), SIDE_BY_SIDE):
        in_row = names[start : start + SIDE_BY_SIDE]
        for column, name in zip(st.columns(min(len(names), SIDE_BY_SIDE)), in_row, strict=False):
            _kecamatan_column(column, name, colours[name], rows[rows["kecamatan"] == name])


def _kecamatan_column(column, name: str, colour: str | None, rows: pd.DataFrame) -> None:
    """A kecamatan's heading with its colour (none where the kecamatan are too many for a colour each) and
    its indicators as one list (one element, not one per indicator: a bidang of thirty kecamatan holds
    over a thousand)."""
    mark = f"<span style='color:{colour}'>■</span> " if isinstance(colour, str) else ""
    column.markdown(f"#### {mark}{escape(name)}", unsafe_allow_html=True)
    items = []
    for row in rows.itertuples():
        counterparts = "".join(f"  \n  <small>↔ {escape(other)}</small>" for other in row.padanan)
        items.append(
            f"- {escape(row.indikator)}  \n  <small>{KATEGORI_LABELS[row.kategori_formula]} · "
            f"<b>{row.status}</b></small>{counterparts}"
        )
    column.markdown("\n".join(items), unsafe_allow_html=True)


def detached_notice(detached: pd.DataFrame) -> None:
    """Stored values whose indicator is gone are said, never silently dropped."""
    if not detached.empty:
        ids = ", ".join(sorted(detached["indikator_id"].unique())[:10])
        st.error(f"{len(detached)} nilai tersimpan tidak lagi cocok dengan indikator mana pun (dokumen berubah?): {ids}")


def table_downloads(view: View, name: str, everything=None) -> None:
    """CSV and XLSX of the table, all its rows where the view holds one page (`everything()`), built
    only when clicked."""
    whole = everything or (lambda: view.tabel)
    left, right = st.columns(2)
    with left:
        download("Unduh CSV", lambda: to_csv_bytes(whole()), f"{name}.csv", CSV, key="unduh_csv")
    with right:
        download("Unduh XLSX", lambda: to_xlsx_bytes({view.sheet: whole()}), f"{name}.xlsx", XLSX, key="unduh_xlsx")


def workbook_download(label: str, sheets, file_name: str, key: str) -> None:
    """An XLSX of several sheets (`sheets()`: name to table), built only when clicked."""
    download(label, lambda: to_xlsx_bytes(sheets()), file_name, XLSX, key=key)


def chart(figure, key: str) -> None:
    """A chart, with PNG and SVG downloads rendered only when asked for."""
    st.plotly_chart(figure, width="stretch", key=key, theme=None)  # the figure's own sizes, not the theme's smaller ones
    if not images.browser_available():
        st.caption("Unduh grafik sebagai gambar membutuhkan Chromium di server (scripts/install-browser.sh).")
        return
    with st.popover("Unduh grafik", icon=":material/download:"):
        for fmt, mime in (("png", "image/png"), ("svg", "image/svg+xml")):
            download(fmt.upper(), lambda fmt=fmt: images.render_images([figure], fmt)[0], f"{key}.{fmt}", mime, f"{key}_{fmt}")


def sidebar_exports(filters: Filters) -> None:
    """Start presenting, and the deck and workbook of the current filters, built only when clicked."""
    with st.sidebar:
        st.divider()
        presentation.start_button()
        download(
            "Unduh paparan (PPTX)",
            lambda: slides.deck(data.key_views(filters), filters, data.source_documents(filters)),
            "paparan_kinerja_kecamatan.pptx",
            PPTX,
            key="unduh_pptx",
            width="stretch",
        )
        download(
            "Unduh buku kerja (XLSX)",
            lambda: workbook.workbook(data.key_views(filters), filters, data.source_documents(filters)),
            "kinerja_kecamatan.xlsx",
            XLSX,
            key="unduh_buku",
            width="stretch",
        )
