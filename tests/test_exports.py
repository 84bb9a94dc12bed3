"""The deck, the workbook, chart images and the export command, opened the way their readers open them."""

import io
import re

import openpyxl
import pandas as pd
import pytest
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.enum.text import PP_ALIGN
from pptx.util import Emu

from kinerja import db
from kinerja.capaian import assembly, store, template
from kinerja.cli import main
from kinerja.errors import ExportUnavailable
from kinerja.filters import Filters
from kinerja.indonesian import format_date, format_number
from kinerja.paths import EXAMPLE_FILE
from kinerja.presentation import charts, fitting, images, slides, sources, views, workbook
from kinerja.presentation.views import View
from kinerja.spreadsheet import to_csv_bytes, to_xlsx_bytes

SEED_DOCUMENTS = [
    ["Bululawang", "Malang", 2017, "iki_bululawang_2017.txt"],
    ["Lumajang", "Lumajang", 2023, "iki_lumajang_2023.txt"],
    ["Masama", "Banggai", 2020, "iki_masama_2020.txt"],
    ["Sangkapura", "Gresik", 2019, "iki_sangkapura_2019.txt"],
]
KECAMATAN = ["Bululawang", "Lumajang", "Masama", "Sangkapura"]  # top to bottom on every chart of the seed data
WITH_TOTALS = ["Bululawang (35)", "Lumajang (33)", "Masama (86)", "Sangkapura (112)"]  # a stack's total by its name


@pytest.fixture(scope="module")
def con(real_data):
    return db.connect(real_data)


