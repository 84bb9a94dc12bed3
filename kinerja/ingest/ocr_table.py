"""Layout: OCR of a scanned IKI table (Sangkapura 2019).

The scan loses the table grid. Two shapes come out, often within one table:

- cell paragraphs: each cell is its own paragraph, in reading order
  sasaran?, indikator, penjelasan/formula, sumber data, indikator, ...
- flattened rows: one text line holds a slice of every column, the columns glued together,
  sometimes with a stray `|` or `[` where a grid line was.

Blocks open with `JABATAN : X`, or with the labels stacked (`JABATAN / TUGAS / FUNGSI`) and the
title further down as `: X` or as a bare upper-case line. The parser reads the structure (which
paragraph is an indicator, which opens a sasaran) from the words Indonesian IKI tables always use:
indicators open with Jumlah / Persentase / Prosentase, sasaran with a `Ter…nya` / `Me…nya` word.
Where a flattened line leaves the column split uncertain the row is reported as doubted.
"""

import re
from dataclasses import dataclass

from kinerja.ingest.layout import Layout
from kinerja.ingest.records import Block, ParsedDocument, RawIndicator
from kinerja.ingest.text import collapse

_HEADING = re.compile(r"^\s*INDIKATOR\s+KINERJA\s*INDIVIDU\s*$", re.I)
_JABATAN = re.compile(r"^\s*JABATAN\b\s*[:;.‘']?\s*(.*)$")
_HEADER_WORDS = re.compile(r"KINERJA|INDIKATOR|PENJELASAN|FORM[OU]LASI|PERHITUNGAN|SUMBER|DATA|[/.]", re.I)
_INDICATOR_WORD = r"(?:Jumla?n?h|Numlah|Persentase|Prosentase)"
_INDICATOR = re.compile(rf"^{_INDICATOR_WORD}")
_SASARAN_OPENER = re.compile(r"^[A-Z][a-z]+nya\b")
_ROW_START = re.compile(rf"^(?:(?P<sas>[A-Z][a-z]+nya\b.*?)\s*[|\[~]*\s*)?(?P<rest>{_INDICATOR_WORD}.*)$")
_COLUMN_BREAK = re.compile(r"\s*(?:~?[|\[{]+\s*)+|\s{2,}")
_SOURCE_WORD = re.compile(r"^(?:Laporan|DPA|Data|Buku|Dokumen|Database|SPJ|Berita|Rekap\w*|Daftar|SIMBADA|STTS|Bukti)\b")
_TITLE_CASE = re.compile(r"^[A-Z][a-z]+(?:-[a-z]+)*[,.]?$")
_OCR_INDICATOR_FIXES = ((re.compile(r"^(?:Numlah|Jumlanh)\b"), "Jumlah"), (re.compile(r"^Jumlah(?=[A-Za-z])"), "Jumlah "))


def _is_header_line(line: str) -> bool:
    """A line of the table's column headers (in any order, with OCR debris)."""
    if not re.search(r"KINERJA|PENJELASAN|PERHITUNGAN|SUMBER", line):
        return False
    rest = _HEADER_WORDS.sub(" ", line)
    return all(len(token) <= 4 for token in rest.split())


def _is_title_line(line: str) -> bool:
    """A bare upper-case position title, as OCR leaves it when the `:` is lost."""
    letters = [c for c in line if c.isalpha()]
    words = [w for w in line.split() if len(w) > 2]
    return (
        len(letters) >= 8
        and sum(c.isupper() for c in letters) / len(letters) > 0.9
        and len(words) >= 2
        and not _HEADING.match(line)
        and not _is_header_line(line)
    )


def clean_title(title: str) -> str:
    """OCR noise out of a title: leading colon, glued words after SEKSI / BAGIAN, spaced brackets."""
    title = collapse(title).lstrip(":;.‘' ").strip()
    title = re.sub(r"\b(SEKSI|BAGIAN)(?=[A-Z]{4,})", r"\1 ", title)
    title = re.sub(r"\(\s*", "(", re.sub(r"\s*\)", ")", title))
    return title


def _clean_indicator(text: str) -> str:
    for pattern, replacement in _OCR_INDICATOR_FIXES:
        text = pattern.sub(replacement, text)
    return text


def _clean_fragment(text: str) -> str:
    return collapse(re.sub(r"[|\[\]{}~]", " ", text))


@dataclass
class _Start:
    title: str
    title_line: int  # 0-based
    body_start: int  # first line after the table header


def _find_title(lines: list[str], start: int, limit: int) -> tuple[str, int] | None:
    for index in range(start, limit):
        line = lines[index].strip()
        if _is_header_line(line):
            return None
        if line.startswith(":") and len(line) > 3:
            return clean_title(line), index
        if _is_title_line(line):
            return clean_title(line), index
    return None


