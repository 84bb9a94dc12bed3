"""Born-digital PDFs as text: lines and tables with their positions (pdfplumber).

A PDF has no paragraphs and no cells, only characters at positions and the lines drawn between
them; this reader rebuilds what the Word reader gets from a .docx. Each page is read top to bottom
(IKI documents are one column):

- a table is found from its ruling lines (pdfplumber's `find_tables`) and becomes a line per row,
  cells apart by tabs, at its place among the text. A cell merged across columns or rows is one
  cell; the grid places it covers are empty, as the Word reader writes them. A row that Word broke
  over two pages is one row again (see `_continues`);
- text outside tables becomes lines. A vertical gap wider than the line spacing is a paragraph
  break and is written as a blank line (the OCR layout reads its paragraphs from them);
- a paragraph or a cell too long for its width wraps over several lines. A line break is hard (a
  new line, or `<br>` in a cell) when the next line's first word would have fit on the line
  before; otherwise the lines are one again (see `_Wrapping`);
- running headers and footers (the same text at the same place on most pages, page numbers) are
  left out, so a table carried over to the next page goes on as one table.

Text is NFKC-normalised (ligatures such as ﬁ become fi). A PDF without a text layer is a scan and
is read by OCR (`scan.scanned_pdf_text`), also when its only text is a line a scanning app
wrote over the page image.
"""

import re
import statistics
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psparser import PSException
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from kinerja.errors import IngestError
from kinerja.ingest.word import symbol_text

PARAGRAPH_GAP = 0.6  # a gap between lines wider than this share of the type size is a paragraph break
WORD_GAP = 0.25  # a gap between characters wider than this share of the type size is a space
FIT_SLACK = 0.1  # points of measuring error allowed when asking whether a word would have fit
PAGE_SLACK = 0.25  # points: a page that ended this much less than a line early ended a line early
SAME_EDGE = 2.0  # points: two tables with their column edges this close are one table
SCAN_COVER, SCAN_TEXT = 0.5, 100  # a page image over half the page with fewer characters than this: a scan
_NO_BREAK_BEFORE = ",.;:!?)]}/"  # a line does not wrap before these, even after a space
_NO_BREAK_AFTER = "([{"  # nor after these
_SENTENCE_END = ".,;:!?"  # after these a line wraps only at a space
_LIST_MARK = re.compile(r"^(?:[-•❖▪➢*]|\d{1,2}[.)]|[a-zA-Z][.)])\s")
_ENUMERATOR = re.compile(r"^#+[.)]$")  # '1.', '2)': list and block numbers, never page numbers


def pdf_text(path: Path) -> str:
    """The PDF's tables and text as lines, in the structure the layout parsers read."""
    path = Path(path)
    try:
        with pdfplumber.open(path) as pdf:
            pages = []
            for page in pdf.pages:
                pages.append(_read_page(page))
                page.close()  # a page's objects are not needed once read: a long document stays small
    except (PdfminerException, MalformedPDFException, PDFSyntaxError, PSException) as error:
        cause = error.args[0] if isinstance(error, PdfminerException) and error.args else error
        if isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError):
            message = "PDF dilindungi kata sandi; simpan ulang tanpa kata sandi lalu unggah lagi"
        else:
            message = "PDF rusak atau tidak lengkap sehingga tidak dapat dibaca; buat ulang PDF-nya lalu unggah lagi"
        raise IngestError(f"{path.name}: {message}") from error
    if all(page.scanned for page in pages):
        from kinerja.ingest.scan import scanned_pdf_text  # OCR needs tesseract: loaded only for scans

        return scanned_pdf_text(path)
    _drop_running_lines(pages)
    return "\n".join(_Writer(pages).lines()) + "\n"


# ---- characters into lines ----------------------------------------------------------------------


