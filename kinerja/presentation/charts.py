"""Plotly figures with Indonesian titles and labels, readable on a projector, one colour per kecamatan.

Every chart here keeps its text horizontal and at the sizes set below (the app draws them with
theme=None so these sizes hold), wraps long category names between words, stacks and lists its legend
in the same order, gives count axes whole-number ticks, and takes its height from `plot_height` when
it has a row per category. `for_projector` enlarges a copy for presentation mode.
"""

import math

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
from plotly.colors import sample_colorscale, unlabel_rgb

from kinerja.capaian.rules import Band
from kinerja.indonesian import format_number
from kinerja.presentation.text import distinct_names, wrap, wrap_distinct
from kinerja.vocab import JENIS_LABELS, KATEGORI_LABELS, LEVEL_LABELS, NOT_RATED, QUARTER_LABELS

# The same look on screen, in images and in the deck. Given as an object, not by name: a name is looked up
# and copied twice (18 ms a chart, against 9). Not plotly's default, which Streamlit sets to its own.
TEMPLATE = pio.templates["plotly_white"]

# Okabe-Ito: distinguishable with the common colour-vision deficiencies.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
KATEGORI_COLOURS = {
    "persentase": "#0072B2",
    "rasio": "#56B4E9",
    "indeks": "#009E73",
    "komposit": "#CC79A7",
    "perubahan": "#E69F00",
    "jumlah": "#999999",
    "deskriptif": "#D55E00",
    "tanpa_formula": "#DDDDDD",
}
NOT_RATED_COLOUR = "#BBBBBB"
QUARTER_ORDER = tuple(QUARTER_LABELS.values())
# Lines told apart without colour: each line its own dash and marker.
DASHES = ("solid", "dash", "dot", "dashdot", "longdash", "longdashdot")
MARKERS = ("circle", "square", "diamond", "triangle-up", "x", "star", "cross", "triangle-down")

# Font sizes in px. Ticks never below 12: the charts are read from the back of a meeting room.
TITLE_SIZE, AXIS_TITLE_SIZE, TICK_SIZE, TEXT_SIZE, LEGEND_SIZE = 22, 16, 14, 14, 14
MIN_TEXT_SIZE = 12  # a bar label that does not fit at this size is hidden, never rotated
LINE = 1.3  # a line of text is this many times its font size tall
ROW_GAP = 22  # px between the labels of two rows
COLUMN_PLOT = 320  # px of plot in a chart with a column per category
TOP = 60  # px above the plot: the title
LEGEND_WIDTH = 700  # px a legend row can count on: the narrowest chart the app draws (1280 px window)
# Characters per line when wrapping category names.
NAME_WIDTH = 16  # kecamatan (with a year), jenis jabatan
COLUMN_WIDTH = 13  # heatmap columns
# More bars side by side than this run their wrapped names into each other in a 1280 px window: a row each.
MAX_COLUMN_BARS = 6
MANY_COLUMNS = 6  # more heatmap columns than this share ~80 px each in a 1280 px window: smallest ticks
TALL_PLOT = 480  # px: a matrix taller than this (12 rows) writes its column names above it too
COLUMNS_ON_TOP = "kolom_atas"  # the name of those annotations: a slide, which shows every row, drops them
INDICATOR_WIDTH = 50
PROJECTOR_SCALE = (1.3, 1.6)  # how much for_projector enlarges: at least, at most
SCREEN_WIDTH = 1800  # px of a chart across a 1920 px screen


def kecamatan_colours(names) -> dict[str, str]:
    """The same colour for a kecamatan on every chart: assigned in alphabetical order."""
    return {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(sorted(set(names)))}


def distinct_colours(names) -> dict[str, str | None]:
    """A colour per place of one chart, in alphabetical order, while the palette has one for each; beyond
    that none: a colour that came round again would tie two places together, and their names tell
    them apart anyway."""
    places = sorted(set(names))
    if len(places) > len(PALETTE):
        return dict.fromkeys(places)
    return dict(zip(places, PALETTE, strict=False))


def band_colours(bands: list[Band]) -> dict[str, str]:
    """Each rating band's colour from the configuration, highest band first, then 'not rated'."""
    return {**{band.name: band.colour for band in bands}, NOT_RATED: NOT_RATED_COLOUR}


# --- Shared sizing and styling ----------------------------------------------------------------------


def wrapped(values, width: int = NAME_WIDTH) -> list[str]:
    """Category names broken between words with <br>, every word kept."""
    return [wrap(value, width, lines=None) for value in values]


def line_count(labels) -> int:
    """Lines of the tallest label."""
    return max((str(label).count("<br>") + 1 for label in labels), default=1)


def row_height(lines: int = 1) -> int:
    """A row as tall as its label's lines, plus a gap to the next."""
    return ROW_GAP + lines * round(TICK_SIZE * LINE)


