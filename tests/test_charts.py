"""Charts readable at projector size: horizontal labels, stack totals, legends in stack order below
the plot, whole-number count axes, names wrapped between words, heights that follow the rows, fonts
of at least 12 px (also in the app), an enlarged copy for presentation mode, heatmap cells that can be
read, and quarterly lines told apart without colour and by year. On the real documents, one
kecamatan, and one kecamatan with documents of two years."""

import re

import pandas as pd
import plotly.io as pio
import pytest
from plotly.colors import sample_colorscale, unlabel_rgb
from streamlit.testing.v1 import AppTest

from kinerja import db, site
from kinerja.capaian.assembly import assemble, indicators, quarterly_progress
from kinerja.capaian.template import validate
from kinerja.filters import Filters
from kinerja.indonesian import parse_number
from kinerja.paths import ROOT
from kinerja.presentation import charts, images, views
from kinerja.vocab import BIDANG_LABELS, JENIS_LABELS

LUMAJANG = Filters(kecamatan=("Lumajang",))
BANDS_IN_ORDER = ["Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah", "Belum dapat dinilai"]


def _figures(con, filters: Filters) -> dict:
    """Every chart the pages draw under the filters, by view key (capaian from the example data)."""
    state = assemble(con, filters, use_example=True)
    colours = views.kecamatan_colours(con)
    shown = [
        views.ringkasan(con, filters),
        views.cakupan(con, filters),
        views.cakupan_bidang(con, filters),
        views.kategori(con, filters),
        views.kategori_jenis(con, filters),
        views.perbandingan(con, filters, jabatan="Camat"),
        views.perbandingan(con, filters, jabatan="Pengadministrasi Umum"),
        views.capaian(state),
        views.progres_triwulan(state, colours),
        views.capaian_kecamatan(state, state.kecamatan_for_detail()[0]),
    ]
    return {f"{v.key}:{v.judul}": v.figure for v in shown if v is not None and v.figure is not None}


@pytest.fixture(scope="module")
def every_figure(real) -> dict:
    both = {**_figures(real, Filters()), **{f"Lumajang {k}": f for k, f in _figures(real, LUMAJANG).items()}}
    assert len(both) == 19  # Lumajang has no camat to compare
    return both


def _bars(fig):
    return [t for t in fig.data if t.type == "bar"]


def _legend(fig) -> list[str]:
    """The legend's entries as plotly lists them: trace order, reversed when the legend says so, or
    by plotly's own default for barmode='stack' when it says nothing."""
    names = [t.name for t in fig.data if t.showlegend is not False and t.name]
    order = fig.layout.legend.traceorder
    reversed_ = "reversed" in order if order else fig.layout.barmode == "stack"
    return names[::-1] if reversed_ else names


# --- 1. horizontal labels -------------------------------------------------------------------------


def test_no_label_is_rotated_and_one_that_does_not_fit_is_hidden(every_figure):
    for name, fig in every_figure.items():
        for bar in _bars(fig):
            assert bar.textangle == 0, name
            if bar.textposition == "inside":
                assert bar.insidetextanchor == "middle", name
        assert fig.layout.uniformtext.mode == "hide" and fig.layout.uniformtext.minsize >= 12, name
        assert fig.layout.xaxis.tickangle == 0, name  # category names wrap instead of tilting


# --- 2. stack totals ------------------------------------------------------------------------------


def _totals(fig) -> dict[str, float]:
    """The totals written at the ends of the stacks, by category."""
    (trace,) = [t for t in fig.data if t.type == "scatter" and t.mode == "text"]
    horizontal = isinstance(trace.y[0], str)
    categories = trace.y if horizontal else trace.x
    return {c: parse_number(text.strip()) for c, text in zip(categories, trace.text, strict=True)}


def _stacked_sums(fig) -> dict[str, float]:
    sums: dict[str, float] = {}
    for bar in _bars(fig):
        horizontal = bar.orientation == "h"
        for category, value in zip(bar.y if horizontal else bar.x, bar.x if horizontal else bar.y, strict=True):
            sums[category] = sums.get(category, 0) + value
    return sums