@pytest.fixture(scope="module")
def meeting(con, tmp_path_factory) -> list[View]:
    """The key views of all the seed data, built once (capaian from the example: nothing imported)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KINERJA_REALISASI_DIR", str(tmp_path_factory.mktemp("realisasi")))
        return views.key_views(con, Filters())


@pytest.fixture(autouse=True)
def isolated(real_data, tmp_path, monkeypatch):
    monkeypatch.setenv("KINERJA_DATA_DIR", str(real_data.parent))
    monkeypatch.setenv("KINERJA_REALISASI_DIR", str(tmp_path / "realisasi"))


def _deck(con, filters: Filters, shown: list[View] | None = None) -> Presentation:
    shown = views.key_views(con, filters) if shown is None else shown
    return Presentation(io.BytesIO(slides.deck(shown, filters, sources.documents(con, filters))))


def _chart(slide):
    return next(shape for shape in slide.shapes if shape.has_chart).chart


def _table(slide):
    return next(shape for shape in slide.shapes if shape.has_table).table


def _top_to_bottom(chart) -> list[str]:
    """A bar chart's categories as they stand on the slide: PowerPoint puts the first at the bottom
    unless the axis is reversed."""
    categories = list(chart.plots[0].categories)
    return categories if chart.category_axis.reverse_order else categories[::-1]


def _colour(series) -> str:
    return str(series.format.fill.fore_color.rgb)


# --- Views and their takeaways ----------------------------------------------------------------------


def test_key_views_and_their_computed_takeaways(meeting):
    shown = meeting
    assert [v.key for v in shown] == ["ringkasan", "cakupan", "kategori", "capaian", "kualitas", "pohon", "harmonisasi"]
    assert shown[0].pesan == "36 dari 266 indikator (14%) punya formula yang menghitung capaian."
    assert shown[1].pesan == "Indikator terbanyak pada jabatan Pelaksana (145 dari 266), paling sedikit pada Camat (5)."
    assert shown[2].pesan == "Porsi indikator terukur tertinggi di Lumajang (24%), terendah di Sangkapura (5%)."
    assert "DATA CONTOH ILUSTRATIF" in shown[3].judul and "(data contoh ilustratif)" in shown[3].pesan
    assert "," in shown[3].pesan.split("median capaian ")[1]  # Indonesian decimal comma
    # Flags on the seeds (tests/test_quality.py): formula 134, satuan 58, target 243, sumber data 26, hasil 33,
    # duplikat 8, salin tempel 3 = 505 of 266 × 7 = 1.862 verdicts, so the mean score is 1.357 / 1.862 = 72,9;
    # 23 of 266 indicators (9%) meet the target criterion, the fewest.
    assert shown[4].pesan == (
        "Skor kualitas rata-rata 72,9 dari 100 untuk 266 indikator; kriteria yang paling jarang dipenuhi: "
        "Ada target, satuannya cocok (dipenuhi 9% indikator)."
    )
    # tests/test_cascade.py: 36 of the 189 sasaran below link at the bar; of the Camat's 5, Bululawang's
    # "Keamanan Lingkungan" and Masama's "Meningkatnya Tata Kelola Kecamatan Masama …" have nothing below
    assert shown[5].pesan == (
        "36 dari 189 sasaran jabatan bawahan (19%) mendukung sasaran Camat atau Sekretaris. "
        "2 dari 5 sasaran Camat tidak didukung sasaran mana pun."
    )
    # tests/test_harmony.py: 10 positions are in two kecamatan or more (two in all four), 91 clusters
    assert shown[6].pesan == (
        "91 klaster indikator pada 10 jabatan yang ada di dua kecamatan atau lebih: 5 dimiliki semua kecamatan yang "
        "punya jabatannya, 82 hanya oleh satu kecamatan. 9 diusulkan sebagai indikator standar."
    )


def test_takeaways_follow_the_filters(con):
    shown = views.key_views(con, Filters(kecamatan=("Lumajang",)))
    assert shown[0].pesan.startswith("8 dari 33 indikator")
    assert shown[1].pesan == "Indikator terbanyak pada jabatan Pelaksana (17 dari 33), paling sedikit pada Sekretaris (1)."
    assert views.key_views(con, Filters(teks="tidak ada jabatan ini")) == []


# --- The deck ---------------------------------------------------------------------------------------


def test_deck_opens_with_the_expected_slides_and_titles(con):
    filters = Filters(kecamatan=("Lumajang", "Masama"))
    deck = _deck(con, filters)
    titles = [s.shapes.title.text for s in deck.slides]
    assert titles == [
        "Paparan Kinerja Kecamatan",
        "Indikator per kecamatan",
        "Cakupan jabatan",
        "Kategori formula",
        "Target vs realisasi (DATA CONTOH ILUSTRATIF)",
        "Kualitas indikator per kecamatan",
        "Pohon kinerja per kecamatan",
        "Harmonisasi indikator antarkecamatan",
        "Lampiran: angka per kecamatan",
    ]
    subtitle = deck.slides[0].placeholders[1].text
    assert "Kecamatan Lumajang, Masama" in subtitle and format_date() in subtitle
    assert "Sumber: 2 dokumen IKI (Lumajang 2023, Masama 2020)" in subtitle
    for slide in list(deck.slides)[1:8]:
        assert not any(shape.shape_type == 13 for shape in slide.shapes)  # no pictures: native charts
        texts = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
        assert any(t.endswith(".") and t != slide.shapes.title.text for t in texts)  # the takeaway line
    # the heatmaps (cakupan, kualitas) are shaded tables
    assert [any(shape.has_chart for shape in s.shapes) for s in list(deck.slides)[1:8]] == [
        True,
        False,
        True,
        True,
        False,
        True,
        True,
    ]
    table = _table(deck.slides[8])
    assert [table.cell(0, j).text for j in range(3)] == ["Kecamatan", "Tahun", "Jumlah jabatan"]
    assert {table.cell(1, 0).text, table.cell(2, 0).text} == {"Lumajang", "Masama"}


def test_title_slide_names_every_source_document(con, meeting):
    subtitle = _deck(con, Filters(), meeting).slides[0].placeholders[1].text
    assert "Sumber: 4 dokumen IKI (Bululawang 2017, Lumajang 2023, Masama 2020, Sangkapura 2019)" in subtitle


def test_a_long_list_of_documents_is_named_briefly():
    eight = pd.DataFrame({"kecamatan": [f"K{i}" for i in range(8)], "tahun": [2020 + i for i in range(8)]})
    assert sources.short(eight) == "Sumber: 8 dokumen IKI (K0 2020, K1 2021, K2 2022, K3 2023, K4 2024, K5 2025 dan 2 lainnya)"


def test_ringkasan_is_an_editable_stacked_column_chart_with_the_views_numbers(con, meeting):
    view = meeting[0]
    chart = _chart(_deck(con, Filters(), [view]).slides[1])
    assert chart.chart_type == XL_CHART_TYPE.COLUMN_STACKED
    assert list(chart.plots[0].categories) == WITH_TOTALS
    measured, counted = chart.plots[0].series
    assert (measured.name, counted.name) == ("Formula terukur", "Hitungan / deskripsi / tanpa formula")
    # per document: Bululawang 6 + 29 = 35, Lumajang 8 + 25 = 33, Masama 16 + 70 = 86, Sangkapura 6 + 106 = 112
    assert list(measured.values) == [6, 8, 16, 6] == view.tabel["Formula terukur"].tolist()
    assert list(counted.values) == [29, 25, 70, 106] == (view.tabel["Indikator"] - view.tabel["Formula terukur"]).tolist()
    assert (_colour(measured), _colour(counted)) == ("0072B2", "BBBBBB")
    assert measured.data_labels.show_value and measured.data_labels.number_format == "#,##0;-#,##0;"
    assert chart.category_axis.axis_title.text_frame.text == "Kecamatan"
    assert chart.value_axis.axis_title.text_frame.text == "Jumlah indikator"
    assert chart.value_axis.tick_labels.number_format == "#,##0"
    assert chart.has_legend and chart.legend.position == XL_LEGEND_POSITION.BOTTOM
    assert chart.chart_title.text_frame.text == "Jumlah indikator per kecamatan, menurut cara pengukurannya"


def test_kategori_stays_horizontal_in_the_order_on_screen_with_its_colours_and_labels(con, meeting):
    view = meeting[2]
    chart = _chart(_deck(con, Filters(), [view]).slides[1])
    assert chart.chart_type == XL_CHART_TYPE.BAR_STACKED
    assert _top_to_bottom(chart) == KECAMATAN  # the figure lists them alphabetically, top down
    series = {s.name: s for s in chart.plots[0].series}
    assert list(series) == ["Persentase", "Indeks / Survei", "Komposit", "Perubahan", "Jumlah", "Deskriptif", "Tanpa formula"]
    assert {name: _colour(s) for name, s in series.items()}["Deskriptif"] == charts.KATEGORI_COLOURS["deskriptif"][1:]
    shares = view.tabel.set_index(["Kecamatan", "Kategori formula"])["% indikator"]
    for name, s in series.items():
        expected = [shares.get((k, name)) for k in chart.plots[0].categories]
        assert list(s.values) == expected, name  # None where a kecamatan has no indicator of the category
    # bar lengths are shares, the labels on them the same shares, as on the page
    assert list(series["Persentase"].values) == [17.1, 24.2, 11.6, 4.5]  # Sangkapura: 5 of 112
    assert series["Persentase"].points[0].data_label.text_frame.text == "17%"  # Bululawang: 6 of 35
    assert series["Deskriptif"].points[3].data_label.text_frame.text == "95%"  # Sangkapura: 106 of 112
    assert chart.value_axis.maximum_scale == 100 and chart.value_axis.axis_title.text_frame.text == "Persen indikator (%)"


def test_capaian_bands_stack_per_kecamatan_top_to_bottom_as_on_screen(con, meeting):
    view = meeting[3]
    chart = _chart(_deck(con, Filters(), [view]).slides[1])
    assert chart.chart_type == XL_CHART_TYPE.BAR_STACKED
    assert _top_to_bottom(chart) == WITH_TOTALS
    names = [s.name for s in chart.plots[0].series]
    assert names == ["Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah", "Belum dapat dinilai"]
    assert [_colour(s) for s in chart.plots[0].series][-1] == "BBBBBB"
    bands = zip(*(s.values for s in chart.plots[0].series), strict=True)
    per_kecamatan = dict(zip(KECAMATAN, bands, strict=True))
    # every indicator of a kecamatan in exactly one band: its document's count
    assert {k: sum(v) for k, v in per_kecamatan.items()} == {"Sangkapura": 112, "Masama": 86, "Lumajang": 33, "Bululawang": 35}
    sangkapura = view.tabel[view.tabel["Kecamatan"] == "Sangkapura"]
    assert per_kecamatan["Sangkapura"][-1] == (sangkapura["Predikat"] == "Belum dapat dinilai").sum()
    # value labels, but none on a part too thin to hold one: Bululawang's single 'Tinggi' of 35
    tinggi = chart.plots[0].series[1]
    assert tinggi.data_labels.show_value and per_kecamatan["Bululawang"][1] == 1
    deleted = tinggi._element.xpath("./c:dLbls/c:dLbl[c:delete/@val='1']/c:idx/@val")
    assert [KECAMATAN[int(i)] for i in deleted] == ["Bululawang"]


def test_cakupan_heatmap_is_a_table_shaded_like_the_heatmap(con, meeting):
    slide = _deck(con, Filters(), [meeting[1]]).slides[1]
    table = _table(slide)
    rows = [[table.cell(i, j).text for j in range(6)] for i in range(5)]
    assert rows == [
        ["", "Camat", "Sekretaris", "Kepala Sub Bagian", "Kepala Seksi", "Pelaksana"],  # names wrapped on screen, whole here
        ["Bululawang", "3", "3", "7", "14", "8"],
        ["Lumajang", "0", "1", "8", "7", "17"],
        ["Masama", "2", "6", "24", "13", "41"],
        ["Sangkapura", "0", "3", "17", "13", "79"],
    ]
    # Plotly's 'Blues' from its lightest (the smallest count, 0) to its darkest (the largest, 79)
    assert str(table.cell(2, 1).fill.fore_color.rgb) == "F7FBFF"
    assert str(table.cell(4, 5).fill.fore_color.rgb) == "08306B"
    assert str(table.cell(4, 5).text_frame.paragraphs[0].runs[0].font.color.rgb) == "FFFFFF"  # white on dark


def test_a_wide_heatmap_fits_its_slide(con):
    view = views.cakupan_bidang(con, Filters())
    slide = _deck(con, Filters(), [view]).slides[1]
    table = _table(slide)
    assert len(table.columns) == 1 + len(view.figure.data[0].x) and len(table.rows) == 5
    assert _misfits(slide, 13.333, 7.5) == []


def test_quarterly_progress_becomes_a_line_chart_with_markers(con):
    state = assembly.assemble(con, Filters(kecamatan=("Lumajang", "Masama")))
    view = views.progres_triwulan(state, views.kecamatan_colours(con))
    chart = _chart(_deck(con, Filters(), [view]).slides[1])
    assert chart.chart_type == XL_CHART_TYPE.LINE_MARKERS
    assert list(chart.plots[0].categories) == ["TW I", "TW II", "TW III", "TW IV"]
    table = view.tabel.assign(dokumen=view.tabel["Kecamatan"] + " " + view.tabel["Tahun"].astype(str))
    progress = table.set_index(["dokumen", "Triwulan"])["Median capaian (%)"]
    for series in chart.plots[0].series:
        assert list(series.values) == pytest.approx([progress.get((series.name, q)) for q in chart.plots[0].categories])
    colours = views.kecamatan_colours(con)
    assert (
        {s.name: str(s.format.line.color.rgb) for s in chart.plots[0].series}
        == {
            "Lumajang 2023": colours["Lumajang"][1:],  # a line per document, named with its year
            "Masama 2020": colours["Masama"][1:],
        }
    )


def test_the_deck_needs_no_browser(con, monkeypatch, tmp_path):
    def unavailable(*args, **kwargs):
        raise ExportUnavailable(images.NO_CHROMIUM)

    monkeypatch.setattr(images, "render_images", unavailable)
    monkeypatch.setattr(images, "browser_available", lambda: False)
    assert main(["export", "--format", "pptx", "--out", str(tmp_path / "x.pptx")]) == 0
    assert len(Presentation(tmp_path / "x.pptx").slides) == 9


# --- Text fits --------------------------------------------------------------------------------------

INCH = 914400
TOLERANCE = 1e-5  # inches: a length in the file is a whole number of EMU (1/914400 inch)


def _inches(emu) -> float:
    return Emu(emu) / INCH


def _font(paragraphs):
    run = next(r for p in paragraphs for r in p.runs)
    return run.font.size.pt, bool(run.font.bold)


def _misfits(slide, width: float, height: float) -> list[str]:
    """What on the slide breaks the fitting measure: a text longer than its box, a table cell longer
    than its row, a shape over the edge or over the shape above it."""
    found = []
    shapes = sorted(slide.shapes, key=lambda s: s.top)
    for above, below in zip(shapes, shapes[1:], strict=False):
        if above.top + above.height > below.top + 1:
            found.append(f"{above.name} runs into {below.name}")
    for shape in shapes:
        if _inches(shape.left + shape.width) > width + TOLERANCE or _inches(shape.top + shape.height) > height + TOLERANCE:
            found.append(f"{shape.name} over the edge of the slide")
        if shape.has_text_frame and shape.text_frame.text:
            size, bold = _font(shape.text_frame.paragraphs)
            lines = fitting.wrapped_lines(shape.text_frame.text, fitting.inner_width(_inches(shape.width)), size, bold)
            if fitting.box_height(lines, size) > _inches(shape.height) + TOLERANCE:
                found.append(f"{shape.text_frame.text!r} ({lines} lines at {size} pt) does not fit its box")
        if shape.has_table:
            table = shape.table
            for row in table.rows:
                for j, cell in enumerate(row.cells):
                    if not cell.text:
                        continue
                    size, bold = _font(cell.text_frame.paragraphs)
                    lines = fitting.wrapped_lines(cell.text, fitting.inner_width(_inches(table.columns[j].width)), size, bold)
                    if fitting.box_height(lines, size) > _inches(row.height) + TOLERANCE:
                        found.append(f"cell {cell.text!r} does not fit its row")
            if sum(r.height for r in table.rows) > shape.height + 1:
                found.append("the rows are higher than the table")
    return found


def _assert_every_slide_fits(deck: Presentation) -> None:
    width, height = _inches(deck.slide_width), _inches(deck.slide_height)
    for number, slide in enumerate(deck.slides, start=1):
        assert _misfits(slide, width, height) == [], f"slide {number}"


@pytest.mark.parametrize(
    "filters",
    [Filters(), Filters(kecamatan=("Lumajang",)), Filters(jenis=("camat",)), Filters(tahun=(2017, 2019, 2020))],
    ids=lambda f: f.describe(),
)
def test_every_slide_fits_under_the_filters(con, filters):
    deck = _deck(con, filters)
    _assert_every_slide_fits(deck)
    text = "\n".join(shape.text_frame.text for slide in deck.slides for shape in slide.shapes if shape.has_text_frame)
    assert "nan" not in text.split() and "None" not in text


def _example_capaian(con, filters: Filters) -> assembly.Capaian:
    """Illustrative values made for this dataset's own indicators, through the import validation."""
    rows = assembly.indicators(con)
    content = assembly.example_table(rows).to_csv(index=False).encode()
    values = template.validate("contoh.csv", template.read_table("contoh.csv", content), rows).values
    return assembly.assemble(con, filters, use_example=True, example=values)


