"""Layout: OCR of a scanned IKI table (Sangkapura 2019).

The scan loses the table grid. Two shapes come out, often within one table:

- cell paragraphs: each cell is its own paragraph, in reading order
  sasaran?, indikator, penjelasan/formula, sumber data, indikator, ...
- flattened rows: one text line holds a slice of every column (sasaran, indikator, formula,
  sumber), the columns glued together, sometimes with a stray `|` or `[` where a grid line was.
  The row's first line opens with an indicator word, after the sasaran's first words when the row
  opens a sasaran; the lines after it (also after a blank line) hold the columns' next slices.

Blocks open with `JABATAN : X`, or with the labels stacked (`JABATAN / TUGAS / FUNGSI`) and the
title further down as `: X` or as a bare upper-case line. The parser reads the structure (which
paragraph is an indicator, which opens a sasaran) from the words Indonesian IKI tables always use:
indicators open with Jumlah / Persentase / Prosentase, sasaran with a `Ter…nya` / `Me…nya` word.

Before anything else, words OCR glued together in the table ("barangcetakandan") are split with
the vocabulary of `words.py`; each split is recorded for `kinerja check`. A later line of a
flattened row is cut into its columns by `_ColumnCut`: of every way to cut the line into the row's
columns, the one whose pieces continue their cells best. Every flattened row is reported as doubted.
"""

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from kinerja.ingest.layout import Layout
from kinerja.ingest.records import Block, ParsedDocument, RawIndicator, SplitWord
from kinerja.ingest.text import collapse
from kinerja.ingest.words import JOINING_WORDS, Vocabulary, split_glued, tokens, vocabulary_for

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
_STRAY_QUOTE = re.compile(r"(?<=[a-z])['‘’](?=\s|$)")  # "wilayah' galian": a grid line read as a quote
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_ABBREVIATION = re.compile(r"[A-Z][A-Z0-9/\-]*[A-Z0-9]")


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
    """A cell's text without grid-line debris; '( LKjIP )' as written, '(LKjIP)'."""
    text = collapse(_STRAY_QUOTE.sub("", re.sub(r"[|\[\]{}~]", " ", text)))
    return re.sub(r"\(\s+", "(", re.sub(r"\s+\)", ")", text))


def _join(text: str, more: str) -> str:
    """A cell and its next line: a word cut at a hyphen ('e-' + 'KTP') joins without a space."""
    text, more = collapse(text), collapse(more)
    if re.search(r"[A-Za-z]-$", text) and more:
        return text + more
    return collapse(f"{text} {more}")