def plot_height(lines_per_row: list[int]) -> int:
    """The one rule for the plot of a chart with a row per category (horizontal bars, heatmaps): the
    sum of its rows, each as tall as its label; at least two rows' worth, so one row is no sliver.
    Where rows must be alike (a category axis), every row gets the tallest label's lines."""
    return max(sum(row_height(lines) for lines in lines_per_row), 2 * row_height())


def _uniform_rows(labels: list[str]) -> list[int]:
    """Lines per row on a category axis, where every row is as tall as the tallest."""
    return [line_count(labels)] * len(labels)


def _count_step(top: float) -> int:
    """The whole-number tick step (1, 2, 5, 10, 20, 50, …) giving closest to five ticks up to `top`."""
    steps = [m * 10**k for k in range(7) for m in (1, 2, 5)]
    return min(steps, key=lambda step: abs(max(top, 1) / step - 5))


def count_axis(title: str, maximum: float, room: float = 1.05) -> dict:
    """An axis of counts: whole numbers only (never 0,5), a dot between thousands, and room past the
    longest bar (for its total)."""
    top = max(maximum, 1) * room
    ticks = {"tickformat": ",d", "tickmode": "linear", "tick0": 0, "dtick": _count_step(top)}
    return {"title_text": title, **ticks, "range": [0, top]}


def percent_axis(title: str, top: float | None = None) -> dict:
    """An axis of percentages: '%' on every tick as in the title."""
    axis = {"title_text": title, "ticksuffix": "%"}
    return {**axis, "range": [0, top]} if top else axis


def _row_axis(fig: go.Figure, labels: list[str], title: str) -> None:
    """The y axis of a chart with a row per category, the first row on top. Every row's name is written
    (plotly leaves out every other one where it judges them too close), and the range is the rows'
    own: an automatic one is padded by 5 % each side for a scatter of totals, an empty band above the
    first bar and under the last."""
    fig.update_yaxes(
        title_text=title, categoryorder="array", categoryarray=labels, tickmode="array", tickvals=labels, ticktext=labels,
        range=[len(labels) - 0.5, -0.5],
    )  # fmt: skip


def _x_lines(fig: go.Figure) -> int:
    """Lines of the tallest label under the plot: the x axis's categories (wrapped names)."""
    placed = [trace.x for trace in fig.data if getattr(trace, "x", None) is not None]  # a tree has no axes
    ticks = fig.layout.xaxis.ticktext or [x for along in placed for x in along if isinstance(x, str)]
    return line_count(ticks)


def _bottom_margin(fig: go.Figure, scale: float = 1.0, legend_width: int = LEGEND_WIDTH) -> int:
    """Room under the plot, top to bottom: the x tick labels, the x axis title, then the legend at the
    very bottom, each in its own band so the legend never covers the axis title."""
    ticks = _x_lines(fig) * TICK_SIZE * LINE + 12
    title = AXIS_TITLE_SIZE * LINE + 16 if fig.layout.xaxis.title.text else 0
    legend = _legend_rows(fig, legend_width / scale) * (LEGEND_SIZE * LINE + 10)
    return round((ticks + title + legend + 10) * scale)


def _legend_rows(fig: go.Figure, width: float) -> int:
    """Rows the legend takes in a chart `width` px wide: each entry its symbol and its name."""
    if not fig.layout.showlegend:
        return 0
    names = [t.name for t in fig.data if t.showlegend is not False and t.name]
    return math.ceil(sum(44 + 0.6 * LEGEND_SIZE * len(name) for name in names) / width)


def _style(fig: go.Figure, title: str, plot: int, right: int = 40) -> go.Figure:
    """Title, sizes and legend of every chart; the height is the plot's plus what sits around it."""
    fig.update_xaxes(tickfont={"size": TICK_SIZE}, title_font={"size": AXIS_TITLE_SIZE}, tickangle=0, automargin=True)
    fig.update_yaxes(tickfont={"size": TICK_SIZE}, title_font={"size": AXIS_TITLE_SIZE}, ticklabelstandoff=6, automargin=True)
    bottom = _bottom_margin(fig)
    fig.update_layout(
        title={"text": title, "font": {"size": TITLE_SIZE}},
        font={"size": AXIS_TITLE_SIZE},
        height=TOP + plot + bottom,
        margin={"l": 10, "r": right, "t": TOP, "b": bottom},  # right: room for a total past the longest bar
        # Below the plot at the figure's foot, under the axis title; entries in stacking order.
        legend={
            "title": {"text": ""},
            "orientation": "h",
            "traceorder": "normal",
            "font": {"size": LEGEND_SIZE},
            "yref": "container",
            "y": 0,
            "yanchor": "bottom",
            "x": 0,
            "xanchor": "left",
        },
        uniformtext={"minsize": MIN_TEXT_SIZE, "mode": "hide"},
        hoverlabel={"font": {"size": TICK_SIZE}},
        separators=",.",  # Indonesian: 1.234,5
        template=TEMPLATE,
    )
    return fig


