"""Benchmark of the dataset KINERJA_DATA_DIR names (data/ by default): every query, the four main
questions against plain pandas, the current realisation values, every page's rerun, the bytes each
page sends to the browser, building the deck and the workbook, and the resident memory of each.

    .venv/bin/python bench/run.py                     (make bench: the seed documents in data/)
    make bench SCALE=kabupaten|nasional               (a generated dataset in bench/data/<scale>)

Two scopes: all data, and one kabupaten in the filter (the generator's sample kabupaten, else the one
with the most indicators). Each line is marked against the budgets of issue 12; tests never time.

- Queries, pandas and realisation: one process (RSS after loading, and its peak with pandas' tables).
- Pages: rerun after a filter change with streamlit.testing.v1.AppTest (which adds its own overhead:
  an upper bound of what the server spends), each page and scope in a process of its own, so its RSS
  is the page's. An error the page shows is printed beside its times.
- Browser: the app under `streamlit run` on a free loopback port, each page opened in headless
  Chromium; bytes are the websocket frames received from navigation until the app is idle (a run
  finished and nothing more came for 1,5 s; static files excluded), the time is from navigation to
  the end of the run, RSS is the server's.
One page run (AppTest or browser), or an export, that takes longer than --batas-detik, or a process
that grows over --batas-gb (or leaves the machine short of memory), is stopped, and its line says
"melewati batas waktu" / "melewati batas memori"; what was measured before is kept.
- Derived tables: what the build works out from the indicators (quality, Pohon kinerja), timed on the
  dataset's indicators, and checked to come out the same when the documents are read in another order.
--bagian kueri,turunan,halaman,ekspor,peramban runs only those parts.
"""

import argparse
import json
import logging
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np  # noqa: E402

from kinerja import db, site  # noqa: E402
from kinerja.capaian import assembly, store  # noqa: E402
from kinerja.filters import Filters  # noqa: E402
from kinerja.indonesian import format_number  # noqa: E402
from kinerja.paths import EXAMPLE_FILE, data_dir, normalised_dir  # noqa: E402
from kinerja.presentation import views  # noqa: E402

EXTRA = {
    "batas": 1,
    "per_kategori": 3,
    "pilihan_jabatan": "Kepala Seksi Pemerintahan",
    "pilihan_bidang": "",
    "cari": "laporan",
    "mulai": 0,
    "baris": views.PAGE_ROWS,  # a table is asked for a page at a time, as the pages do; its download on click
    "ids": [],
    "tingkat": "kecamatan",
    "jabatan_klaster": "Kepala Seksi Pemerintahan",
    "porsi_standar": 50,
    "kabupaten_banding": "",  # antar_tahun_rincian of every comparison, as the download asks it
    "kecamatan_banding": "",
    "tahun_banding": 0,
    "hanya_berubah": False,
}
STORE_TABLE = "nilai_tersimpan"  # the store's values in force, registered for the queries that read them
FILTER_VALUES = ["pengadministrasi", "seksi", ""]
# The four main questions, as their pages ask them: which query a page asks depends on the scope (past
# MAX_PLACES kecamatan Perbandingan sums per region; past LISTED_AT_MOST indicators Target vs realisasi
# lists only those with a value and counts the rest per document).
MAIN_QUESTIONS = {
    "daftar_indikator": "Jelajah",
    "contoh_per_kategori": "Kategori",
    "indikator_antar_kecamatan": "Perbandingan, berdampingan",
    "jabatan_antar_wilayah": "Perbandingan, per wilayah",
    "indikator_dan_target": "Target vs realisasi, semua terdaftar",
    "indikator_bernilai": "Target vs realisasi, yang bernilai",
    "indikator_tanpa_nilai": "Target vs realisasi, sisanya per dokumen",
}
METADATA = "bangkitan.json"  # written by bench/generate.py
PARAMETER = re.compile(r"\$([a-z_][a-z0-9_]*)")  # a query's named parameters

