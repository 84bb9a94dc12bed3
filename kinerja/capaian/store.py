"""The store of accepted imports of targets and realisation: a database, one schema on two engines
(SQLAlchemy Core). SQLite by default, a file in the realisation folder in WAL mode, so the app and the
command line write to it at once; PostgreSQL (KINERJA_DATABASE_URL) for several app instances.

    impor         one row per accepted import: its number (the order of imports), id, file name, sha256,
                  time (UTC), rows, value count, source, who (oleh)
    nilai_impor   the import's values as validated: indikator_id, kolom, nilai (text)
    pembatalan    an undo: the import, when, who. Nothing in these three is ever updated or deleted
    pemindahan    each move of the former file store (impor/*.parquet + *.json, batal/*.json) into the database
    nilai_berlaku the value in force per column and indicator, with the import it came from

Current values are defined by one view (queries/penyimpanan/nilai_terkini.sql): per indicator and column,
the value of the latest import not undone. nilai_berlaku holds the same rows, kept in the transaction of
every import and undo, so reading current values reads one table. Writers take turns, so the "already
imported" check, the insert and the values in force see the same store; an undo is one transaction whose
row the database allows once per import. Every SQL text is in queries/penyimpanan/ (parameters as :name).
"""

import functools
import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import islice
from pathlib import Path

import adbc_driver_manager
import adbc_driver_postgresql.dbapi
import adbc_driver_sqlite.dbapi
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from kinerja import db
from kinerja.capaian.template import ALLOW_HINT, Checked, read_table, validate
from kinerja.errors import ImportRejected, NotFound, Problem, Refused, StoreUnavailable
from kinerja.ids import among, former_ids, id_series
from kinerja.indonesian import format_datetime
from kinerja.paths import QUERIES, database_url, realisasi_dir
from kinerja.vocab import IMPORT_SOURCES, UNDONE

VALUE_FRAME = ["indikator_id", "kolom", "nilai"]
IMPORT_FRAME = [
    "impor_id", "berkas", "sha256", "diimpor_pada", "baris", "nilai", "sumber", "oleh",
    "dibatalkan", "dibatalkan_pada", "dibatalkan_oleh",
]  # fmt: skip
MIGRATED_BY = "(dipindahkan dari penyimpanan berkas)"  # oleh of the imports and undos moved from the file store
SQL = QUERIES / "penyimpanan"
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)
_FIRST, _LAST = 10**15, 10**16 - 1  # import numbers have 16 digits: the view relies on it
_BUSY_SECONDS = 60  # how long a SQLite writer waits for another one before giving up
_MOST_RANGES = 1000  # a scope of more kecamatan-years than this is read whole, then narrowed
_ID_HASH = 10
_ID_SHAPE = rf".+-\d{{4}}-[0-9a-f]{{{_ID_HASH}}}"  # ids.indicator_id: kecamatan-tahun-hash

# PostgreSQL compares these as bytes ("C"): faster, and the ids of one kecamatan and year form one range
# whatever the database's locale (a locale may sort by letters first and skip the hyphens).
_KEY = sa.Text().with_variant(sa.Text(collation="C"), "postgresql")

