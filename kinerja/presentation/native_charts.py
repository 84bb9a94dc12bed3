"""The views' Plotly figures as native PowerPoint charts, which the officer can edit, which stay sharp
at any size, and which need no browser to build. The figure is the one source: its traces, their
names, colours and text labels, its orientation, barmode, category order and axis titles.

- bars (stack/relative) -> a stacked bar or column chart, series in the traces' order and colours;
  horizontal stays horizontal, with the categories top to bottom as on screen;
- scatter with lines -> a line chart with markers;
- a heatmap -> a native table, each cell shaded as the heatmap shades it, the value in the cell.

Number formats are Office codes ('#,##0', '#,##0.0') that Indonesian PowerPoint shows as '1.250'
and '17,1'. Lengths are in inches.
"""

import math
import re
from collections.abc import Sequence

import plotly.graph_objects as go
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_AXIS_CROSSES, XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION, XL_MARKER_STYLE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls
from pptx.util import Inches, Pt

from kinerja.indonesian import decimals_needed, format_number, office_number_format, parse_number
from kinerja.presentation import fitting

FONT_SIZE = 14
TEXT_DARK = RGBColor(0x22, 0x22, 0x22)
WHITE = RGBColor(0xFF, 0xFF, 0xFF)
GRIDLINES = RGBColor(0xDD, 0xDD, 0xDD)
HEADER_FILL = RGBColor(0xF2, 0xF2, 0xF2)
TABLE_SIZES = range(20, 9, -1)  # heatmap cells: as large as the room allows, never below 10 pt
MAX_CELL_HEIGHT = 0.8  # a heatmap row higher than this looks like a stripe, not a cell
MAX_CELL_WIDTH = 2.6  # nor a column wider than this

_BARS = {  # (horizontal, stacked) -> chart type
    (False, False): XL_CHART_TYPE.COLUMN_CLUSTERED,
    (False, True): XL_CHART_TYPE.COLUMN_STACKED,
    (True, False): XL_CHART_TYPE.BAR_CLUSTERED,
    (True, True): XL_CHART_TYPE.BAR_STACKED,
}
_PERCENT_BARS = {False: XL_CHART_TYPE.COLUMN_STACKED_100, True: XL_CHART_TYPE.BAR_STACKED_100}
_RGB = re.compile(r"rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)")


# --- Colours and numbers ----------------------------------------------------------------------------


def rgb(colour) -> RGBColor | None:
    """'#0072B2', '#07B' or 'rgb(8,48,107)' as a PowerPoint colour; None for anything else."""
    text = str(colour or "").strip()
    if re.fullmatch(r"#[0-9A-Fa-f]{6}", text):
        return RGBColor.from_string(text[1:].upper())
    if re.fullmatch(r"#[0-9A-Fa-f]{3}", text):
        return RGBColor.from_string("".join(c * 2 for c in text[1:]).upper())
    found = _RGB.match(text)
    return RGBColor(*(int(v) for v in found.groups())) if found else None


def is_dark(colour: RGBColor) -> bool:
    """Whether white text reads better than dark text on this fill (relative luminance)."""
    red, green, blue = colour
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue < 140


def number(value) -> float | None:
    """A plotted value as a float; None for a missing one, so no 'nan' reaches the chart."""
    if value is None or isinstance(value, str):
        return None
    value = float(value)
    return None if math.isnan(value) else value


def _sequence(values) -> list:
    return [] if values is None else list(values)


def _shade(colorscale, fraction: float) -> RGBColor:
    """The colour a Plotly colorscale gives at a fraction between 0 and 1, interpolated linearly."""
    stops = [(float(position), rgb(colour)) for position, colour in colorscale]
    for (low, below), (high, above) in zip(stops, stops[1:], strict=False):
        if fraction <= high:
            share = 0 if high == low else (fraction - low) / (high - low)
            return RGBColor(*(round(b + (a - b) * share) for b, a in zip(below, above, strict=True)))
    return stops[-1][1]


# --- Text -------------------------------------------------------------------------------------------