def test_stacked_bars_show_their_totals(real):
    per_kecamatan = {"Bululawang": 35, "Lumajang": 33, "Masama": 86, "Sangkapura": 112}  # 266 indicators
    ringkasan = views.ringkasan(real, Filters()).figure
    assert _totals(ringkasan) == _stacked_sums(ringkasan) == per_kecamatan
    # Every indicator has a band, "Belum dapat dinilai" included: the same totals.
    bands = views.capaian(assemble(real, Filters(), use_example=True)).figure
    assert _totals(bands) == _stacked_sums(bands) == per_kecamatan
    one = views.capaian(assemble(real, LUMAJANG, use_example=True)).figure
    assert _totals(one) == {"Lumajang": 33}
    assert all(t.showlegend is False and t.hoverinfo == "skip" for t in ringkasan.data if t.type == "scatter")


# --- 3. legend in stack order, below the plot -----------------------------------------------------


def test_legend_reads_in_stacking_order(real):
    ringkasan = views.ringkasan(real, Filters()).figure
    assert _legend(ringkasan) == ["Formula terukur", "Hitungan / deskripsi / tanpa formula"]  # bottom up
    bands = views.capaian(assemble(real, Filters(), use_example=True)).figure
    assert _legend(bands) == [b.name for b in _bars(bands)] == BANDS_IN_ORDER  # left to right
    kategori = views.kategori(real, Filters()).figure
    assert _legend(kategori) == [
        "Persentase", "Indeks / Survei", "Komposit", "Perubahan", "Jumlah", "Deskriptif", "Tanpa formula",
    ]  # fmt: skip
    for fig in (ringkasan, bands, kategori):
        assert fig.layout.barmode in ("stack", "relative")  # stacked in trace order, from the axis out


def _legend_and_axis_title(svg: str) -> tuple[float, float, float]:
    """Top and bottom of the legend box, and the baseline of the x axis title, in an SVG rendering."""
    top = float(re.search(r'<g class="legend"[^>]*translate\([\d.]+,([\d.]+)\)', svg).group(1))
    box = float(re.search(r'<g class="legend".*?<rect class="bg"[^>]*height="([\d.]+)"', svg).group(1))
    title = float(re.search(r'<text class="xtitle"[^>]*y="([\d.]+)"', svg).group(1))
    return top, top + box, title


def test_legend_sits_under_the_axis_title_at_app_and_screen_widths(real):
    state = assemble(real, Filters(), use_example=True)
    figures = [
        views.ringkasan(real, Filters()).figure,
        views.kategori(real, Filters()).figure,
        views.kategori_jenis(real, Filters()).figure,
        views.capaian(state).figure,
        views.progres_triwulan(state, views.kecamatan_colours(real)).figure,
    ]
    for width in (820, 1280):  # the chart in a 1280 px window beside the sidebar; a full-width image
        # height=None: each at its own layout height, in one browser session
        rendered = [svg.decode() for svg in images.render_images(figures, "svg", width=width, height=None)]
        for fig, svg in zip(figures, rendered, strict=True):
            top, bottom, title = _legend_and_axis_title(svg)
            assert top > title + 4, (fig.layout.title.text, width)  # below the title's baseline and descent
            assert bottom <= fig.layout.height, (fig.layout.title.text, width)  # and not cut off


# --- 4. axes that say what they count -------------------------------------------------------------


def test_count_axes_have_whole_number_ticks_and_percent_axes_say_percent(real, every_figure):
    state = assemble(real, Filters(), use_example=True)
    counts = [
        views.ringkasan(real, Filters()).figure.layout.yaxis,
        views.perbandingan(real, Filters(), jabatan="Camat").figure.layout.yaxis,
        views.capaian(state).figure.layout.xaxis,
    ]
    for axis in counts:
        assert axis.title.text == "Jumlah indikator"
        assert axis.tickformat == ",d" and axis.tick0 == 0 and axis.dtick == int(axis.dtick) >= 1
    camat = counts[1]  # Bululawang 3 and Masama 2 camat indicators: ticks 0, 1, 2, 3, never 0,5
    assert camat.dtick == 1 and camat.range[1] >= 3
    assert counts[0].dtick == 20  # up to Sangkapura's 112
    percent = [
        views.kategori(real, Filters()).figure.layout.xaxis,
        views.progres_triwulan(state, {}).figure.layout.yaxis,
        views.capaian_kecamatan(state, "Lumajang").figure.layout.xaxis,
    ]
    for axis in percent:
        assert axis.ticksuffix == "%" and "(%)" in axis.title.text
    for name, fig in every_figure.items():
        for axis in (fig.layout.xaxis, fig.layout.yaxis):
            text = axis.title.text or ""
            assert ("%" in text) == (axis.ticksuffix == "%"), name
            assert ("Jumlah" in text) == (axis.tickformat == ",d"), name