def _join_lines(lines: list[str]) -> str:
    text = ""
    for line in lines:
        text = _join(text, line)
    return text


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

    The formula cell opens with a capitalised word or an abbreviation; it often restates a word of
    the indicator ('Jumlah penyediaan makanan' / 'Penyediaan makanan'), which marks the break best.
    """
    words = text.split()
    for i in range(1, len(words)):
        if words[i].lower() == words[i - 1].lower() and len(words[i]) > 2:
            return " ".join(words[:i]), " ".join(words[i:])  # 'Jumlah data PKL PKL yang ada'
    seen: set[str] = set()
    for i, word in enumerate(words):
        restated = word.lower().strip(",.") in seen
        if i > 0 and restated and (_TITLE_CASE.match(word) or _ABBREVIATION.fullmatch(word)):
            return " ".join(words[:i]), " ".join(words[i:])  # 'register SPP/SPM/SP2D SPP dicatat'
        seen.update(part.lower() for part in re.split(r"[/,.]", word) if part)
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


# --- the later lines of a flattened row: which words go to which column --------------------------

SASARAN, INDIKATOR, FORMULA, SUMBER = "sasaran", "indikator", "formula", "sumber_data"

# A cell whose text stops on one of these goes on in a later slice ("…dibagi" / "jumlah …").
_GOES_ON = JOINING_WORDS | {"dibagi", "terdiri", "sedangkan"}
_COUNT_WORDS = frozenset({"sebanyak", "selama"})  # go on with a number: "sebanyak" / "17 desa"
_COORDINATORS = frozenset({"dan", "serta", "atau"})
_ARITHMETIC = frozenset({"dibagi", "dikalikan", "ditambah", "dikurangi"})  # a formula's, not passive verbs

_LONGEST_LINE = 40  # words: a scanned table's line holds fewer, and cutting costs the cube of it
# How a way of cutting a line scores. A cut costs, so the line is cut only where something says so.
_CUT = -1.0
_SKIPPED_COLUMN = -0.5  # a column left empty between two that get words on the line ('Administrasi | Perangkat Daerah')
_KNOWN_PAIR = 1.0  # two words the documents put side by side, kept together on the line
_CONTINUES_PAIR = 1.5  # a slice whose first word follows its cell's last word as the documents write it
_TWO_JOINING_WORDS = -2.0  # 'yang dan': a cell never puts 'dan' straight after 'yang', 'dari', …
_LIST_GOES_ON = 1.0  # 'disposisi, fotocopi dan' continues the cell that lists 'amplop dinas, lembar'
_GOES_ON_FILLED = 2.0  # a cell that had to go on gets the slice
_RATIO_GOES_ON = 2.0  # a formula ending "dibagi" goes on with "jumlah …"
_COUNT_GOES_ON = 2.0  # "sebanyak" goes on with a number
_RATIO_ELSEWHERE = -3.0  # "dibagi" belongs to the formula
_NUMBER_IN_SASARAN_OR_INDICATOR = -3.0  # counts are the explanation's
_NUMBER_IN_SOURCE = -1.0
_JOINING_WORDS_ONLY = -1.0  # a slice of nothing but "kepada" is rarely a column's line
_SAME_WORD_AGAIN = -2.0  # a cell does not go on with the word it ended with
_TOO_WIDE = -3.0  # wider than the narrow sasaran column can hold (see `_TableReader.sasaran_limit`)
_UNKNOWN_WIDTH = 1.5  # before any sasaran line has wrapped: half as wide again as its widest line
_RELATIVE_CLAUSE = 1.0  # 'yang' goes on with a passive verb: 'yang | diagendakan', 'yang | dibina'
_MIRRORS = 1.0  # 'Tercukupinya Laporan | Stock opname' beside 'Jumlah Laporan Stock opname': see `_mirror_gain`
_SASARAN_WRAPS = 1.0  # with nothing else to go by: the narrow sasaran column wraps most,
_FORMULA_WRAPS = 0.25  # then the explanation, the longest cell
# Where a cut is written into the line itself:
_CUE_REPEAT = 3.0  # 'minuman minuman', 'yang bina yang bina': the formula restates the indicator
_CUE_BRACKET = 2.0  # '(RPKM) RPKM dibuat': a bracket closes a name
_CUE_ABBREVIATION_WORD = 2.0  # 'BK Pertanggungjawaban', 'LPKM Kegiatan': an abbreviation ends a name
_CUE_CASE = 1.0  # 'kantor ATK', 'BK tergantung': capitals against lower-case words
_CUE_AFTER_COUNT = 1.0  # '68 orang keuangan desa': a count and its unit end an explanation
_CUE_TWO_PASSIVES = 1.0  # 'yang dibina | dilaksanakan di': two passive verbs in a row are two clauses
_CUE_TITLE_THEN_LOWER = 1.0  # 'Pelayanan | penggandaan', 'Dana | tahap': a capitalised name ends, a lower-case cell goes on
_CUE_AFTER_JOINING = 0.25  # 'sarana dan | kebersihan': a wrapped cell line ends on 'dan' twice as often as it starts with it


@dataclass
class _Column:
    name: str
    text: str
    goes_on: bool = False  # its text stops where a cell cannot end
    width: float = 0  # sasaran only: the longest line its column can hold, in characters

    @cached_property
    def last(self) -> str:
        found = tokens(self.text)
        return found[-1].lower() if found else ""


@dataclass
class _Word:
    text: str
    hard_break: bool  # a grid-line mark or a wide gap before it: a new column starts

    @property
    def bare(self) -> str:
        found = tokens(self.text)
        return found[0].lower() if found else self.text.lower()

    @property
    def is_number(self) -> bool:
        return _NUMBER.fullmatch(self.text.strip(",.;:()")) is not None

    @property
    def is_abbreviation(self) -> bool:
        return _ABBREVIATION.fullmatch(self.text.strip(",.;:()")) is not None


def _words_of_line(raw: str) -> list[_Word]:
    words = []
    for index, segment in enumerate(s for s in _COLUMN_BREAK.split(raw) if _clean_fragment(s)):
        for position, word in enumerate(_clean_fragment(segment).split()):
            words.append(_Word(word, index > 0 and position == 0))
    return words


def _line_pairs(words: list[_Word]) -> Counter:
    return Counter((a.bare, b.bare) for a, b in zip(words, words[1:], strict=False))


def _pairs_between(cells: list[str]) -> Counter:
    """The word pairs a line shows across its cells: the documents' count of them is no evidence."""
    words = [found for found in (tokens(cell) for cell in cells) if found]
    return Counter((a[-1].lower(), b[0].lower()) for a, b in zip(words, words[1:], strict=False))