def set_text(frame, text: str, size: float, bold: bool = False, colour: RGBColor | None = None, align=None) -> None:
    """The text frame holds exactly this text, one paragraph per line, at this size."""
    lines = str(text).split("\n")
    frame.text = lines[0]
    for line in lines[1:]:
        frame.add_paragraph().text = line
    for paragraph in frame.paragraphs:
        if align is not None:
            paragraph.alignment = align
        for run in paragraph.runs:
            run.font.size = Pt(size)
            run.font.bold = bold
            if colour is not None:
                run.font.color.rgb = colour


def _plain(text) -> str:
    """Plotly's line breaks as spaces: PowerPoint wraps labels itself."""
    return re.sub(r"\s*<br>\s*", " ", str(text))


# --- Tables -----------------------------------------------------------------------------------------


def add_table(slide, header: Sequence[str], rows: Sequence[Sequence[str]], layout: fitting.TableLayout, left: float, top: float,
              align: Sequence, fills: Sequence[Sequence[RGBColor | None]] | None = None):  # fmt: skip
    """A native table sized by `layout`: header bold, each column aligned as given, cells filled as
    given (None: the table style's own fill)."""
    shape = slide.shapes.add_table(len(rows) + 1, len(header), Inches(left), Inches(top), Inches(sum(layout.widths)),
                                   Inches(layout.height))  # fmt: skip
    table = shape.table
    for j, width in enumerate(layout.widths):
        table.columns[j].width = Inches(width)
    for i, height in enumerate(layout.heights):
        table.rows[i].height = Inches(height)
    for i, row in enumerate([header, *rows]):
        for j, text in enumerate(row):
            cell = table.cell(i, j)
            cell.margin_left = cell.margin_right = Inches(fitting.MARGIN_X)
            cell.margin_top = cell.margin_bottom = Inches(fitting.MARGIN_Y)
            cell.vertical_anchor = MSO_ANCHOR.MIDDLE
            fill = fills[i - 1][j] if fills and i else None
            colour = None
            if fill is not None:
                cell.fill.solid()
                cell.fill.fore_color.rgb = fill
                colour = WHITE if is_dark(fill) else TEXT_DARK
            set_text(cell.text_frame, text, layout.size, bold=i == 0, colour=colour, align=align[j])
    return shape


def _heatmap_table(slide, figure: go.Figure, trace: go.Heatmap, left: float, top: float, width: float, height: float):
    """The heatmap as a table: rows and columns in the order on screen, each cell shaded by its value."""
    z = [[number(v) for v in row] for row in trace.z]
    texts = [_sequence(row) for row in trace.text] if trace.text is not None else z
    rows, columns = list(range(len(z))), list(range(len(z[0]) if z else 0))
    if not _reversed(figure.layout.yaxis):
        rows.reverse()  # Plotly draws the first row at the bottom
    if _reversed(figure.layout.xaxis):
        columns.reverse()
    y, x = _sequence(trace.y), _sequence(trace.x)
    present = [v for row in z for v in row if v is not None]
    low = trace.zmin if trace.zmin is not None else min(present, default=0)
    high = trace.zmax if trace.zmax is not None else max(present, default=0)
    decimals = decimals_needed(present)

    def shade(value):
        return None if value is None else _shade(trace.colorscale, 0.5 if high == low else (value - low) / (high - low))

    header = [_plain(figure.layout.yaxis.title.text or ""), *(_plain(x[j]) for j in columns)]
    body = [[_plain(y[i]), *(_cell(texts[i][j], decimals) for j in columns)] for i in rows]
    fills = [[HEADER_FILL, *(shade(z[i][j]) for j in columns)] for i in rows]
    keep = [False] + [True] * len(columns)
    for size in TABLE_SIZES:  # the largest size at which the table fits its box, across and down
        natural = fitting.table_layout(header, body, width, [size], keep)
        layout = _stretched(header, body, natural, width, height)
        if sum(fitting.natural_widths(header, body, size)) <= width and layout.height <= height:
            break
    return add_table(slide, header, body, layout, left, top, [PP_ALIGN.LEFT] + [PP_ALIGN.CENTER] * len(columns), fills)


