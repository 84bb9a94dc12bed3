"""Layout: a Word decree or form converted to markdown (Bululawang 2017, Masama 2020).

Blocks open with a `Jabatan : X` line, decorated in any of the ways the conversions produce
(`1. **Jabatan** : **X**`, `- 1. Jabatan** : **X**`, `Jabatan : X`); their tables are tab-separated
with markdown, HTML and LaTeX inside the cells. Signature blocks and the Tugas / Fungsi lists are
not tables and are passed over.
"""

import re

from kinerja.ingest.layout import TabTableLayout
from kinerja.ingest.tables import BlockStart
from kinerja.ingest.text import collapse, strip_markup

_TITLE = re.compile(r"^[\s\-]*(?:\d{1,2}\.\s*)?jabatan\s*:\s*(\S.*)$", re.I)


class MarkdownDecree(TabTableLayout):
    name = "markdown_decree"

    def block_starts(self, lines: list[str]) -> list[BlockStart]:
        """A `Jabatan : X` line, however the conversion decorated it."""
        starts = []
        for index, line in enumerate(lines):
            match = _TITLE.match(collapse(strip_markup(line)))
            if match:
                starts.append(BlockStart(index, collapse(match.group(1)).strip(" :")))
        return starts