@pytest.mark.parametrize("filters", [Filters(), Filters(tahun=(2023, 2024))], ids=lambda f: f.describe())
def test_every_slide_fits_with_several_years_of_a_kecamatan(multi_year_data, filters):
    years = db.connect(multi_year_data)
    shown = views.key_views(years, filters, _example_capaian(years, filters))
    deck = _deck(years, filters, shown)
    _assert_every_slide_fits(deck)
    named = [re.sub(r" \(\d+\)$", "", c) for c in _chart(deck.slides[1]).plots[0].categories]  # less its total
    assert named == ["Cibereum", "Wonorejo 2023", "Wonorejo 2024"]
    assert "Sumber: 3 dokumen IKI (Cibereum 2024, Wonorejo 2023, Wonorejo 2024)" in deck.slides[0].placeholders[1].text


def test_a_long_takeaway_shrinks_to_its_floor_then_wraps_and_pushes_the_chart_down(con, meeting):
    view = meeting[0]
    long = View(key="uji", judul=view.judul, pesan=" ".join([view.pesan] * 6), tabel=view.tabel, figure=view.figure)
    slide = _deck(con, Filters(), [long]).slides[1]
    takeaway = next(s for s in slide.shapes if s.has_text_frame and s.text_frame.text == long.pesan)
    size, _ = _font(takeaway.text_frame.paragraphs)
    assert size == min(slides.TAKEAWAY_SIZES)
    assert fitting.wrapped_lines(long.pesan, fitting.inner_width(_inches(takeaway.width)), size, True) >= 3
    _assert_every_slide_fits(_deck(con, Filters(), [long]))