def _cell(value, decimals: int) -> str:
    if isinstance(value, str):
        return value
    value = number(value)
    return "" if value is None else format_number(value, decimals)


def _stretched(header, body, layout: fitting.TableLayout, width: float, height: float) -> fitting.TableLayout:
    """A heatmap fills its box: value columns of one width (their headers wrapped if need be) where
    they fit so, else each its own plus a share of the spare width; the rows share the spare height.
    No cell wider than MAX_CELL_WIDTH or higher than MAX_CELL_HEIGHT but to hold its text."""
    first, cells = layout.widths[0], layout.widths[1:]
    room = min((width - first) / max(1, len(cells)), MAX_CELL_WIDTH)
    narrowest = fitting.natural_widths(header, body, layout.size, header_wraps=True)[1:]
    if max(narrowest, default=0.0) <= room:
        widths = [first, *[room] * len(cells)]
    else:
        spare = max(0.0, width - sum(layout.widths)) / max(1, len(cells))
        widths = [first, *(w + spare for w in cells)]
    heights = fitting.row_heights(header, body, widths, layout.size)
    share = max(0.0, height - sum(heights)) / len(heights)
    return fitting.TableLayout(layout.size, widths, [max(h, min(h + share, MAX_CELL_HEIGHT)) for h in heights])


# --- Charts -----------------------------------------------------------------------------------------

TITLE_SIZE = 16
LABEL_SIZE = 12
PLOT_SHARE = {True: 0.8, False: 0.65}  # (horizontal?) of the chart's width or height, the plot area at least
AXIS_HEADROOM = 1.2  # PowerPoint's automatic axis ends at most this far beyond the longest bar
LABEL_PADDING = 0.06  # beside a label across a bar
DIGIT_HEIGHT = 0.8  # of the font size: what an upright bar needs for a label of digits


def add_figure(slide, figure: go.Figure, left: float, top: float, width: float, height: float) -> list:
    """The figure drawn natively in this box: a chart, or a captioned table for a heatmap. Returns the
    shapes drawn."""
    traces = [trace for trace in figure.data if not _totals(trace)]
    kinds = {trace.type for trace in traces}
    if kinds == {"heatmap"} and len(traces) == 1:
        return _captioned_heatmap(slide, figure, traces[0], left, top, width, height)
    if kinds == {"bar"}:
        totals = next((trace for trace in figure.data if _totals(trace)), None)
        return [_bar_chart(slide, figure, traces, left, top, width, height, totals)]
    if kinds == {"scatter"} and all("lines" in (trace.mode or "lines") for trace in traces):
        return [_line_chart(slide, figure, traces, left, top, width, height)]
    raise TypeError(f"tidak ada bagan PowerPoint untuk jenis grafik {sorted(kinds)}")


def _totals(trace) -> bool:
    """A trace of text only: the stacks' totals the figure writes at their ends."""
    return trace.type == "scatter" and trace.mode == "text"


def _with_totals(labels: list[str], categories: list, totals, letter: str) -> list[str]:
    """Each category's label with its stack's total, as the figure writes it at the stack's end
    (PowerPoint has no total label of its own for a stacked chart)."""
    if totals is None:
        return labels
    written = dict(zip(_sequence(totals[letter]), (_plain(str(t)).strip() for t in _sequence(totals.text)), strict=False))
    return [f"{label} ({written[c]})" if c in written else label for label, c in zip(labels, categories, strict=True)]


def _captioned_heatmap(slide, figure, trace, left, top, width, height) -> list:
    caption = _plain(figure.layout.title.text or "")
    shapes = []
    if caption:
        room = fitting.fit(caption, width, [TITLE_SIZE], max_lines=2, bold=True)
        box = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(room.height))
        text_frame(box, caption, room.size, bold=True)
        shapes.append(box)
        top, height = top + room.height, height - room.height
    return [*shapes, _heatmap_table(slide, figure, trace, left, top, width, height)]