def _in_bar_text() -> dict:
    """Bar labels: horizontal, centred in the bar, hidden (by uniformtext) where they do not fit."""
    return {"textposition": "inside", "insidetextanchor": "middle", "textangle": 0, "textfont": {"size": TEXT_SIZE}}


def _stack_totals(fig: go.Figure, categories: list[str], totals: list[float], horizontal: bool) -> None:
    """Each stack's total as text at its end (a space apart from a horizontal bar)."""
    text = [("\u00a0" if horizontal else "") + format_number(total) for total in totals]
    where = {"x": totals, "y": categories} if horizontal else {"x": categories, "y": totals}
    fig.add_scatter(
        **where, text=text, mode="text", name="Jumlah", showlegend=False, hoverinfo="skip", cliponaxis=False,
        textposition="middle right" if horizontal else "top center", textfont={"size": TEXT_SIZE},
    )  # fmt: skip


# --- The charts -------------------------------------------------------------------------------------


def document_names(kecamatan: pd.Series, tahun: pd.Series) -> pd.Series:
    """Each row's kecamatan, with the year where the rows hold documents of several years of it
    ('Wonorejo 2023', 'Wonorejo 2024'), so two documents are never one bar."""
    documents = pd.DataFrame({"kecamatan": kecamatan, "tahun": tahun}).drop_duplicates()
    several = kecamatan.isin(documents["kecamatan"][documents["kecamatan"].duplicated()])
    return kecamatan.where(~several, kecamatan + " " + tahun.astype(str))


def indicators_per_kecamatan(frame: pd.DataFrame, bars: pd.Series, level: str = "kecamatan") -> go.Figure:
    """Stacked bars: measurable versus not, a bar per row of `frame` named as in `bars` (a document, or a
    kecamatan, kabupaten/kota or provinsi with its years together), with the total at the end of each
    (graph_objects: plotly.express is slow here). A few bars stand as columns; more, or places summed,
    lie as rows, so that every name reads across."""
    parts = (
        ("Formula terukur", frame["terukur"], "#0072B2"),
        ("Hitungan / deskripsi / tanpa formula", frame["indikator"] - frame["terukur"], "#BBBBBB"),
    )
    names = list(bars)
    labels = wrapped(names)
    horizontal = level != "kecamatan" or len(labels) > MAX_COLUMN_BARS
    value_axis = "x" if horizontal else "y"
    fig = go.Figure()
    for name, values, colour in parts:
        where = {"y": labels, "x": values, "orientation": "h"} if horizontal else {"x": labels, "y": values}
        fig.add_bar(
            **where, name=name, marker_color=colour, text=[format_number(v) for v in values], customdata=names,
            hovertemplate="%{customdata} — " + name + ": %{" + value_axis + ":,d} indikator<extra></extra>",
            **_in_bar_text(),
        )  # fmt: skip
    _stack_totals(fig, labels, list(frame["indikator"]), horizontal=horizontal)
    fig.update_layout(barmode="relative", showlegend=True)
    title = f"Jumlah indikator per {LEVEL_LABELS[level].lower()}, menurut cara pengukurannya"
    counts = count_axis("Jumlah indikator", frame["indikator"].max(), room=1.12)
    if horizontal:
        fig.update_xaxes(**counts)
        _row_axis(fig, labels, LEVEL_LABELS[level])
        return _style(fig, title, plot_height(_uniform_rows(labels)))
    fig.update_xaxes(title_text=LEVEL_LABELS[level])
    fig.update_yaxes(**counts)
    return _style(fig, title, COLUMN_PLOT)


def _text_colour(background: str) -> str:
    """Near-black or white, whichever contrasts more with the background (WCAG luminance)."""

    def channel(value: float) -> float:
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(v) for v in unlabel_rgb(background))
    luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    return "#1A1A1A" if (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) else "#FFFFFF"


