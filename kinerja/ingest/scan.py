"""Scans (PDF pages without a text layer, photos) as text: OCR with tesseract.

Each page becomes the structure every other reader gives the layout parsers: text outside tables
as lines, a blank line between paragraphs; a ruled table as one line per row, its cells apart by
tabs, a cell's own lines joined with `<br>`. Tesseract reads words but not tables, so the table
grid is found in the page image itself (long runs of ink are the rules), erased before the OCR so
it is not read as `|` or `[`, and every word is put into the cell its box lies in.

Tesseract reads with its English model: on the seed documents Debian's Indonesian model (the small
"fast" one) read no `%`, `[` or `*` at all and put a `:` for many other marks, which the layout
parsers depend on; both models together lost most `[` (docs/DESIGN.md has the figures).
"""

import os
from collections import Counter, deque
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pypdfium2
import pytesseract
from PIL import Image, ImageOps, UnidentifiedImageError

from kinerja.errors import IngestError, OcrUnavailable

LANGUAGE = "eng"
PAGE_SEGMENTATION = "--psm 6"  # the page as one block of lines: a lone ':' or '1.' is read, not dropped as noise
DPI = 300  # PDF pages are rendered at this resolution (tesseract reads 9 pt type best at about 300 dpi)
PHOTO_LONG_SIDE = 3508  # a smaller photo is enlarged to this many pixels (A4 at 300 dpi)
DOUBTFUL = 60  # tesseract's confidence (0-100) below which a word is read a second time
LONE_WORD = 4  # a word alone on its line is read a second time up to this many characters ('12.')
INK = 2 / 3  # a pixel darker than this share of the paper around it is ink
BOX_SLACK = 0.1  # a sure word's box may lie this share of a word's height beside its ink

INSTALL_HINT = "membaca pindaian membutuhkan paket Debian tesseract-ocr: sudo apt-get install tesseract-ocr (atau make system)"
NOTHING_READ = "tidak ada teks yang terbaca (gambar kosong atau terlalu buram)"

# The grid, in shares of the page width so a photo of any size is read alike.
MIN_RULE = 0.12  # a horizontal rule is at least this long
RULE_GAP = 0.001  # a rule broken for at most this long (a toner gap) is one rule
BORDER_COVER = 0.9  # a vertical border is ink over at least this share of its row's height
SAME_POSITION = 0.006  # borders this close are one column boundary


def ocr_available() -> str | None:
    """Why scans cannot be read on this machine (in Indonesian, with what to install), or None."""
    try:
        languages = pytesseract.get_languages(config="")
    except (pytesseract.TesseractNotFoundError, pytesseract.TesseractError, OSError):
        return f"Program tesseract tidak ditemukan; {INSTALL_HINT}"
    if LANGUAGE not in languages:
        return f"Data bahasa '{LANGUAGE}' untuk tesseract tidak terpasang; {INSTALL_HINT}"
    return None


def _require_ocr(name: str) -> None:
    problem = ocr_available()
    if problem:
        raise OcrUnavailable(f"{name}: {problem}")


# --- the page image: paper, ink, rules and tables --------------------------------------------------


