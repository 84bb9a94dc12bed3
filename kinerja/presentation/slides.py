"""`Unduh paparan`: the key views as a PowerPoint deck: a title slide naming the filters, the date and
the source documents; one slide per view (title, takeaway, the chart as a native PowerPoint chart);
and an appendix table over as many slides as its rows need.

Every text is sized to its box by the fitting measure (kinerja/presentation/fitting.py): a title
shrinks to stay on one line, a takeaway to stay on two, and below their smallest size they wrap and
the content below moves down. Lengths are in inches.
"""

import io

import pandas as pd
from pptx import Presentation
from pptx.enum.text import PP_ALIGN
from pptx.util import Inches

from kinerja.filters import Filters
from kinerja.indonesian import decimals_needed, format_date, format_number
from kinerja.presentation import fitting, native_charts, sources
from kinerja.presentation.views import View
from kinerja.vocab import PLAIN_NUMBER_COLUMNS

SLIDE_WIDTH, SLIDE_HEIGHT = 13.333, 7.5
SIDE, TOP, BOTTOM, GAP = 0.5, 0.3, 0.3, 0.12
WIDTH = SLIDE_WIDTH - 2 * SIDE
TITLE_SIZES = range(30, 21, -2)  # one line from 30 pt down to 22 pt, then wrapped
TAKEAWAY_SIZES = range(20, 13, -1)  # two lines from 20 pt down to 14 pt, then wrapped
APPENDIX_SIZES = range(16, 9, -1)
APPENDIX_TITLE = "Lampiran: angka per kecamatan"
CONTINUED = " (lanjutan)"
DECK_TITLE = "Paparan Kinerja Kecamatan"
DECK_TITLE_TOP, DECK_TITLE_SIZES, SUBTITLE_SIZES = 1.6, range(44, 27, -2), range(24, 11, -2)
TITLE_SLIDE, TITLE_ONLY = 0, 5  # layouts of python-pptx's default template


def _box(shape, left: float, top: float, width: float, height: float) -> None:
    shape.left, shape.top, shape.width, shape.height = Inches(left), Inches(top), Inches(width), Inches(height)


def _title(slide, text: str) -> float:
    """The slide's title, as large as fits one line; returns where the title ends."""
    room = fitting.fit(text, WIDTH, TITLE_SIZES, max_lines=1, bold=True)
    _box(slide.shapes.title, SIDE, TOP, WIDTH, room.height)
    native_charts.text_frame(slide.shapes.title, text, room.size, bold=True, align=PP_ALIGN.LEFT)
    return TOP + room.height


def _takeaway(slide, text: str, top: float) -> float:
    """The takeaway under the title, on at most two lines until its floor size; returns where it ends."""
    room = fitting.fit(text, WIDTH, TAKEAWAY_SIZES, max_lines=2, bold=True)
    box = slide.shapes.add_textbox(Inches(SIDE), Inches(top), Inches(WIDTH), Inches(room.height))
    native_charts.text_frame(box, text, room.size, bold=True)
    return top + room.height


def _title_slide(presentation, filters: Filters, documents: pd.DataFrame) -> None:
    slide = presentation.slides.add_slide(presentation.slide_layouts[TITLE_SLIDE])
    title = fitting.fit(DECK_TITLE, WIDTH, DECK_TITLE_SIZES, max_lines=1, bold=True)
    _box(slide.shapes.title, SIDE, DECK_TITLE_TOP, WIDTH, title.height)
    native_charts.text_frame(slide.shapes.title, DECK_TITLE, title.size, bold=True)
    subtitle = "\n".join([filters.describe(), format_date(), sources.short(documents)])
    top = DECK_TITLE_TOP + title.height + 2 * GAP
    room = fitting.fit_in(subtitle, WIDTH, SLIDE_HEIGHT - BOTTOM - top, SUBTITLE_SIZES)
    placeholder = slide.placeholders[1]
    _box(placeholder, SIDE, top, WIDTH, room.height)
    native_charts.text_frame(placeholder, subtitle, room.size)


def _view_slide(presentation, view: View) -> None:
    slide = presentation.slides.add_slide(presentation.slide_layouts[TITLE_ONLY])
    top = _takeaway(slide, view.pesan, _title(slide, view.judul) + GAP) + GAP
    if view.figure is not None:
        native_charts.add_figure(slide, view.figure, SIDE, top, WIDTH, SLIDE_HEIGHT - BOTTOM - top)


# --- The appendix -----------------------------------------------------------------------------------


def _is_number(column: pd.Series) -> bool:
    return pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_bool_dtype(column)


def _cell_text(value, numeric: bool, decimals: int, plain: bool) -> str:
    """A cell in Indonesian: '1.250', '17,1', a year as '2023', nothing for a missing value."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if numeric:
        return str(int(value)) if plain else format_number(float(value), decimals)
    return str(value)


def table_texts(table: pd.DataFrame) -> tuple[list[str], list[list[str]], list[bool]]:
    """The header, the cells as Indonesian text, and which columns hold numbers."""
    numeric = [_is_number(table[column]) for column in table.columns]
    decimals = [decimals_needed(table[c]) if n else 0 for c, n in zip(table.columns, numeric, strict=True)]
    plain = [column in PLAIN_NUMBER_COLUMNS for column in table.columns]
    rows = [
        [_cell_text(value, numeric[j], decimals[j], plain[j]) for j, value in enumerate(row)]
        for row in table.itertuples(index=False, name=None)
    ]
    return [str(c) for c in table.columns], rows, numeric


def pages(heights: list[float], room: float) -> list[range]:
    """The rows on each slide: as many as fit under the repeated header (at least one per slide)."""
    header, rows = heights[0], heights[1:]
    found, start, used = [], 0, header
    for index, height in enumerate(rows):
        if index > start and used + height > room:
            found.append(range(start, index))
            start, used = index, header
        used += height
    found.append(range(start, len(rows)))
    return found


def _appendix(presentation, table: pd.DataFrame) -> None:
    header, rows, numeric = table_texts(table)
    layout = fitting.table_layout(header, rows, WIDTH, APPENDIX_SIZES, keep=numeric)
    align = [PP_ALIGN.RIGHT if n else PP_ALIGN.LEFT for n in numeric]
    titles = [fitting.fit(t, WIDTH, TITLE_SIZES, max_lines=1, bold=True) for t in (APPENDIX_TITLE, APPENDIX_TITLE + CONTINUED)]
    top = TOP + max(t.height for t in titles) + GAP  # one table position for the first slide and the rest
    parts = pages(layout.heights, SLIDE_HEIGHT - BOTTOM - top)
    for number, part in enumerate(parts):
        slide = presentation.slides.add_slide(presentation.slide_layouts[TITLE_ONLY])
        _title(slide, APPENDIX_TITLE + (CONTINUED if number else ""))
        heights = [layout.heights[0], *(layout.heights[1 + i] for i in part)]
        page = fitting.TableLayout(layout.size, layout.widths, heights)
        native_charts.add_table(slide, header, [rows[i] for i in part], page, SIDE, top, align)


def deck(views: list[View], filters: Filters, documents: pd.DataFrame) -> bytes:
    """The deck as bytes: built from the views' figures and tables alone, no browser needed."""
    presentation = Presentation()
    presentation.slide_width, presentation.slide_height = Inches(SLIDE_WIDTH), Inches(SLIDE_HEIGHT)
    _title_slide(presentation, filters, documents)
    for view in views:
        _view_slide(presentation, view)
    if views:
        _appendix(presentation, views[0].tabel)
    out = io.BytesIO()
    presentation.save(out)
    return out.getvalue()