def test_a_short_takeaway_keeps_the_largest_size(con, meeting):
    slide = _deck(con, Filters(), meeting).slides[1]
    takeaway = [s for s in slide.shapes if s.has_text_frame][1]
    assert _font(takeaway.text_frame.paragraphs) == (max(slides.TAKEAWAY_SIZES), True)


def test_the_appendix_runs_over_continuation_slides_that_fit(con, meeting):
    """A long table behind the first view: every row on some slide, each slide within its bounds."""
    capaian = meeting[3]
    first = View(key="uji", judul="Uji", pesan="Tabel panjang.", tabel=capaian.tabel)
    deck = _deck(con, Filters(), [first])
    appendix = list(deck.slides)[2:]
    assert len(appendix) > 1
    assert [s.shapes.title.text for s in appendix] == [slides.APPENDIX_TITLE] + [slides.APPENDIX_TITLE + " (lanjutan)"] * (
        len(appendix) - 1
    )
    tables = [_table(s) for s in appendix]
    assert all(t.cell(0, 2).text == "Indikator" for t in tables)  # the header on every slide
    assert sum(len(t.rows) - 1 for t in tables) == len(capaian.tabel) == 266
    _assert_every_slide_fits(deck)
    cells = [[t.cell(i, j).text for j in range(7)] for t in tables for i in range(1, len(t.rows))]
    unrated = [c for c in cells if c[6] == "Belum dapat dinilai"]
    assert len(unrated) == 25 and all(c[4] == "" and c[5] == "" for c in unrated)  # empty, not nan
    assert cells[0][3:6] == ["100", "100,0", "100,0"]  # targets are all whole; realisation and capaian have decimals
    assert tables[0].cell(1, 3).text_frame.paragraphs[0].alignment == PP_ALIGN.RIGHT
    assert tables[0].cell(1, 0).text_frame.paragraphs[0].alignment == PP_ALIGN.LEFT