metadata = sa.MetaData()
impor = sa.Table(
    "impor",
    metadata,
    sa.Column("nomor", sa.BigInteger, primary_key=True, autoincrement=False),  # microseconds since 1970, rising
    sa.Column("impor_id", sa.Text, nullable=False, unique=True),
    sa.Column("berkas", sa.Text, nullable=False),
    sa.Column("sha256", sa.Text, nullable=False),
    sa.Column("ulangan", sa.Integer, nullable=False),  # earlier imports of the same content (all undone)
    sa.Column("diimpor_pada", sa.DateTime(timezone=True), nullable=False),
    sa.Column("baris", sa.Integer, nullable=False),
    sa.Column("nilai", sa.Integer, nullable=False),
    sa.Column("sumber", sa.Text, nullable=False),
    sa.Column("oleh", sa.Text, nullable=False),
    sa.CheckConstraint(f"nomor BETWEEN {_FIRST} AND {_LAST}", name="impor_nomor_16_angka"),
    sa.CheckConstraint("oleh <> ''", name="impor_ada_oleh"),
    sa.UniqueConstraint("sha256", "ulangan", name="impor_isi_sekali"),
)
nilai_impor = sa.Table(
    "nilai_impor",
    metadata,
    sa.Column("indikator_id", _KEY, primary_key=True),
    sa.Column("kolom", _KEY, primary_key=True),
    sa.Column("nomor_impor", sa.BigInteger, sa.ForeignKey("impor.nomor"), primary_key=True),
    sa.Column("nilai", sa.Text, nullable=False),
    sa.Index("nilai_impor_per_impor", "nomor_impor"),
    sqlite_with_rowid=False,  # the rows lie in key order: the view reads them without a sort
)
pembatalan = sa.Table(
    "pembatalan",
    metadata,
    sa.Column("nomor_impor", sa.BigInteger, sa.ForeignKey("impor.nomor"), primary_key=True),  # once per import
    sa.Column("dibatalkan_pada", sa.DateTime(timezone=True), nullable=False),
    sa.Column("oleh", sa.Text, nullable=False),
    sa.CheckConstraint("oleh <> ''", name="pembatalan_ada_oleh"),
)
nilai_berlaku = sa.Table(
    "nilai_berlaku",
    metadata,
    # kolom first: the whole store is read a column at a time, each one range of the key (see _whole_store)
    sa.Column("kolom", _KEY, primary_key=True),
    sa.Column("indikator_id", _KEY, primary_key=True),
    sa.Column("nomor_impor", sa.BigInteger, sa.ForeignKey("impor.nomor"), nullable=False),
    sa.Column("nilai", sa.Text, nullable=False),
    sqlite_with_rowid=False,
)
pemindahan = sa.Table(
    "pemindahan",
    metadata,
    sa.Column("nomor", sa.Integer, primary_key=True),
    sa.Column("folder", sa.Text, nullable=False),
    sa.Column("dipindahkan_pada", sa.DateTime(timezone=True), nullable=False),
    sa.Column("impor", sa.Integer, nullable=False),
    sa.Column("dibatalkan", sa.Integer, nullable=False),
    sa.Column("id_lama_diganti", sa.Integer, nullable=False),  # values whose former indicator id was translated
)


@dataclass(frozen=True)
class Batch:
    """One import for import_many: what store() keeps of a file."""

    name: str  # the file's name, as the history shows it
    values: pd.DataFrame  # indikator_id, kolom, nilai (text, as template.validate gives them)
    rows: int  # the file's rows
    sha256: str  # of the file's content: the same content is kept once while an import of it stands


# ---------------------------------------------------------------------------------------------- the database


@functools.cache
def _sql(name: str) -> str:
    return (SQL / f"{name}.sql").read_text(encoding="utf-8")


def _statement(name: str, params: dict) -> sa.TextClause:
    statement = sa.text(_sql(name))
    # Lists are of text (ids, sha256), said so that an empty list is still a list of text.
    lists = [sa.bindparam(key, expanding=True, type_=sa.Text) for key, value in params.items() if isinstance(value, list | tuple)]
    return statement.bindparams(*lists) if lists else statement


def _run(conn: sa.Connection, name: str, **params) -> sa.CursorResult:
    return conn.execute(_statement(name, params), params)


def _frame(conn: sa.Connection, name: str, **params) -> pd.DataFrame:
    result = _run(conn, name, **params)
    rows = [tuple(row) for row in result.fetchall()]  # plain tuples: pandas probes a Row's attributes, slowly
    return pd.DataFrame(rows, columns=list(result.keys()))


def _sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    return Path(parsed.database) if parsed.get_backend_name() == "sqlite" and parsed.database else None


def _shown(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)


def _sqlite_connected(dbapi_connection, _record) -> None:
    dbapi_connection.isolation_level = None  # SQLAlchemy says BEGIN itself (below); pysqlite would skip it for reads
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")  # readers never wait for a writer, nor a writer for readers
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _sqlite_begin(conn: sa.Connection) -> None:
    # A writer takes the write lock at BEGIN, so two writers queue (the busy timeout) instead of one
    # failing midway when it first writes.
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("menulis") else "BEGIN")


@functools.cache
def _engine(url: str) -> sa.Engine:
    if _sqlite_path(url) is None:
        return sa.create_engine(url, pool_pre_ping=True)
    # No pool: a connection per use holds no file open between uses (tests remove their folders).
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool, connect_args={"timeout": _BUSY_SECONDS})
    sa.event.listen(engine, "connect", _sqlite_connected)
    sa.event.listen(engine, "begin", _sqlite_begin)
    return engine