def coverage_heatmap(frame: pd.DataFrame, column: str, labels: dict[str, str], title: str) -> go.Figure:
    """Place x category matrix of indicators (a place: the kecamatan, or the kabupaten/kota or provinsi
    of a summary, in column `wilayah`), the count written in each cell (so no colour bar), positions
    in the hover text."""
    table = frame.assign(label=frame[column].map(labels).fillna(frame[column]))
    # One grouping for both matrices (several years of a kecamatan add up); pivot_table is slow.
    cells = table.groupby(["wilayah", "label"])[["indikator", "jumlah_jabatan"]].sum().unstack(fill_value=0)
    order = [labels[k] for k in labels if labels[k] in cells["indikator"].columns]
    values, positions = cells["indikator"][order], cells["jumlah_jabatan"][order]
    hover = [[(p, kecamatan, category) for p, category in zip(line, order, strict=True)]
             for line, kecamatan in zip(positions.values.tolist(), values.index, strict=True)]  # fmt: skip
    template = "%{customdata[1]} — %{customdata[2]}<br>%{z:,d} indikator dari %{customdata[0]:,d} jabatan<extra></extra>"
    texts = [[format_number(value) for value in line] for line in values.values.tolist()]
    return _matrix(values, wrapped(values.index), hover, template, max(values.values.max(), 1), texts, title)


SCORE_COLUMN = "Skor kualitas"  # the first column of the criteria matrix: each place's score, 0–100 as the shares


def criteria_heatmap(frame: pd.DataFrame, titles: dict[str, str], title: str) -> go.Figure:
    """Place x criterion matrix of the share of indicators meeting each criterion (`persen`, 0–100,
    from rows of `wilayah`, `kriteria`, `lolos`, `indikator`, `skor`), the criteria in the rules' order
    after a first column of each place's score, on the same 0–100 scale; the value written in each cell."""
    order = [key for key in titles if key in set(frame["kriteria"])]
    cells = frame.pivot(index="wilayah", columns="kriteria", values=["persen", "lolos", "indikator"])
    places = frame.drop_duplicates("wilayah").set_index("wilayah").loc[cells.index]
    values = cells["persen"][order].rename(columns=titles)
    values.insert(0, SCORE_COLUMN, places["skor"])
    met, counted = cells["lolos"][order].values.tolist(), cells["indikator"][order].values.tolist()
    hover = [
        [(place, f"skor kualitas {format_number(score, 1)}, rata-rata {format_number(total)} indikator"),
         *((place, f"{titles[key]}: {format_number(m)} dari {format_number(n)} indikator")
           for key, m, n in zip(order, met_row, count_row, strict=True))]
        for place, score, total, met_row, count_row in zip(
            values.index, places["skor"], places["indikator"], met, counted, strict=True
        )
    ]  # fmt: skip
    texts = [[format_number(line[0], 1), *(f"{format_number(v, 1)}%" for v in line[1:])] for line in values.values.tolist()]
    template = "%{customdata[0]} — %{customdata[1]}<extra></extra>"
    return _matrix(values, wrapped(values.index), hover, template, 100, texts, title)


def _matrix(values: pd.DataFrame, rows: list[str], hover: list, template: str, top: float, texts: list, title: str) -> go.Figure:
    """A heatmap of `values` (rows x columns; `rows` its row names as drawn) with each cell's text of
    `texts` written in it (so no colour bar), in a colour that reads on the cell's own."""
    columns = wrapped(values.columns, COLUMN_WIDTH)
    fig = go.Figure(
        go.Heatmap(
            z=values.values, x=columns, y=rows, customdata=hover, zmin=0, zmax=top, colorscale="Blues",
            showscale=False, xgap=2, ygap=2, hovertemplate=template,
            text=texts,  # for the deck's table
        )
    )  # fmt: skip
    cells = [(row, category, value, said) for row, line, said_line in zip(rows, values.values.tolist(), texts, strict=True)
             for category, value, said in zip(columns, line, said_line, strict=True)]  # fmt: skip
    # One sampling for every cell: plotly looks the colour scale up again on each call (2 ms a cell).
    backgrounds = sample_colorscale("Blues", [value / top for _, _, value, _ in cells]) if cells else []
    # All at once: each add_annotation copies every annotation before it.
    fig.update_layout(annotations=[
        {"x": category, "y": row, "text": said, "showarrow": False,
         "font": {"size": TEXT_SIZE, "color": _text_colour(background)}}
        for (row, category, value, said), background in zip(cells, backgrounds, strict=True)
    ])  # fmt: skip
    _row_axis(fig, rows, "")
    fig.update_yaxes(showgrid=False)
    fig.update_layout(showlegend=False)
    plot = plot_height(_uniform_rows(rows))
    _style(fig, title, plot, right=10)
    # Set after the shared style: many columns get the smallest tick size, so "Kesejahteraan" and
    # its neighbour stay apart in a 1280 px window.
    size = MIN_TEXT_SIZE if len(columns) > MANY_COLUMNS else TICK_SIZE
    fig.update_xaxes(title_text="", showgrid=False, tickfont_size=size)
    if plot > TALL_PLOT:
        _columns_on_top(fig, columns, size)
    return fig