# Budgets of issue 12 (national data; a smaller dataset should meet them with room to spare).
QUERY_KABUPATEN_MS = 50
PAGE_KABUPATEN_MS = 250
PAGE_ALL_MS = 1000
RSS_ALL_MB = 500
PANDAS_FACTOR = 3.0
REALISATION_MS = 1000
BROWSER_BYTES = 1_000_000  # "nothing over 1 MB per page goes to the browser"

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
QUIET_SECONDS = 1.5  # after a finished run, no frame for this long: the page is idle
PAGE_RUNS, PAGE_SECONDS = 6, 60.0  # timed reruns per page: at most this many, or until this much time has passed
QUERY_RUNS, QUERY_SECONDS = 30, 10.0
QUERIES_LIMIT_S = 3600.0  # the whole query section, in its own process
MIN_AVAILABLE_MB = 3000  # a run is stopped when the machine has less memory left than this
ERROR_CHARACTERS = 200  # of a child's error, on its line
PARTS = ("kueri", "turunan", "halaman", "ekspor", "peramban")
# Column widths of the printed tables: name, scope, figures.
QUERY_COLUMNS = (30, 0, 11, 10, 10)
PANDAS_COLUMNS = (26, 41, 22, 10, 10, 14, 10)
PAGE_COLUMNS = (24, 22, 10, 9, 5, 8, 10)
EXPORT_COLUMNS = (24, 22, 10, 5)
DERIVED_COLUMNS = (34, 22, 10, 10, 10)
BROWSER_COLUMNS = (24, 22, 14, 8, 8, 10)


@dataclass(frozen=True)
class Scope:
    key: str  # "semua" | "kabupaten"
    kabupaten: str  # "" for all

    @property
    def label(self) -> str:
        return "semua data" if not self.kabupaten else f"kabupaten {self.kabupaten}"

    def filters(self, **others) -> Filters:
        return Filters(kabupaten=(self.kabupaten,) if self.kabupaten else (), **others)

    def budget_ms(self, kind: str) -> float | None:
        if kind == "query":
            return QUERY_KABUPATEN_MS if self.kabupaten else None
        return PAGE_KABUPATEN_MS if self.kabupaten else PAGE_ALL_MS


# ---- measuring ----


def timed_runs(action, max_runs: int = QUERY_RUNS, seconds: float = QUERY_SECONDS, min_runs: int = 3) -> tuple[list, object]:
    """Milliseconds of each run (at least min_runs, at most max_runs, no new run after `seconds`) and
    the last result."""
    times, result, began = [], None, time.perf_counter()
    while len(times) < max_runs and (len(times) < min_runs or time.perf_counter() - began < seconds):
        start = time.perf_counter()
        result = action()
        times.append((time.perf_counter() - start) * 1000)
    return times, result


def p95(times: list[float]) -> float:
    return float(np.percentile(times, 95))


def memory_mb(pid: int | str = "self", field: str = "VmRSS") -> float:
    """A process's resident memory (VmRSS) or its peak (VmHWM), from /proc, in MB; 0 when it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(f"{field}:"):
                return int(line.split()[1]) / 1024
    except (FileNotFoundError, ProcessLookupError):
        pass
    return 0.0


def memory_short() -> bool:
    """Whether the machine is running out of memory (others work on it too): what a run here may
    take beside its own limit."""
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemAvailable:"):
            return int(line.split()[1]) / 1024 < MIN_AVAILABLE_MB
    return False


def ms(value: float) -> str:
    return format_number(value, 1)


def mb(value: float) -> str:
    return format_number(value, 0)


def row(widths: tuple[int, ...], *cells: str, names: int = 2) -> str:
    """A table line: the first cells (names) left-aligned, the figures right-aligned, and what follows
    the widths (the verdict) after two spaces."""
    shown = [c.ljust(w) if i < names else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=False))]
    return " ".join(shown) + ("  " + " ".join(cells[len(widths) :]) if len(cells) > len(widths) else "")


def mark(value: float, budget: float | None, at_least: bool = False) -> str:
    if budget is None:
        return "–"
    return "ok" if (value >= budget if at_least else value <= budget) else "LEWAT"


# ---- the dataset ----


def describe_dataset() -> str:
    metadata = data_dir() / METADATA
    if not metadata.exists():
        return f"Data: {normalised_dir()}"
    m = json.loads(metadata.read_text(encoding="utf-8"))
    n = format_number
    return (
        f"Data: {data_dir()} (skala {m['skala']}, benih {m['benih']}): {n(m['dokumen'])} dokumen, {n(m['indikator'])} indikator, "
        f"{n(m['kecamatan'])} kecamatan, {n(m['kabupaten'])} kabupaten/kota, {n(m['provinsi'])} provinsi; "
        f"realisasi: {n(m['realisasi']['impor']) + ' impor' if 'realisasi' in m else 'tidak ada'}"
    )


def example_store(con) -> Path:
    """The seed documents have no imports: the illustrative values stored as one import in a
    temporary store, as an officer's would be (used by every process of this run)."""
    folder = Path(tempfile.mkdtemp(prefix="bench-realisasi-"))
    os.environ["KINERJA_REALISASI_DIR"] = str(folder)
    store.import_bytes(EXAMPLE_FILE.name, EXAMPLE_FILE.read_bytes(), assembly.indicators(con), "baris perintah", oleh="bench")
    return folder


