"""Layout: numbered position blocks with tab-aligned fields (Lumajang 2023).

Each block is a number on its own line, then `JABATAN<TAB>:<TAB>X`, `TUGAS`, `FUNGSI` (whose cells
hold HTML lists), then a table whose third column is either a `RUMUS/ FORMULA` or a `TARGET`.
Rows cut by a page or row break come back as rows with only their first cells filled.
"""

import re

from kinerja.ingest.layout import TabTableLayout
from kinerja.ingest.tables import BlockStart
from kinerja.ingest.text import collapse, strip_markup

_NUMBER = re.compile(r"^\s*\d{1,3}\.\s*$")
_TITLE = re.compile(r"^\s*JABATAN\s*:\s*(\S.*)$", re.I)


class NumberedBlocks(TabTableLayout):
    name = "numbered_blocks"

    def block_starts(self, lines: list[str]) -> list[BlockStart]:
        """A `JABATAN : X` line whose previous non-blank line is a lone block number."""
        starts = []
        previous = ""
        for index, line in enumerate(lines):
            match = _TITLE.match(line)
            if match and _NUMBER.match(previous):
                starts.append(BlockStart(index, collapse(strip_markup(match.group(1))).strip(" :")))
            if line.strip():
                previous = line
        return starts