def test_stacked_parts_of_a_percent_bar_are_labelled_in_percent(real):
    kategori = views.kategori(real, Filters()).figure
    persen = next(b for b in _bars(kategori) if b.name == "Persentase")
    # Bululawang: 6 of 35 indicators are percentages, 17,1 %
    assert dict(zip(persen.y, persen.text, strict=True))["Bululawang"] == "17%"


# --- 5. names wrapped between words ---------------------------------------------------------------


def _labels(fig) -> list[str]:
    """The category names on the chart's axes."""
    if fig.layout.yaxis.ticktext:
        return list(fig.layout.yaxis.ticktext)
    found = []
    for trace in fig.data:
        for values in (trace.x, trace.y):
            found += [v for v in (values if values is not None else ()) if isinstance(v, str)]
    return sorted(set(found))


def _words_kept(label: str, original: str) -> bool:
    return label.replace("<br>", " ").split() == original.split()


def test_long_names_wrap_between_words_and_keep_every_word(real, every_figure):
    for name, fig in every_figure.items():
        for label in _labels(fig):
            lines = label.split("<br>")
            assert all(line == line.strip() and line for line in lines), (name, label)
            assert "…" not in label, (name, label)
    bidang = views.cakupan_bidang(real, Filters()).figure
    columns = list(bidang.data[0].x)
    assert "Ekonomi,<br>Pembangunan &<br>Pemberdayaan" in columns
    assert "Kesejahteraan<br>Sosial" in columns
    assert [c.replace("<br>", " ") for c in columns] == [v for v in BIDANG_LABELS.values() if v != "Lainnya"]
    jenis = views.kategori_jenis(real, Filters()).figure
    assert list(jenis.layout.yaxis.categoryarray) == ["Camat", "Sekretaris", "Kepala Sub<br>Bagian", "Kepala Seksi", "Pelaksana"]
    pairs = zip(jenis.layout.yaxis.categoryarray, JENIS_LABELS.values(), strict=True)
    assert all(_words_kept(label, original) for label, original in pairs)


def test_indicator_names_keep_every_word_and_each_line_fits(real):
    state = assemble(real, LUMAJANG, use_example=True)
    fig = views.capaian_kecamatan(state, "Lumajang").figure
    rated = state.table.dropna(subset=["capaian"]).sort_values("capaian")
    from kinerja.presentation.text import distinct_names

    originals = distinct_names(rated).tolist()
    labels = list(fig.layout.yaxis.ticktext)
    assert len(labels) == len(originals) == 29
    for label, original in zip(labels, originals, strict=True):
        assert _words_kept(label, original), label
        assert all(len(line) <= charts.INDICATOR_WIDTH or " " not in line for line in label.split("<br>"))
    longest = max(originals, key=len)  # 156 characters: four lines, none cut
    assert len(longest) == 156 and labels[originals.index(longest)].count("<br>") == 3


def test_years_in_names_wrap_like_the_rest(years):
    fig = views.ringkasan(years, Filters()).figure
    assert sorted(fig.data[0].x) == ["Cibereum", "Wonorejo 2023", "Wonorejo 2024"]  # short enough for one line
    assert charts.wrapped(["Sangkapura 2019 dan 2020"]) == ["Sangkapura 2019<br>dan 2020"]


# --- 6. height follows the rows -------------------------------------------------------------------