def store_params() -> dict:
    """The store's side of the coverage query: each import's indicators and value counts."""
    imports = store.list_imports()
    pairs = store.values_per_import(imports["impor_id"].tolist()) if not imports.empty else None
    if pairs is None:
        return {"impor_id": [], "indikator_id": [], "nilai": []}
    return {c: pairs[c].tolist() for c in ("impor_id", "indikator_id", "nilai")}


# ---- queries, pandas and realisation (one process) ----


def read_by(name: str, registered: dict) -> dict | None:
    """The registered tables a query reads (the store's values), or none."""
    return registered if STORE_TABLE in db.query_text(name) else None


def print_queries(scopes: list[Scope]) -> None:
    import pandas_questions

    start = time.perf_counter()
    con = db.connect()
    loaded_ms, rss_loaded = (time.perf_counter() - start) * 1000, memory_mb()
    verdict = f"anggaran ≤ {RSS_ALL_MB} MB: {mark(rss_loaded, RSS_ALL_MB)}"
    print(f"\nMemuat data (db.connect): {ms(loaded_ms)} ms, RSS proses {mb(rss_loaded)} MB  {verdict}")
    from_store = store_params()
    registered = {STORE_TABLE: store.current_table(con)}
    durations: dict[tuple[str, str], list[float]] = {}
    for scope in scopes:
        print(f"\nKueri — {scope.label}")
        print(row(QUERY_COLUMNS, "kueri", "", "median ms", "p95 ms", "baris", "anggaran"))
        for name in db.query_names():
            wanted = set(PARAMETER.findall(db.query_text(name)))
            params = {**scope.filters().params(), **EXTRA, **from_store}
            missing = sorted(wanted - set(params))
            if missing:
                print(f"{name:<30} dilewati: parameter {', '.join(missing)} tidak tersedia")
                continue
            tables = read_by(name, registered)
            times, rows = timed_runs(lambda n=name, p=params, t=tables: db.run_query(con, n, tables=t, **p))
            durations[(scope.key, name)] = times
            budget = scope.budget_ms("query")
            limit = f"≤ {budget} ms: {mark(statistics.median(times), budget)}" if budget else "–"
            print(row(QUERY_COLUMNS, name, "", ms(statistics.median(times)), ms(p95(times)), format_number(len(rows)), limit))

    print(f"\nRealisasi terkini (store.current_values)  anggaran ≤ {REALISATION_MS} ms")
    times, values = timed_runs(lambda: store.current_values(con), max_runs=10)
    median = statistics.median(times)
    said = f"{format_number(len(values))} nilai: {mark(median, REALISATION_MS)}"
    print(f"  median {ms(median)} ms, p95 {ms(p95(times))} ms, {said}")

    rss_before, start = memory_mb(), time.perf_counter()
    tables = pandas_questions.load(con, registered[STORE_TABLE])
    loading, rss_loaded = ms((time.perf_counter() - start) * 1000), memory_mb()
    print(
        f"\nDuckDB dibanding pandas, proses yang sama (tabel dimuat ke pandas sekali: {loading} ms, "
        f"RSS {mb(rss_before)} → {mb(rss_loaded)} MB)"
    )
    print(row(PANDAS_COLUMNS, "pertanyaan", "halaman", "lingkup", "DuckDB ms", "pandas ms", "pandas÷DuckDB", "baris",
              f"anggaran ≥ {PANDAS_FACTOR:g}×", names=3))  # fmt: skip
    for scope in scopes:
        params = {**scope.filters().params(), **EXTRA}
        for name, page in MAIN_QUESTIONS.items():
            differs = pandas_questions.difference(con, name, tables, params, read_by(name, registered))
            assert not differs, f"{name}, {scope.label}: {differs}"
            panda_times, answer = timed_runs(lambda n=name, p=params: pandas_questions.QUESTIONS[n](tables, **p))
            duck, panda = statistics.median(durations[(scope.key, name)]), statistics.median(panda_times)
            factor = panda / duck
            figures = (ms(duck), ms(panda), f"{format_number(factor, 2)}×", format_number(len(answer)))
            verdict = mark(factor, PANDAS_FACTOR, at_least=True)
            print(row(PANDAS_COLUMNS, name, page, scope.label, *figures, verdict, names=3))
    print(f"\nRSS proses kueri: sekarang {mb(memory_mb())} MB, puncak {mb(memory_mb(field='VmHWM'))} MB (termasuk tabel pandas)")