def _is_postgresql(conn: sa.Connection) -> bool:
    return conn.dialect.name == "postgresql"


def _writing(engine: sa.Engine):
    """A transaction that writes (SQLite: BEGIN IMMEDIATE)."""
    return engine.execution_options(menulis=True).begin()


def _reading(engine: sa.Engine):
    """A transaction that reads one state of the store across several queries."""
    if engine.dialect.name == "postgresql":
        return engine.execution_options(isolation_level="REPEATABLE READ").begin()
    return engine.begin()  # SQLite: a read transaction is one snapshot


def _take_turn(conn: sa.Connection) -> None:
    """Import writers one at a time (SQLite already is, from BEGIN IMMEDIATE)."""
    if _is_postgresql(conn):
        _run(conn, "kunci_impor")


def _has_schema(conn: sa.Connection) -> bool:
    inspector = sa.inspect(conn)
    return set(metadata.tables) <= set(inspector.get_table_names()) and "nilai_terkini" in inspector.get_view_names()


def _create_schema(engine: sa.Engine) -> None:
    path = _sqlite_path(str(engine.url))
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    with engine.connect() as conn:
        if _has_schema(conn):  # looked at without writing: a process starting never waits for a writer
            return
    for attempt in range(3):  # another process creating it at the same moment makes this one fail once
        try:
            with _writing(engine) as conn:
                filling = sa.inspect(conn).has_table("impor") and not sa.inspect(conn).has_table("nilai_berlaku")
                metadata.create_all(conn)
                if "nilai_terkini" not in sa.inspect(conn).get_view_names():
                    conn.exec_driver_sql(_sql("nilai_terkini"))
                if filling:  # a store made before the table: filled in the transaction that makes it
                    _take_turn(conn)
                    _run(conn, "berlaku_isi")
            return
        except sa.exc.DBAPIError:
            if attempt == 2:
                raise


_opened: dict[str, str] = {}  # database URL -> what its opening moved in, until open_store says it


