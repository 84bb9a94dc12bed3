"""The normalised tables on disk: a folder per table, Parquet partitioned by provinsi and kabupaten.

    normalised/indikator/provinsi=Jawa%20Timur/kabupaten=Gresik/data_0.parquet
    normalised/jabatan/…   normalised/dokumen/…   normalised/versi.json (written last)

A question about one kabupaten opens only that kabupaten's file (DuckDB prunes files by the folder
names, also for the parameterised filter macros). The partition columns stay inside the files too,
so a file read alone is complete and the columns keep their order. Not partitioned by year as well:
at national scale that makes ~2.600 small files per table, and an unfiltered question spends five
times longer opening them than reading (measured: 340 ms against 65 ms); a kabupaten's file holds
all its years in a few thousand rows. Strings are dictionary-encoded by the Parquet writer."""

import json
from pathlib import Path

import duckdb
import pandas as pd

TABLES = ("indikator", "jabatan", "dokumen", "kualitas", "pohon", "kaitan_usang", "klaster", "klaster_usang", "antar_tahun")
PARTITION_BY = ["provinsi", "kabupaten"]
VERSION_FILE = "versi.json"  # written after the tables: its presence says the folder is complete
_EMPTY = "kosong.parquet"  # a table without rows keeps its columns in one unpartitioned file
_WHOLE = "utuh.parquet"  # so does a table of no region (the officers' decisions that apply to nothing)


def table_files(directory: Path, table: str) -> list[str]:
    """The table's files, in a stable order (empty when the table was never written)."""
    return sorted(str(p) for p in (Path(directory) / table).rglob("*.parquet"))


def is_partitioned(files: list[str]) -> bool:
    return not (len(files) == 1 and files[0].endswith((_EMPTY, _WHOLE)))


def write_table(frame: pd.DataFrame, folder: Path) -> None:
    """One table as partitioned Parquet in a new folder (rows sorted by region and year, so a
    kabupaten's years sit together)."""
    folder.mkdir(parents=True)
    if frame.empty or not set(PARTITION_BY) <= set(frame.columns):
        frame.to_parquet(folder / (_EMPTY if frame.empty else _WHOLE), index=False)
        return
    # DuckDB partitions a file pyarrow wrote, never the DataFrame itself: a scan of Python objects
    # needs the GIL on DuckDB's worker threads, and closing the connection while one of them waits
    # for it can freeze the whole app process (an upload in the app writes these tables).
    whole = folder.with_name(f".{folder.name}.parquet")
    con = duckdb.connect()
    try:
        frame.to_parquet(whole, index=False)
        ordered = con.read_parquet(str(whole)).order(", ".join([*PARTITION_BY, "tahun", "kecamatan"]))
        ordered.to_parquet(str(folder), partition_by=PARTITION_BY, write_partition_columns=True, compression="zstd")
    finally:
        con.close()
        whole.unlink(missing_ok=True)


def write_version(directory: Path, counts: dict[str, int], made: str) -> None:
    (Path(directory) / VERSION_FILE).write_text(json.dumps({"dibuat": made, "baris": counts}), encoding="utf-8")


def version_stamp(directory: Path) -> float:
    """Changes whenever the tables are written again (0 when they are not there)."""
    path = Path(directory) / VERSION_FILE
    return path.stat().st_mtime if path.exists() else 0.0


def missing_tables(directory: Path) -> list[str]:
    if not (Path(directory) / VERSION_FILE).exists():
        return list(TABLES)
    return [t for t in TABLES if not table_files(directory, t)]