def _columns_on_top(fig: go.Figure, columns: list[str], size: int) -> None:
    """The column names above the plot too, for a matrix taller than a window: its first rows are read
    with the names at its foot out of sight. The title moves up to make room."""
    room = line_count(columns) * size * LINE + 8
    fig.layout.annotations = (*fig.layout.annotations, *(
        {"x": column, "y": 1, "xref": "x", "yref": "paper", "yanchor": "bottom", "yshift": 4, "text": column,
         "showarrow": False, "font": {"size": size}, "name": COLUMNS_ON_TOP}
        for column in columns
    ))  # fmt: skip
    fig.update_layout(
        height=fig.layout.height + room, margin_t=fig.layout.margin.t + room,
        title={"y": 1, "yref": "container", "yanchor": "top", "pad": {"t": 12}},
    )  # fmt: skip


def category_mix(frame: pd.DataFrame, group: str, group_label: str, title: str) -> go.Figure:
    """100 % stacked bars of formula categories per group (kecamatan or jenis jabatan), the share written
    in each part; the count is in the hover text. The title names the group, so the rows need no axis
    title (a vertical one would outgrow a single row)."""
    table = frame.copy()
    if group == "jenis_jabatan":
        table[group] = table[group].map(JENIS_LABELS)
    order = list(JENIS_LABELS.values()) if group == "jenis_jabatan" else sorted(set(table[group]))
    order = [g for g in order if g in set(table[group])]
    label_of = dict(zip(order, wrapped(order), strict=True))
    fig = go.Figure()
    for code, colour in KATEGORI_COLOURS.items():
        rows = table[table["kategori_formula"] == code]
        if not rows.empty:
            name = KATEGORI_LABELS[code]
            fig.add_bar(
                y=rows[group].map(label_of), x=rows["persen"], name=name, orientation="h", marker_color=colour,
                text=[f"{format_number(p)}%" for p in rows["persen"]],
                customdata=list(zip(rows[group], rows["indikator"], strict=True)),
                hovertemplate=f"{group_label} %{{customdata[0]}} — {name}: "
                "%{x:.1f}% (%{customdata[1]:,d} indikator)<extra></extra>",
                **_in_bar_text(),
            )  # fmt: skip
    fig.update_layout(barmode="relative", showlegend=True)
    labels = [label_of[g] for g in order]
    fig.update_xaxes(**percent_axis("Persen indikator (%)", 100), dtick=20)
    _row_axis(fig, labels, "")
    return _style(fig, title, plot_height(_uniform_rows(labels)))


def indicators_compared(frame: pd.DataFrame, title: str) -> go.Figure:
    """Indicators per compared kecamatan, each bar in the kecamatan's colour (`warna`; the palette's first
    where the kecamatan are too many for a colour each): a column each for a few kecamatan, a row each
    beyond MAX_COLUMN_BARS, where their names would run into each other."""
    counts = frame.groupby("kecamatan").size()
    colours = frame.drop_duplicates("kecamatan").set_index("kecamatan")["warna"].fillna(PALETTE[0])
    labels = wrapped(counts.index)
    horizontal = len(counts) > MAX_COLUMN_BARS
    where = {"y": labels, "x": counts.values, "orientation": "h"} if horizontal else {"x": labels, "y": counts.values}
    value_axis = "x" if horizontal else "y"
    fig = go.Figure(
        go.Bar(
            **where,
            marker_color=[colours.get(k) for k in counts.index],
            text=[format_number(v) for v in counts.values],
            customdata=counts.index,
            hovertemplate="%{customdata}: %{" + value_axis + ":,d} indikator<extra></extra>",
            **_in_bar_text(),
        )
    )
    fig.update_layout(showlegend=False)
    count = count_axis("Jumlah indikator", counts.max())
    if horizontal:
        fig.update_xaxes(**count)
        _row_axis(fig, labels, "Kecamatan")
        return _style(fig, title, plot_height(_uniform_rows(labels)))
    fig.update_xaxes(title_text="Kecamatan")
    fig.update_yaxes(**count)
    return _style(fig, title, COLUMN_PLOT)


def holders_per_region(frame: pd.DataFrame, level: str, title: str) -> go.Figure:
    """How many kecamatan hold a position (or field), a row per kabupaten/kota or provinsi (`wilayah`),
    the count at each bar's end; documents and indicators in the hover text."""
    labels = wrapped(frame["wilayah"])
    fig = go.Figure(
        go.Bar(
            y=labels,
            x=frame["kecamatan"],
            orientation="h",
            marker_color=PALETTE[0],
            text=[format_number(v) for v in frame["kecamatan"]],
            textposition="outside",
            textangle=0,
            textfont={"size": TEXT_SIZE},
            cliponaxis=False,
            customdata=list(zip(frame["wilayah"], frame["dokumen"], frame["indikator"], strict=True)),
            hovertemplate="%{customdata[0]}: %{x:,d} kecamatan, %{customdata[1]:,d} dokumen, "
            "%{customdata[2]:,d} indikator<extra></extra>",
        )
    )
    fig.update_layout(showlegend=False)
    fig.update_xaxes(**count_axis("Jumlah kecamatan", frame["kecamatan"].max(), room=1.12))
    _row_axis(fig, labels, LEVEL_LABELS[level])
    return _style(fig, title, plot_height(_uniform_rows(labels)))