def test_appendix_numbers_are_indonesian_and_years_stay_whole(con, meeting):
    table = _table(list(_deck(con, Filters(), meeting).slides)[-1])
    assert [table.cell(0, j).text for j in range(9)] == [
        "Kecamatan", "Tahun", "Jumlah jabatan", "Jabatan berindikator", "Indikator",
        "Formula terukur", "Bertarget", "% terukur", "% bertarget",
    ]  # fmt: skip
    assert [table.cell(1, j).text for j in range(9)] == ["Bululawang", "2017", "14", "14", "35", "6", "0", "17,1", "0,0"]
    widths = [table.columns[j].width for j in range(9)]
    assert widths[0] > widths[1]  # by content, not equal shares


def test_table_cells_wrap_only_where_the_table_is_too_wide():
    header, rows = ["Nama", "Nilai"], [["kata " * 40, "1.250"]]
    layout = fitting.table_layout(header, rows, width=4.0, sizes=range(14, 9, -1), keep=[False, True])
    assert layout.size == 10 and sum(layout.widths) <= 4.0 + 1e-9
    assert layout.widths[1] >= fitting.text_width("1.250", 10) + 2 * fitting.MARGIN_X  # numbers never wrap
    assert layout.heights[1] > layout.heights[0]  # the long name wraps onto several lines


def test_the_measure_counts_lines_between_words():
    size = 20
    one_line = fitting.text_width("Jumlah indikator per kecamatan", size)
    assert fitting.wrapped_lines("Jumlah indikator per kecamatan", one_line + 0.01, size) == 1
    assert fitting.wrapped_lines("Jumlah indikator per kecamatan", one_line - 0.01, size) == 2
    assert fitting.wrapped_lines("a\nb", 5, size) == 2
    assert fitting.text_width("WWW", size) > fitting.text_width("iii", size)  # capitals run wider


# --- The workbook -----------------------------------------------------------------------------------


def _book(con, filters: Filters, shown: list[View] | None = None) -> openpyxl.Workbook:
    shown = views.key_views(con, filters) if shown is None else shown
    return openpyxl.load_workbook(io.BytesIO(workbook.workbook(shown, filters, sources.documents(con, filters))))