def test_height_grows_with_the_rows_by_one_rule(real):
    assert [charts.plot_height([1] * n) for n in range(1, 6)] == [80, 80, 120, 160, 200]  # 40 px a row, two at least
    assert charts.plot_height([1, 3, 1]) == 40 + 76 + 40  # a three-line label makes its row taller
    state = assemble(real, Filters(), use_example=True)
    per_jenis = db.run_query(real, "jabatan_per_jenis", **Filters().params(), tingkat="kecamatan")
    names = sorted(set(state.table["kecamatan"]))
    heights: dict[str, list[int]] = {"band": [], "heatmap": [], "mix": []}
    for count in range(1, len(names) + 1):
        some = names[:count]
        own = state.table[state.table["kecamatan"].isin(some)]
        heights["band"].append(charts.band_distribution(own, own["kecamatan"], state.bands, "").layout.height)
        rows = per_jenis[per_jenis["wilayah"].isin(some)]
        heights["heatmap"].append(charts.coverage_heatmap(rows, "jenis_jabatan", JENIS_LABELS, "").layout.height)
        mix = db.run_query(real, "kategori_per_wilayah", **Filters(kecamatan=tuple(some)).params(), tingkat="kecamatan")
        heights["mix"].append(charts.category_mix(mix, "wilayah", "Kecamatan", "").layout.height)
    for chart, series in heights.items():
        assert series == sorted(series) and series[0] == series[1], (chart, series)  # one row is drawn as two
    # From two to four kecamatan, two rows more (the formula mix also gains a legend row: more categories).
    assert heights["band"][-1] - heights["band"][1] == heights["heatmap"][-1] - heights["heatmap"][1] == 2 * charts.row_height()
    bars = [charts.capaian_bars(state.table.head(n), state.bands, "").layout.height for n in (5, 10, 20, 40)]
    assert bars == sorted(bars) and len(set(bars)) == 4


def test_a_chart_of_rows_names_every_row_and_spans_its_rows_only(every_figure, many):
    """Twenty kecamatan of Kab A and the real documents: every row's name is a tick of its own (plotly
    would leave out every other one), and the axis ends at the first and the last row (an automatic
    range pads 5 % for the totals beside the bars: a band of air above the first bar)."""
    kab_a = Filters(kabupaten=("Kab A",))
    regency = {v.key: v.figure for v in (views.ringkasan(many, kab_a), views.cakupan(many, kab_a), views.kategori(many, kab_a))}
    assert len(regency["ringkasan"].layout.yaxis.categoryarray) == 20  # a row per kecamatan
    row_charts = 0
    for name, fig in {**every_figure, **regency}.items():
        axis = fig.layout.yaxis
        if axis.categoryarray is None:
            continue
        rows = list(axis.categoryarray)
        assert axis.tickmode == "array" and list(axis.tickvals) == list(axis.ticktext) == rows, name
        assert list(axis.range) == [len(rows) - 0.5, -0.5], name
        row_charts += 1
    assert row_charts >= 10


# --- 7. fonts of at least 12 px, also in the app --------------------------------------------------


def _font_sizes(fig) -> dict[str, float]:
    """Every font size the figure sets, by where it is set."""
    sizes = {}

    def walk(node, path):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "template":
                    continue
                if key.endswith("font") and isinstance(value, dict) and value.get("size") is not None:
                    sizes[f"{path}.{key}"] = value["size"]
                walk(value, f"{path}.{key}")
        elif isinstance(node, list | tuple):
            for i, value in enumerate(node):
                walk(value, f"{path}[{i}]")

    walk(fig.to_plotly_json(), "")
    return sizes


def test_every_text_is_at_least_12_px(every_figure):
    for name, fig in every_figure.items():
        sizes = _font_sizes(fig)
        for axis in (fig.layout.xaxis, fig.layout.yaxis):
            assert axis.tickfont.size >= 12, name
        assert fig.layout.legend.font.size >= 12 and fig.layout.title.font.size >= 12, name
        assert all(a.font.size >= 12 for a in fig.layout.annotations), name
        assert all(size >= 12 for size in sizes.values()), (name, sizes)


def test_the_app_draws_charts_with_their_own_sizes(real_data, monkeypatch, tmp_path):
    """theme=None: Streamlit's theme would shrink the fonts set above."""
    monkeypatch.setenv("KINERJA_DATA_DIR", str(real_data.parent))
    monkeypatch.setenv("KINERJA_REALISASI_DIR", str(tmp_path / "realisasi"))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=30).run()
    drawn = list(at.get("plotly_chart"))
    for page in site.PAGES[1:]:
        at.switch_page(page.from_router).run()
        drawn += list(at.get("plotly_chart"))
    # ringkasan 1, cakupan 2, kategori 2, perbandingan 1, target vs realisasi 3, kualitas 2, pohon 2, harmonisasi 1
    assert len(drawn) == 14
    assert all(chart.proto.theme == "" for chart in drawn)


# --- presentation mode ----------------------------------------------------------------------------