def score_bars(names: pd.Series, scores: pd.Series, counts: pd.Series, axis_title: str, title: str) -> go.Figure:
    """A bar per group (`names`) of its quality score on a 0–100 axis, the score at each bar's end and the
    indicators it averages in the hover text."""
    labels = wrapped(names)
    fig = go.Figure(
        go.Bar(
            y=labels, x=scores, orientation="h", marker_color=PALETTE[0],
            text=[format_number(v, 1) for v in scores], textposition="outside", textangle=0,
            textfont={"size": TEXT_SIZE}, cliponaxis=False,
            customdata=list(zip(names, [format_number(v, 1) for v in scores], counts, strict=True)),
            hovertemplate="%{customdata[0]}: skor %{customdata[1]} dari %{customdata[2]:,d} indikator<extra></extra>",
        )
    )  # fmt: skip
    fig.update_layout(showlegend=False)
    fig.update_xaxes(title_text="Skor kualitas (0–100)", range=[0, 112], tickvals=[0, 20, 40, 60, 80, 100])
    _row_axis(fig, labels, axis_title)
    return _style(fig, title, plot_height(_uniform_rows(labels)))


def stacked_counts(names: pd.Series, parts: list[tuple[str, pd.Series, str]], title: str, axis: str, what: str) -> go.Figure:
    """Counts per row (a place, a position) stacked by kind (`parts`: name, counts, colour), the total at
    the end of each bar; `axis` titles the count axis, `what` names the things counted in the hover."""
    labels = wrapped(names)
    fig = go.Figure()
    for name, values, colour in parts:
        fig.add_bar(
            y=labels, x=values, name=name, orientation="h", marker_color=colour, customdata=list(names),
            text=[format_number(v) if v > 0 else "" for v in values],
            hovertemplate="%{customdata} — " + name + ": %{x:,d} " + what + "<extra></extra>", **_in_bar_text(),
        )  # fmt: skip
    totals = sum(values for _, values, _ in parts)
    _stack_totals(fig, labels, list(totals), horizontal=True)
    fig.update_layout(barmode="stack", showlegend=True)
    fig.update_xaxes(**count_axis(axis, max(totals.max(), 1), room=1.12))
    _row_axis(fig, labels, "")
    return _style(fig, title, plot_height(_uniform_rows(labels)))


TREE_TEXT_WIDTH = 28  # characters per line of a sasaran in the tree: a third of a 1280 px page
TREE_BOX = 76  # px of height per box of the tree: four lines of its text


def cascade_tree(ids: list[str], parents: list[str], labels: list[str], values: list[int], colours: list[str],
                 hover: list[str], title: str) -> go.Figure:  # fmt: skip
    """A tree read from left to right (Plotly icicle): each box a sasaran or a group of them, as tall as
    the boxes it holds."""
    fig = go.Figure(
        go.Icicle(
            ids=ids, parents=parents, labels=[wrapped([label], TREE_TEXT_WIDTH)[0] for label in labels], values=values,
            branchvalues="remainder", marker={"colors": colours, "line": {"color": "#FFFFFF", "width": 1}},
            tiling={"orientation": "h"}, textfont={"size": TEXT_SIZE}, customdata=hover,
            hovertemplate="%{customdata}<extra></extra>", sort=False, maxdepth=-1,
        )
    )  # fmt: skip
    return _style(fig, title, max(COLUMN_PLOT, TREE_BOX * len(ids)))


def band_distribution(table: pd.DataFrame, bars: pd.Series, bands: list[Band], title: str) -> go.Figure:
    """Indicators per rating band, stacked per bar (each row's bar in `bars`: its document, or its
    kabupaten/kota or provinsi) highest band first, the total at the end of each bar (graph_objects:
    plotly.express is slow here)."""
    weights = table["jumlah"].to_numpy() if "jumlah" in table else 1  # a row may count several indicators
    named = pd.DataFrame({"kecamatan": bars.to_numpy(), "predikat": table["predikat"].to_numpy(), "jumlah": weights})
    counts = named.groupby(["kecamatan", "predikat"])["jumlah"].sum().unstack(fill_value=0)
    kecamatan = sorted(counts.index)
    labels = wrapped(kecamatan)
    fig = go.Figure()
    for band, colour in band_colours(bands).items():
        if band in counts:
            values = counts.loc[kecamatan, band]
            fig.add_bar(
                y=labels, x=values, name=band, orientation="h", marker_color=colour,
                text=[format_number(v) if v > 0 else "" for v in values], customdata=kecamatan,
                hovertemplate="%{customdata} — " + band + ": %{x:,d} indikator<extra></extra>", **_in_bar_text(),
            )  # fmt: skip
    totals = counts.loc[kecamatan].sum(axis=1)
    _stack_totals(fig, labels, list(totals), horizontal=True)
    fig.update_layout(barmode="stack", showlegend=True)
    fig.update_xaxes(**count_axis("Jumlah indikator", totals.max(), room=1.12))
    _row_axis(fig, labels, "")
    return _style(fig, title, plot_height(_uniform_rows(labels)))