def _unreachable(function):
    """A database that cannot be reached or opened is said in Indonesian (URL without its password),
    at the first opening as later, when it goes away under a running app."""

    @functools.wraps(function)
    def said(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        except (sa.exc.OperationalError, adbc_driver_manager.OperationalError) as error:
            reason = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
            raise StoreUnavailable(f"basis data realisasi {_shown(database_url())} tidak dapat dibuka: {reason}") from error

    return said


def _open(con=None, create: bool = False) -> sa.Engine | None:
    """The store's engine, its tables made and the old file store moved in on first use; None when the
    SQLite file does not exist yet and nothing asks to write (reading an empty store creates nothing)."""
    url = database_url()
    if url not in _opened:
        path = _sqlite_path(url)
        if path is not None and not path.exists() and not create and not _old_records():
            return None
        _create_schema(_engine(url))
        _opened[url] = _migrate(_engine(url), con)
    return _engine(url)


@_unreachable
def open_store(con=None) -> str:
    """Make the store ready (tables; the former file store moved in). Returns, once, the sentence saying
    what this process moved in ('12 impor dipindahkan dari penyimpanan berkas (2 dibatalkan)'), else ''.
    `con` (DuckDB) gives the indicators that translate former ids; db.connect() when not given."""
    url = database_url()
    if _open(con) is None:
        return ""
    news, _opened[url] = _opened[url], ""
    return news


def close() -> None:
    """Let go of every database connection (a process ending does the same)."""
    for url in list(_opened):
        _engine(url).dispose()
    _engine.cache_clear()
    _opened.clear()


# ---------------------------------------------------------------------------------------------- reading


def _utc(moment: datetime | str | None) -> str | None:
    """A stored time as ISO text in UTC (SQLite gives it back as text without its zone, which is UTC)."""
    if moment is None or pd.isna(moment):
        return None
    return _moment(moment).isoformat()


@_unreachable
def list_imports() -> pd.DataFrame:
    """Every import, newest first, with who made it and whether, when and by whom it was undone."""
    engine = _open()
    if engine is None:
        return pd.DataFrame({c: pd.Series(dtype=bool if c == "dibatalkan" else object) for c in IMPORT_FRAME})
    with engine.connect() as conn:
        frame = _frame(conn, "daftar_impor")
    frame["diimpor_pada"] = frame["diimpor_pada"].map(_utc)
    frame["dibatalkan"] = frame["dibatalkan_pada"].notna()
    frame["dibatalkan_pada"] = frame["dibatalkan_pada"].map(_utc).astype("object")
    return frame[IMPORT_FRAME]


@_unreachable
def signature() -> tuple:
    """What identifies the store's state, in one small query: the number of imports, the latest one's
    number and the number of undos. Any import or undo changes it; callers key their caches by it."""
    url = database_url()
    engine = _open()
    if engine is None:
        return url, 0, None, 0
    with engine.connect() as conn:
        counts = _run(conn, "tanda").one()
    return url, counts.impor, counts.terakhir, counts.dibatalkan


def _after(prefix: str) -> str:
    """The first text after every text that starts with the prefix."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def _id_ranges(ids: pd.Series) -> list[tuple[str, str]]:
    """The key ranges holding these ids: one per kecamatan and year (their shared prefix). Vectorised:
    a country's 1,3 million ids take 0,2 s, against 2,4 s through a Python set and a regex per id."""
    ids = ids[ids.notna() & (ids != "")]
    shaped = ids.str.fullmatch(_ID_SHAPE).astype(bool)
    prefixes = pd.concat([ids[shaped].str[:-_ID_HASH], ids[~shaped]]).unique()
    return [(p, _after(p)) for p in sorted(prefixes)]


def _bulk_connection(engine: sa.Engine):
    """The engine's bulk path (ADBC: rows straight into Arrow columns), 1,7 to 3,4 times faster than rows
    through Python objects once the store holds millions of values. One transaction, one snapshot: on
    SQLite every read transaction is one, on PostgreSQL REPEATABLE READ makes it so."""
    url = engine.url
    if url.get_backend_name() == "sqlite":
        return adbc_driver_sqlite.dbapi.connect(url.database)
    libpq = url.set(drivername="postgresql").render_as_string(hide_password=False)
    connection = adbc_driver_postgresql.dbapi.connect(libpq)
    isolation = "adbc.connection.transaction.isolation_level"
    connection.adbc_connection.set_options(**{isolation: "adbc.connection.transaction.isolation.repeatable_read"})
    return connection


def _arrow(cursor, sql: str, *params) -> pa.Table:
    cursor.execute(sql, params or None)
    return cursor.fetch_arrow_table()


def _whole_store(engine: sa.Engine) -> pa.Table:
    """Every value in force, in one snapshot, kolom dictionary-encoded (a few words instead of millions
    of equal strings), sorted by name. SQLite keeps the table in its key's order, so it is read a column
    at a time, each one range, without sending kolom with every row; PostgreSQL keeps rows in the order
    they were written, where a column's rows lie all over the table, so it is read in one pass."""
    with _bulk_connection(engine) as connection, connection.cursor() as cursor:
        if engine.dialect.name == "postgresql":
            values = _arrow(cursor, _sql("berlaku_semua"))
            columns = sorted(set(values["kolom"].to_pylist()))
            parts = [values.filter(pc.equal(values["kolom"], column)) for column in columns]
        else:
            columns = _arrow(cursor, _sql("kolom_berlaku"))["kolom"].to_pylist()
            parts = [_arrow(cursor, _sql("berlaku_kolom"), column) for column in columns]
    dictionary = pa.array(columns, pa.string())
    tables = [
        pa.table(
            {
                "indikator_id": part["indikator_id"].cast(pa.string()),
                "kolom": pa.DictionaryArray.from_arrays(np.full(part.num_rows, code, dtype=np.int8), dictionary),
                "nilai": part["nilai"].cast(pa.string()),
            }
        )
        for code, part in enumerate(parts)
    ]
    return pa.concat_tables(tables) if tables else pa.table({c: pa.array([], pa.string()) for c in VALUE_FRAME})


@_unreachable
def current_table(con=None) -> pa.Table:
    """Every current stored value as an Arrow table (indikator_id, kolom, nilai), for DuckDB to join
    with the indicators: a country's values in a fiftieth of what pandas' objects take."""
    engine = _open(con)
    if engine is None:
        return pa.table({c: pa.array([], pa.string()) for c in VALUE_FRAME})
    return _whole_store(engine)


def _value_frame(values: pa.Table) -> pd.DataFrame:
    if not values.num_rows:
        return pd.DataFrame(columns=VALUE_FRAME)
    return values.to_pandas()


@_unreachable
def current_values(con=None, indikator_ids: Iterable[str] | None = None) -> pd.DataFrame:
    """The current stored value of every indicator/column (indikator_id, kolom as a category, nilai; empty
    when nothing was imported), from the table of values in force. Given indicator ids, only theirs: read
    as one key range per kecamatan and year, so one kabupaten is a few small reads at any store size.
    `con` (DuckDB) is used only when the former file store must be moved in first."""
    engine = _open(con)
    if engine is None:
        return pd.DataFrame(columns=VALUE_FRAME)
    if indikator_ids is None:
        return _value_frame(_whole_store(engine))
    wanted = id_series(indikator_ids)
    ranges = _id_ranges(wanted)
    if len(ranges) > _MOST_RANGES:
        found = _value_frame(_whole_store(engine))
        return found[among(found["indikator_id"], wanted)].reset_index(drop=True)
    wanted = set(wanted)
    with _reading(engine) as conn:
        columns = _run(conn, "kolom_berlaku").scalars().all() if ranges else []
        read = (_run(conn, "terkini_rentang", kolom=columns, dari=low, sampai=high).fetchall() for low, high in ranges)
        rows = [tuple(row) for rows in read for row in rows if row[0] in wanted]
    found = pd.DataFrame(rows, columns=VALUE_FRAME)
    return found.astype({"kolom": pd.CategoricalDtype(columns)}) if rows else found


@_unreachable
def values_per_import(import_ids: list[str], con=None) -> pd.DataFrame:
    """The indicators each import gave values for: impor_id, indikator_id, nilai (how many values)."""
    engine = _open(con)
    if engine is None or not import_ids:
        return pd.DataFrame(columns=["impor_id", "indikator_id", "nilai"])
    with _reading(engine) as conn:
        parts = [_frame(conn, "nilai_per_impor", impor_id=chunk) for chunk in _chunks(import_ids, 500)]
    return pd.concat(parts, ignore_index=True)


@_unreachable
def coverage(con, imports: pd.DataFrame) -> dict[str, str]:
    """Which kecamatan and years each import's values belong to, as a line per import id
    ('Lumajang 2023'); values whose indicator is no longer in the data are said as such."""
    if imports.empty:
        return {}
    pairs = values_per_import(imports["impor_id"].tolist(), con)
    lines = {}
    columns = {c: pairs[c].tolist() for c in ("impor_id", "indikator_id", "nilai")}
    for row in db.run_query(con, "cakupan_impor", **columns).itertuples():
        parts = [row.wilayah] if isinstance(row.wilayah, str) else []  # NULL: no indicator left
        if row.nilai_tanpa_indikator:
            parts.append(f"{row.nilai_tanpa_indikator} nilai indikator yang sudah tidak ada")
        lines[row.impor_id] = "; ".join(parts)
    return lines


def history(imports: pd.DataFrame, covers: dict[str, str], zone: str | None = None) -> pd.DataFrame:
    """The import history for people: local time, whether it was undone, file, kecamatan and year,
    counts, where it came from in words, who, and when and by whom it was undone. Columns by code;
    vocab.IMPORT_LABELS heads them."""
    undone_at = imports["dibatalkan_pada"]
    return pd.DataFrame(
        {
            "diimpor_pada": [format_datetime(t, zone) for t in imports["diimpor_pada"]],
            "status": imports["dibatalkan"].map({True: UNDONE, False: "berlaku"}),
            "berkas": imports["berkas"],
            "cakupan": imports["impor_id"].map(covers).fillna(""),
            "nilai": imports["nilai"],
            "baris": imports["baris"],
            "sumber": imports["sumber"].map(IMPORT_SOURCES).fillna(imports["sumber"]),
            "oleh": imports["oleh"],
            "dibatalkan_pada": [format_datetime(t, zone) if isinstance(t, str) else "" for t in undone_at],
            "dibatalkan_oleh": imports["dibatalkan_oleh"].fillna(""),
        }
    )


# ---------------------------------------------------------------------------------------------- writing


def _require_writer(oleh: str) -> str:
    if not isinstance(oleh, str) or not oleh.strip():
        raise Refused("tidak disimpan: setiap perubahan mencatat siapa yang membuatnya, dan namanya (oleh) kosong")
    return oleh.strip()


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _microseconds(moment: datetime) -> int:
    return (moment - _EPOCH) // _MICROSECOND


def _import_id(number: int, sha256: str) -> str:
    """'20261124T070500123456-1a2b3c4d': the import's moment and its content, readable and in order."""
    return f"{_EPOCH + number * _MICROSECOND:%Y%m%dT%H%M%S%f}-{sha256[:8]}"


def _already_imported(batch: Batch, first: pd.Series) -> ImportRejected:
    when = format_datetime(_utc(first["diimpor_pada"]))
    return ImportRejected(batch.name, [Problem(None, None, f"isi berkas ini sudah diimpor ({when}, {first['impor_id']})")])


def _repeats(conn: sa.Connection, batches: list[Batch], seen: dict[str, str]) -> dict[str, int]:
    """How many earlier imports each batch's content has (its `ulangan`); refuses a content that is
    stored and not undone, or twice in this call."""
    for batch in batches:
        if batch.sha256 in seen:
            problem = Problem(None, None, f"isi berkas ini sama dengan {seen[batch.sha256]} dalam impor yang sama")
            raise ImportRejected(batch.name, [problem])
        seen[batch.sha256] = batch.name
    earlier = _frame(conn, "isi_sama", sha256=[b.sha256 for b in batches])
    standing = earlier[~earlier["dibatalkan"].astype(bool)].drop_duplicates("sha256").set_index("sha256")
    for batch in batches:
        if batch.sha256 in standing.index:
            raise _already_imported(batch, standing.loc[batch.sha256])
    return earlier["sha256"].value_counts().to_dict()


def _insert_values(conn: sa.Connection, values: pd.DataFrame) -> None:
    """Many values at once: COPY on PostgreSQL, one prepared INSERT for every row on SQLite."""
    if _is_postgresql(conn):
        csv = values[["nomor_impor", "indikator_id", "kolom", "nilai"]].to_csv(index=False, header=False)
        driver_error = conn.dialect.loaded_dbapi.Error
        try:
            with conn.connection.dbapi_connection.cursor() as cursor, cursor.copy(_sql("salin_nilai")) as copy:
                copy.write(csv)
        except driver_error as error:  # the driver's own cursor: said as SQLAlchemy says every other statement's
            raise sa.exc.DBAPIError.instance(_sql("salin_nilai"), None, error, driver_error) from error
        return
    insert = str(nilai_impor.insert().compile(dialect=conn.dialect))
    columns = [c.name for c in nilai_impor.columns]
    rows = list(zip(*(values[c].tolist() for c in columns), strict=True))
    conn.exec_driver_sql(insert, rows)


def _write_batches(conn: sa.Connection, batches: list[Batch], oleh: str, source: str, seen: dict[str, str]) -> list[str]:
    """One round of imports inside the caller's transaction: records first, then every value."""
    repeats = _repeats(conn, batches, seen)
    now = datetime.now(UTC)
    first = max(_microseconds(now), (_run(conn, "nomor_terakhir").scalar() or 0) + 1)
    records = [
        {
            "nomor": number, "impor_id": _import_id(number, batch.sha256), "berkas": batch.name,
            "sha256": batch.sha256, "ulangan": repeats.get(batch.sha256, 0), "diimpor_pada": now,
            "baris": batch.rows, "nilai": len(batch.values), "sumber": source, "oleh": oleh,
        }
        for number, batch in enumerate(batches, start=first)
    ]  # fmt: skip
    conn.execute(impor.insert(), records)
    values = pd.concat([b.values for b in batches], ignore_index=True)[VALUE_FRAME]
    values["nomor_impor"] = np.repeat([r["nomor"] for r in records], [r["nilai"] for r in records])
    _insert_values(conn, values)
    _run(conn, "berlaku_impor", pertama=records[0]["nomor"], terakhir=records[-1]["nomor"])
    return [r["impor_id"] for r in records]


@_unreachable
def import_many(batches: Iterable[Batch], oleh: str, source: str, per_round: int = 1000) -> list[str]:
    """Store many imports in one transaction, all or none: `batches` (Batch: file name, values, rows,
    sha256) in the order they happened, `oleh` who, `source` where from (vocab.IMPORT_SOURCES or another
    word). Read `per_round` batches at a time, each round one query for what is already stored, one
    insert for the records and one bulk write of the values (COPY on PostgreSQL); after more than one round,
    PostgreSQL's statistics are refreshed for the planner. Returns the import ids."""
    oleh = _require_writer(oleh)
    engine = _open(create=True)
    ids: list[str] = []
    seen: dict[str, str] = {}
    with _writing(engine) as conn:
        _take_turn(conn)
        for chunk in _chunks(batches, per_round):
            ids += _write_batches(conn, chunk, oleh, source, seen)
    if engine.dialect.name == "postgresql" and len(ids) > per_round:
        with engine.begin() as conn:
            _run(conn, "statistik")
    return ids


def store(checked: Checked, name: str, content: bytes, source: str, oleh: str) -> str:
    """Keep one accepted import, made by `oleh`, in one transaction. Returns the import id."""
    batch = Batch(Path(name).name, checked.values, checked.rows, hashlib.sha256(content).hexdigest())
    return import_many([batch], oleh, source)[0]


def import_bytes(
    name: str,
    content: bytes,
    indicators: pd.DataFrame,
    source: str,
    allow_over_100: bool = False,
    allow_hint: str = ALLOW_HINT,
    *,
    oleh: str,
) -> tuple[str, Checked]:
    """Validate the whole file, then store it at once; any problem stores nothing."""
    _require_writer(oleh)
    checked = validate(name, read_table(name, content), indicators, allow_over_100, allow_hint)
    return store(checked, name, content, source, oleh), checked


def _undo_in_force(conn: sa.Connection, number: int) -> None:
    """After an import's row in pembatalan: the keys whose value in force came from it get the latest
    value of the imports still standing (or none). Only that import's keys are touched."""
    _run(conn, "berlaku_batal_hapus", nomor_impor=number)
    _run(conn, "berlaku_batal_hitung", nomor_impor=number)


@_unreachable
def undo(import_id: str, oleh: str) -> None:
    """Stop counting an import's values: one row in pembatalan, nothing of the history deleted, and the
    values in force of its keys computed again. An import is undone once; the second undo, also one
    racing the first, is refused."""
    oleh = _require_writer(oleh)
    engine = _open()
    found = None
    if engine is not None:
        try:
            with _writing(engine) as conn:
                _take_turn(conn)  # the values in force are computed from a store no other writer changes meanwhile
                found = _run(conn, "satu_impor", impor_id=import_id).one_or_none()
                if found is not None and not found.dibatalkan:
                    row = {"nomor_impor": found.nomor, "dibatalkan_pada": datetime.now(UTC), "oleh": oleh}
                    conn.execute(pembatalan.insert(), row)
                    _undo_in_force(conn, found.nomor)
                    return
        except sa.exc.IntegrityError as error:  # undone by another writer between the look and the write
            raise Refused(f"impor '{import_id}' sudah dibatalkan") from error
    if found is None:
        raise NotFound(f"impor '{import_id}' tidak ada")
    raise Refused(f"impor '{import_id}' sudah dibatalkan")


# ---------------------------------------------------------------------------------------------- the old store


def _old_records() -> list[Path]:
    """The former file store's completed imports (a record is written last; a lone parquet never completed)."""
    return sorted((realisasi_dir() / "impor").glob("*.json"))


@dataclass
class _OldImport:
    record: dict
    values: pd.DataFrame
    undone: dict | None


def _old_imports(folder: Path, stored: pd.DataFrame) -> tuple[list[_OldImport], list[dict]]:
    """The old imports not in the database yet (with their values and undo), and the old undos of
    imports already in it that the database does not have."""
    known = dict(zip(stored["impor_id"], stored["dibatalkan_pada"].notna(), strict=True))
    undos = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in (folder / "batal").glob("*.json")}
    new = []
    for path in _old_records():
        if path.stem not in known:
            values = pd.read_parquet(path.with_suffix(".parquet"), columns=VALUE_FRAME)
            new.append(_OldImport(json.loads(path.read_text(encoding="utf-8")), values, undos.get(path.stem)))
    late_undos = [u for i, u in undos.items() if i in known and not known[i]]
    return new, late_undos