def _rows(sheet) -> list[list]:
    return [[v for v in row if v is not None] for row in sheet.iter_rows(values_only=True)]


def test_workbook_has_an_info_sheet_then_one_sheet_per_table_frozen_headers_and_no_formulas(con, meeting):
    book = _book(con, Filters(), meeting)
    assert book.sheetnames == [
        "Keterangan", "Indikator per kecamatan", "Cakupan jabatan", "Kategori formula", "Capaian (CONTOH ILUSTRATIF)",
        "Kualitas indikator", "Pohon kinerja", "Harmonisasi",
    ]  # fmt: skip
    for sheet in book.worksheets[1:]:
        assert sheet.freeze_panes == "A2"
    for sheet in book.worksheets:
        assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    assert book["Indikator per kecamatan"]["A1"].value == "Kecamatan"


def test_info_sheet_names_filters_time_documents_and_the_example_data(con, meeting):
    rows = _rows(_book(con, Filters(), meeting)["Keterangan"])
    assert rows[0] == [workbook.TITLE]
    assert ["Filter", "Semua kecamatan, tahun, dan jabatan"] in rows
    made = next(r for r in rows if r and r[0] == "Dibuat")[1]
    assert re.fullmatch(r"\d{1,2} [A-Z][a-z]+ 20\d\d \d\d\.\d\d WIB", made), made  # local time, the configured zone
    start = rows.index(["Kecamatan", "Kabupaten/kota", "Tahun", "Berkas"])
    assert rows[start - 1] == ["Dokumen sumber (4)"]
    assert rows[start + 1 : start + 5] == SEED_DOCUMENTS
    notes = [r[0] for r in rows if r and str(r[0]).startswith("Perhatian")]
    assert len(notes) == 1 and "'Capaian (CONTOH ILUSTRATIF)'" in notes[0] and "bukan data resmi" in notes[0]
    assert ["Kategori formula", "Porsi indikator terukur tertinggi di Lumajang (24%), terendah di Sangkapura (5%)."] in rows


def test_a_table_longer_than_a_sheet_holds_is_cut_and_the_info_sheet_says_so(con, meeting, monkeypatch):
    monkeypatch.setattr(workbook, "SHEET_ROWS", 20)  # the seeds' Ringkasan has 4 rows, Cakupan 18, capaian 134
    book = _book(con, Filters(), meeting)
    tables = {view.sheet: len(view.tabel) for view in meeting}
    assert tables["Indikator per kecamatan"] == 4 and tables["Cakupan jabatan"] == 18
    cut = {sheet: rows for sheet, rows in tables.items() if rows > 20}
    assert "Capaian (CONTOH ILUSTRATIF)" in cut
    for sheet, rows in tables.items():
        assert book[sheet].max_row == 1 + min(rows, 20)
    notes = [r[0] for r in _rows(book["Keterangan"]) if r and "baris pertama" in str(r[0])]
    assert notes == [
        f"Lembar '{sheet}' memuat 20 baris pertama dari {format_number(rows)}; persempit filter untuk tabel selengkapnya."
        for sheet, rows in cut.items()
    ]


def test_info_sheet_follows_the_filters_and_drops_the_note_for_imported_values(con):
    store.import_bytes(EXAMPLE_FILE.name, EXAMPLE_FILE.read_bytes(), assembly.indicators(con), "uji", oleh="petugas")
    filters = Filters(kecamatan=("Lumajang",))
    book = _book(con, filters)
    assert "Capaian" in book.sheetnames  # imported values: no example marker
    rows = _rows(book["Keterangan"])
    assert ["Filter", "Kecamatan Lumajang"] in rows
    start = rows.index(["Kecamatan", "Kabupaten/kota", "Tahun", "Berkas"])
    assert rows[start + 1 :] == [SEED_DOCUMENTS[1]]
    assert not any(r and str(r[0]).startswith("Perhatian") for r in rows)


def test_workbook_numbers_are_numbers_with_indonesian_formats(con, meeting):
    sheet = _book(con, Filters(), meeting)["Indikator per kecamatan"]
    header = [c.value for c in sheet[1]]
    row = {name: cell for name, cell in zip(header, sheet[2], strict=True)}
    assert row["Indikator"].value == 35 and row["Indikator"].data_type == "n"
    assert row["Indikator"].number_format == "#,##0"
    assert row["% terukur"].value == 17.1 and row["% terukur"].number_format == "#,##0.0"  # Excel (id): 17,1
    assert row["Tahun"].value == 2017 and row["Tahun"].number_format == "0"  # 2017, not 2.017
    assert row["Kecamatan"].number_format == "General"