@dataclass(eq=False)
class _Line:
    """One printed line: its characters left to right."""

    chars: list[dict]

    @cached_property
    def top(self) -> float:
        return min(c["top"] for c in self.chars)

    @cached_property
    def bottom(self) -> float:
        return max(c["bottom"] for c in self.chars)

    @cached_property
    def x0(self) -> float:
        return self.chars[0]["x0"]

    @cached_property
    def size(self) -> float:
        return statistics.median(c["size"] for c in self.chars)

    @cached_property
    def ink_x1(self) -> float:
        """Where the last visible character ends (a trailing space does not count)."""
        visible = [c for c in self.chars if c["text"].strip()]
        return visible[-1]["x1"] if visible else self.chars[-1]["x1"]

    @cached_property
    def ends_with_space(self) -> bool:
        return not self.chars[-1]["text"].strip()

    @cached_property
    def text(self) -> str:
        out = []
        previous = None
        for char in self.chars:
            gap = char["x0"] - previous["x1"] if previous else 0
            if previous and gap > WORD_GAP * char["size"] and previous["text"].strip() and char["text"].strip():
                out.append(" ")  # a producer that places words without writing the space between
            out.append("".join(symbol_text(c) for c in char["text"]))
            previous = char
        return unicodedata.normalize("NFKC", "".join(out)).replace("\t", " ").strip()

    def first_word_width(self) -> float:
        """The width a line breaker would have tried to fit: up to the first space it may break at.
        It may not break at a space before punctuation that never starts a line ('tanah ,dan') nor
        after an opening bracket ('{ yang')."""
        chars = self.chars
        start = next((i for i, c in enumerate(chars) if c["text"].strip()), 0)
        end = _word_end(chars, start)
        while end < len(chars):
            after = end
            while after < len(chars) and not chars[after]["text"].strip():
                after += 1
            if after == len(chars) or not (chars[after]["text"] in _NO_BREAK_BEFORE or chars[end - 1]["text"] in _NO_BREAK_AFTER):
                break
            end = _word_end(chars, after)
        return chars[max(end, start + 1) - 1]["x1"] - chars[start]["x0"]

    def space_width(self) -> float:
        spaces = [c["x1"] - c["x0"] for c in self.chars if c["text"] == " "]
        return statistics.median(spaces) if spaces else 0.28 * self.size


def _word_end(chars: list[dict], start: int) -> int:
    end = start
    while end < len(chars) and chars[end]["text"].strip():
        end += 1
    return end


def _lines_of(chars: list[dict]) -> list[_Line]:
    """Characters grouped into lines: a character whose middle lies within a line's height joins it."""
    lines: list[list[dict]] = []
    bottom = 0.0
    for char in sorted(chars, key=lambda c: (c["top"], c["x0"])):
        middle = (char["top"] + char["bottom"]) / 2
        if lines and middle < bottom:
            lines[-1].append(char)
            bottom = max(bottom, char["bottom"])
        else:
            lines.append([char])
            bottom = char["bottom"]
    return [_Line(sorted(line, key=lambda c: c["x0"])) for line in lines]


def _would_fit(line: _Line, following: _Line, right: float) -> bool:
    """Whether the first word of `following` would have fit on `line` before `right`."""
    space = line.space_width() if line.ends_with_space else 0.0
    return line.ink_x1 + space + following.first_word_width() <= right + FIT_SLACK


def _space_hangs(line: _Line, right: float) -> bool:
    """Whether a space after the line's last character would have passed the edge: a line that
    wrapped at a space then shows no space at its end, as the producer did not draw it."""
    return line.ink_x1 + line.space_width() > right + FIT_SLACK


# ---- a page: tables and text lines --------------------------------------------------------------


@dataclass(eq=False)
class _Cell:
    lines: list[_Line]
    right: float  # where the cell's text column ends


@dataclass(eq=False)
class _Table:
    top: float
    bottom: float
    edges: list[float]  # the x of every column edge, to know the same table on the next page
    rows: list[list[_Cell | None]]


@dataclass
class _Page:
    width: float
    height: float
    items: list = field(default_factory=list)  # _Line and _Table, top to bottom
    scanned: bool = False  # no text layer, or only a line of it (a scanning app's name) over a page image

    @property
    def text_lines(self) -> list[_Line]:
        return [item for item in self.items if isinstance(item, _Line)]


def _inside(char: dict, box: tuple[float, float, float, float]) -> bool:
    x, y = char["middle"]
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _cell(chars: list[dict], box: tuple[float, float, float, float]) -> _Cell:
    lines = _lines_of([c for c in chars if _inside(c, box)])
    padding = min((line.x0 for line in lines), default=box[0]) - box[0]  # the inner margin, alike on the right
    return _Cell(lines, box[2] - padding)


def _read_table(table, chars: list[dict]) -> _Table:
    chars = [c for c in chars if _inside(c, table.bbox)]
    rows = [[_cell(chars, box) if box else None for box in row.cells] for row in table.rows]
    edges = sorted({round(x) for box in table.cells for x in (box[0], box[2])})
    return _Table(table.bbox[1], table.bbox[3], edges, rows)