# ---- pages under AppTest (a process per page and scope) ----


def page_run_ms(page: site.Page, teks: str, kabupaten: str, timeout: float, starting) -> tuple[float, str]:
    """One run of a page whose filters come from the URL, as after a filter change, and the error it
    showed (''). The router's first run, on the default page, comes before and is not timed;
    `starting()` is called before each script run."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=timeout)
    at.query_params["jabatan_teks"] = teks
    if kabupaten:
        at.query_params["kabupaten"] = kabupaten
    if page != site.PAGES[0]:
        starting()
        at.run()
        at.switch_page(page.from_router)
    starting()
    start = time.perf_counter()
    at.run()
    elapsed = (time.perf_counter() - start) * 1000
    return elapsed, str(at.exception[0].value) if at.exception else ""


def report(result: dict, path: Path) -> None:
    """A child's figures so far, written after each step: a child stopped at its limit still leaves
    what it measured."""
    result.update(rss=memory_mb(), peak=memory_mb(field="VmHWM"))
    written = path.with_suffix(".tmp")
    written.write_text(json.dumps(result))
    os.replace(written, path)


def child_page(script: str, kabupaten: str, timeout: float, out: Path) -> None:
    """A page's warm-up run, then its timed reruns. Before each script run the results file says when
    it started, so the parent can stop one run that goes over its limit."""
    # AppTest's "missing ScriptRunContext" warnings would bury the figures (a filter, because
    # streamlit resets its loggers' levels when it loads its configuration).
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(lambda record: False)
    page = next(p for p in site.PAGES if p.script == script)
    result: dict = {"times": [], "errors": []}

    def starting() -> None:
        result["running_since"] = time.time()
        report(result, out)

    def run(teks: str) -> float:
        elapsed, error = page_run_ms(page, teks, kabupaten, timeout * 2, starting)  # the parent stops it first
        if error and error not in result["errors"]:
            result["errors"].append(error)
        return elapsed

    result["warm"] = run("")  # imports and caches, as a running server has them
    began = time.perf_counter()
    while len(result["times"]) < PAGE_RUNS and (not result["times"] or time.perf_counter() - began < PAGE_SECONDS):
        result["times"].append(run(FILTER_VALUES[len(result["times"]) % len(FILTER_VALUES)]))
    result.pop("running_since")
    report(result, out)


def child_exports(kabupaten: str, out: Path) -> None:
    """The deck and the workbook of the key views, as the sidebar's buttons build them."""
    from kinerja.presentation import slides, sources, views, workbook

    con = db.connect()
    filters = Filters(kabupaten=(kabupaten,) if kabupaten else ())
    shown, documents = views.key_views(con, filters), sources.documents(con, filters)
    result = {}
    for name, build in (("paparan (PPTX)", slides.deck), ("buku kerja (XLSX)", workbook.workbook)):
        result[name], _ = timed_runs(lambda b=build: b(shown, filters, documents), max_runs=5, min_runs=1)
        report(result, out)


