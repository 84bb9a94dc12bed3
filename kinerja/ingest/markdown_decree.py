"""Layout: a Word decree or form converted to markdown (Bululawang 2017, Masama 2020).

Blocks open with a `Jabatan : X` line, decorated in any of the ways the conversions produce
(`1. **Jabatan** : **X**`, `- 1. Jabatan** : **X**`, `Jabatan : X`); their tables are tab-separated
with markdown, HTML and LaTeX inside the cells. Signature blocks and the Tugas / Fungsi lists are
not tables and are passed over.
"""

import re

from kinerja.ingest.records import ParsedDocument
from kinerja.ingest.tables import BlockStart, header_roles, read_blocks
from kinerja.ingest.text import collapse, strip_markup

NAME = "markdown_decree"
_TITLE = re.compile(r"^[\s\-]*(?:\d{1,2}\.\s*)?jabatan\s*:\s*(\S.*)$", re.I)


def block_starts(lines: list[str]) -> list[BlockStart]:
    starts = []
    for index, line in enumerate(lines):
        match = _TITLE.match(collapse(strip_markup(line)))
        if match:
            starts.append(BlockStart(index, collapse(match.group(1)).strip(" :")))
    return starts


def looks_like(text: str) -> bool:
    lines = text.splitlines()
    has_tables = any(header_roles(line) for line in lines)
    return has_tables and bool(block_starts(lines))


def parse(text: str) -> ParsedDocument:
    lines = text.splitlines()
    doc = ParsedDocument(layout=NAME)
    read_blocks(lines, block_starts(lines), doc)
    return doc