def _translate(values: pd.DataFrame, indicators: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """Former indicator ids (before the kabupaten was in the key) become their indicator's id; an id
    that is neither stays as it is (shown as a value whose indicator no longer exists)."""
    current = set(indicators["indikator_id"])
    former = former_ids(indicators)
    translated = values["indikator_id"].map(lambda i: former.get(i, i) if i not in current else i)
    return values.assign(indikator_id=translated), int((translated != values["indikator_id"]).sum())


def _moment(moment: datetime | str) -> datetime:
    """An aware time in UTC from stored or ISO text; a time without its zone is UTC."""
    moment = datetime.fromisoformat(moment) if isinstance(moment, str) else moment
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _migrate(engine: sa.Engine, con) -> str:
    """Move every completed import and undo of the former file store into the database, in one
    transaction, leaving the files as they are; says what was moved ('' when nothing)."""
    folder = realisasi_dir()
    if not _old_records():
        return ""
    with engine.connect() as conn:
        new, late_undos = _old_imports(folder, _frame(conn, "daftar_impor"))
    if not new and not late_undos:
        return ""
    from kinerja.capaian import assembly  # here: assembly reads the store

    indicators = assembly.indicators(con if con is not None else db.connect())
    try:
        with _writing(engine) as conn:
            _take_turn(conn)
            moved = _write_old(conn, folder, new, late_undos, indicators)
    except sa.exc.IntegrityError:
        with engine.connect() as conn:
            if any(_old_imports(folder, _frame(conn, "daftar_impor"))):
                raise
        return ""  # another process moved them at the same moment
    undone = sum(1 for old in new if old.undone) + len(late_undos)
    said = f"{len(new)} impor dipindahkan dari penyimpanan berkas ({undone} dibatalkan)"
    return said + (f"; {moved} nilai memakai ID indikator lama dan kini tercatat pada ID barunya" if moved else "")


def _write_old(conn: sa.Connection, folder: Path, new: list[_OldImport], late_undos: list[dict], indicators) -> int:
    """The old imports in their time order, each numbered by its own time; returns how many values had a
    former id."""
    taken = set(_frame(conn, "daftar_impor")["nomor"])
    repeats = _frame(conn, "isi_sama", sha256=sorted({o.record["sha256"] for o in new}))["sha256"].value_counts().to_dict()
    numbers: dict[str, int] = {}
    records, values, undos, moved = [], [], [], 0
    for old in sorted(new, key=lambda o: (o.record["diimpor_pada"], o.record["impor_id"])):
        moment = _moment(old.record["diimpor_pada"])
        number = _microseconds(moment)
        while number in taken:
            number += 1
        taken.add(number)
        numbers[old.record["impor_id"]] = number
        sha = old.record["sha256"]
        records.append(
            {
                "nomor": number, "impor_id": old.record["impor_id"], "berkas": old.record["berkas"], "sha256": sha,
                "ulangan": repeats.get(sha, 0), "diimpor_pada": moment, "baris": int(old.record["baris"]),
                "nilai": int(old.record["nilai"]), "sumber": old.record["sumber"], "oleh": MIGRATED_BY,
            }
        )  # fmt: skip
        repeats[sha] = repeats.get(sha, 0) + 1
        translated, count = _translate(old.values, indicators)
        moved += count
        values.append(translated.assign(nomor_impor=number))
        if old.undone:
            undos.append({"nomor_impor": number, "dibatalkan_pada": _moment(old.undone["dibatalkan_pada"]), "oleh": MIGRATED_BY})
    stored = _frame(conn, "daftar_impor").set_index("impor_id")["nomor"]
    for undo_record in late_undos:
        moment = _moment(undo_record["dibatalkan_pada"])
        undos.append({"nomor_impor": int(stored[undo_record["impor_id"]]), "dibatalkan_pada": moment, "oleh": MIGRATED_BY})
    if records:
        conn.execute(impor.insert(), records)
        _insert_values(conn, pd.concat(values, ignore_index=True))
    if undos:
        conn.execute(pembatalan.insert(), undos)
    if records:  # numbered by their own times, so among the database's: the latest value wins, as ever
        _run(conn, "berlaku_impor", pertama=min(numbers.values()), terakhir=max(numbers.values()))
    for undo_record in late_undos:
        _undo_in_force(conn, int(stored[undo_record["impor_id"]]))
    conn.execute(
        pemindahan.insert(),
        {"folder": str(folder), "dipindahkan_pada": datetime.now(UTC), "impor": len(records), "dibatalkan": len(undos),
         "id_lama_diganti": moved},
    )  # fmt: skip
    return moved
