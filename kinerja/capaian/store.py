"""The store of accepted imports: a folder of immutable files, so the app and the command line can
both write at the same time without a database lock.

    <realisasi_dir>/impor/<impor_id>.parquet   the values of one accepted import (long form)
    <realisasi_dir>/impor/<impor_id>.json      its record: file name, sha256, time, counts; written last,
                                               so an import without it was never completed and is ignored
    <realisasi_dir>/batal/<impor_id>.json      an undo; the import's values stop counting, nothing is deleted

The current value of an indicator/column is the one from the latest import that was not undone.
Times are kept in UTC (ISO text); only their display is local (indonesian.format_datetime).
"""

import hashlib
import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from kinerja import db
from kinerja.capaian.template import ALLOW_HINT, Checked, read_table, validate
from kinerja.errors import ImportRejected, NotFound, Problem, Refused
from kinerja.indonesian import format_datetime
from kinerja.paths import realisasi_dir
from kinerja.spreadsheet import atomic_write
from kinerja.vocab import IMPORT_SOURCES, UNDONE

VALUE_FRAME = ["indikator_id", "kolom", "nilai", "diimpor_pada"]


def list_imports(directory: Path | None = None) -> pd.DataFrame:
    """Every completed import, newest first, with whether and when it was undone."""
    directory = Path(directory or realisasi_dir())
    records = [json.loads(p.read_text()) for p in sorted((directory / "impor").glob("*.json"))]
    undone = {p.stem: json.loads(p.read_text()).get("dibatalkan_pada") for p in (directory / "batal").glob("*.json")}
    frame = pd.DataFrame(records, columns=["impor_id", "berkas", "sha256", "diimpor_pada", "baris", "nilai", "sumber"])
    frame["dibatalkan"] = frame["impor_id"].isin(undone)
    frame["dibatalkan_pada"] = frame["impor_id"].map(undone).astype("object")
    return frame.sort_values("diimpor_pada", ascending=False).reset_index(drop=True)


def store(checked: Checked, name: str, content: bytes, source: str, directory: Path | None = None) -> str:
    """Keep one accepted import: its values first, then its record. Returns the import id."""
    directory = Path(directory or realisasi_dir())
    digest = hashlib.sha256(content).hexdigest()
    previous = list_imports(directory)
    again = previous[(previous["sha256"] == digest) & ~previous["dibatalkan"]]
    if not again.empty:
        first = again.iloc[-1]
        when = format_datetime(first["diimpor_pada"])
        raise ImportRejected(name, [Problem(None, None, f"isi berkas ini sudah diimpor ({when}, {first['impor_id']})")])
    now = datetime.now(UTC)
    import_id = f"{now:%Y%m%dT%H%M%S%f}-{digest[:8]}"
    values = checked.values.assign(impor_id=import_id, diimpor_pada=now.isoformat())
    buffer = io.BytesIO()
    values.to_parquet(buffer, index=False)
    atomic_write(directory / "impor" / f"{import_id}.parquet", buffer.getvalue())
    record = {
        "impor_id": import_id, "berkas": Path(name).name, "sha256": digest, "diimpor_pada": now.isoformat(),
        "baris": checked.rows, "nilai": len(values), "sumber": source,
    }  # fmt: skip
    atomic_write(directory / "impor" / f"{import_id}.json", json.dumps(record, ensure_ascii=False, indent=1).encode())
    return import_id


def undo(import_id: str, directory: Path | None = None) -> None:
    """Stop counting an import's values. Nothing is deleted; the undo is itself a record."""
    directory = Path(directory or realisasi_dir())
    imports = list_imports(directory)
    match = imports[imports["impor_id"] == import_id]
    if match.empty:
        raise NotFound(f"impor '{import_id}' tidak ada")
    if bool(match.iloc[0]["dibatalkan"]):
        raise Refused(f"impor '{import_id}' sudah dibatalkan")
    record = {"impor_id": import_id, "dibatalkan_pada": datetime.now(UTC).isoformat()}
    atomic_write(directory / "batal" / f"{import_id}.json", json.dumps(record).encode())


def active_files(directory: Path | None = None) -> tuple[list[str], list[str]]:
    """The parquet files of completed imports and the ids of undone ones, for the current-value query."""
    imports = list_imports(directory)
    directory = Path(directory or realisasi_dir())
    files = [str(directory / "impor" / f"{i}.parquet") for i in imports["impor_id"]]
    return files, imports[imports["dibatalkan"]]["impor_id"].tolist()


def import_bytes(
    name: str, content: bytes, indicators: pd.DataFrame, source: str, allow_over_100: bool = False, allow_hint: str = ALLOW_HINT
) -> tuple[str, Checked]:
    """Validate the whole file, then store it at once; any problem stores nothing."""
    checked = validate(name, read_table(name, content), indicators, allow_over_100, allow_hint)
    return store(checked, name, content, source), checked


def signature(directory: Path | None = None) -> tuple:
    """What identifies the store's state: its records' names and times. Any import or undo changes it."""
    directory = Path(directory or realisasi_dir())
    records = sorted([*(directory / "impor").glob("*.json"), *(directory / "batal").glob("*.json")])
    return str(directory), tuple((p.name, p.stat().st_mtime_ns) for p in records)


def current_values(con, directory: Path | None = None) -> pd.DataFrame:
    """The current stored value of every indicator/column (empty when nothing was imported)."""
    files, undone = active_files(directory)
    if not files:
        return pd.DataFrame(columns=VALUE_FRAME)
    return db.run_query(con, "realisasi_terkini", berkas=files, dibatalkan=undone)


def coverage(con, imports: pd.DataFrame, directory: Path | None = None) -> dict[str, str]:
    """Which kecamatan and years each import's values belong to, as a line per import id
    ('Lumajang 2023'); values whose indicator is no longer in the data are said as such."""
    if imports.empty:
        return {}
    directory = Path(directory or realisasi_dir())
    files = [str(directory / "impor" / f"{i}.parquet") for i in imports["impor_id"]]
    lines = {}
    for row in db.run_query(con, "cakupan_impor", berkas=files).itertuples():
        parts = [row.wilayah] if isinstance(row.wilayah, str) else []  # NULL: no indicator left
        if row.nilai_tanpa_indikator:
            parts.append(f"{row.nilai_tanpa_indikator} nilai indikator yang sudah tidak ada")
        lines[row.impor_id] = "; ".join(parts)
    return lines


def history(imports: pd.DataFrame, covers: dict[str, str], zone: str | None = None) -> pd.DataFrame:
    """The import history for people: local time, whether it was undone, file, kecamatan and year,
    counts, where it came from in words, and when it was undone. Columns by code; vocab.IMPORT_LABELS
    heads them."""
    frame = pd.DataFrame(
        {
            "diimpor_pada": [format_datetime(t, zone) for t in imports["diimpor_pada"]],
            "status": imports["dibatalkan"].map({True: UNDONE, False: "berlaku"}),
            "berkas": imports["berkas"],
            "cakupan": imports["impor_id"].map(covers).fillna(""),
            "nilai": imports["nilai"],
            "baris": imports["baris"],
            "sumber": imports["sumber"].map(IMPORT_SOURCES).fillna(imports["sumber"]),
            "dibatalkan_pada": [format_datetime(t, zone) if isinstance(t, str) else "" for t in imports["dibatalkan_pada"]],
        }
    )
    return frame
