"""Tables people take away as CSV or Excel files, safe to open in a spreadsheet program."""

import fcntl
import io
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from kinerja.indonesian import decimals_needed, office_number_format
from kinerja.vocab import PLAIN_NUMBER_COLUMNS

if TYPE_CHECKING:  # openpyxl itself is loaded by pandas when a workbook is written
    from openpyxl import Workbook

_FORMULA_START = ("=", "+", "-", "@")


def neutralise(value):
    """A text cell a spreadsheet would run as a formula ('=…', '+…', '-…', '@…') is kept as text."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _safe(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    for column in frame.columns:
        if frame[column].dtype == object or pd.api.types.is_string_dtype(frame[column]):
            frame[column] = frame[column].map(neutralise)
    return frame


CSV_SEPARATOR = ";"  # Excel in an Indonesian locale splits columns on ';' (',' is its decimal mark)


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """A CSV that Excel in an Indonesian locale opens as columns: ';' between cells, decimal commas, and
    a BOM so it reads the text as UTF-8."""
    return _safe(frame).to_csv(index=False, sep=CSV_SEPARATOR, decimal=",").encode("utf-8-sig")


def number_format(column: pd.Series) -> str | None:
    """The format of a column of numbers in Excel: '#,##0', or with as many decimals as its values
    have (Indonesian Excel shows '1.250' and '17,1'); '0' for a year; None for a column of text."""
    if not pd.api.types.is_numeric_dtype(column) or pd.api.types.is_bool_dtype(column):
        return None
    if column.name in PLAIN_NUMBER_COLUMNS:
        return "0"
    return office_number_format(decimals_needed(column))


def to_xlsx_bytes(sheets: dict[str, pd.DataFrame], finish: Callable[["Workbook"], None] | None = None) -> bytes:
    """One sheet per table, header row frozen, columns sized to their content, numbers stored as
    numbers with a number format. `finish` gets the workbook before it is written (e.g. to add an
    info sheet)."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, frame in sheets.items():
            _safe(frame).to_excel(writer, sheet_name=name[:31], index=False, freeze_panes=(1, 0))
            sheet = writer.sheets[name[:31]]
            for index, column in enumerate(frame.columns, start=1):
                width = max([len(str(column)), *(len(str(v)) for v in frame[column].head(200))])
                sheet.column_dimensions[sheet.cell(1, index).column_letter].width = min(60, width + 2)
                code = number_format(frame[column])
                for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index) if code else ():
                    cell.number_format = code
        if finish is not None:
            finish(writer.book)
    return buffer.getvalue()


def atomic_write(path: Path, data: bytes, mode: int | None = None) -> None:
    """The whole file or, on any failure, the file as it was: written beside it, then swapped in.
    `mode` for a private file (0o600); by default the server's other users may read it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        os.chmod(temporary, 0o666 & ~_umask() if mode is None else mode)  # mkstemp makes it private
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    """The process's file-creation mask (read by setting it, then setting it back)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def exclusive_lock(lock_file: Path, mode: int = 0o644) -> Iterator[None]:
    """One holder at a time across processes (the app's and the command line's): an flock on
    `lock_file`, made with `mode` if it is new, its folder made too."""
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    with os.fdopen(os.open(lock_file, os.O_WRONLY | os.O_CREAT, mode), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


@contextmanager
def folder_swapped_in(target: Path, prefix: str) -> Iterator[Path]:
    """A folder written whole beside `target` (the caller fills the path yielded), then swapped in
    for it; if writing fails, `target` stays as it was and the half-written folder goes."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=prefix, dir=target.parent))
    staging.chmod(0o755)  # mkdtemp makes it private; the app may run as another user than the writer
    try:
        yield staging
        old = target.with_name(f"{prefix}lama")
        if target.exists():
            shutil.rmtree(old, ignore_errors=True)
            os.replace(target, old)
        os.replace(staging, target)
        shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