class _ColumnCut:
    """The best way to cut one later line of a flattened row into the row's columns.

    Every way of giving the words, left to right, to the columns in their order is scored: cuts
    cost, and are paid for by what the line shows (a grid mark, a repeated word, a bracket, capitals
    against lower case) and by what the words show (a cell that must go on gets words, pairs of words
    the documents use stay together or continue their cell, counts go to the explanation, the narrow
    sasaran column holds no more than its lines can). Ties go to the way with the
    fewest cuts, then to the one whose left columns take the fewest words. The pairs on the line
    itself, and those the row's other lines show split between cells, are not evidence for it.
    """

    def __init__(self, words: list[_Word], columns: list[_Column], vocabulary: Vocabulary, split_pairs: Counter):
        self.words = words
        self.columns = columns
        self.vocabulary = vocabulary
        self.own_pairs = split_pairs + _line_pairs(words)
        self.object_words = {c.name: _object_words(c.text) for c in columns}
        self.cues = [0.0] + [self._cue(i) for i in range(1, len(words))]  # what the line says before words[i]

    def known(self, first: str, second: str) -> bool:
        """A pair the documents use elsewhere; 'dan' and the like join anything and prove nothing."""
        if first in _COORDINATORS or second in _COORDINATORS:
            return False
        if self._passive(first) and self._passive(second):
            return False  # 'dibina dilaksanakan': two clauses, read off a flattened line
        return self.vocabulary.pair(first, second) - self.own_pairs[(first, second)] > 0

    def best(self) -> list[list[str]]:
        """The words of each column, best way first. The score adds up over the cuts, the pairs kept
        together and the slices, so dynamic programming over (words given out, last column used)
        finds it: of all ways to the same state only the best can lead to the best whole."""
        n, m = len(self.words), len(self.columns)
        kept = [0.0] + [_KNOWN_PAIR if self._known_at(i) else 0.0 for i in range(1, n)]
        states: dict[tuple[int, int], tuple[float, int, tuple[int, ...]]] = {}  # -> (score, -cuts, plan)
        for end in range(1, n + 1):
            for start in range(end - 1, -1, -1):
                if start + 1 < end and self.words[start + 1].hard_break:
                    break  # a grid mark inside the slice: it holds two columns, and so do longer ones
                together = sum(kept[start + 1 : end])
                for column in range(m):
                    value = self._slice(self.columns[column], self.words[start:end]) + together
                    for candidate in self._ways_to(states, start, end, column, value):
                        current = states.get((end, column))
                        if current is None or candidate > current:
                            states[(end, column)] = candidate
        plan = max(state for (end, _), state in states.items() if end == n)[2]
        slices: list[list[str]] = [[] for _ in self.columns]
        for word, column in zip(self.words, plan, strict=True):
            slices[column].append(word.text)
        return slices

    def _ways_to(self, states: dict, start: int, end: int, column: int, value: float) -> Iterator[tuple]:
        """Every way to give words[start:end] to the column after the best ways to words[:start]."""
        if start == 0:
            yield (value, 0, (column,) * end)  # columns left empty before the first slice cost nothing
            return
        for before in range(column):
            previous = states.get((start, before))
            if previous is None:
                continue
            # a column left empty between two that get words, unless the words go to a cell left hanging
            gap = 0.0 if self.columns[column].goes_on else _SKIPPED_COLUMN * (column - before - 1)
            score = previous[0] + _CUT + self.cues[start] + gap + value
            yield (score, previous[1] - 1, previous[2] + (column,) * (end - start))

    def _known_at(self, i: int) -> bool:
        return self.known(self.words[i - 1].bare, self.words[i].bare)

    def _cue(self, i: int) -> float:
        """What the line says about a cut before words[i]."""
        words = self.words
        before, after = words[i - 1], words[i]
        bare = [w.bare for w in words]
        if any(bare[i - n : i] == bare[i : i + n] for n in (1, 2, 3) if i - n >= 0 and i + n <= len(words)):
            return _CUE_REPEAT
        if before.text.endswith(")"):
            return _CUE_BRACKET
        if before.bare in _COORDINATORS:
            return _CUE_AFTER_JOINING
        if before.is_abbreviation and re.match(r"[A-Z][a-z]", after.text):
            return _CUE_ABBREVIATION_WORD
        lower_after = after.text[:1].islower() and after.bare not in JOINING_WORDS
        if before.text.endswith(","):
            return 0.0  # 'ATK, alat listrik': items of one list
        lower_before = before.text[:1].islower() and before.bare not in _GOES_ON
        if (lower_before and after.is_abbreviation) or (before.is_abbreviation and lower_after):
            return _CUE_CASE
        if re.fullmatch(r"[A-Z][a-z]+", before.text) and lower_after:
            return _CUE_TITLE_THEN_LOWER
        if i >= 2 and words[i - 2].is_number and not before.is_number and not after.is_number:
            return _CUE_AFTER_COUNT
        if self._passive(before.bare) and self._passive(after.bare):
            return _CUE_TWO_PASSIVES
        return 0.0

    def _passive(self, word: str) -> bool:
        """'dibina', 'dilaksanakan': di- before a known word, with or without -kan / -i. Not the
        arithmetic of a formula ('difasilitasi dibagi jumlah …' is one cell)."""
        if not word.startswith("di") or len(word) < 6 or word in _ARITHMETIC:
            return False
        stem = word[2:]
        return any(self.vocabulary.count(s) for s in (stem, stem.removesuffix("kan"), stem.removesuffix("i")))

    def _mirror_gain(self, column: _Column, piece: list[_Word]) -> bool:
        """The first indicator under a sasaran names what the sasaran names ('Tercukupinya Laporan
        Mutasi Aset' / 'Jumlah Laporan Mutasi Aset'): a slice that brings one of the two on by the
        words the other already has carries the same text on."""
        names = self.object_words
        if SASARAN not in names:
            return False
        other = names[INDIKATOR if column.name == SASARAN else SASARAN]
        own = names[column.name]
        ahead = other[len(own) :]
        words = [w.bare for w in piece]
        return other[: len(own)] == own and bool(ahead) and words[: len(ahead)] == ahead[: len(words)]

    def _slice(self, column: _Column, piece: list[_Word]) -> float:
        """How well a slice continues its column."""
        score = 0.0
        first = piece[0]
        if column.text and self.known(column.last, first.bare):
            score += _CONTINUES_PAIR
        if column.last in JOINING_WORDS - _COORDINATORS and first.bare in _COORDINATORS:
            score += _TWO_JOINING_WORDS
        if "," in column.text and any(w.text.endswith(",") for w in piece[:-1]):
            score += _LIST_GOES_ON
        if column.goes_on:
            score += _GOES_ON_FILLED
        if column.last and column.last == first.bare:
            score += _SAME_WORD_AGAIN
        if column.last == "yang" and self._passive(first.bare):
            score += _RELATIVE_CLAUSE
        if column.last in _COUNT_WORDS and first.is_number:
            score += _COUNT_GOES_ON
        if column.name == FORMULA and column.last == "dibagi" and first.bare == "jumlah":
            score += _RATIO_GOES_ON
        if column.name != FORMULA and any(w.bare == "dibagi" for w in piece):
            score += _RATIO_ELSEWHERE
        if all(w.bare in JOINING_WORDS for w in piece):
            score += _JOINING_WORDS_ONLY
        if any(w.is_number for w in piece):
            score += _NUMBER_IN_SOURCE if column.name == SUMBER else 0.0
            score += _NUMBER_IN_SASARAN_OR_INDICATOR if column.name in (SASARAN, INDIKATOR) else 0.0
        if column.name in (SASARAN, INDIKATOR) and self._mirror_gain(column, piece):
            score += _MIRRORS
        if column.name == SASARAN:
            too_wide = len(" ".join(w.text for w in piece)) > column.width
            score += _TOO_WIDE if too_wide else _SASARAN_WRAPS
        if column.name == FORMULA:
            score += _FORMULA_WRAPS
        return score