def test_text_that_a_spreadsheet_would_run_is_kept_as_text():
    hostile = pd.DataFrame({"Indikator": ['=HYPERLINK("http://x","klik")', "+1+1", "-2", "@SUM(A1)", "Jumlah laporan"]})
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx_bytes({"Uji": hostile})))
    cells = [row[0] for row in book["Uji"].iter_rows(min_row=2)]
    assert all(cell.data_type == "s" for cell in cells)
    assert [c.value for c in cells] == ['\'=HYPERLINK("http://x","klik")', "'+1+1", "'-2", "'@SUM(A1)", "Jumlah laporan"]
    assert to_csv_bytes(hostile).decode("utf-8-sig").splitlines()[1].startswith("\"'=HYPERLINK")


def test_csv_opens_as_columns_in_indonesian_excel(con):
    """';' between cells, decimal commas, a BOM; whole numbers and years as written."""
    table = views.kategori(con, Filters(kecamatan=("Lumajang",))).tabel
    content = to_csv_bytes(table)
    assert content.startswith(b"\xef\xbb\xbf")
    lines = content.decode("utf-8-sig").splitlines()
    assert lines[0] == ";".join(table.columns)
    back = pd.read_csv(io.BytesIO(content), sep=";", decimal=",", encoding="utf-8-sig")
    assert back.shape == table.shape
    assert back["% indikator"].tolist() == pytest.approx(table["% indikator"].tolist())
    decimals = [line for line in lines[1:] if any("," in cell for cell in line.split(";"))]
    assert decimals and not any("." in line.split(";")[-1] for line in lines[1:])


# --- Images and the command -------------------------------------------------------------------------


def test_chart_images_png_and_svg(con, meeting):
    figure = meeting[0].figure
    png, svg = images.render_images([figure], "png")[0], images.render_images([figure], "svg")[0]
    assert png.startswith(b"\x89PNG")
    assert b"<svg" in svg[:500] and b"Jumlah indikator per kecamatan" in svg
    tall = meeting[1].figure  # the coverage matrix: as tall as its rows, not the 720 px of a wide image
    assert f'height="{tall.layout.height}"'.encode() in images.render_images([tall], "svg")[0][:500]


def test_without_a_browser_the_message_is_clear(con, meeting, monkeypatch):
    monkeypatch.setattr(images, "browser_available", lambda: False)
    with pytest.raises(ExportUnavailable, match="Chromium tidak ditemukan"):
        images.render_images([meeting[0].figure])


def test_export_command(tmp_path, capsys):
    out = tmp_path / "buku.xlsx"
    assert (
        main(["export", "--format", "xlsx", "--out", str(out), "--kecamatan", "Lumajang", "--jabatan", "pengadministrasi"]) == 0
    )
    book = openpyxl.load_workbook(out)
    rows = list(book["Indikator per kecamatan"].iter_rows(min_row=2, values_only=True))
    assert rows[0][:2] == ("Lumajang", 2023) and rows[0][4] == 17  # indicators: 5 + 4 + 4 + 4 pengadministrasi
    assert ["Lumajang", "Lumajang", 2023, "iki_lumajang_2023.txt"] in _rows(book["Keterangan"])
    deck = tmp_path / "paparan.pptx"
    assert main(["export", "--format", "pptx", "--out", str(deck), "--tahun", "2020"]) == 0
    subtitle = Presentation(deck).slides[0].placeholders[1].text
    assert "Tahun 2020" in subtitle and "Sumber: 1 dokumen IKI (Masama 2020)" in subtitle
    assert main(["export", "--format", "xlsx", "--out", str(tmp_path / "kosong.xlsx"), "--jabatan", "tidak ada"]) == 2


def test_kualitas_command_writes_every_indicators_verdicts_and_reasons(tmp_path, capsys):
    out = tmp_path / "kualitas.xlsx"
    assert main(["kualitas", "--out", str(out), "--kecamatan", "Sangkapura"]) == 0
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Kualitas per indikator", "Aturan penilaian"]
    rows = [list(row) for row in book["Kualitas per indikator"].iter_rows(values_only=True)]
    header, body = rows[0], rows[1:]
    assert header[:7] == ["ID indikator", "Kecamatan", "Kabupaten/kota", "Tahun", "Jabatan", "Indikator", "Skor kualitas"]
    assert header[7:9] == ["Formula menghitung nilai", "Formula menghitung nilai — alasan"] and len(header) == 7 + 2 * 7
    assert len(body) == 112 and {r[1] for r in body} == {"Sangkapura"}
    dukun = [r for r in body if r[header.index("Tanpa sisa salin-tempel")] == "tidak"]
    assert len(dukun) == 3  # the "kecamatan Dukun" formulas
    assert {r[header.index("Tanpa sisa salin-tempel — alasan")] for r in dukun} == {
        "formula menyebut kecamatan Dukun, padahal dokumen ini milik Kecamatan Sangkapura"
    }
    assert all(r[header.index("Tanpa sisa salin-tempel — alasan")] in ("", None) for r in body if r not in dukun)
    assert [r[0] for r in _rows(book["Aturan penilaian"])[1:]][-1] == "Tanpa sisa salin-tempel"
    csv = tmp_path / "kualitas.csv"
    assert main(["kualitas", "--out", str(csv), "--jenis", "camat"]) == 0
    lines = csv.read_bytes().decode("utf-8-sig").splitlines()
    assert len(lines) == 1 + 5  # the four Camat's 5 indicators
    assert lines[0].startswith("ID indikator;Kecamatan;")
    assert main(["kualitas", "--out", str(tmp_path / "kosong.csv"), "--jabatan", "tidak ada"]) == 2
    assert main(["kualitas", "--out", str(tmp_path / "kualitas.pdf")]) == 2
    assert not (tmp_path / "kosong.csv").exists() and not (tmp_path / "kualitas.pdf").exists()
    assert "ditulis ke" in capsys.readouterr().out


