"""Benchmark: median time of every query, of every page's rerun after a filter change, and of
building the meeting's deck and workbook.

    .venv/bin/python bench/run.py        (or: make bench)

Pages are rerun with streamlit.testing.v1.AppTest, which adds its own overhead: the figures are an
upper bound of what the server spends. Budget at this data size: page rerun < 250 ms, query < 20 ms.
"""

import logging
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest  # noqa: E402

# AppTest's "missing ScriptRunContext" bare-mode warnings would bury the figures (a filter, because
# streamlit resets its loggers' levels when it loads its configuration).
logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(lambda record: False)

from kinerja import db, site  # noqa: E402
from kinerja.capaian import assembly, store  # noqa: E402
from kinerja.filters import Filters  # noqa: E402
from kinerja.paths import EXAMPLE_FILE, normalised_dir  # noqa: E402

EXTRA = {"batas": 1, "per_kategori": 3, "pilihan_jabatan": "Kepala Seksi Pemerintahan", "pilihan_bidang": "", "cari": "laporan"}
FILTER_VALUES = ["pengadministrasi", "seksi", ""]


def median_ms(action, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _example_store(con) -> dict:
    """The illustrative values stored as one import in a temporary store, as an officer's would be."""
    folder = Path(tempfile.mkdtemp(prefix="bench-realisasi-"))
    os.environ["KINERJA_REALISASI_DIR"] = str(folder)
    content = EXAMPLE_FILE.read_bytes()
    imported, _ = store.import_bytes(EXAMPLE_FILE.name, content, assembly.indicators(con), "bench", oleh="bench")
    pairs = store.values_per_import([imported])
    return {c: pairs[c].tolist() for c in ("impor_id", "indikator_id", "nilai")}


def bench_queries(repeat: int = 30) -> list[tuple[str, float]]:
    con = db.connect()
    params = {**Filters(teks="seksi").params(), **_example_store(con)}
    return [(name, median_ms(lambda n=name: db.run_query(con, n, **params, **EXTRA), repeat)) for name in db.query_names()]


def page_run_ms(page: site.Page, teks: str) -> float:
    """One run of a page whose jabatan filter comes from the URL, as after a filter change."""
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.query_params["jabatan_teks"] = teks
    if page == site.PAGES[0]:
        start = time.perf_counter()
        at.run()
    else:
        at.run()
        start = time.perf_counter()
        at.switch_page(page.from_router).run()
    elapsed = (time.perf_counter() - start) * 1000
    if at.exception:
        raise RuntimeError(f"{page}: {at.exception[0].value}")
    return elapsed


def bench_pages(repeat: int = 6) -> list[tuple[str, float]]:
    results = []
    for page in site.PAGES:
        page_run_ms(page, "")  # warm-up: imports and caches, as a running server has them
        times = [page_run_ms(page, FILTER_VALUES[i % len(FILTER_VALUES)]) for i in range(repeat)]
        results.append((page.script.removesuffix(".py"), statistics.median(times)))
    return results


def bench_exports(repeat: int = 5) -> list[tuple[str, float]]:
    """The deck and the workbook of the key views (no filter), as the sidebar's download buttons build
    them once the views are there."""
    from kinerja.presentation import slides, sources, views, workbook

    con = db.connect()
    filters = Filters()
    shown, documents = views.key_views(con, filters), sources.documents(con, filters)
    return [
        ("paparan (PPTX)", median_ms(lambda: slides.deck(shown, filters, documents), repeat)),
        ("buku kerja (XLSX)", median_ms(lambda: workbook.workbook(shown, filters, documents), repeat)),
    ]


def main() -> None:
    print(f"Data: {normalised_dir()}")
    print(f"\n{'Kueri':<28} {'median (ms)':>12}  anggaran 20 ms")
    for name, ms in bench_queries():
        print(f"{name:<28} {ms:>12.2f}  {'ok' if ms < 20 else 'LEWAT'}")
    print(f"\n{'Halaman (rerun setelah filter)':<32} {'median (ms)':>12}  anggaran 250 ms")
    for name, ms in bench_pages():
        print(f"{name:<32} {ms:>12.1f}  {'ok' if ms < 250 else 'LEWAT'}")
    print(f"\n{'Ekspor tampilan utama':<32} {'median (ms)':>12}")
    for name, ms in bench_exports():
        print(f"{name:<32} {ms:>12.1f}")


if __name__ == "__main__":
    main()