def text_frame(shape, text: str, size: float, bold: bool = False, align=None) -> None:
    """A text box's frame with the margins the fitting measure counts on, wrapping between words."""
    frame = shape.text_frame
    frame.word_wrap = True
    frame.margin_left = frame.margin_right = Inches(fitting.MARGIN_X)
    frame.margin_top = frame.margin_bottom = Inches(fitting.MARGIN_Y)
    set_text(frame, text, size, bold=bold, align=align)


def _per_category(keys, per_point, categories: list) -> list:
    """A per-point list (values, texts, colours) lined up with the chart's categories, None where the
    trace has no point for a category."""
    if per_point is None or isinstance(per_point, str | int | float):  # one value for every point
        per_point = [per_point] * len(keys)
    found = dict(zip(keys, per_point, strict=False))
    return [found.get(category) for category in categories]


def _categories(traces, axis, letter: str) -> list:
    """The categories in the axis's order: its category array, else sorted if asked, else as the
    traces first name them."""
    seen = list(dict.fromkeys(c for trace in traces for c in _sequence(trace[letter])))
    if axis.categoryorder == "array" and axis.categoryarray is not None:
        listed = [c for c in axis.categoryarray if c in seen]
        return listed + [c for c in seen if c not in listed]
    if axis.categoryorder in ("category ascending", "category descending"):
        return sorted(seen, key=str, reverse=axis.categoryorder == "category descending")
    return seen


def _category_labels(categories: list, axis) -> list[str]:
    """What the axis writes for each category: its tick text where the figure gives one."""
    names = dict(zip(_sequence(axis.tickvals), _sequence(axis.ticktext), strict=False)) if axis.tickmode == "array" else {}
    return [_plain(names.get(category, category)) for category in categories]


def _series_name(trace, value_axis) -> str:
    return _plain(trace.name) if trace.name else _plain(value_axis.title.text or "Nilai")


def _chart(slide, kind, figure, traces, categories, values, axes, box, totals=None):
    """The chart with its data (the numbers embedded, editable in PowerPoint), title and legend;
    `axes` are the figure's category and value axes, `box` is left, top, width, height."""
    category_axis, value_axis = axes
    decimals = decimals_needed([v for series in values for v in series if v is not None])
    data = CategoryChartData(number_format=office_number_format(decimals))
    letter = "y" if traces[0].orientation == "h" else "x"
    data.categories = _with_totals(_category_labels(categories, category_axis), categories, totals, letter)
    for trace, series in zip(traces, values, strict=True):
        data.add_series(_series_name(trace, value_axis), series)
    left, top, width, height = box
    frame = slide.shapes.add_chart(kind, Inches(left), Inches(top), Inches(width), Inches(height), data)
    chart = frame.chart
    chart.font.size = Pt(FONT_SIZE)
    title = _plain(figure.layout.title.text or "")
    chart.has_title = bool(title)
    if title:
        set_text(chart.chart_title.text_frame, title, TITLE_SIZE, bold=True)
    chart.has_legend = figure.layout.showlegend is not False and len(traces) > 1
    if chart.has_legend:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
        chart.legend.font.size = Pt(FONT_SIZE)
    return frame, decimals