def test_a_sheet_is_named_without_the_characters_excel_refuses(many):
    summed = views.ringkasan(many, Filters())  # 32 kecamatan in 2 kabupaten: "Indikator per kabupaten/kota"
    assert summed.judul == "Indikator per kabupaten/kota" and summed.sheet == "Indikator per kabupaten-kota"
    book = _book(many, Filters(), [summed])
    assert book.sheetnames == ["Keterangan", "Indikator per kabupaten-kota"]


def test_harmonisasi_command_writes_the_clusters_and_the_proposed_standard_set(tmp_path, capsys):
    out = tmp_path / "harmonisasi.xlsx"
    assert main(["harmonisasi", "--out", str(out)]) == 0
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Usulan standar", "Klaster indikator", "Rumusan per kecamatan", "Aturan"]
    proposed = _rows(book["Usulan standar"])
    assert proposed[0][:3] == ["Jabatan", "Indikator (rumusan paling umum)", "Dimiliki"]
    # tests/test_harmony.py: nine clusters are held by two kecamatan, each half or more of those with the position
    assert len(proposed) == 1 + 9
    assert ["Sekretaris Kecamatan", "Tingkat kelancaran administrasi perkantoran", "2 dari 4", "Bululawang, Masama"] in [
        row[:4] for row in proposed
    ]
    clusters = _rows(book["Klaster indikator"])
    assert len(clusters) == 1 + 91 and clusters[0][0] == "Jabatan"
    # every indicator of the ten positions in two kecamatan or more, each in its cluster: Camat 5, Kasi Trantib 4,
    # Kasi Pembangunan 2, Kasi Pemerintahan 13, Kasubag Umum 19, the Pengadministrasi Kepegawaian 14, Keuangan 10,
    # Pemerintahan 7 and Umum 16, Sekretaris 13
    assert len(_rows(book["Rumusan per kecamatan"])) == 1 + 103
    assert main(["harmonisasi", "--out", str(tmp_path / "satu.xlsx"), "--kecamatan", "Lumajang"]) == 2
    assert main(["harmonisasi", "--out", str(tmp_path / "harmonisasi.csv")]) == 2
    assert not (tmp_path / "satu.xlsx").exists() and not (tmp_path / "harmonisasi.csv").exists()
    assert "ditulis ke" in capsys.readouterr().out


def test_antar_tahun_in_the_deck_the_workbook_and_its_command(yearly_data, tmp_path, monkeypatch, capsys):
    """Wonorejo 2023–2025 (tests/conftest.py `yearly_sources`): the last slide and sheet, a native chart of
    the kinds of change, and `python -m kinerja antar-tahun` writing every comparison indicator by indicator."""
    years = db.connect(yearly_data)
    shown = views.key_views(years, Filters(), _example_capaian(years, Filters()))
    deck = _deck(years, Filters(), shown)
    _assert_every_slide_fits(deck)
    last = deck.slides[len(shown)]
    assert last.shapes.title.text == "Perubahan indikator antar tahun per kecamatan"
    chart = _chart(last)
    assert [s.name for s in chart.plots[0].series] == ["Dirumuskan ulang", "Ditambah", "Dihapus", "Tetap"]
    assert [list(s.values) for s in chart.plots[0].series] == [[1], [2], [1], [8]]
    assert _book(years, Filters(), shown).sheetnames[-1] == "Antar tahun"
    monkeypatch.setenv("KINERJA_DATA_DIR", str(yearly_data.parent))
    out = tmp_path / "antar_tahun.xlsx"
    assert main(["antar-tahun", "--out", str(out)]) == 0
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Ringkasan", "Perbandingan", "Rincian perubahan", "Aturan"]
    detail = _rows(book["Rincian perubahan"])
    assert len(detail) == 1 + 5 + 7  # every indicator of 2024 against 2023, and of 2025 against 2024
    assert detail[0][:5] == ["Kecamatan", "Tahun sebelumnya", "Tahun", "Perubahan", "Indikator tahun sebelumnya"]
    assert [row[3] for row in detail[1:]].count("Dihapus") == 1
    assert main(["antar-tahun", "--out", str(tmp_path / "satu.xlsx"), "--kecamatan", "Cibereum"]) == 2
    assert main(["antar-tahun", "--out", str(tmp_path / "antar_tahun.csv")]) == 2
    assert not (tmp_path / "satu.xlsx").exists() and not (tmp_path / "antar_tahun.csv").exists()
    assert "ditulis ke" in capsys.readouterr().out
