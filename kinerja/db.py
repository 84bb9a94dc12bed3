"""The query layer: DuckDB over data/normalised, one root connection, a cursor per query, SQL only
from queries/. May import: the ground floor."""

import re
from functools import cache
from pathlib import Path

import duckdb
import pandas as pd

from kinerja.errors import DataNotBuilt
from kinerja.paths import QUERIES, normalised_dir
from kinerja.vocab import reference_tables

MAY_IMPORT = ("kinerja.paths", "kinerja.vocab", "kinerja.errors")  # the ground floor it needs

TABLES = ("indikator", "jabatan", "dokumen")
_PARAMETER = re.compile(r"\$([a-z_][a-z0-9_]*)")


@cache
def query_text(name: str) -> str:
    path = QUERIES / f"{name}.sql"
    if not path.exists():
        raise KeyError(f"tidak ada kueri '{name}' di {QUERIES}")
    return path.read_text(encoding="utf-8")


def query_names() -> list[str]:
    """The questions: every .sql file but the shared definitions (_filter.sql, _ukuran.sql)."""
    return sorted(p.stem for p in QUERIES.glob("*.sql") if not p.stem.startswith("_"))


def _definitions() -> list[str]:
    return sorted(p.stem for p in QUERIES.glob("_*.sql"))


def missing_tables(directory: Path | None = None) -> list[str]:
    directory = Path(directory or normalised_dir())
    return [t for t in TABLES if not (directory / f"{t}.parquet").exists()]


def connect(directory: Path | None = None) -> duckdb.DuckDBPyConnection:
    """An in-memory database: the normalised tables, the vocabulary's reference tables, and the
    shared macros (filters, measures)."""
    directory = Path(directory or normalised_dir())
    missing = missing_tables(directory)
    if missing:
        raise DataNotBuilt(f"{directory}: {', '.join(missing)}.parquet tidak ada; jalankan `python -m kinerja build`")
    con = duckdb.connect()
    for table in TABLES:
        con.read_parquet(str(directory / f"{table}.parquet")).create(table)
    for name, frame in reference_tables().items():
        con.from_df(frame).create(name)
    for name in _definitions():
        con.execute(query_text(name))
    return con


def run_query(con: duckdb.DuckDBPyConnection, name: str, **params) -> pd.DataFrame:
    """Run queries/<name>.sql with its $parameters bound by name, on a cursor of its own."""
    sql = query_text(name)
    wanted = sorted(set(_PARAMETER.findall(sql)))
    missing = [p for p in wanted if p not in params]
    if missing:
        raise TypeError(f"kueri '{name}' membutuhkan parameter: {', '.join(missing)}")
    cursor = con.cursor()
    try:
        return cursor.execute(sql, {p: params[p] for p in wanted}).df()
    finally:
        cursor.close()