def _find_header_end(lines: list[str], start: int, limit: int) -> int | None:
    """Index of the first line after the column headers that follow lines[start]."""
    index = start
    while index < limit and not _is_header_line(lines[index]):
        index += 1
    if index == limit:
        return None
    while index < limit and (not lines[index].strip() or _is_header_line(lines[index])):
        index += 1
    return index


def _find_blocks(lines: list[str], doc: ParsedDocument) -> list[_Start]:
    starts = []
    for index, line in enumerate(lines):
        match = _JABATAN.match(line)
        if not match:
            continue
        limit = next((j for j in range(index + 1, len(lines)) if _JABATAN.match(lines[j])), len(lines))
        rest = match.group(1).strip()
        found = (clean_title(rest), index) if len(rest) > 3 else _find_title(lines, index + 1, limit)
        if not found:
            doc.doubt(index + 1, "baris JABATAN tanpa judul jabatan yang terbaca")
            continue
        body = _find_header_end(lines, found[1] + 1, limit)
        if body is None:
            doc.doubt(index + 1, f"blok jabatan tanpa header tabel: {found[0]}")
            continue
        starts.append(_Start(found[0], found[1], body))
    return starts


def _paragraphs(lines: list[str], start: int, end: int) -> list[tuple[int, list[str]]]:
    """Runs of non-blank lines, each with the 0-based index of its first line."""
    out: list[tuple[int, list[str]]] = []
    current: list[str] = []
    first = start
    for index in range(start, end):
        line = lines[index]
        if line.strip() and not _is_header_line(line):
            if not current:
                first = index
            current.append(line.strip())
        elif current:
            out.append((first, current))
            current = []
    if current:
        out.append((first, current))
    return out


def _is_flattened(paragraph: list[str]) -> bool:
    """Whether the paragraph's lines hold several columns each, rather than one cell."""
    if any(re.search(r"[|\[]", line) for line in paragraph):
        return True
    if sum(bool(_INDICATOR.match(line)) for line in paragraph) >= 2:
        return True
    return any((m := _ROW_START.match(line)) and m.group("sas") for line in paragraph)


def _split_source(text: str) -> tuple[str, str]:
    """'Pembinaan perangkat desa Laporan pembinaan' -> (formula, sumber) at the last source word."""
    words = text.split()
    for i in range(len(words) - 1, 0, -1):
        if _SOURCE_WORD.match(words[i]):
            return " ".join(words[:i]), " ".join(words[i:])
    return text, ""


def _split_indicator(text: str) -> tuple[str, str]:
    """'Jumlah jenis bahan bacaan Surat kabar/majalah' -> (indikator, formula).

    The formula cell opens with a capitalised word; it often restates a word of the indicator
    ('Jumlah penyediaan makanan' / 'Penyediaan makanan'), which marks the break best.
    """
    words = text.split()
    for i in range(1, len(words)):
        if words[i].lower() == words[i - 1].lower() and len(words[i]) > 2:
            return " ".join(words[:i]), " ".join(words[i:])  # 'Jumlah data PKL PKL yang ada'
    seen = set()
    for i, word in enumerate(words):
        if i > 0 and _TITLE_CASE.match(word) and word.lower().strip(",.") in seen:
            return " ".join(words[:i]), " ".join(words[i:])
        seen.add(word.lower().strip(",."))
    first_glued = len(words[0]) >= 12 if words else False
    for i, word in enumerate(words):
        if (i >= 2 or (i == 1 and first_glued)) and _TITLE_CASE.match(word):
            return " ".join(words[:i]), " ".join(words[i:])
    return text, ""


def _cells_of_row_line(rest: str) -> tuple[str, str, str]:
    """The indikator, formula and sumber slices on the first line of a flattened row."""
    segments = [s for s in _COLUMN_BREAK.split(rest) if s.strip()]
    if len(segments) >= 3:
        return segments[0], " ".join(segments[1:-1]), segments[-1]
    if len(segments) == 2:
        formula, source = _split_source(segments[1])
        if source:
            return segments[0], formula, source
        indikator, formula = _split_indicator(segments[0])
        return indikator, formula, segments[1]
    formula_and_source, source = _split_source(rest)
    if not source:
        return rest, "", ""
    indikator, formula = _split_indicator(formula_and_source)
    return indikator, formula, source


