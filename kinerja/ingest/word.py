r"""Word documents (.docx) as text: paragraphs and tables in document order (python-docx).

The text is what the officer sees in Word, in the structure the layout parsers read:

- a paragraph is a line, and each hard line break in it starts another; tabs stay tabs;
- a list paragraph opens with the number or bullet Word draws for it (`1.`, `a.`, `•`). Word keeps
  that label out of the paragraph's text, but the parsers need it to see where an indicator starts;
- an equation is written as LaTeX between `$…$`, as the text conversions have it, and the parsers
  render it (`\frac{a}{b}` → `a / b`);
- a table is a line per row with its cells apart by tabs, every row as many cells as the table's
  grid: a cell merged across columns once and then empty cells, a cell merged down from the row
  above empty (the parser carries the sasaran down). A cell's paragraphs and line breaks are joined
  by `<br>`; a table nested in a cell is flattened into it, a `<br>` per row.

python-docx's `iter_inner_content()` yields only the paragraphs and tables directly in the body
(its documentation: content "shaded by nesting in a `w:ins` or other wrapper element will not be
included"), so the walk here goes through content controls and tracked insertions too. Deleted text,
field codes and drawings are left out.
"""

import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import nsmap, qn
from lxml import etree

from kinerja.errors import IngestError

_P, _TBL, _TR, _TC = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
# Wrappers whose content is the document's own: content controls, custom XML, tracked insertions.
_WRAPPERS = {qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml"), qn("w:ins"), qn("w:smartTag"), qn("w:hyperlink")}
_NOT_TEXT = {
    qn("w:pPr"), qn("w:rPr"), qn("w:del"), qn("w:moveFrom"), qn("w:instrText"), qn("w:delText"),
    qn("w:drawing"), qn("w:pict"), qn("w:object"), qn("w:footnoteReference"), qn("w:endnoteReference"),
    qn("w:sdtPr"), qn("w:tcPr"), qn("w:trPr"), qn("w:tblPr"), qn("w:tblGrid"), qn("w:sectPr"),
}  # fmt: skip
_ALTERNATE_CONTENT = "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"
_MATH = {qn("m:oMath"), qn("m:oMathPara")}
_NAMESPACES = {"w": nsmap["w"], "m": nsmap["m"]}
# Bullets drawn from the Symbol and Wingdings fonts sit in Unicode's private area; what they show.
SYMBOL_BULLETS = {"\uf0b7": "•", "\uf0a7": "▪", "\uf076": "❖", "\uf0d8": "➢", "\uf0fc": "✓", "\uf02d": "-"}


def docx_text(path: Path) -> str:
    """The document's paragraphs and tables as lines, in the order Word shows them."""
    path = Path(path)
    document = _open(path)
    reader = _Reader(_Numbering(document))
    return "\n".join(reader.body_lines(document.element.body)) + "\n"


def _open(path: Path):
    try:
        return docx.Document(str(path))
    # A renamed text file, a broken zip, a zip that is not Word, damaged XML: one answer for all.
    except (zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError, PackageNotFoundError) as error:
        raise IngestError(f"{path.name}: bukan berkas Word (.docx) yang sah") from error


def _children(element, *tags: str) -> Iterator:
    """The children of `element` with one of `tags`, in document order, looking through any wrapper
    (content controls, tracked insertions)."""
    for child in element:
        if child.tag in tags:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, *tags)


def _blocks(container) -> Iterator:
    """The paragraphs and tables of a body or cell."""
    return _children(container, _P, _TBL)


def _cells(row) -> Iterator:
    return _children(row, _TC)


def _rows(table) -> Iterator:
    return _children(table, _TR)


def _value(element, path: str, default: str | None = None) -> str | None:
    """The w:val of the first element at `path` under `element` (e.g. 'w:pPr/w:numPr/w:ilvl')."""
    found = element.find(path, _NAMESPACES)
    if found is None:
        return default
    return found.get(qn("w:val"), found.get(qn("m:val"), default))


def _count(element, path: str, default: int) -> int:
    """A whole number from a w:val (a span, a level, a start), the default where it is missing or bad."""
    try:
        return int(_value(element, path, str(default)))
    except ValueError:
        return default


def _merged_from_above(cell) -> bool:
    """A cell that continues the vertically merged cell above it (`<w:vMerge/>` says so by default)."""
    merge = cell.find("w:tcPr/w:vMerge", _NAMESPACES)
    return merge is not None and merge.get(qn("w:val"), "continue") == "continue"


