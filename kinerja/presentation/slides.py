"""`Unduh paparan`: the key views as a PowerPoint deck, title slide naming filters and date,
one slide per view (chart + takeaway), and an appendix table."""

import io

import pandas as pd
from pptx import Presentation
from pptx.util import Emu, Inches, Pt

from kinerja.filters import Filters
from kinerja.indonesian import format_date
from kinerja.presentation.images import render_images
from kinerja.presentation.views import View
from kinerja.spreadsheet import neutralise

WIDE = (Inches(13.333), Inches(7.5))
APPENDIX_ROWS = 14


def _text(slide, text: str, left, top, width, height, size: int, bold: bool = False) -> None:
    frame = slide.shapes.add_textbox(left, top, width, height).text_frame
    frame.word_wrap = True
    paragraph = frame.paragraphs[0]
    paragraph.text = text
    paragraph.font.size = Pt(size)
    paragraph.font.bold = bold


def _title(slide, text: str) -> None:
    """A slide title that stays on one or two lines above the takeaway."""
    shape = slide.shapes.title
    shape.left, shape.top, shape.width, shape.height = Inches(0.5), Inches(0.25), Inches(12.3), Inches(0.9)
    shape.text = text
    for paragraph in shape.text_frame.paragraphs:
        paragraph.font.size = Pt(30)
        paragraph.font.bold = True


def _appendix(deck, title: str, table: pd.DataFrame) -> None:
    for start in range(0, max(len(table), 1), APPENDIX_ROWS):
        part = table.iloc[start : start + APPENDIX_ROWS]
        slide = deck.slides.add_slide(deck.slide_layouts[5])
        _title(slide, title if start == 0 else f"{title} (lanjutan)")
        columns = list(part.columns)[:8]
        shape = slide.shapes.add_table(len(part) + 1, len(columns), Inches(0.4), Inches(1.4), Inches(12.5), Inches(0.4))
        for j, column in enumerate(columns):
            shape.table.cell(0, j).text = str(column)
        for i, row in enumerate(part[columns].itertuples(index=False), start=1):
            for j, value in enumerate(row):
                shape.table.cell(i, j).text = "" if pd.isna(value) else str(neutralise(value))
        for cell in (c for r in shape.table.rows for c in r.cells):
            for paragraph in cell.text_frame.paragraphs:
                paragraph.font.size = Pt(11)


def deck(views: list[View], filters: Filters, images: list[bytes] | None = None) -> bytes:
    """The deck as bytes; images default to the views' charts rendered through kaleido."""
    images = images if images is not None else render_images([v.figure for v in views])
    presentation = Presentation()
    presentation.slide_width, presentation.slide_height = WIDE
    title = presentation.slides.add_slide(presentation.slide_layouts[0])
    title.shapes.title.text = "Paparan Kinerja Kecamatan"
    title.placeholders[1].text = f"{filters.describe()}\n{format_date()}"
    for view, image in zip(views, images, strict=True):
        slide = presentation.slides.add_slide(presentation.slide_layouts[5])
        _title(slide, view.judul)
        _text(slide, view.pesan, Inches(0.6), Inches(1.25), Inches(12.1), Inches(0.7), 20, bold=True)
        picture_height = Inches(5.2)
        picture_width = Emu(int(picture_height * 16 / 9))
        left = Emu(int((presentation.slide_width - picture_width) / 2))
        slide.shapes.add_picture(io.BytesIO(image), left, Inches(2.05), picture_width, picture_height)
    if views:
        _appendix(presentation, "Lampiran: angka per kecamatan", views[0].tabel)
    out = io.BytesIO()
    presentation.save(out)
    return out.getvalue()