def _distinct(chars: list[dict]) -> list[dict]:
    """Each character once: some producers draw text twice, a little apart, to look bold."""
    seen = set()
    out = []
    for char in chars:
        key = (char["text"], round(char["x0"]), round(char["top"]))
        if char["text"] and key not in seen:
            seen.add(key)
            out.append({**char, "middle": ((char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2)})
    return out


def _read_page(page) -> _Page:
    chars = _distinct(page.chars)
    tables = page.find_tables()
    boxes = [table.bbox for table in tables]
    items: list = [_read_table(table, chars) for table in tables]
    items += [line for line in _lines_of([c for c in chars if not any(_inside(c, b) for b in boxes)]) if line.text]
    picture = max((image["width"] * image["height"] for image in page.images), default=0)
    visible = sum(1 for c in chars if c["text"].strip())
    scanned = visible == 0 or (picture >= SCAN_COVER * page.width * page.height and visible < SCAN_TEXT)
    return _Page(page.width, page.height, sorted(items, key=lambda item: item.top), scanned)


# ---- what runs over pages: headers and footers, rows broken by a page break ---------------------


def _running_key(line: _Line) -> tuple[str, int]:
    return re.sub(r"\d+", "#", line.text), round(line.top)


def _outer_lines(page: _Page) -> list[_Line]:
    items = page.items
    return [item for item in (items[:1] + items[-1:]) if isinstance(item, _Line)]


def _drop_running_lines(pages: list[_Page]) -> None:
    """Leave out headers and footers: the first or last line of most pages, alike but for digits,
    at the same height. List and block numbers ('1.') are never taken for page numbers."""
    if len(pages) < 2:
        return
    seen = Counter(_running_key(line) for page in pages for line in set(_outer_lines(page)))
    running = {key for key, count in seen.items() if count >= max(2, len(pages) / 2) and not _ENUMERATOR.match(key[0])}
    for page in pages:
        dropped = [line for line in _outer_lines(page) if _running_key(line) in running]
        page.items = [item for item in page.items if not any(item is line for line in dropped)]


def _same_columns(above: _Table, below: _Table) -> bool:
    if len(above.edges) != len(below.edges):
        return False
    return all(abs(a - b) <= SAME_EDGE for a, b in zip(above.edges, below.edges, strict=True))


def _row_text(row: list[_Cell | None]) -> list[str]:
    return [" ".join(line.text for line in cell.lines) if cell else "" for cell in row]


# ---- wrapped lines and the text the parsers read ------------------------------------------------


class _Wrapping:
    """Telling a wrapped line from a hard break, and joining the parts of a wrapped line.

    A line wraps where the next word does not fit; so the break is hard when it would have fit.
    A line may also wrap inside a word (after '-', '/', '\\', a bracket). Some producers
    (LibreOffice) keep the space at the end of a line that wrapped at a space: in their PDFs a line
    without it wrapped inside a word, and one ending in a letter, digit or '.,;:!?' did not wrap.
    Whether the document is such is judged once from its lines.
    """

    def __init__(self, pairs: list[tuple[_Line, _Line, float]]):
        unfit = [line for line, following, right in pairs if not _would_fit(line, following, right)]
        with_space = sum(line.ends_with_space for line in unfit)
        self.keeps_space = with_space > len(unfit) - with_space

    def is_wrap(self, line: _Line, following: _Line, right: float) -> bool:
        if _would_fit(line, following, right):
            return False
        if not self.keeps_space or line.ends_with_space:
            return True
        if _space_hangs(line, right):
            # A wrap whose space fell past the edge, or a paragraph that ended flush with it: a
            # line opening with a list mark is the start of the next one.
            return not _LIST_MARK.match(following.text)
        last = line.text[-1:]
        return not (last.isalnum() or last in _SENTENCE_END)

    def joined(self, text: str, line: _Line, right: float, following_text: str) -> str:
        if self.keeps_space:
            glue = " " if line.ends_with_space or _space_hangs(line, right) else ""
        else:
            glue = "" if text[-1:] in "-/\\" and text[-2:-1] not in ("", " ") else " "
        return f"{text}{glue}{following_text}"

    def paragraphs(self, lines: list[_Line], right: float) -> list[str]:
        """Printed lines as the lines the author wrote: wrapped lines joined, hard breaks kept."""
        out: list[str] = []
        for index, line in enumerate(lines):
            if index and out and self.is_wrap(lines[index - 1], line, right):
                out[-1] = self.joined(out[-1], lines[index - 1], right, line.text)
            else:
                out.append(line.text)
        return [text for text in out if text]


class _Writer:
    """Joins the pages' items into lines: blank lines at paragraph gaps, wrapped lines rejoined."""

    def __init__(self, pages: list[_Page]):
        self.pages = [page for page in pages if page.items]
        text_lines = [line for page in self.pages for line in page.text_lines]
        self.size = statistics.median(line.size for line in text_lines) if text_lines else 10.0
        self.top = min(page.items[0].top for page in self.pages)
        self.bottom = max(page.items[-1].bottom for page in self.pages)
        last_lines = [page.items[-1].bottom for page in self.pages if isinstance(page.items[-1], _Line)]
        self.text_bottom = max(last_lines, default=self.bottom)
        self.pitch = self._line_pitch()
        self.rights = {id(page): self._right_edge(page) for page in self.pages}
        self.wrapping = _Wrapping(self._line_pairs())
        self._join_broken_rows()

    def _line_pitch(self) -> float:
        """The usual distance from one line's top to the next's: the body's line spacing."""
        steps = []
        for page in self.pages:
            lines = page.text_lines
            steps += [b.top - a.top for a, b in zip(lines, lines[1:], strict=False) if 0 < b.top - a.top < 2 * a.size]
        return statistics.median(steps) if steps else 1.2 * self.size

    @staticmethod
    def _right_edge(page: _Page) -> float:
        """Where the page's text column ends: as far from the right edge as it starts from the left,
        or further right where a line reaches there."""
        lines = page.text_lines
        if not lines:
            return page.width
        return max(page.width - min(line.x0 for line in lines), max(line.ink_x1 for line in lines))

    def _line_pairs(self) -> list[tuple[_Line, _Line, float]]:
        """Every two lines that follow each other in a cell or in the text, with their right edge."""
        pairs = []
        for page in self.pages:
            for item in page.items:
                if isinstance(item, _Table):
                    for cell in (c for row in item.rows for c in row if c):
                        pairs += [(a, b, cell.right) for a, b in zip(cell.lines, cell.lines[1:], strict=False)]
            lines = page.text_lines
            pairs += [(a, b, self.rights[id(page)]) for a, b in zip(lines, lines[1:], strict=False)]
        return pairs

    def _join_broken_rows(self) -> None:
        """A table that fills a page to its foot and goes on at the head of the next: the first row
        there, after a repeated header, is joined to the last row before the break when it carries
        that row on. The joined row takes the place of the continuation, so a row running over several
        pages is joined at each break."""
        header_of: dict[int, list[str]] = {}  # a table piece: the header of the table it belongs to
        for before, after in zip(self.pages, self.pages[1:], strict=False):
            above, below = before.items[-1], after.items[0]
            if not (isinstance(above, _Table) and isinstance(below, _Table) and _same_columns(above, below)):
                continue
            if not (above.rows and below.rows):
                continue
            header = header_of.setdefault(id(below), header_of.get(id(above), _row_text(above.rows[0])))
            if self.bottom - above.bottom > self.pitch or below.top - self.top > 0.5 * self.pitch:
                continue  # room was left at the foot, or something stands before the table at the head
            index = 1 if len(below.rows) > 1 and _row_text(below.rows[0]) == header else 0
            if self._continues(above.rows[-1], below.rows[index]):
                row = above.rows.pop()
                for cell, rest in zip(row, below.rows[index], strict=True):
                    if cell is not None and rest is not None:
                        cell.lines.extend(rest.lines)
                below.rows[index] = row

    def _continues(self, last: list[_Cell | None], first: list[_Cell | None]) -> bool:
        """Whether the first row on a page is the rest of the last row on the page before.

        Word breaks a row that does not fit at the foot of a page, and its cells go on at the head
        of the next. A new row starts its cells afresh: its first words mostly would have fit on
        the lines that ended the cells above. So the row goes on when every cell with text below
        carries on a cell above as a wrapped line would.
        """
        if len(last) != len(first):
            return False
        carried = False
        for above, below in zip(last, first, strict=True):
            if below is None or not below.lines:
                continue
            if above is None or not above.lines or not self.wrapping.is_wrap(above.lines[-1], below.lines[0], above.right):
                return False
            carried = True
        return carried

    def _paragraph_gap(self, above, below, same_page: bool) -> bool:
        if same_page:
            size = above.size if isinstance(above, _Line) else self.size
            return below.top - above.bottom > PARAGRAPH_GAP * size
        # Across a page break: the page before ended a whole line early (the blank line stood there),
        # or this one starts low (it stands here).
        ended_early = isinstance(above, _Line) and self.text_bottom - above.bottom > self.pitch - PAGE_SLACK
        return ended_early or below.top - self.top > 0.5 * self.pitch

    def _table_rows(self, table: _Table) -> list[str]:
        rows = []
        for row in table.rows:
            cells = ("<br>".join(self.wrapping.paragraphs(cell.lines, cell.right)) if cell else "" for cell in row)
            rows.append("\t".join(cells))
        return rows

    def lines(self) -> list[str]:
        out: list[str] = []
        previous, previous_page = None, None
        for page in self.pages:
            for item in page.items:
                same_page = previous_page is page
                if previous is not None and self._paragraph_gap(previous, item, same_page):
                    out.append("")
                elif isinstance(item, _Line) and isinstance(previous, _Line) and out and out[-1]:
                    right = self.rights[id(previous_page)]
                    if self.wrapping.is_wrap(previous, item, right):
                        out[-1] = self.wrapping.joined(out[-1], previous, right, item.text)
                        previous, previous_page = item, page
                        continue
                out.extend(self._table_rows(item) if isinstance(item, _Table) else [item.text])
                previous, previous_page = item, page
        return out