class _Reader:
    def __init__(self, numbering: "_Numbering"):
        self.numbering = numbering

    def body_lines(self, body) -> list[str]:
        lines: list[str] = []
        for block in _blocks(body):
            if block.tag == _P:
                lines.extend(line.rstrip() for line in self.paragraph_text(block).split("\n"))
            else:
                lines.extend(self.table_rows(block))
        return lines

    def paragraph_text(self, paragraph) -> str:
        parts: list[str] = []
        _inline_text(paragraph, parts)
        text = "".join(parts)
        label = self.numbering.label(paragraph)
        return f"{label} {text}" if label and text.strip() else text

    def table_rows(self, table) -> list[str]:
        """A line per row, every row as many cells as the grid has columns."""
        grid = table.find(qn("w:tblGrid"))
        width = len(grid.findall(qn("w:gridCol"))) if grid is not None else 0
        lines = []
        for row in _rows(table):
            cells = [""] * _count(row, "w:trPr/w:gridBefore", 0)
            for cell in _cells(row):
                cells.append("" if _merged_from_above(cell) else self.cell_text(cell))
                cells.extend([""] * (_count(cell, "w:tcPr/w:gridSpan", 1) - 1))
            cells.extend([""] * _count(row, "w:trPr/w:gridAfter", 0))
            cells.extend([""] * (width - len(cells)))
            lines.append("\t".join(cells))
        return lines

    def cell_text(self, cell) -> str:
        return "<br>".join(self.cell_lines(cell))

    def cell_lines(self, cell) -> list[str]:
        """The cell's own lines: each paragraph and line break, each row of a nested table."""
        lines = []
        for block in _blocks(cell):
            if block.tag == _P:
                lines.extend(self.paragraph_text(block).split("\n"))
            else:
                for row in _rows(block):
                    texts = (" ".join(self.cell_lines(inner)) for inner in _cells(row))
                    lines.append(" ".join(text for text in texts if text))
        return [" ".join(line.replace("\t", " ").split()) for line in lines if line.strip()]


def _inline_text(element, parts: list[str]) -> None:
    """The text a paragraph shows, breaks as newlines, equations as $LaTeX$."""
    for child in element:
        tag = child.tag
        if tag == qn("w:t"):
            parts.append(child.text or "")
        elif tag in (qn("w:tab"), qn("w:ptab")):
            parts.append("\t")
        elif tag in (qn("w:br"), qn("w:cr")):
            parts.append("\n")  # a line, page or column break: what follows starts a new line
        elif tag == qn("w:noBreakHyphen"):
            parts.append("-")
        elif tag == qn("w:sym"):
            parts.append(_symbol(child.get(qn("w:char"), "")))
        elif tag in _MATH:
            parts.append(f" ${_latex(child)}$ ")
        elif tag == _ALTERNATE_CONTENT or tag in _NOT_TEXT or not isinstance(tag, str):
            continue
        else:
            _inline_text(child, parts)


def symbol_text(character: str) -> str:
    """A character as it shows: a symbol-font bullet as its Unicode look-alike, another symbol-font
    character (which has no meaning as text) as a bullet."""
    if "\uf000" <= character <= "\uf0ff":
        return SYMBOL_BULLETS.get(character, "•")
    return character


def _symbol(code: str) -> str:
    try:
        return symbol_text(chr(int(code, 16)))
    except ValueError:
        return ""


_MATH_OPERATORS = {"×": r" \times ", "·": r" \cdot ", "−": "-", "∑": r"\sum "}


def _latex(element) -> str:
    r"""An Office equation as the LaTeX the parsers render: fractions, sums, brackets, roots, text."""
    out = []
    for child in element:
        name = etree.QName(child).localname if isinstance(child.tag, str) else ""
        if name == "t":
            out.append("".join(_MATH_OPERATORS.get(c, c) for c in child.text or ""))
        elif name == "f":
            out.append(rf"\frac{{{_latex(_part(child, 'num'))}}}{{{_latex(_part(child, 'den'))}}}")
        elif name == "nary":
            operator = _value(child, "m:naryPr/m:chr", "∫")
            out.append(_MATH_OPERATORS.get(operator, operator) + " " + _latex(_part(child, "e")))
        elif name == "d":
            opening = _value(child, "m:dPr/m:begChr", "(")
            closing = _value(child, "m:dPr/m:endChr", ")")
            separator = _value(child, "m:dPr/m:sepChr", "|")
            inner = separator.join(_latex(part) for part in child.findall(qn("m:e")))
            out.append(f"{opening}{inner}{closing}")
        elif name == "rad":
            out.append(f"√({_latex(_part(child, 'e'))})")
        elif name in ("sSup", "sSubSup"):
            out.append(f"{_latex(_part(child, 'e'))}^{_latex(_part(child, 'sup'))}")
        elif name.endswith("Pr"):
            continue  # how it is drawn, not what it says
        else:
            out.append(_latex(child))
    return "".join(out)


