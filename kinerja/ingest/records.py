"""What every layout parser returns: the same records, whatever the document looked like."""

from dataclasses import dataclass, field


@dataclass
class RawIndicator:
    sasaran: str
    indikator: str
    formula: str = ""
    target: str = ""
    sumber_data: str = ""
    line: int = 0  # 1-based line in the source text where the row starts


@dataclass
class Block:
    """One position (jabatan) block and the rows of its indicator table."""

    jabatan: str
    line: int
    indicators: list[RawIndicator] = field(default_factory=list)


@dataclass
class Note:
    """A line the parser skipped or a row it is unsure of, for `kinerja check`."""

    line: int
    kind: str  # "dilewati" (skipped) or "diragukan" (doubted)
    text: str


@dataclass(frozen=True)
class SplitWord:
    """A token OCR glued together, written as the words it is made of, for `kinerja check`."""

    line: int
    original: str  # 'barangcetakandan'
    split: str  # 'barang cetakan dan'


@dataclass
class ParsedDocument:
    layout: str
    blocks: list[Block] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    split_words: list[SplitWord] = field(default_factory=list)  # layouts read from OCR only

    @property
    def indicator_count(self) -> int:
        return sum(len(b.indicators) for b in self.blocks)

    def skip(self, line: int, text: str) -> None:
        self.notes.append(Note(line, "dilewati", text.strip()))

    def doubt(self, line: int, text: str) -> None:
        self.notes.append(Note(line, "diragukan", text.strip()))
