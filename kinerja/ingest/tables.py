"""Tab-separated indicator tables, shared by the layouts whose tables keep their cells apart.

A table starts at a header row (INDIKATOR plus SASARAN / SUMBER / RUMUS / TARGET words, in any of
the documents' variants) and runs over data rows, blank lines and repeated headers (page breaks)
until a line that is not a table row. Rows are assembled into indicators by structure:
a numbered or bulleted indicator starts a new one; a row that only continues cells cut by a page
or row break is appended to the one before.
"""

import re
from dataclasses import dataclass

from kinerja.ingest.records import Block, ParsedDocument, RawIndicator
from kinerja.ingest.text import clean_cell, clean_list_cell, continue_text, strip_enumerator, strip_markup

_ENUMERATED = re.compile(r"^\s*(?:\d{1,2}[.)]|[-•❖])\s")
_SEPARATOR_ROW = re.compile(r"^[\s\-|:=]*$")
_BLOCK_FIELD = re.compile(r"^\s*(JABATAN|TUGAS|FUNGSI)\s*:", re.I)
_ENUMERATION_SPLIT = re.compile(r"\s(?=\d{1,2}[.)]\s)")


def column_role(cell: str) -> str | None:
    """The column a header cell names, from the header words the documents use."""
    text = clean_cell(cell).upper()
    if not text:
        return None
    if "INDIKATOR" in text:
        return "indikator"
    if text.rstrip(".") in ("NO", "NOMOR"):
        return "no"
    if "SUMBER" in text:
        return "sumber_data"
    if "TARGET" in text:
        return "target"
    if any(word in text for word in ("RUMUS", "FORMULA", "PENJELASAN", "PERHITUNGAN")):
        return "formula"
    if "SASARAN" in text or "KINERJA" in text:
        return "sasaran"
    return None


def header_roles(line: str) -> list[str | None] | None:
    """Column roles when the line is a table header, else None."""
    if "\t" not in line:
        return None
    cells = line.split("\t")
    roles = [column_role(c) for c in cells]
    named = [r for r in roles if r]
    if "indikator" not in named or len(named) < 3:
        return None
    if any(clean_cell(c) and r is None for c, r in zip(cells, roles, strict=True)):
        return None
    return roles


@dataclass
class _Row:
    cells: dict[str, str]
    line: int
    sasaran: str

    def extend(self, cells: dict[str, str]) -> None:
        for role, text in cells.items():
            self.cells[role] = continue_text(self.cells.get(role, ""), text)


def _split_enumeration(text: str) -> list[str]:
    """'1. a 2. b' -> ['a', 'b'] when a cell numbers several items 1, 2, ...; else [text]."""
    parts = _ENUMERATION_SPLIT.split(text)
    numbers = [re.match(r"(\d{1,2})", p) for p in parts]
    if len(parts) < 2 or any(n is None for n in numbers):
        return [text]
    if [int(n.group(1)) for n in numbers] != list(range(1, len(parts) + 1)):
        return [text]
    return [strip_enumerator(p) for p in parts]


def _indicators_of(row: _Row) -> list[RawIndicator]:
    """One indicator per numbered item of the indikator cell (usually just one)."""
    indikator = clean_cell(row.cells.get("indikator", ""))
    formula = clean_cell(row.cells.get("formula", ""))
    target = clean_cell(row.cells.get("target", ""))
    sumber = clean_list_cell(row.cells.get("sumber_data", ""))
    names = _split_enumeration(indikator)
    if len(names) == 1:
        names = [strip_enumerator(indikator)]
    formulas = _split_enumeration(formula) if len(names) > 1 else [formula]
    targets = _split_enumeration(target) if len(names) > 1 else [target]
    out = []
    for i, name in enumerate(names):
        out.append(
            RawIndicator(
                sasaran=row.sasaran,
                indikator=name,
                formula=strip_enumerator(formulas[i] if len(formulas) == len(names) else formula),
                target=targets[i] if len(targets) == len(names) else target,
                sumber_data=sumber,
                line=row.line,
            )
        )
    return out


def _starts_new_row(cells: dict[str, str], has_no: bool) -> bool:
    """Whether a data row opens a new indicator or continues the previous one."""
    number = clean_cell(cells.get("no", ""))
    indikator = strip_markup(cells.get("indikator", ""))
    sasaran = clean_cell(cells.get("sasaran", ""))
    measure = clean_cell(cells.get("formula", "") + cells.get("target", ""))
    source = clean_cell(cells.get("sumber_data", ""))
    if has_no and number:
        return True
    if _ENUMERATED.match(indikator):
        return True
    if not measure and not source:
        return False  # only the first columns carry on: a row cut by a page or row break
    if has_no and sasaran:
        return False  # no number but a sasaran: the same row, continued after a page break
    return bool(clean_cell(indikator))


def _cells_of(line: str, roles: list[str | None], doc: ParsedDocument, number: int) -> dict[str, str]:
    values = line.split("\t")
    if len(values) > len(roles):
        doc.doubt(number, f"baris tabel memiliki {len(values)} kolom, header {len(roles)}: {line}")
        values = values[: len(roles) - 1] + [" ".join(values[len(roles) - 1 :])]
    cells = {}
    for role, value in zip(roles, values, strict=False):  # a short row leaves the last cells empty
        if role and value.strip():
            cells[role] = value
    return cells


def read_tables(lines: list[str], start: int, end: int, block: Block, doc: ParsedDocument) -> None:
    """Add the indicators of every table between lines[start] and lines[end] to the block."""
    roles = None
    row: _Row | None = None
    sasaran = ""
    for index in range(start, end):
        line = lines[index]
        number = index + 1
        new_roles = header_roles(line)
        if new_roles:
            roles = new_roles
            continue
        if roles is None or not line.strip():
            continue
        if "\t" not in line or _BLOCK_FIELD.match(line):
            if row:
                block.indicators.extend(_indicators_of(row))
                row = None
            roles = None
            continue
        if _SEPARATOR_ROW.match(line):
            continue
        cells = _cells_of(line, roles, doc, number)
        if not cells:
            continue
        if row is None or _starts_new_row(cells, "no" in roles):
            if row:
                block.indicators.extend(_indicators_of(row))
            sasaran_text = clean_cell(cells.get("sasaran", ""))
            sasaran = sasaran_text or sasaran
            cells.pop("sasaran", None)
            cells.pop("no", None)
            row = _Row(cells=cells, line=number, sasaran=sasaran)
            if not clean_cell(cells.get("indikator", "")):
                doc.doubt(number, f"baris tanpa indikator: {line}")
        else:
            extra_sasaran = clean_cell(cells.pop("sasaran", ""))
            cells.pop("no", None)
            if extra_sasaran:
                row.sasaran = clean_cell(continue_text(row.sasaran, extra_sasaran))
                sasaran = row.sasaran
            row.extend(cells)
    if row:
        block.indicators.extend(_indicators_of(row))


@dataclass
class BlockStart:
    line: int  # 0-based index of the line holding the title
    title: str


def read_blocks(lines: list[str], starts: list[BlockStart], doc: ParsedDocument) -> None:
    """Each block runs from its title to the next block's title."""
    bounds = [s.line for s in starts[1:]] + [len(lines)]
    for start, end in zip(starts, bounds, strict=True):
        block = Block(jabatan=start.title, line=start.line + 1)
        read_tables(lines, start.line + 1, end, block, doc)
        doc.blocks.append(block)
        if not block.indicators:
            doc.doubt(block.line, f"blok jabatan tanpa tabel indikator: {start.title}")