class _TableReader:
    """Walks the paragraphs of one block's table body and assembles its indicators."""

    def __init__(self, block: Block, doc: ParsedDocument):
        self.block = block
        self.doc = doc
        self.sasaran = ""
        self.expect = "indikator"  # or "formula", "sumber", "sasaran" (a sasaran still growing)
        self.after_flattened = False

    @property
    def row(self) -> RawIndicator | None:
        return self.block.indicators[-1] if self.block.indicators else None

    def _new_row(self, indikator: str, line: int) -> RawIndicator:
        row = RawIndicator(sasaran=self.sasaran, indikator=_clean_indicator(_clean_fragment(indikator)), line=line)
        self.block.indicators.append(row)
        return row

    def _set_sasaran(self, text: str) -> None:
        self.sasaran = collapse(text)

    def _grow_sasaran(self, text: str) -> None:
        self.sasaran = collapse(f"{self.sasaran} {text}")
        if self.row is not None and self.after_flattened:
            self.row.sasaran = self.sasaran

    def read_cell_paragraph(self, first: int, text: str) -> None:
        """One paragraph that holds one cell; its place in the row cycle says which."""
        row = self.row
        if _SASARAN_OPENER.match(text):
            self._set_sasaran(text)
            self.expect = "sasaran"
        elif self.expect == "formula" and row:
            # Every row of these tables has an explanation cell, even one that opens like an
            # indicator ("Jumlah perekaman e-KTP dibagi jumlah wajib KTP").
            row.formula = collapse(f"{row.formula} {text}")
            self.expect = "sumber"
        elif _INDICATOR.match(text):
            self._new_row(text, first + 1)
            self.expect = "formula"
        elif self.expect == "sumber" and row:
            if text[:1].islower():  # the explanation carried on past a blank line
                row.formula = collapse(f"{row.formula} {text}")
            else:
                row.sumber_data = text
                self.expect = "indikator"
        elif self.after_flattened and row:
            # What a flattened row leaves below it: numbers belong to the explanation, words to
            # the narrow sasaran column, which wraps the most.
            if text[:1].isdigit():
                row.formula = collapse(f"{row.formula} {text}")
            else:
                self._grow_sasaran(text)
            return
        elif self.expect == "sasaran":
            self._grow_sasaran(text)
        elif text[:1].islower():
            self.doc.skip(first + 1, f"potongan teks di luar sel tabel: {text}")
        else:
            self._set_sasaran(text)
            self.expect = "sasaran"
        self.after_flattened = False

    def read_flattened_paragraph(self, first: int, paragraph: list[str]) -> None:
        for offset, raw in enumerate(paragraph):
            line = first + offset + 1
            match = _ROW_START.match(raw)
            if match:
                if match.group("sas"):
                    self._set_sasaran(_clean_fragment(match.group("sas")))
                indikator, formula, source = _cells_of_row_line(match.group("rest"))
                row = self._new_row(indikator, line)
                row.formula = _clean_fragment(formula)
                row.sumber_data = _clean_fragment(source)
                self.doc.doubt(line, f"baris OCR berkolom gabung, periksa pemisahan kolom: {raw}")
            elif self.row is None:
                self.doc.skip(line, f"teks sebelum indikator pertama: {raw}")
            else:
                self._continue_row(raw)
        row = self.row
        if row is not None:
            self.expect = "formula" if not row.formula else "sumber" if not row.sumber_data else "indikator"
        self.after_flattened = True

    def _continue_row(self, raw: str) -> None:
        """A later line of a flattened row: the right-most slice is the sumber, then the formula."""
        row = self.row
        segments = [_clean_fragment(s) for s in _COLUMN_BREAK.split(raw) if _clean_fragment(s)]
        if len(segments) >= 2:
            row.sumber_data = collapse(f"{row.sumber_data} {segments[-1]}")
            row.formula = collapse(f"{row.formula} {segments[-2]}")
            if len(segments) > 2:
                row.indikator = collapse(f"{row.indikator} {' '.join(segments[:-2])}")
        elif segments:
            row.formula = collapse(f"{row.formula} {segments[0]}")

    def read(self, paragraphs: list[tuple[int, list[str]]]) -> None:
        for first, paragraph in paragraphs:
            text = collapse(" ".join(paragraph))
            if sum(c.isalpha() for c in text) < 3:
                self.doc.skip(first + 1, f"derau OCR: {text}")
            elif _is_flattened(paragraph):
                self.read_flattened_paragraph(first, paragraph)
            else:
                self.read_cell_paragraph(first, _clean_fragment(text))


def _body_end(lines: list[str], start: int, next_block: int) -> int:
    """The table body stops at the next block's heading or JABATAN line."""
    for index in range(start, next_block):
        if _HEADING.match(lines[index]) or _JABATAN.match(lines[index]):
            return index
    return next_block


class OcrTable(Layout):
    name = "ocr_table"

    def looks_like(self, text: str) -> bool:
        lines = text.splitlines()
        return any(_JABATAN.match(line) for line in lines) and any(_is_header_line(line) for line in lines)

    def parse(self, text: str) -> ParsedDocument:
        lines = text.splitlines()
        doc = ParsedDocument(layout=self.name)
        starts = _find_blocks(lines, doc)
        jabatan_lines = [i for i, line in enumerate(lines) if _JABATAN.match(line)]
        for start in starts:
            next_block = next((j for j in jabatan_lines if j > start.title_line), len(lines))
            end = _body_end(lines, start.body_start, next_block)
            block = Block(jabatan=start.title, line=start.title_line + 1)
            _TableReader(block, doc).read(_paragraphs(lines, start.body_start, end))
            doc.blocks.append(block)
            if not block.indicators:
                doc.doubt(block.line, f"blok jabatan tanpa indikator: {start.title}")
        return doc