def test_for_projector_enlarges_every_font_in_a_copy(every_figure):
    for name, fig in every_figure.items():
        before = _font_sizes(fig)
        projected = charts.for_projector(fig, 760)
        after = _font_sizes(projected)
        assert after.keys() == before.keys() and before, name
        assert all(after[k] >= before[k] * 1.3 for k in before), name
        assert projected.layout.height == 760 and projected.layout.uniformtext.minsize > fig.layout.uniformtext.minsize
        assert _font_sizes(fig) == before  # the page's figure is left as it was
        assert projected.layout.xaxis.tickfont.size >= 18, name  # 14 px ticks at least 1,3 times larger


def _regency(real) -> dict:
    """Charts of 38 rows with names over two lines, as a country's provinsi or a regency's kecamatan:
    the rating bands and the coverage matrix."""
    state = assemble(real, Filters(), use_example=True)
    names = [f"Kecamatan Nomor {n:02d} Jauh" for n in range(38)]  # 'Kecamatan Nomor<br>01 Jauh'
    table = pd.DataFrame({"predikat": [band.name for band in state.bands] * 38})
    bars = pd.Series(sorted(names * len(state.bands)))
    cells = pd.DataFrame(
        [(name, jenis, 7, 3) for name in names for jenis in JENIS_LABELS],
        columns=["wilayah", "jenis_jabatan", "indikator", "jumlah_jabatan"],
    )
    return {
        "predikat": charts.band_distribution(table, bars, state.bands, "Predikat"),
        "cakupan": charts.coverage_heatmap(cells, "jenis_jabatan", JENIS_LABELS, "Cakupan"),
    }


def test_a_tall_matrix_names_its_columns_above_it_too(real):
    tall = _regency(real)["cakupan"]  # 38 rows
    on_top = [note for note in tall.layout.annotations if note.name == charts.COLUMNS_ON_TOP]
    assert [note.text for note in on_top] == list(tall.data[0].x) == ["Camat", "Sekretaris", "Kepala Sub<br>Bagian",
                                                                      "Kepala Seksi", "Pelaksana"]  # fmt: skip
    assert all(note.yref == "paper" and note.y == 1 and note.yanchor == "bottom" for note in on_top)
    assert all(note.font.size == tall.layout.xaxis.tickfont.size for note in on_top)
    assert tall.layout.margin.t > charts.TOP and tall.layout.title.yanchor == "top"  # room for them under the title
    four = views.cakupan(real, Filters()).figure  # four rows: the names at the foot are in sight
    assert not [note for note in four.layout.annotations if note.name == charts.COLUMNS_ON_TOP]
    slide = charts.for_slide(tall, 1760, 764)  # a slide shows every row: names at the foot only
    assert not [note for note in slide.layout.annotations if note.name == charts.COLUMNS_ON_TOP]
    assert len(slide.layout.annotations) == 38 * 5


@pytest.mark.parametrize("width, height, scale", [(1120, 556, (1.0, 1.25)), (1760, 764, charts.PROJECTOR_SCALE)])
def test_a_slide_names_every_row_on_one_line_at_a_size_its_row_holds(real, width, height, scale):
    for name, fig in _regency(real).items():
        slide = charts.for_slide(fig, width, height, scale)
        axis = slide.layout.yaxis
        rows = list(axis.categoryarray)
        assert len(rows) == 38 and list(axis.tickvals) == rows, name
        assert list(axis.ticktext) == [row.replace("<br>", " ") for row in rows] and "<br>" in rows[0], name
        room = (height - slide.layout.margin.t - slide.layout.margin.b) / len(rows)
        size = axis.tickfont.size
        assert charts.SLIDE_MIN_TEXT <= size <= room / charts.ROW_FILL + 1e-9, name
        texts = [t.textfont.size for t in slide.data if t.textfont.size] + [a.font.size for a in slide.layout.annotations]
        assert texts and max(texts) <= size, name  # bar labels, totals and cell numbers no taller than the rows
        assert slide.layout.title.text == "" and slide.layout.margin.t == charts.SLIDE_TOP
        assert fig.layout.yaxis.tickfont.size == charts.TICK_SIZE  # the page's figure is left as it was
    assert size > 14 if width > 1600 else size > 10  # 38 rows: 15,5 px on a 1920x1080 screen, 11,2 px on 1280x800