@dataclass
class Watched:
    result: dict | None
    stopped: str  # "" | "melewati batas waktu" | "melewati batas memori" | the child's error
    peak: float  # MB, the highest RSS seen


def watched_child(args: list[str], limit_s: float, limit_mb: float, printing: bool = False, per_run: bool = False) -> Watched:
    """bench/run.py --anak … in a process of its own, stopped when it grows too large or runs too
    long: over limit_s in all, or, `per_run`, one script run over limit_s (the child says when each
    started). A printing child writes its own lines; the others leave their figures in a file
    (`report`), read here even when the child was stopped."""
    results = Path(tempfile.mkstemp(prefix="bench-hasil-", suffix=".json")[1])
    command = [sys.executable, str(Path(__file__).resolve()), *args, "--hasil", str(results)]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    began, peak, stopped = time.monotonic(), 0.0, ""
    while process.poll() is None:
        peak = max(peak, memory_mb(process.pid))
        if peak > limit_mb or memory_short():
            stopped = "melewati batas memori"
        elif (_current_run_s(results) if per_run else time.monotonic() - began) > limit_s:
            stopped = "melewati batas waktu"
        if stopped:
            process.kill()
            break
        time.sleep(0.25)
    _, err = process.communicate()
    result = json.loads(results.read_text() or "null") if not printing else None
    results.unlink(missing_ok=True)
    if not stopped and process.returncode != 0:
        stopped = f"galat: {err.strip().splitlines()[-1][:ERROR_CHARACTERS] if err.strip() else process.returncode}"
    return Watched(result, stopped, peak)


def _current_run_s(results: Path) -> float:
    """How long the child's current script run has been going (0 between runs)."""
    try:
        since = json.loads(results.read_text() or "{}").get("running_since")
    except json.JSONDecodeError:
        return 0.0
    return time.time() - since if since else 0.0


def print_pages(scopes: list[Scope], limit_s: float, limit_mb: float) -> None:
    print("\nHalaman: rerun setelah filter berubah (AppTest; satu proses per halaman dan lingkup)")
    print(row(PAGE_COLUMNS, "halaman", "lingkup", "median ms", "p95 ms", "kali", "RSS MB", "puncak MB", "anggaran"))
    for scope in scopes:
        for page in site.PAGES:
            name = page.script.removesuffix(".py")
            child = ["--anak", "halaman", page.script, "--kabupaten", scope.kabupaten, "--batas-detik", str(limit_s)]
            watched = watched_child(child, limit_s, limit_mb, per_run=True)
            r = watched.result or {}
            if not r.get("times"):
                warm = f"; pemanasan {ms(r['warm'])} ms" if "warm" in r else ""
                shown = f"{watched.stopped} (RSS tertinggi {mb(watched.peak)} MB{warm})"
                if r.get("errors"):
                    shown += f"; galat di halaman: {r['errors'][0][:ERROR_CHARACTERS]}"
                print(row(PAGE_COLUMNS[:2], name, scope.label, shown))
                continue
            times = r["times"]
            median, budget = statistics.median(times), scope.budget_ms("page")
            verdict = f"≤ {budget} ms: {mark(median, budget)}"
            if not scope.kabupaten:
                verdict += f"; RSS ≤ {RSS_ALL_MB} MB: {mark(max(r['peak'], watched.peak), RSS_ALL_MB)}"
            if watched.stopped and len(times) < PAGE_RUNS:
                verdict += f"; lalu {watched.stopped}"
            if r["errors"]:
                verdict += f"; galat di halaman: {r['errors'][0][:ERROR_CHARACTERS]}"
            figures = ms(median), ms(p95(times)), str(len(times)), mb(r["rss"]), mb(max(r["peak"], watched.peak))
            print(row(PAGE_COLUMNS, name, scope.label, *figures, verdict))