def _part(element, name: str):
    found = element.find(qn(f"m:{name}"))
    return found if found is not None else []


# ---- Word's list numbers ------------------------------------------------------------------------

_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
    (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


def _roman(number: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while number >= value:
            out += letters
            number -= value
    return out


def _whole(text: str | None) -> int:
    return int(text) if text and text.isdigit() else 0


def _formatted(number: int, kind: str) -> str:
    if kind in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)
        return letter.upper() if kind == "upperLetter" else letter
    if kind in ("lowerRoman", "upperRoman"):
        return _roman(number).upper() if kind == "upperRoman" else _roman(number)
    if kind == "decimalZero":
        return f"{number:02d}"
    return str(number)


class _Numbering:
    """The label Word draws before each list paragraph, counted in document order as Word counts.

    Lists that share one definition continue its count unless a list restarts it (a start
    override); a deeper level starts again after each item of a higher one.
    """

    def __init__(self, document):
        self.styles = {s.get(qn("w:styleId")): s for s in document.styles.element.findall(qn("w:style"))}
        self.abstract_of: dict[str, str] = {}
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.restarts: dict[str, dict[int, int]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.restarted: set[str] = set()
        try:
            numbering = document.part.part_related_by(RELATIONSHIP_TYPE.NUMBERING).element
        except KeyError:
            return
        for abstract in numbering.findall(qn("w:abstractNum")):
            abstract_id = abstract.get(qn("w:abstractNumId"))
            for level in abstract.findall(qn("w:lvl")):
                self.levels[(abstract_id, _whole(level.get(qn("w:ilvl"))))] = (
                    _value(level, "w:numFmt", "decimal"),
                    _value(level, "w:lvlText", ""),
                    _count(level, "w:start", 1),
                )
        for num in numbering.findall(qn("w:num")):
            num_id = num.get(qn("w:numId"))
            self.abstract_of[num_id] = _value(num, "w:abstractNumId")
            for override in num.findall(qn("w:lvlOverride")):
                if override.find(qn("w:startOverride")) is not None:
                    start = _count(override, "w:startOverride", 1)
                    self.restarts.setdefault(num_id, {})[_whole(override.get(qn("w:ilvl")))] = start

    def _list_of(self, paragraph) -> tuple[str | None, int]:
        """The paragraph's list and level: its own, or its style's (through the styles it is based on)."""
        num_id, level = _value(paragraph, "w:pPr/w:numPr/w:numId"), _value(paragraph, "w:pPr/w:numPr/w:ilvl")
        style_id = _value(paragraph, "w:pPr/w:pStyle")
        seen = set()
        while num_id is None and style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            style = self.styles[style_id]
            num_id = _value(style, "w:pPr/w:numPr/w:numId")
            level = level or _value(style, "w:pPr/w:numPr/w:ilvl")
            style_id = _value(style, "w:basedOn")
        return num_id, _whole(level)

    def label(self, paragraph) -> str:
        num_id, level = self._list_of(paragraph)
        abstract_id = self.abstract_of.get(num_id)
        if abstract_id is None or (abstract_id, level) not in self.levels:
            return ""  # no list, or numbering removed (numId 0)
        counters = self.counters.setdefault(abstract_id, {})
        if num_id in self.restarts and num_id not in self.restarted:
            self.restarted.add(num_id)
            counters.clear()
            counters.update({lvl: start - 1 for lvl, start in self.restarts[num_id].items()})
        kind, text, start = self.levels[(abstract_id, level)]
        counters[level] = counters.get(level, start - 1) + 1
        for deeper in [lvl for lvl in counters if lvl > level]:
            del counters[deeper]
        if kind == "bullet":
            return "".join(symbol_text(c) for c in text).strip()
        if kind == "none":
            return ""
        for number in range(level, -1, -1):
            kind_of, _, start_of = self.levels.get((abstract_id, number), ("decimal", "", 1))
            text = text.replace(f"%{number + 1}", _formatted(counters.get(number, start_of), kind_of))
        return text.strip()
