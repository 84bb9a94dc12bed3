"""Benchmark of the realisation store at national size: a synthetic store of one import per document
(36.484 imports, 1,27 M indicators), written with the bulk API, then the reads the app makes.

    .venv/bin/python bench/store.py                        # SQLite and PostgreSQL
    .venv/bin/python bench/store.py --mesin sqlite         # one engine
    .venv/bin/python bench/store.py --url postgresql+psycopg://user@host/db   # an existing, empty database

PostgreSQL is started in a temporary folder as the tests do (tests/postgres.py) unless --url is given.
Values per indicator as officers fill them: a target for half, each quarter less often than the one
before (90 %, 80 %, 70 %, 60 %), the annual figure for a fifth: 3,7 on average, 6 at most (--penuh: all 6).
Prints the median of several runs of each read; the budget for all current values is 1 s.
"""

import argparse
import hashlib
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kinerja.capaian import store  # noqa: E402
from kinerja.capaian.template import Checked  # noqa: E402

DOCUMENTS = 36_484
INDICATORS_PER_DOCUMENT = 35  # 1.276.940 indicators
KECAMATAN_PER_KABUPATEN = 14
YEARS = range(2020, 2025)
CHANCE = {"target": 0.5, "tw1": 0.9, "tw2": 0.8, "tw3": 0.7, "tw4": 0.6, "tahunan": 0.2}


def _document(d: int) -> tuple[str, int]:
    """The kecamatan slug and year of document d: five years of each kecamatan in turn."""
    return f"kecamatan-{d // len(YEARS):04d}", YEARS[d % len(YEARS)]


def indicator_ids(d: int) -> list[str]:
    kecamatan, tahun = _document(d)
    return [f"{kecamatan}-{tahun}-{hashlib.sha1(f'{d}|{i}'.encode()).hexdigest()[:10]}" for i in range(INDICATORS_PER_DOCUMENT)]


def values_of(documents: range, rng: np.random.Generator, full: bool) -> pd.DataFrame:
    """The documents' values in long form, as template.validate gives them, with the document of each."""
    ids = np.array([i for d in documents for i in indicator_ids(d)])
    document = np.repeat(np.array(documents), INDICATORS_PER_DOCUMENT)
    parts = []
    for column, chance in CHANCE.items():
        chosen = np.ones(len(ids), bool) if full else rng.random(len(ids)) < chance
        numbers = np.char.add(rng.integers(0, 100, chosen.sum()).astype(str), ".0")
        parts.append(pd.DataFrame({"dokumen": document[chosen], "indikator_id": ids[chosen], "kolom": column, "nilai": numbers}))
    return pd.concat(parts, ignore_index=True).sort_values("dokumen", kind="stable", ignore_index=True)


def batches(full: bool, seed: int = 1, per_round: int = 1000):
    """One import per document, made a thousand documents at a time."""
    rng = np.random.default_rng(seed)
    for first in range(0, DOCUMENTS, per_round):
        documents = range(first, min(first + per_round, DOCUMENTS))
        values = values_of(documents, rng, full)
        bounds = np.searchsorted(values["dokumen"].to_numpy(), [*documents, documents.stop])
        for d, start, end in zip(documents, bounds[:-1], bounds[1:], strict=True):
            digest = hashlib.sha256(f"dokumen {d}".encode()).hexdigest()
            yield store.Batch(f"realisasi_{d:05d}.xlsx", values.iloc[start:end], INDICATORS_PER_DOCUMENT, digest)


def median_seconds(action, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def kabupaten_ids(k: int) -> list[str]:
    """Every indicator id of kabupaten k: its kecamatan's documents of every year."""
    first = k * KECAMATAN_PER_KABUPATEN * len(YEARS)
    return [i for d in range(first, first + KECAMATAN_PER_KABUPATEN * len(YEARS)) for i in indicator_ids(d)]


def measure(engine_name: str, full: bool) -> None:
    print(f"\n== {engine_name}: {store.database_url().split('@')[-1]}")
    start = time.perf_counter()
    store.import_many(batches(full), oleh="bench", source="bench")
    print(f"menulis {DOCUMENTS:,} impor sekaligus (import_many): {time.perf_counter() - start:.1f} s".replace(",", "."))
    count = len(store.current_values())
    print(f"nilai terkini: {count:,} nilai dari {DOCUMENTS:,} impor".replace(",", "."))
    rng = np.random.default_rng(2)
    extra = iter(range(1_000_000))

    added = []

    def one_import():
        n = next(extra)
        checked = Checked(values_of(range(n, n + 1), rng, full), INDICATORS_PER_DOCUMENT)
        added.append(store.store(checked, f"tambahan_{n}.csv", f"tambahan {n}".encode(), "aplikasi", oleh="bench"))

    def one_undo():
        store.undo(added.pop(), oleh="bench")

    scope = kabupaten_ids(7)
    figures = [
        ("satu impor baru (35 indikator)", median_seconds(one_import, 5)),
        ("satu pembatalan (35 indikator)", median_seconds(one_undo, 5)),
        ("nilai terkini seluruh Indonesia", median_seconds(lambda: store.current_values(), 3)),
        (f"nilai terkini satu kabupaten ({len(scope):,} indikator)".replace(",", "."),
         median_seconds(lambda: store.current_values(indikator_ids=scope), 5)),
        ("signature() (kunci cache)", median_seconds(store.signature, 20)),
        ("list_imports() (riwayat)", median_seconds(store.list_imports, 3)),
    ]  # fmt: skip
    for label, seconds in figures:
        print(f"{label:<48} {seconds * 1000:>10.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mesin", choices=["sqlite", "postgresql", "keduanya"], default="keduanya")
    parser.add_argument("--url", help="an empty PostgreSQL database to use instead of a temporary server")
    parser.add_argument("--penuh", action="store_true", help="all six values for every indicator")
    args = parser.parse_args()
    if args.mesin in ("sqlite", "keduanya"):
        with tempfile.TemporaryDirectory(prefix="bench-store-") as folder:
            os.environ.pop("KINERJA_DATABASE_URL", None)
            os.environ["KINERJA_REALISASI_DIR"] = folder
            measure("SQLite", args.penuh)
            store.close()
    if args.mesin in ("postgresql", "keduanya"):
        from tests.postgres import Server, binaries

        server = None if args.url else Server(binaries(), durable=True)
        try:
            os.environ["KINERJA_DATABASE_URL"] = args.url or server.start()
            measure("PostgreSQL", args.penuh)
            store.close()
        finally:
            if server:
                server.stop()


if __name__ == "__main__":
    main()