def _bar_chart(slide, figure, traces, left, top, width, height, totals=None):
    horizontal = traces[0].orientation == "h"
    layout = figure.layout
    category_axis, value_axis = (layout.yaxis, layout.xaxis) if horizontal else (layout.xaxis, layout.yaxis)
    stacked = layout.barmode in ("stack", "relative")
    kind = _PERCENT_BARS[horizontal] if stacked and layout.barnorm == "percent" else _BARS[(horizontal, stacked)]
    letter, other = ("y", "x") if horizontal else ("x", "y")
    categories = _categories(traces, category_axis, letter)
    values = [[number(v) for v in _per_category(_sequence(t[letter]), _sequence(t[other]), categories)] for t in traces]
    box = (left, top, width, height)
    frame, decimals = _chart(slide, kind, figure, traces, categories, values, (category_axis, value_axis), box, totals)
    plot = frame.chart.plots[0]
    plot.vary_by_categories = False
    plot.gap_width = 60
    if stacked:
        plot.overlap = 100
    extent = _largest_extent(values, stacked)
    span = (value_axis.range[1] - value_axis.range[0]) if value_axis.range is not None else extent * AXIS_HEADROOM
    length = PLOT_SHARE[horizontal] * (width if horizontal else height)

    def room(value: float, text: str) -> bool:
        """Whether a part of a stack is long enough for its label: across it or, upright, up it."""
        if horizontal:
            needed = fitting.text_width(text, LABEL_SIZE) + LABEL_PADDING
        else:
            needed = DIGIT_HEIGHT * LABEL_SIZE / fitting.POINTS_PER_INCH
        return span > 0 and abs(value) / span * length >= needed

    for series, trace, numbers in zip(plot.series, traces, values, strict=True):
        keys = _sequence(trace[letter])
        fills = [rgb(c) for c in _per_category(keys, trace.marker.color, categories)]
        _fill_bars(series, fills)
        texts = None if trace.text is None else _per_category(keys, trace.text, categories)
        position = XL_LABEL_POSITION.CENTER if stacked else XL_LABEL_POSITION.OUTSIDE_END
        _labels(series, texts, numbers, fills, position, room if stacked else None, decimals)
    _axes(frame.chart, category_axis, value_axis, decimals, extent)
    return frame


def _fill_bars(series, fills: list) -> None:
    """One colour for the series, or a colour per bar where the figure colours bars one by one."""
    colours = {c for c in fills if c is not None}
    if len(colours) == 1:
        series.format.fill.solid()
        series.format.fill.fore_color.rgb = colours.pop()
        return
    for index, colour in enumerate(fills):
        if colour is not None:
            point = series.points[index]
            point.format.fill.solid()
            point.format.fill.fore_color.rgb = colour


def _present(text) -> bool:
    if text is None:
        return False
    return bool(str(text).strip()) if isinstance(text, str) else number(text) is not None


def _says_the_value(text, value: float) -> bool:
    """Whether a text label only repeats the plotted value (then PowerPoint's own value label does)."""
    said = parse_number(text) if isinstance(text, str) else number(text)
    return said is not None and abs(said - value) < 1e-9


def _label_text(text) -> str:
    """A text label as written: text as it is, a number in Indonesian with the decimals it has."""
    return _plain(text) if isinstance(text, str) else format_number(number(text), decimals_needed([number(text)]))


def _labels(series, texts, values, fills, position, room=None, decimals: int = 0) -> None:
    """The figure's text labels on the points: PowerPoint's value labels where the text is the value,
    else the text itself on each point. Inside a stack (`room` says how much a part has) a part too
    small for its label, a zero part too, goes without."""
    if texts is None:
        return
    shown = [(i, t, v) for i, (t, v) in enumerate(zip(texts, values, strict=True)) if v is not None and _present(t)]
    inside = room is not None
    narrow = {i for i, t, v in shown if inside and not room(v, _label_text(t))}

    def colour(index: int) -> RGBColor:
        fill = fills[index] if index < len(fills) else None
        return WHITE if inside and fill is not None and is_dark(fill) else TEXT_DARK

    if shown and all(_says_the_value(t, v) for _, t, v in shown):
        unlabelled_zero = any(v == 0 and not _present(t) for t, v in zip(texts, values, strict=True))
        labels = series.data_labels
        labels.show_value = True
        code = office_number_format(decimals)
        labels.number_format = f"{code};-{code};" if inside or unlabelled_zero else code
        labels.number_format_is_linked = False
        labels.position = position
        labels.font.size = Pt(LABEL_SIZE)
        labels.font.color.rgb = colour(shown[0][0])
        for index in narrow:
            _hide_label(series, index)
        return
    for index, text, _ in shown:
        if index in narrow:
            continue
        label = series.points[index].data_label
        set_text(label.text_frame, _label_text(text), LABEL_SIZE, colour=colour(index))
        label.position = position