def capaian_bars(table: pd.DataFrame, bands: list[Band], title: str) -> go.Figure:
    """Capaian per indicator against the target line at 100 %, lowest first: one bar per indicator,
    labelled so that indicators written alike stay apart, the value beside every bar (0 % included).
    Each row is as tall as its own label: the y axis counts pixels, and a bar sits at its row's middle."""
    rated = table.dropna(subset=["capaian"]).sort_values("capaian")
    names = distinct_names(rated)
    labels = wrap_distinct(names, INDICATOR_WIDTH, lines=None)
    lines = [label.count("<br>") + 1 for label in labels]
    heights = [row_height(n) for n in lines]
    middles = [sum(heights[:i]) + h / 2 for i, h in enumerate(heights)]
    top = max(rated["capaian"].max(), 100) * 1.15  # room past the longest bar for its label ("133%")
    texts = [f"{format_number(v)}%" for v in rated["capaian"]]
    fig = go.Figure(
        go.Bar(
            x=rated["capaian"],
            y=middles,
            width=0.7 * row_height(),
            orientation="h",
            marker_color=rated["predikat"].map(band_colours(bands)),
            text=texts,
            textposition=[_beside_the_target(v, t, top) for v, t in zip(rated["capaian"], texts, strict=True)],
            insidetextanchor="end",
            textangle=0,
            textfont={"size": TEXT_SIZE},
            cliponaxis=False,
            customdata=list(zip(names, rated["target"], rated["realisasi"], rated["predikat"], strict=True)),
            hovertemplate="%{customdata[0]}<br>Capaian %{x:.1f}%<br>Target %{customdata[1]:,.1f} · "
            "Realisasi %{customdata[2]:,.1f}<br>%{customdata[3]}<extra></extra>",
        )
    )
    fig.add_vline(
        x=100, line_dash="dash", line_color="#333333", annotation_text="Target (100%)",
        annotation_font={"size": TEXT_SIZE}, annotation_position="top right", layer="below",
    )  # fmt: skip
    fig.update_xaxes(**percent_axis("Capaian (%)", top))
    plot = plot_height(lines)
    fig.update_yaxes(
        title_text="", range=[plot, 0], tickmode="array", tickvals=middles, ticktext=labels, showgrid=False, zeroline=False
    )
    fig.update_layout(showlegend=False)
    return _style(fig, title, plot)


CAPAIAN_PLOT = 360  # px of plot beside the indicator names in a 1280 px window (measured 380): the narrowest


def _beside_the_target(value: float, text: str, top: float) -> str:
    """Where a bar's label goes: past the bar's end, unless it would run over the dashed target line at
    100 % (a bar of 90–99 %); then inside the bar at its end."""
    label = (len(text) * 0.6 * TEXT_SIZE + 2 * 3) * top / CAPAIAN_PLOT  # its width in percent, padding included
    return "inside" if value < 100 <= value + label else "outside"


def line_name(kecamatan: str, tahun) -> str:
    """A quarterly line is one kecamatan's document of one year: 'Lumajang 2024'."""
    return f"{kecamatan} {tahun}"


def quarterly_lines(progress: pd.DataFrame, colours: dict[str, str], title: str) -> go.Figure:
    """Median progress per quarter, a line per place (`tempat`: a kecamatan, or a kabupaten/kota, provinsi
    or all kecamatan) and year: a kecamatan's colour, and a dash and marker of its own so lines stay
    apart in black and white."""
    order = list(QUARTER_ORDER)
    fig = go.Figure()
    for number, ((place, tahun), rows) in enumerate(progress.groupby(["tempat", "tahun"])):
        rows = rows.set_index("triwulan").reindex([q for q in order if q in set(rows["triwulan"])])
        name = line_name(place, tahun)
        fig.add_scatter(
            x=rows.index, y=rows["progres"], name=name, mode="lines+markers",
            line={"color": colours.get(place), "dash": DASHES[number % len(DASHES)], "width": 3},
            marker={"symbol": MARKERS[number % len(MARKERS)], "size": 10},
            hovertemplate=f"{name} — %{{x}}: %{{y:.1f}}%<extra></extra>",
        )  # fmt: skip
    fig.add_hline(
        y=100, line_dash="dash", line_color="#333333", annotation_text="Target (100%)",
        annotation_font={"size": TEXT_SIZE}, annotation_position="top left",
    )  # fmt: skip
    fig.update_layout(showlegend=True)
    fig.update_xaxes(title_text="Triwulan", categoryorder="array", categoryarray=order)
    fig.update_yaxes(**percent_axis("Median capaian sampai triwulan (%)", max(progress["progres"].max(), 100) * 1.1))
    return _style(fig, title, COLUMN_PLOT)