def _paper(gray: np.ndarray) -> np.ndarray:
    """The paper's brightness at every pixel: the brightest pixel of its tile (ink only darkens),
    so the uneven light of a photo does not turn a shaded corner into ink."""
    tile = max(8, gray.shape[1] // 50)
    height, width = gray.shape
    rows, columns = -(-height // tile), -(-width // tile)
    padded = np.pad(gray, ((0, rows * tile - height), (0, columns * tile - width)), mode="edge")
    paper = np.maximum(padded.reshape(rows, tile, columns, tile).max(axis=(1, 3)), 1).astype(np.float32)
    return np.repeat(np.repeat(paper, tile, axis=0), tile, axis=1)[:height, :width]


def _darkened(gray: np.ndarray, paper: np.ndarray) -> np.ndarray:
    """The page with faint strokes made dark: a small mark (the dots of ':', a '*') then survives
    tesseract's own thresholding. Used for the second reading of doubtful words only: letters read
    best from the page as scanned."""
    stretched = (gray.astype(np.float32) - 0.35 * paper) / (0.5 * paper)
    return (np.clip(stretched, 0, 1) * 255).astype(np.uint8)


@dataclass
class Rule:
    """A horizontal rule: pixel rows top..bottom and columns left..right, inclusive."""

    top: int
    bottom: int
    left: int
    right: int

    def take(self, y: int, left: int, right: int) -> None:
        """Widen the rule by a run of ink at pixel row y."""
        self.top, self.bottom = min(self.top, y), max(self.bottom, y)
        self.left, self.right = min(self.left, left), max(self.right, right)


def _runs(columns: np.ndarray, max_gap: int, min_length: int) -> list[tuple[int, int]]:
    """The runs in a sorted array of positions, gaps up to max_gap closed, at least min_length long."""
    if columns.size == 0:
        return []
    breaks = np.nonzero(np.diff(columns) > max_gap + 1)[0]
    starts = np.concatenate(([columns[0]], columns[breaks + 1]))
    ends = np.concatenate((columns[breaks], [columns[-1]]))
    return [(int(s), int(e)) for s, e in zip(starts, ends, strict=True) if e - s + 1 >= min_length]


def _horizontal_rules(ink: np.ndarray) -> list[Rule]:
    """Long horizontal runs of ink, the pixel rows of one rule's thickness taken together."""
    width = ink.shape[1]
    min_length = int(MIN_RULE * width)
    max_gap = max(2, int(RULE_GAP * width))
    rules: list[Rule] = []
    for y in np.nonzero(ink.sum(axis=1) >= min_length)[0]:
        y = int(y)
        for left, right in _runs(np.nonzero(ink[y])[0], max_gap, min_length):
            touching = [r for r in rules if r.bottom >= y - 1 and r.left <= right and left <= r.right]
            if not touching:
                rules.append(Rule(y, y, left, right))
                continue
            rule = touching[0]
            for other in touching[1:]:  # one rule after all, whose first pixel row was broken
                rule.take(other.top, other.left, other.right)
                rules.remove(other)
            rule.take(y, left, right)
    return rules


@dataclass
class Border:
    left: int
    right: int

    @property
    def middle(self) -> float:
        return (self.left + self.right) / 2


@dataclass
class Row:
    top: int  # the first pixel row below the rule above
    bottom: int  # the last pixel row above the rule below
    borders: list[Border]  # left to right, the table's edges included


@dataclass
class Table:
    left: int
    right: int
    rules: list[Rule]
    rows: list[Row] = field(default_factory=list)
    columns: list[float] = field(default_factory=list)  # every row's borders together, left to right

    @property
    def top(self) -> int:
        return self.rules[0].top

    @property
    def bottom(self) -> int:
        return self.rules[-1].bottom


def _vertical_borders(ink: np.ndarray, top: int, bottom: int, left: int, right: int) -> list[Border]:
    """Pixel columns that are ink over nearly the whole height between two rules: the row's borders."""
    if bottom - top < 2:
        return []
    band = ink[top : bottom + 1, max(0, left) : right + 1]
    covered = np.nonzero(band.mean(axis=0) >= BORDER_COVER)[0] + max(0, left)
    return [Border(start, end) for start, end in _runs(covered, 1, 1)]


def _closes_row(ink: np.ndarray, table: Table, rule: Rule, slack: int) -> Row | None:
    """The row between the table's last rule and this one, when borders at both table edges join them."""
    above = table.rules[-1]
    if rule.left > table.right or rule.right < table.left:
        return None
    borders = _vertical_borders(ink, above.bottom + 1, rule.top - 1, table.left - slack, table.right + slack)
    if not borders or abs(borders[0].middle - table.left) > slack or abs(borders[-1].middle - table.right) > slack:
        return None
    return Row(above.bottom + 1, rule.top - 1, borders)


def _column_boundaries(table: Table, slack: int) -> list[float]:
    """Every row's borders, those within `slack` of each other counted as one boundary."""
    groups: list[list[float]] = []
    for x in sorted(b.middle for row in table.rows for b in row.borders):
        if groups and x - groups[-1][-1] <= slack:
            groups[-1].append(x)
        else:
            groups.append([x])
    return [sum(g) / len(g) for g in groups]


def _tables(ink: np.ndarray) -> list[Table]:
    """Rules joined by vertical borders at both ends make a table; its rows lie between them. A
    lone rule (an underline, a signature line) is no table."""
    slack = max(3, int(SAME_POSITION * ink.shape[1]))
    tables: list[Table] = []
    current: Table | None = None
    for rule in sorted(_horizontal_rules(ink), key=lambda r: r.top):
        row = _closes_row(ink, current, rule, slack) if current else None
        if row:
            current.rules.append(rule)
            current.rows.append(row)
            continue
        if current and current.rows:
            tables.append(current)
        current = Table(rule.left, rule.right, [rule])
    if current and current.rows:
        tables.append(current)
    for table in tables:
        table.columns = _column_boundaries(table, slack)
    return tables


def _erase_grid(gray: np.ndarray, tables: list[Table]) -> np.ndarray:
    """The page without its tables' rules and borders (and their grey edges), so tesseract reads
    neither them as letters nor a row of cells as one word."""
    clean = gray.copy()
    for table in tables:
        for rule in table.rules:
            clean[max(0, rule.top - 2) : rule.bottom + 3, max(0, rule.left - 2) : rule.right + 3] = 255
        for row in table.rows:
            for border in row.borders:
                clean[max(0, row.top - 3) : row.bottom + 4, max(0, border.left - 2) : border.right + 3] = 255
    return clean


# --- words: two readings -----------------------------------------------------------------------------


@dataclass
class Word:
    text: str
    left: int
    top: int
    right: int
    bottom: int
    line: tuple[int, int, int]  # tesseract's block, paragraph and line numbers
    conf: float

    @property
    def centre(self) -> tuple[float, float]:
        return (self.left + self.right) / 2, (self.top + self.bottom) / 2


def _read_words(image: np.ndarray) -> list[Word]:
    data = pytesseract.image_to_data(
        Image.fromarray(image), lang=LANGUAGE, config=PAGE_SEGMENTATION, output_type=pytesseract.Output.DICT
    )
    words = []
    for i, text in enumerate(data["text"]):
        text, conf = text.strip(), float(data["conf"][i])
        if not text or conf < 0:  # conf -1: a block, paragraph or line, not a word
            continue
        left, top = data["left"][i], data["top"][i]
        line = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        words.append(Word(text, left, top, left + data["width"][i] - 1, top + data["height"][i] - 1, line, conf))
    return words


def _on_ink(words: list[Word], ink: np.ndarray) -> list[Word]:
    """The words whose box holds ink: tesseract now and then reads a mark ('=', '©', '—') into the
    blank space between a line's cells, where the page has none. But the box of a mark tesseract
    is sure of may lie a pixel or two beside its ink (a ':' between two bold words comes back one
    pixel wide, left of its dots; a ';' ending a line one pixel short of it), so a sure word only
    needs ink within a tenth of a word's height of its box. The marks read into blank space are
    doubtful ones, or lie farther from any letter."""
    if not words:
        return words
    near = round(BOX_SLACK * np.median([w.bottom - w.top + 1 for w in words]))
    height, width = ink.shape

    def holds_ink(word: Word) -> bool:
        slack = near if word.conf >= DOUBTFUL else 0
        left, right = max(0, word.left - slack), min(width, word.right + slack + 1)
        return bool(ink[word.top : min(height, word.bottom + 1), left:right].any())

    return [w for w in words if holds_ink(w)]


@dataclass
class Strip:
    """One line of the page, cut out for the second reading, and where it was put on the sheet."""

    line: tuple[int, int, int]
    top: int
    left: int
    bottom: int
    right: int
    sheet_top: int = 0


def _doubted(words: list[Word]) -> set[int]:
    """The words to read a second time (by id): those tesseract doubts, and a short word alone on
    its line (a block number such as '3.', a lone ':'). Beside no letters, such a word gives
    tesseract nothing to measure the type by, and it reads the '3.' of one page as '3:' and still
    says it is fairly sure."""
    on_line = Counter(w.line for w in words)
    return {id(w) for w in words if w.conf < DOUBTFUL or (on_line[w.line] == 1 and len(w.text) <= LONE_WORD)}


def _doubtful_strips(words: list[Word], doubted: set[int], margin: int, shape: tuple[int, int]) -> list[Strip]:
    """The whole lines that hold a doubted word: a mark is read best among its neighbours."""
    strips = []
    for line in sorted({w.line for w in words if id(w) in doubted}):
        on_line = [w for w in words if w.line == line]
        strips.append(
            Strip(
                line,
                max(0, min(w.top for w in on_line) - margin // 3),
                max(0, min(w.left for w in on_line) - margin),
                min(shape[0] - 1, max(w.bottom for w in on_line) + margin // 3),
                min(shape[1] - 1, max(w.right for w in on_line) + margin),
            )
        )
    return strips


def _read_again(strips: list[Strip], image: np.ndarray, gap: int) -> list[Word]:
    """The strips read once, stacked on one sheet (one tesseract run, not one per line); the words
    come back with the page's coordinates and the line they were cut from."""
    width = max(s.right - s.left + 1 for s in strips) + 2 * gap
    y = gap
    for strip in strips:
        strip.sheet_top = y
        y += strip.bottom - strip.top + 1 + gap
    sheet = np.full((y, width), 255, dtype=np.uint8)
    for s in strips:
        sheet[s.sheet_top : s.sheet_top + s.bottom - s.top + 1, gap : gap + s.right - s.left + 1] = image[
            s.top : s.bottom + 1, s.left : s.right + 1
        ]
    words = []
    for word in _read_words(sheet):
        middle = word.centre[1]
        strip = next((s for s in strips if s.sheet_top <= middle <= s.sheet_top + s.bottom - s.top), None)
        if strip is None:
            continue
        dx, dy = strip.left - gap, strip.top - strip.sheet_top
        words.append(Word(word.text, word.left + dx, word.top + dy, word.right + dx, word.bottom + dy, strip.line, word.conf))
    return words


def _surer(first: list[Word], second: list[Word], doubted: set[int], tolerance: float) -> list[Word]:
    """A line's words, each doubted one replaced by what the second reading found in its place
    when that is surer. A word of the second reading belongs to the nearest word of the first."""
    claimed: dict[int, list[Word]] = {}
    for again in second:
        x = again.centre[0]
        near = [i for i, w in enumerate(first) if w.left - tolerance <= x <= w.right + tolerance]
        if near:
            claimed.setdefault(min(near, key=lambda i: abs(first[i].centre[0] - x)), []).append(again)
    out = []
    for i, word in enumerate(first):
        here = claimed.get(i, [])
        if id(word) in doubted and here and min(w.conf for w in here) > word.conf:
            out.extend(here)
        else:
            out.append(word)
    return out


def _reread_doubtful(words: list[Word], darkened: np.ndarray) -> list[Word]:
    """Words tesseract doubts (a ':' read as ';', '1.' as '1') and lone short words read again,
    with their lines, from the darkened page; the surer reading of each is kept."""
    doubted = _doubted(words)
    if not doubted:
        return words
    height = int(np.median([w.bottom - w.top + 1 for w in words]))
    strips = _doubtful_strips(words, doubted, height, darkened.shape)
    second = _read_again(strips, darkened, height)
    doubtful_lines = {s.line for s in strips}
    out = [w for w in words if w.line not in doubtful_lines]
    for line in doubtful_lines:
        first = sorted((w for w in words if w.line == line), key=lambda w: w.left)
        out.extend(_surer(first, [w for w in second if w.line == line], doubted, height / 3))
    return out


# --- lines, paragraphs and cells --------------------------------------------------------------------


@dataclass
class Line:
    words: list[Word]

    @property
    def top(self) -> int:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> int:
        return max(w.bottom for w in self.words)

    @property
    def left(self) -> int:
        return min(w.left for w in self.words)

    @property
    def right(self) -> int:
        return max(w.right for w in self.words)

    @property
    def height(self) -> int:
        return self.bottom - self.top + 1

    @property
    def baseline(self) -> float:
        """Where most of its words stand: the bottom of the words without descenders."""
        return float(np.median([w.bottom for w in self.words]))

    @property
    def text(self) -> str:
        return " ".join(w.text for w in sorted(self.words, key=lambda w: w.left))

    @property
    def first_word_width(self) -> int:
        first = min(self.words, key=lambda w: w.left)
        return first.right - first.left + 1


def _overlap(a: Line, b: Line) -> int:
    return min(a.bottom, b.bottom) - max(a.top, b.top) + 1


def _lines(words: list[Word]) -> list[Line]:
    """Words on lines, top to bottom: tesseract's lines (which follow a slight skew), and the parts
    of one line it numbered apart put together again."""
    by_line: dict[tuple[int, int, int], list[Word]] = {}
    for word in words:
        by_line.setdefault(word.line, []).append(word)
    merged: list[Line] = []
    for line in sorted((Line(ws) for ws in by_line.values()), key=lambda line: line.top):
        same = next((m for m in merged if _overlap(m, line) > 0.5 * min(m.height, line.height)), None)
        if same:
            same.words.extend(line.words)
        else:
            merged.append(line)
    return sorted(merged, key=lambda line: line.top)


@dataclass
class Measure:
    """The type on a page: how tall a word is and how far apart consecutive lines of a paragraph
    lie (baseline to baseline), measured on the page so any type size and line spacing is read alike."""

    word_height: float
    pitch: float

    @classmethod
    def of(cls, words: list[Word], runs: list[list[Line]]) -> "Measure":
        """From the words and the runs of lines (outside the tables, in each cell) of a page."""
        word_height = float(np.median([w.bottom - w.top + 1 for w in words]))
        steps = [b.baseline - a.baseline for lines in runs for a, b in zip(lines, lines[1:], strict=False)]
        # A blank line between paragraphs makes a step of about twice a line's; single and 1.5
        # spacing stay below 2.6 word heights, so the steps below that are the lines' own.
        close = [step for step in steps if word_height < step < 2.6 * word_height]
        return cls(word_height, float(np.median(close)) if close else 1.6 * word_height)


@dataclass
class Region:
    """Where lines run: a cell, or the page outside its tables. Text wraps at `right`."""

    right: float
    measure: Measure


def _wrapped(previous: Line, following: Line, region: Region) -> bool:
    """Whether the following line's first word went there because it did not fit after the previous
    line (a paragraph wrapping), rather than after a line break the writer made. Word boxes are a
    little narrower than the type, so a word counts as not fitting within a word height of the edge."""
    height = region.measure.word_height
    return previous.right + 0.4 * height + following.first_word_width > region.right - height


def _breaks(lines: list[Line], region: Region) -> list[str]:
    """What lies between consecutive lines: 'wrap', 'line' (a line break) or 'paragraph' (a blank
    line's height between them)."""
    out = []
    for previous, following in zip(lines, lines[1:], strict=False):
        if following.baseline - previous.baseline > 1.45 * region.measure.pitch:
            out.append("paragraph")
        elif _wrapped(previous, following, region):
            out.append("wrap")
        else:
            out.append("line")
    return out


def _joined_lines(lines: list[Line], region: Region, separators: dict[str, str]) -> str:
    parts = [lines[0].text]
    for kind, line in zip(_breaks(lines, region), lines[1:], strict=True):
        parts.extend((separators[kind], line.text))
    return "".join(parts)


PARAGRAPH_SEPARATORS = {"wrap": " ", "line": "\n", "paragraph": "\n\n"}
CELL_SEPARATORS = {"wrap": " ", "line": "<br>", "paragraph": "<br>"}


def _column_of(x: float, columns: list[float]) -> int:
    """The column a position lies in: the boundaries left of it, less the table's own edge."""
    return max(0, min(len(columns) - 2, sum(1 for c in columns if c < x) - 1))


@dataclass
class Cell:
    column: int
    lines: list[Line]
    right: float  # where its text wraps: the right border less the cell's padding


def _cells(table: Table, words: list[Word]) -> list[list[Cell]]:
    """The words of each row, cell by cell, on their lines."""
    rows = []
    for row in table.rows:
        in_row = [w for w in words if row.top <= w.centre[1] <= row.bottom]
        cells = []
        for left, right in zip(row.borders, row.borders[1:], strict=False):
            in_cell = [w for w in in_row if left.middle < w.centre[0] < right.middle]
            if in_cell:
                padding = max(0, min(w.left for w in in_cell) - left.right)
                cells.append(Cell(_column_of(left.middle + 1, table.columns), _lines(in_cell), right.left - padding))
        rows.append(cells)
    return rows


def _table_text(table: Table, rows: list[list[Cell]], measure: Measure) -> str:
    """One tab line per row. A cell spanning columns keeps its text in the first and leaves the
    others empty, so every row has as many cells as the header."""
    out = []
    for cells in rows:
        texts = [""] * (len(table.columns) - 1)
        for cell in cells:
            texts[cell.column] = _joined_lines(cell.lines, Region(cell.right, measure), CELL_SEPARATORS)
        out.append("\t".join(texts))
    return "\n".join(out)


def _in_table(word: Word, table: Table) -> bool:
    x, y = word.centre
    return table.top <= y <= table.bottom and table.left <= x <= table.right


@dataclass
class Page:
    """A page's text, and what joining it to the next page needs to know."""

    text: str
    first: str = ""  # "text" or "table": what the page opens with
    last: str = ""  # and what it ends with
    top: int = 0  # the highest pixel of its text and tables
    bottom: int = 0  # and the lowest
    pitch: float = 0.0


def _page(words: list[Word], tables: list[Table], width: int) -> Page:
    """The page's text in reading order: paragraphs and tables, top to bottom."""
    outside = _lines([w for w in words if not any(_in_table(w, t) for t in tables)])
    table_cells = [_cells(t, [w for w in words if _in_table(w, t)]) for t in tables]
    measure = Measure.of(words, [outside] + [cell.lines for rows in table_cells for cells in rows for cell in cells])
    lefts = [line.left for line in outside] + [t.left for t in tables]
    page = Region(width - min(lefts), measure)  # the right margin taken as wide as the left
    items: list[tuple[int, Line | int]] = [(line.top, line) for line in outside]
    items += [(table.top, index) for index, table in enumerate(tables)]
    pieces: list[tuple[str, str]] = []
    run: list[Line] = []
    for _, item in sorted(items, key=lambda pair: pair[0]):
        if isinstance(item, Line):
            run.append(item)
            continue
        if run:
            pieces.append(("text", _joined_lines(run, page, PARAGRAPH_SEPARATORS)))
            run = []
        pieces.append(("table", _table_text(tables[item], table_cells[item], measure)))
    if run:
        pieces.append(("text", _joined_lines(run, page, PARAGRAPH_SEPARATORS)))
    top = min([line.top for line in outside] + [t.top for t in tables])
    bottom = max([line.bottom for line in outside] + [t.bottom for t in tables])
    text = "\n\n".join(piece for _, piece in pieces)
    return Page(text, pieces[0][0], pieces[-1][0], top, bottom, measure.pitch)


def _page_content(image: Image.Image) -> tuple[list[Word], list[Table], int]:
    """The words on the page and its tables."""
    gray = np.asarray(image.convert("L"))
    paper = _paper(gray)
    tables = _tables(gray < paper * INK)
    clean = _erase_grid(gray, tables)
    ink = clean < paper * INK
    words = _reread_doubtful(_on_ink(_read_words(clean), ink), _darkened(clean, paper))
    return _on_ink(words, ink), tables, gray.shape[1]


def read_page(image: Image.Image) -> Page:
    """One page image as text (empty when nothing on it can be read)."""
    words, tables, width = _page_content(image)
    if sum(c.isalnum() for w in words for c in w.text) < 3:
        return Page("")
    return _page(words, tables, width)


# --- documents ---------------------------------------------------------------------------------------


def _continues(page: Page, following: Page, highest: int, lowest: int) -> bool:
    """Whether the following page carries on the page's last paragraph or table: the two ends are
    alike, the page is full (its last line within a line of the lowest any page reaches) and the
    following one starts at the top. A page ending a line or more higher ended a paragraph or has
    a blank line at its foot; one starting a line lower has a blank line at its head."""
    full = page.bottom > lowest - 0.8 * page.pitch
    from_the_top = following.top < highest + 0.8 * following.pitch
    return page.last == following.first and full and from_the_top


def _document_text(name: str, pages: list[Page]) -> str:
    """The pages' texts in order; a paragraph or table cut by a page break is joined again."""
    pages = [page for page in pages if page.text.strip()]
    if not pages:
        raise IngestError(f"{name}: {NOTHING_READ}")
    highest, lowest = min(page.top for page in pages), max(page.bottom for page in pages)
    parts = [pages[0].text]
    for page, following in zip(pages, pages[1:], strict=False):
        parts.extend(("\n" if _continues(page, following, highest, lowest) else "\n\n", following.text))
    return "".join(parts) + "\n"


def _workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _result(name: str, future: Future[Page]) -> Page:
    try:
        return future.result()
    except pytesseract.TesseractNotFoundError as error:
        raise OcrUnavailable(f"{name}: Program tesseract tidak ditemukan; {INSTALL_HINT}") from error
    except pytesseract.TesseractError as error:
        raise IngestError(f"{name}: tesseract gagal membaca halaman ({error.message.strip()})") from error


def _read_pages(name: str, images: Iterable[Image.Image]) -> list[Page]:
    """The pages read side by side, one tesseract process each, in their order.

    Tesseract's own threads make it several times slower when pages run side by side, so it gets
    one thread per page (unless the environment already says otherwise). Only a few pages are held
    in memory at once: a page at 300 dpi is about 9 MB.
    """
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    workers = _workers()
    pages: list[Page] = []
    with ThreadPoolExecutor(max_workers=workers) as pool:
        pending: deque[Future[Page]] = deque()
        for image in images:  # made here, one after the other: pdfium is not thread-safe
            pending.append(pool.submit(read_page, image))
            if len(pending) > workers:
                pages.append(_result(name, pending.popleft()))
        pages.extend(_result(name, future) for future in pending)
    return pages


def _photo(path: Path) -> Image.Image:
    try:
        with Image.open(path) as opened:
            image = ImageOps.exif_transpose(opened).convert("L")  # a phone's photo stored on its side
    except (UnidentifiedImageError, OSError) as error:
        raise IngestError(f"{path.name}: bukan gambar yang dapat dibuka ({error})") from error
    scale = PHOTO_LONG_SIDE / max(image.size)
    if scale > 1:  # tesseract misreads small type; enlarging a small photo helps it
        image = image.resize((round(image.width * scale), round(image.height * scale)), Image.Resampling.LANCZOS)
    return image


def image_text(path: Path) -> str:
    """A photo or scan of a page (.jpg, .png) as text."""
    path = Path(path)
    _require_ocr(path.name)
    return _document_text(path.name, _read_pages(path.name, [_photo(path)]))


def _rendered(document: pypdfium2.PdfDocument) -> Iterable[Image.Image]:
    for page in document:
        yield page.render(scale=DPI / 72, grayscale=True).to_pil().convert("L")


def scanned_pdf_text(path: Path) -> str:
    """A PDF whose pages are images (no text layer) as text, page after page."""
    path = Path(path)
    _require_ocr(path.name)
    try:
        document = pypdfium2.PdfDocument(path)
    except pypdfium2.PdfiumError as error:
        raise IngestError(f"{path.name}: PDF tidak dapat dibuka ({error})") from error
    try:
        return _document_text(path.name, _read_pages(path.name, _rendered(document)))
    finally:
        document.close()
