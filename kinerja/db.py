"""DuckDB over data/normalised: one root connection, a cursor per query, SQL only from queries/."""

import os
import re
from functools import cache
from pathlib import Path

import duckdb
import pandas as pd

from kinerja.errors import DataNotBuilt
from kinerja.paths import NORMALISED, QUERIES

TABLES = ("indikator", "jabatan", "dokumen")
MACROS = "_filter"  # queries/_filter.sql: the filtered tables every question starts from
_PARAMETER = re.compile(r"\$([a-z_][a-z0-9_]*)")


def data_dir() -> Path:
    """KINERJA_DATA_DIR when set (tests, other datasets), else data/normalised."""
    return Path(os.environ.get("KINERJA_DATA_DIR") or NORMALISED)


@cache
def query_text(name: str) -> str:
    path = QUERIES / f"{name}.sql"
    if not path.exists():
        raise KeyError(f"tidak ada kueri '{name}' di {QUERIES}")
    return path.read_text(encoding="utf-8")


def query_names() -> list[str]:
    return sorted(p.stem for p in QUERIES.glob("*.sql") if not p.stem.startswith("_"))


def connect(directory: Path | None = None) -> duckdb.DuckDBPyConnection:
    """An in-memory database holding the normalised tables and the filter macros."""
    directory = Path(directory or data_dir())
    missing = [t for t in TABLES if not (directory / f"{t}.parquet").exists()]
    if missing:
        raise DataNotBuilt(f"{directory}: {', '.join(missing)}.parquet tidak ada; jalankan `python -m kinerja build`")
    con = duckdb.connect()
    for table in TABLES:
        con.read_parquet(str(directory / f"{table}.parquet")).create(table)
    con.execute(query_text(MACROS))
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