def print_exports(scopes: list[Scope], limit_s: float, limit_mb: float) -> None:
    print("\nEkspor tampilan utama (proses sendiri per lingkup)")
    print(row(EXPORT_COLUMNS, "ekspor", "lingkup", "median ms", "kali"))
    for scope in scopes:
        watched = watched_child(["--anak", "ekspor", "-", "--kabupaten", scope.kabupaten], limit_s, limit_mb)
        for name in ("paparan (PPTX)", "buku kerja (XLSX)"):
            times = (watched.result or {}).get(name)
            if times:
                print(row(EXPORT_COLUMNS, name, scope.label, ms(statistics.median(times)), str(len(times))))
            else:
                print(row(EXPORT_COLUMNS[:2], name, scope.label, watched.stopped))


# ---- pages in the browser: bytes sent ----


class Server:
    """The app under `streamlit run` on a free loopback port, with this run's environment."""

    def __init__(self) -> None:
        self.process: subprocess.Popen | None = None
        self.url = ""

    def start(self) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        command = [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard.py"), "--server.headless", "true",
                   "--server.port", str(port), "--server.address", "127.0.0.1",
                   "--browser.gatherUsageStats", "false"]  # fmt: skip
        self.process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2).read() == b"ok":
                    return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("streamlit tidak mulai dalam 60 detik")

    @property
    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stop(self) -> None:
        if self.alive:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def rss(self) -> float:
        return memory_mb(self.process.pid) if self.alive else 0.0

    def peak(self) -> float:
        return memory_mb(self.process.pid, "VmHWM") if self.alive else 0.0


# Messages that say nothing about a run being under way (the others are part of a run).
BESIDE_A_RUN = {"session_status_changed", "heartbeat_ack", "page_profile", "session_event"}