def _hide_label(series, index: int) -> None:
    """No label on this point, whatever the series' labels show: a label of its own marked deleted,
    as PowerPoint writes it (python-pptx has no call for this)."""
    label = series._element.get_or_add_dLbls().get_or_add_dLbl_for_point(index)
    for child in list(label)[1:]:  # keep c:idx
        label.remove(child)
    label.append(parse_xml(f'<c:delete {nsdecls("c")} val="1"/>'))


def _largest_extent(values: list[list], stacked: bool) -> float:
    """How far the bars reach: the largest stack, or the largest bar."""
    if stacked:
        return max((sum(v for v in column if v and v > 0) for column in zip(*values, strict=True)), default=0.0)
    return max((v for series in values for v in series if v is not None), default=0.0)


def _axes(chart, category_axis, value_axis, decimals: int, top_value: float) -> None:
    """Axis titles, tick labels in Indonesian number format, the value range the figure fixes, and the
    categories in the order on screen."""
    categories, values = chart.category_axis, chart.value_axis
    for axis, source in ((categories, category_axis), (values, value_axis)):
        title = _plain(source.title.text or "")
        axis.has_title = bool(title)
        if title:
            set_text(axis.axis_title.text_frame, title, FONT_SIZE, bold=True)
        axis.tick_labels.font.size = Pt(FONT_SIZE)
    categories.has_major_gridlines = False
    values.has_major_gridlines = True
    values.major_gridlines.format.line.color.rgb = GRIDLINES
    values.tick_labels.number_format = office_number_format(0 if decimals == 0 or top_value >= 10 else decimals)
    values.tick_labels.number_format_is_linked = False
    if decimals == 0 and top_value <= 10:
        values.major_unit = 1  # counts: no ticks at 0,5 that would read as a repeated whole number
    if value_axis.range is not None:
        values.minimum_scale, values.maximum_scale = (float(v) for v in value_axis.range)
    if _reversed(category_axis):
        categories.reverse_order = True
        _value_axis_at_far_end(values)


def _reversed(axis) -> bool:
    """Whether the axis runs backwards (a chart's rows: the first on top), by its automatic range or by
    the range the figure fixes."""
    return axis.autorange == "reversed" or (axis.range is not None and axis.range[0] > axis.range[1])


def _value_axis_at_far_end(values) -> None:
    """With the categories reversed (first on top) the value axis would cross at the first category,
    at the top; it belongs at the bottom, where the last category is. python-pptx sets this crossing
    only from the other axis, hence the element."""
    element = values._element
    element._remove_crossesAt()
    element._remove_crosses()
    element._add_crosses(val=XL_AXIS_CROSSES.MAXIMUM)


def _line_chart(slide, figure, traces, left, top, width, height):
    category_axis, value_axis = figure.layout.xaxis, figure.layout.yaxis
    categories = _categories(traces, category_axis, "x")
    values = [[number(v) for v in _per_category(_sequence(t.x), _sequence(t.y), categories)] for t in traces]
    markers = any("markers" in (t.mode or "lines+markers") for t in traces)
    kind = XL_CHART_TYPE.LINE_MARKERS if markers else XL_CHART_TYPE.LINE
    box = (left, top, width, height)
    frame, decimals = _chart(slide, kind, figure, traces, categories, values, (category_axis, value_axis), box)
    for series, trace, numbers in zip(frame.chart.plots[0].series, traces, values, strict=True):
        colour = rgb(trace.line.color) or rgb(trace.marker.color)
        series.smooth = False
        series.format.line.width = Pt(2.5)
        if colour is not None:
            series.format.line.color.rgb = colour
        if markers:
            series.marker.style = XL_MARKER_STYLE.CIRCLE
            series.marker.size = 8
            if colour is not None:
                series.marker.format.fill.solid()
                series.marker.format.fill.fore_color.rgb = colour
                series.marker.format.line.color.rgb = colour
        if trace.text is not None:
            texts = _per_category(_sequence(trace.x), trace.text, categories)
            _labels(series, texts, numbers, [], XL_LABEL_POSITION.ABOVE, decimals=decimals)
    _axes(frame.chart, category_axis, value_axis, decimals, _largest_extent(values, stacked=False))
    return frame
