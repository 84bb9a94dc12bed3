"""The seed documents as an officer would send them: Word files, PDFs made from those, and scans.

The text conversions in data/raw are what the parsers read; these are the same documents in the
formats they arrive in, made the way offices make them: a Word file whose tables are real Word tables
(python-docx), a PDF printed from it by LibreOffice, and a scan of that PDF at 200 dpi.

What the conversions wrote as markup is formatting in Word: `**…**` and `<b>…</b>` are bold runs,
`<i>…</i>` italic runs, and a cell's `<br>` and `<li>` items are paragraphs of their own in the cell
(the list's `<ul>`/`<ol>` wrapper is no text in Word). Every word stays as it was.
"""

import json
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pypdfium2
from docx.enum.section import WD_ORIENT
from docx.shared import Cm, Pt

SCAN_DPI = 200
_EMPHASIS = re.compile(r"\*\*(.+?)\*\*|<b>(.+?)</b>|<i>(.+?)</i>")
_CELL_PARAGRAPH = re.compile(r"<br\s*/?>|</?li>", re.I)
_LIST_WRAPPER = re.compile(r"</?(?:ul|ol)\b[^>]*>", re.I)


def _runs_of_rows(lines: list[str]) -> list[str | list[list[str]]]:
    """The lines as paragraphs (str) and tables (rows of cells): a table is a run of tab lines with
    the same number of cells."""
    out: list[str | list[list[str]]] = []
    for line in lines:
        if "\t" not in line:
            out.append(line)
            continue
        cells = line.split("\t")
        last = out[-1] if out else None
        if isinstance(last, list) and len(last[0]) == len(cells):
            last.append(cells)
        else:
            out.append([cells])
    return out


def _page(document: docx.Document) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))
    style = document.styles["Normal"]
    style.font.name = "Liberation Sans"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    style.paragraph_format.space_before = Pt(0)


def _add_runs(paragraph, text: str) -> None:
    """The text as runs: emphasis written as markup becomes bold or italic."""
    position = 0
    for match in _EMPHASIS.finditer(text):
        _add_plain(paragraph, text[position : match.start()])
        stars, bold, italic = match.groups()
        run = paragraph.add_run(stars or bold or italic)
        run.bold = bool(stars or bold) or None
        run.italic = bool(italic) or None
        position = match.end()
    _add_plain(paragraph, text[position:])


def _add_plain(paragraph, text: str) -> None:
    text = text.replace("**", "")  # a marker the conversion left unpaired
    if text:
        paragraph.add_run(text)


def _fill_cell(cell, value: str) -> None:
    """A cell's text, a paragraph for each of its lines and list items."""
    parts = [part.strip() for part in _CELL_PARAGRAPH.split(_LIST_WRAPPER.sub(" ", value))]
    parts = [part for part in parts if part] or [""]
    _add_runs(cell.paragraphs[0], parts[0])
    for part in parts[1:]:
        _add_runs(cell.add_paragraph(), part)


def text_to_docx(text: str, path: Path) -> Path:
    """A Word file of the text: each line a paragraph, each run of tab lines a bordered Word table."""
    document = docx.Document()
    _page(document)
    previous_was_table = False
    for part in _runs_of_rows(text.splitlines()):
        if isinstance(part, str):
            _add_runs(document.add_paragraph(), part)
            previous_was_table = False
            continue
        if previous_was_table:
            document.add_paragraph("")  # Word joins two tables that touch into one
        table = document.add_table(rows=len(part), cols=len(part[0]))
        table.style = "Table Grid"
        for row, cells in zip(table.rows, part, strict=True):
            for cell, value in zip(row.cells, cells, strict=True):
                _fill_cell(cell, value)
        previous_was_table = True
    document.save(path)
    return path


def docx_to_pdf(paths: list[Path], out_dir: Path, password: str | None = None) -> list[Path]:
    """PDFs printed by LibreOffice headless, one per Word file (a private profile, so runs may overlap);
    with `password`, each PDF asks for it before it opens."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        raise RuntimeError("LibreOffice tidak terpasang: jalankan `make system`")
    target = "pdf"
    if password is not None:
        options = {
            "EncryptFile": {"type": "boolean", "value": "true"},
            "DocumentOpenPassword": {"type": "string", "value": password},
        }
        target = f"pdf:writer_pdf_Export:{json.dumps(options)}"
    profile = out_dir / ".lo-profile"
    command = [office, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", target, "--outdir", str(out_dir)]
    subprocess.run([*command, *map(str, paths)], check=True, capture_output=True, timeout=600)
    return [out_dir / f"{p.stem}.pdf" for p in paths]


def pdf_to_scan(pdf: Path, out: Path, dpi: int = SCAN_DPI) -> Path:
    """A scan of the PDF: every page rasterised at `dpi`, saved as an image-only PDF (no text layer)."""
    document = pypdfium2.PdfDocument(pdf)
    pages = [page.render(scale=dpi / 72, grayscale=True).to_pil() for page in document]
    pages[0].save(out, save_all=True, append_images=pages[1:], resolution=dpi)
    return out