def _frame_kind(payload: bytes) -> str:
    """What a websocket frame from Streamlit is: "selesai" for a finished run (not one cut short for a
    rerun), "di samping" for status messages, "jalan" for anything of a run (a large frame always is)."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    if len(payload) > 256:
        return "jalan"
    message = ForwardMsg()
    message.ParseFromString(payload)
    kind = message.WhichOneof("type")
    if kind == "script_finished":
        return "jalan" if message.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN else "selesai"
    return "di samping" if kind in BESIDE_A_RUN else "jalan"


def open_page(browser, server: Server, path: str, limit_s: float, limit_mb: float) -> dict:
    """Open one URL in a fresh tab and count the websocket bytes until the app is idle: a run has
    finished and nothing more came for QUIET_SECONDS (a page that reruns itself is counted whole)."""
    received = {"bytes": 0, "last": time.monotonic(), "finished": None}

    def count(payload) -> None:
        data = payload.encode() if isinstance(payload, str) else payload
        received["bytes"] += len(data)
        received["last"] = time.monotonic()
        kind = _frame_kind(data)
        if kind == "selesai":
            received["finished"] = received["last"]
        elif kind == "jalan":
            received["finished"] = None  # a run (again): wait for its end

    tab = browser.new_page(viewport={"width": 1280, "height": 800})
    tab.on("websocket", lambda ws: ws.on("framereceived", count))
    began = time.monotonic()
    stopped = ""
    try:
        tab.goto(f"{server.url}/{path}", wait_until="commit", timeout=limit_s * 1000)
        while True:
            tab.wait_for_timeout(250)  # lets the frame events in
            if server.rss() > limit_mb or memory_short():
                stopped = "melewati batas memori"
            elif time.monotonic() - began > limit_s:
                stopped = "melewati batas waktu"
            if stopped or (received["finished"] and time.monotonic() - received["last"] >= QUIET_SECONDS):
                break
        errors = 0 if stopped else tab.locator("[data-testid='stException']").count()
    finally:
        tab.close()
    return {
        "bytes": received["bytes"], "seconds": (received["finished"] or received["last"]) - began, "stopped": stopped,
        "errors": errors,
        "rss": server.rss(), "peak": server.peak(),
    }  # fmt: skip


def print_browser(scopes: list[Scope], limit_s: float, limit_mb: float) -> None:
    from playwright.sync_api import sync_playwright

    print("\nHalaman di peramban: byte ke peramban per buka halaman (frame websocket; berkas statis tidak dihitung);")
    print("detik: dari navigasi sampai run selesai; RSS dan puncak: proses server (puncak sejak server dimulai)")
    print(row(BROWSER_COLUMNS, "halaman", "lingkup", "byte", "detik", "RSS MB", "puncak MB", "anggaran ≤ 1 MB"))
    server = Server()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            server.start()
            first = open_page(browser, server, "", limit_s, limit_mb)  # the first visit: connection and caches
            figures = format_number(first["bytes"]), format_number(first["seconds"], 1), mb(first["rss"]), mb(first["peak"])
            print(row(BROWSER_COLUMNS, "(kunjungan pertama)", "semua data", *figures))
            for scope in scopes:
                query = f"?kabupaten={urllib.request.quote(scope.kabupaten)}" if scope.kabupaten else ""
                for page in site.PAGES:
                    if not server.alive:
                        server.start()
                    r = open_page(browser, server, f"{page.url}{query}", limit_s, limit_mb)
                    name = page.script.removesuffix(".py")
                    if r["stopped"]:
                        said = f"{r['stopped']} ({format_number(r['bytes'])} byte sampai saat itu, RSS {mb(r['rss'])} MB)"
                        print(row(BROWSER_COLUMNS[:2], name, scope.label, said))
                        server.stop()  # the run may go on in the server: a fresh one for the next page
                        continue
                    verdict = f"{mark(r['bytes'], BROWSER_BYTES)}" + (f"; {r['errors']} galat di halaman" if r["errors"] else "")
                    if not scope.kabupaten:
                        verdict += f"; RSS ≤ {RSS_ALL_MB} MB: {mark(r['rss'], RSS_ALL_MB)}"
                    figures = format_number(r["bytes"]), format_number(r["seconds"], 1), mb(r["rss"]), mb(r["peak"])
                    print(row(BROWSER_COLUMNS, name, scope.label, *figures, verdict))
        finally:
            server.stop()
            browser.close()


# ---- the command ----


def main() -> None:
    parser = argparse.ArgumentParser(description="Tolok ukur kueri, halaman, dan ekspor atas dataset KINERJA_DATA_DIR.")
    parser.add_argument("--batas-detik", type=float, default=180.0, help="batas waktu satu halaman atau satu proses halaman")
    parser.add_argument("--batas-gb", type=float, default=8.0, help="batas memori (RSS) satu proses")
    parser.add_argument("--tanpa-peramban", action="store_true", help="tanpa pengukuran byte di Chromium")
    parser.add_argument("--bagian", default=",".join(PARTS), help=f"bagian yang dijalankan, dipisah koma: {', '.join(PARTS)}")
    parser.add_argument("--anak", nargs=2, metavar=("JENIS", "NAMA"), help=argparse.SUPPRESS)
    parser.add_argument("--kabupaten", default="", help=argparse.SUPPRESS)
    parser.add_argument("--hasil", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.anak:
        run_child(*args.anak, args.kabupaten, args.batas_detik, args.hasil)
        return
    parts = [p.strip() for p in args.bagian.split(",") if p.strip()]
    unknown = [p for p in parts if p not in PARTS]
    if unknown:
        parser.error(f"bagian tidak dikenal: {', '.join(unknown)} (pilih: {', '.join(PARTS)})")

    limit_mb = args.batas_gb * 1024
    print(describe_dataset())
    scopes = [Scope("semua", ""), Scope("kabupaten", prepare_seed_data())]
    print(f"Lingkup: semua data, dan kabupaten {scopes[1].kabupaten} (filter kabupaten)", flush=True)
    if "kueri" in parts:
        queries = watched_child(
            ["--anak", "kueri", "-", "--kabupaten", scopes[1].kabupaten], QUERIES_LIMIT_S, limit_mb, printing=True
        )
        if queries.stopped:
            print(f"Kueri: {queries.stopped} (RSS tertinggi {mb(queries.peak)} MB)")
    if "turunan" in parts:
        print_derived(scopes)
    if "halaman" in parts:
        print_pages(scopes, args.batas_detik, limit_mb)
    if "ekspor" in parts:
        print_exports(scopes, args.batas_detik, limit_mb)
    if "peramban" in parts and not args.tanpa_peramban:
        print_browser(scopes, args.batas_detik, limit_mb)


def derived_steps() -> list[tuple[str, object]]:
    """What the build works out from the indicators, step by step (kinerja.build.dataset.derived_tables)."""
    from kinerja.build import cascade, harmony, quality, yearly
    from kinerja.quality_rules import load_rules

    rules = load_rules()
    return [
        ("kualitas (quality.assess)", lambda rows: {"kualitas": quality.assess(rows, rules)}),
        ("pohon (cascade.link)", lambda rows: _named(("pohon", "kaitan_usang"), cascade.link(rows, []))),
        ("klaster (harmony.cluster)", lambda rows: _named(("klaster", "klaster_usang"), harmony.cluster(rows, []))),
        ("antar_tahun (yearly.compare_years)", lambda rows: {"antar_tahun": yearly.compare_years(rows)}),
    ]


def _named(names: tuple[str, ...], tables: tuple) -> dict:
    return dict(zip(names, tables, strict=True))


def print_derived(scopes: list[Scope]) -> None:
    """The build's derived tables, timed on the dataset's indicators, and whether each comes out the
    same when the documents come in another order (links and clusters must be deterministic)."""
    everything = db.read_table("indikator")
    print("\nTabel turunan saat membangun data (dari tabel indikator)")
    print(row(DERIVED_COLUMNS, "langkah", "lingkup", "indikator", "median ms", "baris", "urutan diacak"))
    for scope in scopes:
        rows = everything if not scope.kabupaten else everything[everything["kabupaten"] == scope.kabupaten]
        shuffled = rows.sample(frac=1.0, random_state=7)
        for label, step in derived_steps():
            times, made = timed_runs(lambda s=step, r=rows: s(r), max_runs=5, seconds=30.0, min_runs=1)
            again = step(shuffled)
            same = all(_sorted(made[name]).equals(_sorted(again[name])) for name in made)
            count = format_number(sum(len(frame) for frame in made.values()))
            print(row(DERIVED_COLUMNS, label, scope.label, format_number(len(rows)), ms(statistics.median(times)), count,
                      "sama" if same else "BERBEDA"), flush=True)  # fmt: skip


def _sorted(frame):
    return frame.sort_values(list(frame.columns)).reset_index(drop=True)


def run_child(kind: str, name: str, kabupaten: str, limit_s: float, out: Path) -> None:
    if kind == "kueri":
        print_queries([Scope("semua", ""), Scope("kabupaten", kabupaten)])
    elif kind == "halaman":
        child_page(name, kabupaten, limit_s, out)
    else:
        child_exports(kabupaten, out)


def prepare_seed_data() -> str:
    """The sample kabupaten; for a dataset without imports of its own (the seed documents), the
    illustrative values stored as one import first."""
    metadata = data_dir() / METADATA
    if metadata.exists():
        return json.loads(metadata.read_text(encoding="utf-8"))["kabupaten_contoh"]["kabupaten"]
    con = db.connect()
    if not os.environ.get("KINERJA_REALISASI_DIR"):
        print(f"Realisasi: data contoh ilustratif sebagai satu impor di {example_store(con)}")
    return assembly.indicators(con)["kabupaten"].value_counts().index[0]


if __name__ == "__main__":
    main()