def test_a_slide_of_a_few_rows_keeps_the_projectors_type(every_figure):
    for name, fig in every_figure.items():
        slide = charts.for_slide(fig, 1760, 764)
        assert slide.layout.xaxis.tickfont.size >= 18, name  # 14 px ticks at least 1,3 times larger
        if fig.layout.yaxis.categoryarray is not None:  # four kecamatan: rows to spare, names as large as on a projector
            assert slide.layout.yaxis.tickfont.size == charts.for_projector(fig, 764, 1760).layout.yaxis.tickfont.size, name


def test_capaian_labels_never_run_over_the_target_line(real):
    """A label past the end of a bar of 90–99 % would be crossed by the dashed line at 100 %: it goes inside."""
    state = assemble(real, Filters(), use_example=True)
    rows = state.table.dropna(subset=["capaian"]).head(6).assign(capaian=[50, 85, 92, 98, 100, 120])
    bars = charts.capaian_bars(rows, state.bands, "").data[0]
    assert list(bars.text) == ["50%", "85%", "92%", "98%", "100%", "120%"]  # lowest first
    assert list(bars.textposition) == ["outside", "outside", "inside", "inside", "outside", "outside"]
    assert bars.insidetextanchor == "end"  # at the bar's end, left of the line


# --- 8. heatmaps ----------------------------------------------------------------------------------