# --- Presentation mode ------------------------------------------------------------------------------


def _scaled_fonts(node, factor: float):
    """The figure's JSON with every font size (title, ticks, legend, labels, annotations, colour bar)
    multiplied by factor."""
    if isinstance(node, dict):
        out = {key: _scaled_fonts(value, factor) for key, value in node.items() if key != "template"}
        if "template" in node:
            out["template"] = node["template"]
        for key, value in out.items():
            if key.endswith("font") and isinstance(value, dict) and value.get("size") is not None:
                size = value["size"]
                value["size"] = [s * factor for s in size] if isinstance(size, list | tuple) else size * factor
        return out
    if isinstance(node, list):
        return [_scaled_fonts(value, factor) for value in node]
    return node


def for_projector(
    fig: go.Figure, height: int, width: int = SCREEN_WIDTH, scale: tuple[float, float] = PROJECTOR_SCALE
) -> go.Figure:
    """A copy for a screen at the given height (a 1920x1080 screen, SCREEN_WIDTH px across, unless said):
    every font, and the margins that hold the text, enlarged by one factor (within `scale`, as much as
    the height allows for the chart's rows)."""
    least, most = scale
    factor = min(most, max(least, height / (fig.layout.height or height)))
    figure = _scaled_fonts(fig.to_plotly_json(), factor)
    layout = figure["layout"]
    layout["height"] = height
    layout["margin"] = {side: round(px * factor) for side, px in layout.get("margin", {}).items() if side != "autoexpand"}
    if "uniformtext" in layout:
        layout["uniformtext"]["minsize"] = layout["uniformtext"]["minsize"] * factor
    projected = go.Figure(figure)
    if "b" in layout["margin"]:  # the legend has the screen's width: fewer rows than in the app
        projected.update_layout(margin_b=_bottom_margin(projected, factor, width))
    return projected


SLIDE_TOP = 10  # px above a slide's chart: the slide's heading says what its title would
ROW_FILL = 1.15  # a row's name on a slide is at most its row's height ÷ this: a line and a hair
SLIDE_MIN_TEXT = 8  # px: the least a row's name gets on a slide, where a screen has more rows than room


def for_slide(fig: go.Figure, width: int, height: int, scale: tuple[float, float] = PROJECTOR_SCALE) -> go.Figure:
    """A copy for a slide whose chart box is width x height px: the projector's type (for_projector within
    `scale`), no title, and on a chart with a row per category every row's name on one line, at a size
    its row holds, as are the numbers written in the rows: plotly would leave out every other name, and
    a name over two lines would stand beside two bars."""
    projected = for_projector(fig, height, width, scale)
    # Every row is in view: no column names above the plot. Assigned, not updated: an update merges lists.
    projected.layout.annotations = [note for note in projected.layout.annotations if note.name != COLUMNS_ON_TOP]
    projected.update_layout(title={"text": ""}, margin_t=SLIDE_TOP)
    rows = projected.layout.yaxis.categoryarray
    if rows:
        margin = projected.layout.margin
        held = (height - margin.t - margin.b) / len(rows) / ROW_FILL
        _rows_at(projected, list(rows), max(SLIDE_MIN_TEXT, min(projected.layout.yaxis.tickfont.size, held)))
    return projected


def _rows_at(fig: go.Figure, rows: list[str], size: float) -> None:
    """Each row's name on one line at `size` px, and no text within the rows larger: bar labels, the
    totals beside the bars, a heatmap's cell numbers (top column labels, above the plot, keep theirs)."""
    fig.update_yaxes(tickmode="array", tickvals=rows, ticktext=[row.replace("<br>", " ") for row in rows], tickfont_size=size)
    for trace in fig.data:
        if trace.type in ("bar", "scatter") and trace.textfont.size:
            trace.textfont.size = min(trace.textfont.size, size)
    if fig.layout.uniformtext.minsize:
        fig.layout.uniformtext.minsize = min(fig.layout.uniformtext.minsize, size)
    for note in fig.layout.annotations:
        if note.yref in (None, "y") and note.font.size:
            note.font.size = min(note.font.size, size)
