"""The interface every document layout implements, and the one parser shared by the layouts whose
tables keep their cells apart with tabs.

A layout is recognised from the text (`looks_like`) and turns it into records (`parse`). The
tab-table layouts differ only in how a position block opens, so each of them says just that
(`block_starts`); recognising and parsing are written once, here.
"""

from abc import ABC, abstractmethod

from kinerja.ingest.records import ParsedDocument
from kinerja.ingest.tables import BlockStart, header_roles, read_blocks


class Layout(ABC):
    """One way an IKI document is laid out."""

    name: str  # stored as ParsedDocument.layout and shown by `kinerja check`

    @abstractmethod
    def looks_like(self, text: str) -> bool:
        """Whether the text is laid out this way."""

    @abstractmethod
    def parse(self, text: str) -> ParsedDocument:
        """The position blocks and indicator rows of the text, with the lines skipped or doubted."""

    def __repr__(self) -> str:
        return f"<layout {self.name}>"


class TabTableLayout(Layout):
    """Position blocks, each followed by tab-separated indicator tables."""

    @abstractmethod
    def block_starts(self, lines: list[str]) -> list[BlockStart]:
        """The line and title of every position block, in document order."""

    def looks_like(self, text: str) -> bool:
        lines = text.splitlines()
        has_tables = any(header_roles(line) for line in lines)
        return has_tables and bool(self.block_starts(lines))

    def parse(self, text: str) -> ParsedDocument:
        lines = text.splitlines()
        doc = ParsedDocument(layout=self.name)
        read_blocks(lines, self.block_starts(lines), doc)
        return doc
