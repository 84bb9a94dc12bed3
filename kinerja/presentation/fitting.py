"""How much text fits in a box on a slide. PowerPoint lays text out only when the file is opened, so
the deck estimates it beforehand: each character's width in ems by its kind (wide capitals, narrow
spaces), a little wider than Calibri, the theme's font, so that an estimate errs towards room to
spare. Sizes are chosen from these estimates, and the tests hold every slide to the same measure.

Lengths are in inches, font sizes in points.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass

POINTS_PER_INCH = 72
LINE_SPACING = 1.22  # a line is this many times the font size high (Calibri, single spacing)
BOLD = 1.07  # bold text runs this much wider
MARGIN_X, MARGIN_Y = 0.1, 0.05  # the inner margins of a text box or a table cell, each side
SLACK = 0.01  # a hair more than a column's text, so rounding lengths to the file's units never breaks a word

_EMS = {"upper": 0.62, "lower": 0.5, "digit": 0.51, "space": 0.23, "narrow": 0.33}
_NARROW = set(".,:;'!|()[]-/ilIjft")


def _ems(character: str) -> float:
    if character in _NARROW:
        return _EMS["narrow"]
    if character.isspace():
        return _EMS["space"]
    if character.isdigit():
        return _EMS["digit"]
    if character.isupper():
        return _EMS["upper"]
    return _EMS["lower"] if character.isalpha() else 0.6  # symbols such as % … – ≥ are wide


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The width of the text on one line."""
    return sum(_ems(c) for c in text) * size / POINTS_PER_INCH * (BOLD if bold else 1)


def line_height(size: float) -> float:
    return size * LINE_SPACING / POINTS_PER_INCH


def _word_lines(word: str, width: float, size: float, bold: bool) -> int:
    """Lines a single word takes: PowerPoint breaks a word longer than the line inside it."""
    return max(1, math.ceil(text_width(word, size, bold) / width))


def wrapped_lines(text: str, width: float, size: float, bold: bool = False) -> int:
    """Lines the text takes in a column this wide, broken between words as PowerPoint breaks them."""
    width = max(width, 1e-6)
    count = 0
    for paragraph in str(text).split("\n"):
        lines, current = 1, ""
        for word in paragraph.split():
            candidate = f"{current} {word}" if current else word
            if text_width(candidate, size, bold) <= width:
                current = candidate
                continue
            if current:
                lines += 1
            lines += _word_lines(word, width, size, bold) - 1
            current = word  # a broken word's last line counts as full: the next word starts a new one
        count += lines
    return max(count, 1)


def box_height(lines: int, size: float) -> float:
    """The height of a text box or cell holding this many lines, margins included."""
    return lines * line_height(size) + 2 * MARGIN_Y


def inner_width(width: float) -> float:
    return width - 2 * MARGIN_X


@dataclass(frozen=True)
class Fit:
    size: int
    lines: int

    @property
    def height(self) -> float:
        return box_height(self.lines, self.size)


def fit(text: str, width: float, sizes: Sequence[int], max_lines: int, bold: bool = False) -> Fit:
    """The largest size (sizes from large to small) at which the text takes at most max_lines in a box
    this wide; at the smallest size it wraps onto as many lines as it needs."""
    for size in sizes:
        lines = wrapped_lines(text, inner_width(width), size, bold)
        if lines <= max_lines:
            return Fit(size, lines)
    smallest = sizes[-1]
    return Fit(smallest, wrapped_lines(text, inner_width(width), smallest, bold))


def fit_in(text: str, width: float, height: float, sizes: Sequence[int], bold: bool = False) -> Fit:
    """The largest size (sizes from large to small) at which the text fits a box this wide and high;
    else the smallest, on as many lines as it needs."""
    for size in sizes:
        lines = wrapped_lines(text, inner_width(width), size, bold)
        if box_height(lines, size) <= height:
            return Fit(size, lines)
    smallest = sizes[-1]
    return Fit(smallest, wrapped_lines(text, inner_width(width), smallest, bold))


@dataclass(frozen=True)
class TableLayout:
    size: int
    widths: list[float]  # per column
    heights: list[float]  # per row, the header first

    @property
    def height(self) -> float:
        return sum(self.heights)


def natural_widths(header: Sequence[str], rows: Sequence[Sequence[str]], size: int, header_wraps: bool = True) -> list[float]:
    """Each column as wide as its longest cell on one line, the header on one line or wrapped between
    words."""
    widths = []
    for j, title in enumerate(header):
        cells = [text_width(row[j], size) for row in rows]
        words = str(title).split() if header_wraps else [str(title)]
        widths.append(max([*cells, *(text_width(w, size, bold=True) for w in words), 0.0]) + 2 * MARGIN_X + SLACK)
    return widths


def _narrowest_widths(header: Sequence[str], rows: Sequence[Sequence[str]], size: int, keep: Sequence[bool]) -> list[float]:
    """How narrow each column may become: its longest word, or its whole width where it must not wrap."""
    natural = natural_widths(header, rows, size)
    narrowest = []
    for j, title in enumerate(header):
        if keep[j]:
            narrowest.append(natural[j])
            continue
        words = [text_width(word, size, bold=True) for word in str(title).split()]
        words += [text_width(word, size) for row in rows for word in str(row[j]).split()]
        narrowest.append(max([*words, 0.0]) + 2 * MARGIN_X + SLACK)
    return narrowest


def _squeezed(natural: list[float], narrowest: list[float], width: float) -> list[float]:
    """Columns narrowed towards their narrowest, each in proportion to the room it can give up."""
    spare = [n - m for n, m in zip(natural, narrowest, strict=True)]
    needed = sum(natural) - width
    if needed <= 0:
        return natural
    if needed >= sum(spare):  # not even the narrowest fit: scale all, words break inside
        return [m * width / sum(narrowest) for m in narrowest]
    return [n - s * needed / sum(spare) for n, s in zip(natural, spare, strict=True)]


def row_heights(header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float], size: int) -> list[float]:
    """Each row as high as its cell with the most lines; the header is bold."""

    def height(cells: Sequence[str], bold: bool) -> float:
        return max(box_height(wrapped_lines(t, inner_width(w), size, bold), size) for t, w in zip(cells, widths, strict=True))

    return [height(header, True), *(height(row, False) for row in rows)]


def table_layout(
    header: Sequence[str], rows: Sequence[Sequence[str]], width: float, sizes: Sequence[int], keep: Sequence[bool] | None = None
) -> TableLayout:
    """Font size, column widths and row heights for a table at most `width` wide: the largest size at
    which every cell fits on one line (the headers too if they can, else wrapped between words); at
    the smallest size the widest columns wrap (not the columns marked `keep`, such as numbers)."""
    keep = keep or [False] * len(header)
    for size in sizes:
        for header_wraps in (False, True):
            natural = natural_widths(header, rows, size, header_wraps)
            if sum(natural) <= width:
                return TableLayout(size, natural, row_heights(header, rows, natural, size))
    size = sizes[-1]
    widths = _squeezed(natural_widths(header, rows, size), _narrowest_widths(header, rows, size, keep), width)
    return TableLayout(size, widths, row_heights(header, rows, widths, size))