def _contrast(foreground: str, background: str) -> float:
    def luminance(colour: str) -> float:
        channels = [c / 255 for c in (unlabel_rgb(colour) if colour.startswith("rgb") else _hex(colour))]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _hex(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


def test_heatmap_of_one_kecamatan_has_no_colour_bar_and_readable_cells(real):
    fig = views.cakupan(real, LUMAJANG).figure
    heatmap = fig.data[0]
    assert heatmap.showscale is False  # the values are written in the cells
    cells = {(a.y, a.x): a for a in fig.layout.annotations}
    # Lumajang: Sekretaris 1, Kepala Sub Bagian 8, Kepala Seksi 7, Pelaksana 17 indicators
    assert {x: cells[("Lumajang", x)].text for x in heatmap.x} == {
        "Sekretaris": "1", "Kepala Sub<br>Bagian": "8", "Kepala Seksi": "7", "Pelaksana": "17",
    }  # fmt: skip
    assert cells[("Lumajang", "Pelaksana")].font.color == "#FFFFFF"  # the darkest cell
    assert cells[("Lumajang", "Sekretaris")].font.color == "#1A1A1A"  # the lightest


@pytest.mark.parametrize("filters", [Filters(), LUMAJANG], ids=["semua", "Lumajang"])
def test_every_heatmap_cell_text_contrasts_with_its_cell(real, filters):
    for view in (views.cakupan(real, filters), views.cakupan_bidang(real, filters)):
        heatmap = view.figure.data[0]
        values = pd.DataFrame(heatmap.z, index=heatmap.y, columns=heatmap.x)
        assert len(view.figure.layout.annotations) == values.size  # every cell written
        for note in view.figure.layout.annotations:
            value = values.loc[note.y, note.x]
            assert note.text == str(value)
            background = sample_colorscale("Blues", [value / heatmap.zmax])[0]
            assert _contrast(note.font.color, background) >= 4.5, (note.y, note.x, value)


# --- 9. quarterly lines: apart without colour, by year --------------------------------------------


def test_quarterly_lines_differ_in_dash_and_marker_and_are_named_with_their_year(real):
    state = assemble(real, Filters(), use_example=True)
    view = views.progres_triwulan(state, views.kecamatan_colours(real))
    lines = view.figure.data
    assert [line.name for line in lines] == ["Bululawang 2017", "Lumajang 2023", "Masama 2020", "Sangkapura 2019"]
    assert len({line.line.dash for line in lines}) == len({line.marker.symbol for line in lines}) == 4
    assert all(line.mode == "lines+markers" for line in lines)
    assert view.pesan.endswith(", membandingkan dokumen tahun 2017, 2019, 2020 dan 2023 (data contoh ilustratif).")
    one = views.progres_triwulan(assemble(real, LUMAJANG, use_example=True), {})
    assert [line.name for line in one.figure.data] == ["Lumajang 2023"] and one.figure.layout.showlegend
    assert "membandingkan" not in one.pesan and one.pesan.startswith("Sampai TW IV, median capaian Lumajang 2023 ")


def _values_by_hand(con) -> pd.DataFrame:
    """The first indicator of each document, target 12, quarters counted up (kumulatif):
    Wonorejo 2023 3+3+3+3, Wonorejo 2024 6+3+0+0, Cibereum 2024 1+2+3+0."""
    every = indicators(con)
    first = every.groupby(["kecamatan", "tahun"], as_index=False).first()
    quarters = {("Wonorejo", 2023): (3, 3, 3, 3), ("Wonorejo", 2024): (6, 3, 0, 0), ("Cibereum", 2024): (1, 2, 3, 0)}
    rows = [
        {"indikator_id": row.indikator_id, "polaritas": "naik", "metode": "kumulatif", "target": "12",
         **{f"tw{i}": str(v) for i, v in enumerate(quarters[(row.kecamatan, row.tahun)], start=1)}, "tahunan": ""}
        for row in first.itertuples()
    ]  # fmt: skip
    return validate("tangan.csv", pd.DataFrame(rows), every).values


def test_documents_of_two_years_are_two_lines_and_the_takeaway_says_so(years):
    state = assemble(years, Filters(), use_example=False, stored=_values_by_hand(years))
    progress = quarterly_progress(state.table)
    at = progress.set_index(["kecamatan", "tahun", "triwulan"])["progres"]
    assert at[("Wonorejo", 2023, "TW IV")] == 100 and at[("Wonorejo", 2024, "TW IV")] == 75  # 12 of 12, 9 of 12
    assert at[("Wonorejo", 2023, "TW I")] == 25 and at[("Wonorejo", 2024, "TW I")] == 50
    assert at[("Cibereum", 2024, "TW III")] == 50
    view = views.progres_triwulan(state, views.kecamatan_colours(years))
    assert view.pesan == (
        "Sampai TW IV, median capaian tertinggi di Wonorejo 2023 (100,0%), terendah di Cibereum 2024 (50,0%), "
        "membandingkan dokumen tahun 2023 dan 2024."
    )
    lines = {line.name: line for line in view.figure.data}
    assert list(lines) == ["Cibereum 2024", "Wonorejo 2023", "Wonorejo 2024"]
    wonorejo = lines["Wonorejo 2023"], lines["Wonorejo 2024"]
    assert wonorejo[0].line.color == wonorejo[1].line.color  # the same place, one colour …
    assert wonorejo[0].line.dash != wonorejo[1].line.dash  # … told apart by the dash and the marker
    assert wonorejo[0].marker.symbol != wonorejo[1].marker.symbol
    assert list(view.tabel.columns) == ["Kecamatan", "Tahun", "Triwulan", "Median capaian (%)"]
    # The bands, too, are counted per document: Wonorejo's 5 indicators of each year, Cibereum's 6.
    assert _totals(views.capaian(state).figure) == {"Cibereum": 6, "Wonorejo 2023": 5, "Wonorejo 2024": 5}


# --- 10. Indonesian numbers in hover texts --------------------------------------------------------


def test_hover_numbers_are_formatted_with_indonesian_separators(every_figure):
    for name, fig in every_figure.items():
        assert fig.layout.separators == ",.", name
        assert fig.layout.template == pio.templates["plotly_white"], name  # one look on screen and in the deck
        # whatever plotly's default (Streamlit sets its own when it draws a chart)
        for trace in fig.data:
            if not trace.hovertemplate:
                continue
            across = getattr(trace, "orientation", None) == "h"
            numeric = {"bar": "x" if across else "y", "heatmap": "z", "scatter": "y"}[trace.type]
            # the number carries a d3 format, which the separators above localise
            specs = [spec for axis, spec in re.findall(r"%\{([xyz])(:[^}]*)?\}", trace.hovertemplate) if axis == numeric]
            assert specs and all(specs), (name, trace.hovertemplate)


def test_a_d3_format_renders_with_a_decimal_comma(real):
    state = assemble(real, Filters(), use_example=True)
    fig = views.progres_triwulan(state, {}).figure
    fig.update_traces(mode="lines+markers+text", texttemplate="%{y:.1f}")  # as the hover text formats it
    svg = images.render_images([fig], "svg", width=1280, height=fig.layout.height)[0].decode()
    shown = re.findall(r">(\d+[.,]\d)<", svg)
    assert shown and all("," in number for number in shown)