def _object_words(text: str) -> list[str]:
    """A sasaran or indicator without its first word ('Tercukupinya', 'Jumlah'), lower case."""
    return [word.lower() for word in tokens(text)[1:]]


def _goes_on(text: str) -> bool:
    """A cell stopped where it cannot end: on a joining word, a comma, an open bracket."""
    text = text.strip()
    if not text:
        return False
    if text.endswith(",") or text.count("(") > text.count(")"):
        return True
    found = tokens(text)
    return bool(found) and found[-1].lower() in _GOES_ON


class _TableReader:
    """Walks the paragraphs of one block's table body and assembles its indicators."""

    def __init__(self, block: Block, doc: ParsedDocument, vocabulary: Vocabulary):
        self.block = block
        self.doc = doc
        self.vocabulary = vocabulary
        self.sasaran = ""
        self.sasaran_lines: list[list[str]] = []  # the lines of every sasaran of the table: one column width
        self.rows_under_sasaran = 0
        self.split_pairs: Counter = Counter()  # pairs the row's lines show split between two cells
        self.expect = "indikator"  # or "formula", "sumber", "sasaran" (a sasaran still growing)
        self.after_flattened = False

    @property
    def row(self) -> RawIndicator | None:
        return self.block.indicators[-1] if self.block.indicators else None

    def _new_row(self, indikator: str, line: int) -> RawIndicator:
        row = RawIndicator(sasaran=self.sasaran, indikator=_clean_indicator(_clean_fragment(indikator)), line=line)
        self.block.indicators.append(row)
        self.rows_under_sasaran += 1
        return row

    def _set_sasaran(self, lines: list[str]) -> None:
        self.sasaran = _clean_fragment(_join_lines(lines))
        self.sasaran_lines.append([_clean_fragment(line) for line in lines])
        self.rows_under_sasaran = 0

    def sasaran_limit(self) -> float:
        """How many characters a line of the sasaran column holds. A line is at most that long, and
        a line and the first word of the next one were too long for it: the widest line seen is a
        floor, the shortest such pair a ceiling."""
        lines = [line for cell in self.sasaran_lines for line in cell if line]
        if not lines:
            return 0
        widest = max(len(line) for line in lines)
        wrapped = [
            len(line) + 1 + len(after.split()[0])
            for cell in self.sasaran_lines
            for line, after in zip(cell, cell[1:], strict=False)
            if line and after
        ]
        return max(widest, min(wrapped) - 1) if wrapped else widest * _UNKNOWN_WIDTH

    def _grow_sasaran(self, text: str) -> None:
        self.sasaran = _join(self.sasaran, text)
        if self.sasaran_lines:
            self.sasaran_lines[-1].append(collapse(text))
        if self.row is not None and self.rows_under_sasaran == 1:
            self.row.sasaran = self.sasaran

    def read_cell_paragraph(self, first: int, paragraph: list[str]) -> None:
        """One paragraph that holds one cell; its place in the row cycle says which."""
        text = _clean_fragment(_join_lines(paragraph))
        row = self.row
        if _SASARAN_OPENER.match(text):
            self._set_sasaran(paragraph)
            self.expect = "sasaran"
        elif self.expect == "formula" and row:
            # Every row of these tables has an explanation cell, even one that opens like an
            # indicator ("Jumlah perekaman e-KTP dibagi jumlah wajib KTP").
            row.formula = _join(row.formula, text)
            self.expect = "sumber"
        elif _INDICATOR.match(text):
            self._new_row(text, first + 1)
            self.split_pairs = Counter()
            self.expect = "formula"
        elif self.expect == "sumber" and row:
            if text[:1].islower():  # the explanation carried on past a blank line
                row.formula = _join(row.formula, text)
            else:
                row.sumber_data = text
                self.expect = "indikator"
        elif self.expect == "sasaran":
            for line in paragraph:
                self._grow_sasaran(_clean_fragment(line))
        elif text[:1].islower():
            self.doc.skip(first + 1, f"potongan teks di luar sel tabel: {text}")
        else:
            self._set_sasaran(paragraph)
            self.expect = "sasaran"
        self.after_flattened = False

    def read_flattened_paragraph(self, first: int, paragraph: list[str]) -> None:
        for offset, raw in enumerate(paragraph):
            line = first + offset + 1
            match = _ROW_START.match(raw)
            if match:
                self._start_flattened_row(match, line)
                self.doc.doubt(line, f"baris OCR berkolom gabung, periksa pemisahan kolom: {raw}")
            elif self.row is None:
                self.doc.skip(line, f"teks sebelum indikator pertama: {raw}")
            else:
                self.continue_row(raw)
        self.after_flattened = True

    def _start_flattened_row(self, match: re.Match, line: int) -> None:
        if match.group("sas"):
            self._set_sasaran([match.group("sas")])
        indikator, formula, source = _cells_of_row_line(match.group("rest"))
        self.split_pairs = _pairs_between([match.group("sas") or "", indikator, formula, source])
        row = self._new_row(indikator, line)
        row.formula = _clean_fragment(formula)
        row.sumber_data = _clean_fragment(source)

    def _columns(self) -> list[_Column]:
        """The row's columns as they stand; the sasaran's only while this row is the first under it."""
        row = self.row
        columns = [
            _Column(INDIKATOR, row.indikator, _goes_on(row.indikator) or self._stops_short(row.indikator)),
            _Column(FORMULA, row.formula, _goes_on(row.formula)),
            _Column(SUMBER, row.sumber_data, _goes_on(row.sumber_data)),
        ]
        if self.rows_under_sasaran == 1:
            # 'Tersedianya data', 'Meningkatnya': an opener and a word at most is the start of a sasaran
            short = len(self.sasaran.split()) <= 2
            columns.insert(0, _Column(SASARAN, self.sasaran, short or _goes_on(self.sasaran), self.sasaran_limit()))
        return columns

    def _stops_short(self, indikator: str) -> bool:
        """An indicator that is the start of another in the block ('Jumlah fasilitasi pemeliharaan'
        beside '… pemeliharaan gedung') was cut by the line end."""
        text = indikator.lower() + " "
        return any(other.indikator.lower().startswith(text) for other in self.block.indicators[:-1])

    def continue_row(self, raw: str) -> None:
        """A later line of a flattened row: its words go to the row's columns, left to right."""
        words = _words_of_line(raw)
        if not words:
            return
        if len(words) > _LONGEST_LINE:  # no table line: the explanation, the longest cell, takes it
            self._append(FORMULA, " ".join(w.text for w in words))
            return
        columns = self._columns()
        slices = _ColumnCut(words, columns, self.vocabulary, self.split_pairs).best()
        self.split_pairs += _pairs_between([" ".join(piece) for piece in slices])
        for column, piece in zip(columns, slices, strict=True):
            if piece:
                self._append(column.name, " ".join(piece))
        row = self.row
        self.expect = "formula" if not row.formula else "sumber" if not row.sumber_data else "indikator"

    def _append(self, name: str, text: str) -> None:
        row = self.row
        if name == SASARAN:
            self._grow_sasaran(text)
        elif name == INDIKATOR:
            row.indikator = _clean_indicator(_join(row.indikator, text))
        else:
            setattr(row, name, _join(getattr(row, name), text))

    def _continues_flattened_row(self, paragraph: list[str]) -> bool:
        """After a flattened row, paragraphs carry its columns on until a row or a sasaran opens."""
        head = _clean_fragment(paragraph[0])
        return self.after_flattened and self.row is not None and not _SASARAN_OPENER.match(head) and not _INDICATOR.match(head)

    def read(self, paragraphs: list[tuple[int, list[str]]]) -> None:
        for first, paragraph in paragraphs:
            text = collapse(" ".join(paragraph))
            if sum(c.isalpha() for c in text) < 3:
                self.doc.skip(first + 1, f"derau OCR: {text}")
            elif _is_flattened(paragraph):
                self.read_flattened_paragraph(first, paragraph)
            elif self._continues_flattened_row(paragraph):
                for raw in paragraph:
                    self.continue_row(raw)
            else:
                self.read_cell_paragraph(first, paragraph)


def _split_glued_words(lines: list[str], start: int, end: int, vocabulary: Vocabulary, doc: ParsedDocument) -> None:
    """Glued words in the table body written apart, in place; each split recorded with its line."""
    for index in range(start, end):
        lines[index], splits = split_glued(lines[index], vocabulary)
        doc.split_words += [SplitWord(index + 1, s.original, s.text) for s in splits]


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
        vocabulary = vocabulary_for(text)
        starts = _find_blocks(lines, doc)
        jabatan_lines = [i for i, line in enumerate(lines) if _JABATAN.match(line)]
        for start in starts:
            next_block = next((j for j in jabatan_lines if j > start.title_line), len(lines))
            end = _body_end(lines, start.body_start, next_block)
            _split_glued_words(lines, start.body_start, end, vocabulary, doc)
            block = Block(jabatan=start.title, line=start.title_line + 1)
            _TableReader(block, doc, vocabulary).read(_paragraphs(lines, start.body_start, end))
            doc.blocks.append(block)
            if not block.indicators:
                doc.doubt(block.line, f"blok jabatan tanpa indikator: {start.title}")
        return doc
