"""The one family of errors a person can act on. The command line catches KinerjaError in one place,
prints its message and exits with status 2; the dashboard shows the same message on the page."""

from dataclasses import dataclass


class KinerjaError(Exception):
    """A problem the user can fix; the message says where (file, row, field) and what was expected."""


class IngestError(KinerjaError):
    """A document that cannot be read into position blocks and indicator rows."""


class OcrUnavailable(IngestError):
    """A scan cannot be read on this machine: tesseract or its Indonesian language is not installed."""


class BuildError(KinerjaError):
    """The manifest, the corrections file or the combined dataset is not usable."""


class DataNotBuilt(KinerjaError):
    """The normalised tables are not there yet."""


class NotFound(KinerjaError):
    """Something asked for by name does not exist (an import id, indicators for a filter)."""


class ExportUnavailable(KinerjaError):
    """An export cannot be made on this machine (no Chromium to render charts)."""


@dataclass
class Problem:
    """One problem in a file a person supplied, at a spreadsheet row (header is row 1) and column."""

    row: int | None  # None: the whole file
    column: str | None
    message: str

    def __str__(self) -> str:
        where = ", ".join(
            part for part in (f"baris {self.row}" if self.row else "", f"kolom {self.column}" if self.column else "") if part
        )
        return f"{where}: {self.message}" if where else self.message


class ImportRejected(KinerjaError):
    """A realisation file with problems: all of them are listed, and nothing was stored."""

    def __init__(self, source: str, problems: list[Problem]):
        self.source = source
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"{source}: {len(problems)} masalah, tidak ada yang disimpan:\n{lines}")


class Refused(KinerjaError):
    """A change that contradicts what is stored (an import undone twice)."""


class StoreUnavailable(KinerjaError):
    """The realisation store's database cannot be reached or opened."""
