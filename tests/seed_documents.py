"""The seed documents as an officer would send them: Word files, PDFs made from those, and scans.

The text conversions in data/raw are what the parsers read; these are the same documents in the
formats they arrive in, made the way offices make them: a Word file whose tables are real Word tables
(python-docx), a PDF printed from it by LibreOffice, and a scan of that PDF at 200 dpi.
"""

import shutil
import subprocess
from pathlib import Path

import docx
import pypdfium2
from docx.enum.section import WD_ORIENT
from docx.shared import Cm, Pt

SCAN_DPI = 200


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


def text_to_docx(text: str, path: Path) -> Path:
    """A Word file of the text: each line a paragraph, each run of tab lines a bordered Word table."""
    document = docx.Document()
    _page(document)
    previous_was_table = False
    for part in _runs_of_rows(text.splitlines()):
        if isinstance(part, str):
            document.add_paragraph(part)
            previous_was_table = False
            continue
        if previous_was_table:
            document.add_paragraph("")  # Word joins two tables that touch into one
        table = document.add_table(rows=len(part), cols=len(part[0]))
        table.style = "Table Grid"
        for row, cells in zip(table.rows, part, strict=True):
            for cell, value in zip(row.cells, cells, strict=True):
                cell.text = value
        previous_was_table = True
    document.save(path)
    return path


def docx_to_pdf(paths: list[Path], out_dir: Path) -> list[Path]:
    """PDFs printed by LibreOffice headless, one per Word file (a private profile, so runs may overlap)."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        raise RuntimeError("LibreOffice tidak terpasang: jalankan `make system`")
    profile = out_dir / ".lo-profile"
    command = [office, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf", "--outdir", str(out_dir)]
    subprocess.run([*command, *map(str, paths)], check=True, capture_output=True, timeout=600)
    return [out_dir / f"{p.stem}.pdf" for p in paths]


def pdf_to_scan(pdf: Path, out: Path, dpi: int = SCAN_DPI) -> Path:
    """A scan of the PDF: every page rasterised at `dpi`, saved as an image-only PDF (no text layer)."""
    document = pypdfium2.PdfDocument(pdf)
    pages = [page.render(scale=dpi / 72, grayscale=True).to_pil() for page in document]
    pages[0].save(out, save_all=True, append_images=pages[1:], resolution=dpi)
    return out
