"""Synthetic datasets with real region names, made from the four real documents: one regency, or the
whole country, for the benchmark and for trying the app at scale.

    .venv/bin/python bench/generate.py --scale kabupaten|nasional|uji --out DIR [--seed N] [--tanpa-realisasi]

Writes a complete dataset that the app, the command line and `make bench` serve with
KINERJA_DATA_DIR=DIR:
    DIR/normalised/     the three tables, through kinerja.build.dataset.write_tables (the one writer)
    DIR/realisasi/      the realisation store: one import per document, as its officer would send it,
                        always in its own SQLite file (KINERJA_DATABASE_URL is not used)
    DIR/bangkitan.json  what was generated (scale, seed, counts, the sample kabupaten); written last,
                        so a generation that did not finish has none

Scales: `nasional` is every kecamatan of the gazetteer (kinerja.gazetteer: 38 provinsi, 514
kabupaten/kota, ~7.100 kecamatan) × 2020–2024; `kabupaten` is Kabupaten Malang (33 kecamatan) ×
2020–2024; `uji` is three kecamatan of Malang and of Gunung Kidul, both with a Wonosari, for the tests.

How a document is made: the kabupaten decides when its kecamatan started writing IKI documents, and a
kecamatan now and then has no document for a year (the latest year most often: documents still
coming in). Each document copies one of the four seed documents (weighted), keeps the camat and
sekretaris and a share of the other positions and of their indicators (documents differ in
coverage), writes its own kecamatan where the seed named its own, rewords an indicator now and then
as another office would, and sets its own targets where the seed had one. Everything else of a row
(jenis jabatan, bidang, kategori formula, polaritas, satuan) is its template row's. Every random
choice of a kabupaten comes from the seed and the kabupaten's name, so Malang is the same in the
`kabupaten` and the `nasional` dataset, and a seed gives the same dataset every time.
"""

import argparse
import hashlib
import json
import os
import re
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kinerja import gazetteer  # noqa: E402
from kinerja.build import build_dataset, read_corrections, read_manifest, write_tables  # noqa: E402
from kinerja.build.corrections import corrections_path  # noqa: E402
from kinerja.capaian import store  # noqa: E402
from kinerja.capaian.rules import default_method  # noqa: E402
from kinerja.ids import indicator_id  # noqa: E402
from kinerja.indonesian import format_number  # noqa: E402
from kinerja.paths import MANIFEST, PARSE_CACHE  # noqa: E402
from kinerja.spreadsheet import atomic_write, folder_swapped_in  # noqa: E402
from kinerja.vocab import QUARTERS, TERUKUR  # noqa: E402

SCALES = ("kabupaten", "nasional", "uji")
YEARS = tuple(range(2020, 2025))
SAMPLE_KABUPATEN = ("Jawa Timur", "Malang")  # the kabupaten scale, and the scope the bench narrows to
TEST_KABUPATEN = (("Jawa Timur", "Malang"), ("Daerah Istimewa Yogyakarta", "Gunung Kidul"))  # both have a Wonosari
TEST_SHARED_KECAMATAN = "Wonosari"
TEST_KECAMATAN_PER_KABUPATEN = 3
METADATA = "bangkitan.json"

# The seed documents by kecamatan, with how often a document follows each. Mean kept ~0,7 of a
# seed's indicators: about 39 indicators per document, ~1,25 M nationally.
SEED_WEIGHTS = {"Sangkapura": 0.2, "Bululawang": 0.3, "Masama": 0.2, "Lumajang": 0.3}
# The year a kabupaten's kecamatan started writing IKI documents.
START_YEARS, START_WEIGHTS = (2020, 2021, 2022, 2023), (0.85, 0.10, 0.04, 0.01)
MISSING_YEAR, MISSING_LATEST_YEAR = 0.03, 0.08  # a kecamatan without a document that year
KEEP_POSITIONS, KEEP_INDICATORS = (0.6, 1.0), (0.65, 1.0)  # per document, the share kept is drawn from these
ALWAYS_KEPT = ("camat", "sekretaris")  # jenis jabatan every document has
TARGET_FACTOR, TARGET_DROPPED = (0.8, 1.25), 0.05
REWORDED = 0.03
# How another office writes the same indicator: the first that fits the text is used (case as written).
REWORDINGS = (
    (re.compile(r"\bPersentase\b"), "Prosentase"),
    (re.compile(r"^Jumlah\b"), "Banyaknya"),
    (re.compile(r"^Terlaksananya\b"), "Terselenggaranya"),
    (re.compile(r"^Tersedianya\b"), "Tersusunnya"),
    (re.compile(r"\bKecamatan\b"), "Kec."),
    (re.compile(r"\bdesa/kelurahan\b", re.I), "desa dan kelurahan"),
    (re.compile(r"\bdan\b"), "serta"),
)
TEXT_COLUMNS = ("jabatan", "sasaran", "indikator", "formula", "sumber_data")  # may name the seed's kecamatan
SCAN_LAYOUT = "ocr_table"  # documents of this layout arrive as scans (PDF)
FILE_ENDINGS, FILE_ENDING_WEIGHTS = (".docx", ".pdf", ".txt"), (0.6, 0.3, 0.1)

# Realisation: the share of terukur indicators an officer reports, and the quarters reported in the
# latest year (the year is not over everywhere).
REPORTED = 0.85
LATEST_YEAR_QUARTERS = (2, 3, 4)
IMPORT_SOURCE = "aplikasi"  # as an officer uploads it on the page
VALUE_COLUMNS = ["indikator_id", "kolom", "nilai"]  # what a validated template gives
CSV_HEADER = ",".join(VALUE_COLUMNS)  # ids, column names and numbers need no quoting


@dataclass(frozen=True)
class Kabupaten:
    provinsi: str
    nama: str
    kecamatan: tuple[str, ...]


@dataclass
class Templates:
    """The four seed documents as rows to copy from: the real build's frames and, per seed, which of
    their rows it holds."""

    indikator: pd.DataFrame
    jabatan: pd.DataFrame
    dokumen: pd.DataFrame
    seeds: list[str]  # kecamatan of the seeds, in SEED_WEIGHTS order
    layouts: list[str]  # per seed: its layout (tata_letak)
    weights: np.ndarray
    positions: list[np.ndarray]  # per seed: its rows of `jabatan`
    indicators: list[np.ndarray]  # per seed: its rows of `indikator`
    position_of: list[np.ndarray]  # per seed: for each of its indicators, the index of its position among the seed's
    always: list[np.ndarray]  # per seed: which of its positions every document keeps
    percent: np.ndarray  # per row of `indikator`
    names_seed: dict[str, np.ndarray]  # per text column: which rows of `indikator` name their seed's kecamatan
    title_names_seed: np.ndarray  # which rows of `jabatan` name their seed's kecamatan
    patterns: list[re.Pattern]  # per seed: its kecamatan's name as a word


@dataclass
class Document:
    kabupaten: Kabupaten
    kecamatan: str
    tahun: int
    seed: int
    positions: np.ndarray  # rows of templates.jabatan kept
    indicators: np.ndarray  # rows of templates.indikator kept
    urutan: np.ndarray  # each kept indicator's position number in this document
    targets: np.ndarray  # each kept indicator's target (NaN: none)
    reworded: np.ndarray  # each kept indicator's rewording draw (-1: as in the seed)
    ending: str


# ---- regions ----


def regions(scale: str) -> list[Kabupaten]:
    """The kabupaten of a scale with their kecamatan, in the gazetteer's order. A kecamatan written
    twice in one kabupaten (Kota Tidore Kepulauan's Tidore) is one kecamatan."""
    if scale == "nasional":
        chosen = [(p, k) for p in gazetteer.provinsi_names() for k in gazetteer.kabupaten_names(p)]
    elif scale == "kabupaten":
        chosen = [SAMPLE_KABUPATEN]
    elif scale == "uji":
        chosen = list(TEST_KABUPATEN)
    else:
        raise ValueError(f"skala '{scale}' tidak dikenal ({', '.join(SCALES)})")
    places = [Kabupaten(p, k, tuple(dict.fromkeys(gazetteer.kecamatan_names(p, k)))) for p, k in chosen]
    if scale == "uji":
        places = [replace(k, kecamatan=_test_kecamatan(k.kecamatan)) for k in places]
    return places


def _test_kecamatan(names: tuple[str, ...]) -> tuple[str, ...]:
    """The first few kecamatan and the one both test kabupaten have."""
    first = [n for n in names if n != TEST_SHARED_KECAMATAN][: TEST_KECAMATAN_PER_KABUPATEN - 1]
    return tuple(sorted([*first, TEST_SHARED_KECAMATAN]))


# ---- templates: the real documents ----


def templates() -> Templates:
    """The four shipped documents, built as `make data` builds them."""
    manifest = MANIFEST
    dataset = build_dataset(read_manifest(manifest), read_corrections(corrections_path(manifest.parent)), PARSE_CACHE)
    indikator, jabatan, dokumen = dataset.indikator, dataset.jabatan, dataset.dokumen
    seeds = list(SEED_WEIGHTS)
    missing = [s for s in seeds if s not in set(dokumen["kecamatan"])]
    if missing:
        raise SystemExit(f"GAGAL: dokumen contoh {', '.join(missing)} tidak ada di {manifest}")
    berkas = [dokumen.loc[dokumen["kecamatan"] == s, "berkas"].iloc[0] for s in seeds]
    positions = [np.flatnonzero(jabatan["berkas"].to_numpy() == b) for b in berkas]
    indicators = [np.flatnonzero(indikator["berkas"].to_numpy() == b) for b in berkas]
    position_of = [indikator["jabatan_urutan"].to_numpy()[rows] - 1 for rows in indicators]  # urutan runs 1..n per document
    always = [np.isin(jabatan["jenis_jabatan"].to_numpy()[rows], ALWAYS_KEPT) for rows in positions]
    layouts = [dokumen.loc[dokumen["berkas"] == b, "tata_letak"].iloc[0] for b in berkas]
    weights = np.array([SEED_WEIGHTS[s] for s in seeds])
    percent = (indikator["satuan"] == "%").to_numpy() | (indikator["kategori_formula"] == "persentase").to_numpy()
    patterns = [re.compile(rf"\b{re.escape(k)}\b", re.I) for k in seeds]
    names_seed = {c: _names_seed(indikator[c], indicators, patterns) for c in TEXT_COLUMNS}
    return Templates(
        indikator, jabatan, dokumen, seeds, layouts, weights / weights.sum(), positions, indicators, position_of, always,
        percent, names_seed, _names_seed(jabatan["jabatan"], positions, patterns), patterns,
    )  # fmt: skip


def _names_seed(texts: pd.Series, rows_of_seed: list[np.ndarray], patterns: list[re.Pattern]) -> np.ndarray:
    """Which rows name their own seed's kecamatan."""
    named = np.zeros(len(texts), dtype=bool)
    for rows, pattern in zip(rows_of_seed, patterns, strict=True):
        named[rows] = [bool(pattern.search(text)) for text in texts.iloc[rows]]
    return named


# ---- documents ----


def _stable_number(*parts: str) -> int:
    return int(hashlib.sha256("|".join(parts).encode()).hexdigest()[:12], 16)


def kabupaten_documents(t: Templates, kabupaten: Kabupaten, seed: int) -> list[Document]:
    """The documents of one kabupaten, from a random stream of its own."""
    rng = np.random.default_rng([seed, _stable_number(kabupaten.provinsi, kabupaten.nama)])
    start = int(rng.choice(START_YEARS, p=START_WEIGHTS))
    documents = []
    for kecamatan in kabupaten.kecamatan:
        for tahun in YEARS:
            missing = rng.random() < (MISSING_LATEST_YEAR if tahun == YEARS[-1] else MISSING_YEAR)
            if tahun < start or missing:
                continue
            documents.append(_document(t, rng, kabupaten, kecamatan, tahun))
    return documents


def _document(t: Templates, rng: np.random.Generator, kabupaten: Kabupaten, kecamatan: str, tahun: int) -> Document:
    """One document: a seed, the share of its positions and indicators kept, targets and rewordings.
    The draws are made in a fixed order and number, whatever is kept."""
    s = int(rng.choice(len(t.seeds), p=t.weights))
    keep_positions, keep_indicators = rng.uniform(*KEEP_POSITIONS), rng.uniform(*KEEP_INDICATORS)
    n_positions, n_indicators = len(t.positions[s]), len(t.indicators[s])
    kept_positions = (rng.random(n_positions) < keep_positions) | t.always[s]
    kept = kept_positions[t.position_of[s]] & (rng.random(n_indicators) < keep_indicators)
    factor, dropped = rng.uniform(*TARGET_FACTOR, n_indicators), rng.random(n_indicators) < TARGET_DROPPED
    reword = np.where(rng.random(n_indicators) < REWORDED, rng.integers(0, len(REWORDINGS), n_indicators), -1)
    ending = ".pdf" if t.layouts[s] == SCAN_LAYOUT else str(rng.choice(FILE_ENDINGS, p=FILE_ENDING_WEIGHTS))
    rows = t.indicators[s]
    targets = _varied_targets(t.indikator["target"].to_numpy(dtype="float64", na_value=np.nan)[rows], factor, t.percent[rows])
    targets[dropped] = np.nan
    number = np.cumsum(kept_positions)  # a kept position's number in this document
    return Document(
        kabupaten, kecamatan, tahun, s, t.positions[s][kept_positions], rows[kept], number[t.position_of[s]][kept],
        targets[kept], reword[kept], ending,
    )  # fmt: skip


def _varied_targets(targets: np.ndarray, factor: np.ndarray, percent: np.ndarray) -> np.ndarray:
    """Another office's targets: a percentage stays at most 100, a count stays a whole number of at least 1."""
    varied = np.where(percent, np.minimum(100.0, np.round(targets * factor)), np.maximum(1.0, np.round(targets * factor)))
    return np.where(np.isnan(targets), np.nan, varied)


def berkas_name(document: Document, seed: int) -> str:
    """As the archive names a stored document: iki_<kecamatan>_<tahun>_<10 hex><ending>."""
    slug = re.sub(r"[^a-z0-9]+", "_", document.kecamatan.casefold()).strip("_")
    key = f"{seed}|{document.kabupaten.provinsi}|{document.kabupaten.nama}|{document.kecamatan}|{document.tahun}"
    return f"iki_{slug}_{document.tahun}_{hashlib.sha256(key.encode()).hexdigest()[:10]}{document.ending}"


# ---- tables ----


def _named_as(match: re.Match, name: str) -> str:
    """The new kecamatan written as the seed wrote its own: MASAMA, Masama or masama."""
    found = match.group(0)
    return name.upper() if found.isupper() else name.lower() if found.islower() else name


def _with_kecamatan(texts: pd.Series, named: np.ndarray, seed: np.ndarray, kecamatan: np.ndarray, t: Templates) -> pd.Series:
    """Each text that names its seed's kecamatan with the document's kecamatan instead."""
    values = texts.to_numpy(dtype=object).copy()
    for i in np.flatnonzero(named):
        values[i] = t.patterns[seed[i]].sub(lambda m, i=i: _named_as(m, kecamatan[i]), values[i])
    return pd.Series(values, index=texts.index, dtype=texts.dtype)


def _reworded(texts: pd.Series, draws: np.ndarray) -> pd.Series:
    """Texts with a drawn rewording applied: the first of REWORDINGS from the draw on that fits."""
    values = texts.to_numpy(dtype=object).copy()
    for i in np.flatnonzero(draws >= 0):
        for k in range(len(REWORDINGS)):
            pattern, replacement = REWORDINGS[(draws[i] + k) % len(REWORDINGS)]
            if pattern.search(values[i]):
                values[i] = pattern.sub(replacement, values[i], count=1)
                break
    return pd.Series(values, index=texts.index, dtype=texts.dtype)


def _region_columns(frame: pd.DataFrame, documents: list[Document], names: list[str], counts: np.ndarray) -> pd.DataFrame:
    """kecamatan, kabupaten, provinsi, tahun and berkas of each row, from its document."""
    of_row = np.repeat(np.arange(len(documents)), counts)
    for column, values in (
        ("kecamatan", [d.kecamatan for d in documents]),
        ("kabupaten", [d.kabupaten.nama for d in documents]),
        ("provinsi", [d.kabupaten.provinsi for d in documents]),
        ("berkas", names),
    ):
        frame[column] = pd.Series(np.asarray(values, dtype=object)[of_row], index=frame.index, dtype=frame[column].dtype)
    frame["tahun"] = np.asarray([d.tahun for d in documents])[of_row].astype(frame["tahun"].dtype)
    return frame


def tables(t: Templates, documents: list[Document], seed: int) -> dict[str, pd.DataFrame]:
    """The three normalised tables of the documents, in the real tables' columns and types."""
    names = [berkas_name(d, seed) for d in documents]
    assert len(set(names)) == len(names), "nama berkas ganda"
    indikator = _indicator_table(t, documents, names)
    generated = {
        "indikator": indikator,
        "jabatan": _position_table(t, documents, names, indikator),
        "dokumen": _document_table(t, documents, names),
    }
    for name, frame in generated.items():
        real = getattr(t, name)
        assert list(frame.columns) == list(real.columns) and frame.dtypes.equals(real.dtypes), f"{name}: kolom/tipe berbeda"
    assert indikator["indikator_id"].is_unique, "indikator_id ganda"
    return generated


def _indicator_table(t: Templates, documents: list[Document], names: list[str]) -> pd.DataFrame:
    counts = np.array([len(d.indicators) for d in documents])
    rows = np.concatenate([d.indicators for d in documents])
    frame = _region_columns(t.indikator.iloc[rows].reset_index(drop=True), documents, names, counts)
    seed_of_row, kecamatan_of_row = np.repeat([d.seed for d in documents], counts), frame["kecamatan"].to_numpy(dtype=object)
    for column in TEXT_COLUMNS:
        frame[column] = _with_kecamatan(frame[column], t.names_seed[column][rows], seed_of_row, kecamatan_of_row, t)
    frame["indikator"] = _reworded(frame["indikator"], np.concatenate([d.reworded for d in documents]))
    frame["jabatan_urutan"] = np.concatenate([d.urutan for d in documents]).astype(t.indikator["jabatan_urutan"].dtype)
    frame["target"] = pd.array(np.concatenate([d.targets for d in documents]), dtype=t.indikator["target"].dtype)
    frame["urutan_baris"] = np.arange(len(frame), dtype=t.indikator["urutan_baris"].dtype)  # one per row, as built
    frame["indikator_id"] = _ids(frame)
    return frame


def _position_table(t: Templates, documents: list[Document], names: list[str], indikator: pd.DataFrame) -> pd.DataFrame:
    """The kept positions, numbered again in each document, with their indicators counted."""
    counts = np.array([len(d.positions) for d in documents])
    rows = np.concatenate([d.positions for d in documents])
    frame = _region_columns(t.jabatan.iloc[rows].reset_index(drop=True), documents, names, counts)
    seed_of_row, kecamatan_of_row = np.repeat([d.seed for d in documents], counts), frame["kecamatan"].to_numpy(dtype=object)
    frame["jabatan"] = _with_kecamatan(frame["jabatan"], t.title_names_seed[rows], seed_of_row, kecamatan_of_row, t)
    number = np.concatenate([np.arange(1, n + 1) for n in counts])
    frame["jabatan_urutan"] = number.astype(t.jabatan["jabatan_urutan"].dtype)
    per_position = indikator.groupby(["berkas", "jabatan_urutan"]).size()
    keys = pd.MultiIndex.from_arrays([frame["berkas"], number.astype(indikator["jabatan_urutan"].dtype)])
    frame["jumlah_indikator"] = per_position.reindex(keys, fill_value=0).to_numpy().astype(t.jabatan["jumlah_indikator"].dtype)
    return frame


def _document_table(t: Templates, documents: list[Document], names: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "berkas": names,
            "kecamatan": [d.kecamatan for d in documents],
            "kabupaten": [d.kabupaten.nama for d in documents],
            "provinsi": [d.kabupaten.provinsi for d in documents],
            "tahun": [d.tahun for d in documents],
            "tata_letak": [t.layouts[d.seed] for d in documents],
            "jumlah_jabatan": [len(d.positions) for d in documents],
            "jumlah_indikator": [len(d.indicators) for d in documents],
        }
    )
    return frame.astype(t.dokumen.dtypes.to_dict())


def _ids(indikator: pd.DataFrame) -> list[str]:
    """kinerja.ids.indicator_id of every row, its occurrence counted as the build counts it: among the
    rows of its document and position worded alike."""
    wording = indikator["indikator"].str.lower()
    occurrence = indikator.groupby([indikator["berkas"], indikator["jabatan_baku"], wording], sort=False).cumcount() + 1
    columns = [indikator[c].tolist() for c in ("kabupaten", "kecamatan", "tahun", "jabatan_baku", "indikator")]
    return [
        indicator_id(kab, kec, tahun, baku, text, n)
        for kab, kec, tahun, baku, text, n in zip(*columns, occurrence.tolist(), strict=True)
    ]


# ---- realisation: one import per document ----


@dataclass(frozen=True)
class DocumentImport:
    """What one officer imports for one document: the filled template's values in long form."""

    berkas: str  # the document the values belong to
    name: str  # the file uploaded
    values: pd.DataFrame  # indikator_id, kolom (target, tw1..tw4), nilai (text, as template.validate gives it)
    rows: int  # indicators in the file
    content: bytes  # the file's bytes (the values as CSV), for its sha256 in the store


def realisation_imports(indikator: pd.DataFrame, seed: int) -> list[DocumentImport]:
    """Per document, what its officer reports: of the terukur indicators ~85 %, each with a target
    where the document has none and the quarters by the indicator's method, as
    kinerja.capaian.assembly.example_table makes them (kumulatif: a share of the target each quarter;
    posisi: the level reached so far; rilis: one value at TW4). In the latest year a document reports
    TW1 up to TW2, TW3 or TW4."""
    rng = np.random.default_rng([seed, _stable_number("realisasi")])
    rows = indikator[indikator["kategori_formula"].isin(TERUKUR)].reset_index(drop=True)
    n = len(rows)
    reported = rng.random(n) < REPORTED
    level, shares = rng.uniform(0.45, 1.1, n), rng.uniform(0.6, 1.2, (n, len(QUARTERS)))
    fallback = rng.choice([4.0, 6.0, 12.0, 12.0, 24.0, 26.0], n)
    documents = rows["berkas"].unique()
    quarters_of_document = dict(zip(documents, rng.choice(LATEST_YEAR_QUARTERS, len(documents)), strict=True))
    latest = rows["tahun"].to_numpy() == max(YEARS)
    quarters_reported = np.where(latest, rows["berkas"].map(quarters_of_document).to_numpy(), len(QUARTERS))

    percent = ((rows["kategori_formula"] == "persentase") | (rows["satuan"] == "%")).to_numpy()
    method = np.array([default_method(k, s) for k, s in zip(rows["kategori_formula"], rows["satuan"], strict=True)])
    document_target = rows["target"].to_numpy(dtype="float64", na_value=np.nan)
    target = np.where(np.isnan(document_target), np.where(percent, 100.0, fallback), document_target)

    parts = [_long(rows, reported & np.isnan(document_target), "target", target)]
    for i, quarter in enumerate(QUARTERS, start=1):
        kumulatif = np.round(target / 4 * shares[:, i - 1] * level / 0.85)
        posisi = np.round(target * level * i / 4, 1)
        rilis = np.where(i == len(QUARTERS), np.round(target * level, 1), np.nan)
        value = np.select([method == "kumulatif", method == "posisi"], [kumulatif, posisi], rilis)
        value = np.where(percent, np.minimum(value, 100.0), value)
        parts.append(_long(rows, reported & (quarters_reported >= i) & ~np.isnan(value), quarter, value))
    values = pd.concat(parts).sort_values(["urutan", "urutan_kolom"], kind="stable")  # a document's rows are together
    # One frame for every value, sliced per document, and each file's bytes joined from lines made
    # once: a frame and a to_csv per document cost ~2 ms each, a minute for a country's 32.000 imports.
    every = pd.DataFrame({c: values[c].to_numpy(dtype=object) for c in VALUE_COLUMNS}, dtype="str")
    lines = [",".join(row) for row in zip(*(every[c].tolist() for c in VALUE_COLUMNS), strict=True)]
    berkas, kecamatan, tahun = (values[c].to_numpy(dtype=object) for c in ("berkas", "kecamatan", "tahun"))
    ids = every["indikator_id"].to_numpy(dtype=object)
    bounds = [*np.flatnonzero(np.r_[True, berkas[1:] != berkas[:-1]]), len(berkas)]
    imports = []
    for start, end in zip(bounds[:-1], bounds[1:], strict=True):
        slug = re.sub(r"[^a-z0-9]+", "_", kecamatan[start].casefold()).strip("_")
        content = "\n".join([CSV_HEADER, *lines[start:end], ""]).encode()
        name, part = f"realisasi_{slug}_{tahun[start]}.csv", every.iloc[start:end]
        imports.append(DocumentImport(berkas[start], name, part, len(set(ids[start:end])), content))
    return imports


def _long(rows: pd.DataFrame, chosen: np.ndarray, kolom: str, value: np.ndarray) -> pd.DataFrame:
    picked = np.flatnonzero(chosen)
    return pd.DataFrame(
        {
            "urutan": picked,
            "urutan_kolom": ("target", *QUARTERS).index(kolom),
            "berkas": rows["berkas"].to_numpy()[picked],
            "kecamatan": rows["kecamatan"].to_numpy()[picked],
            "tahun": rows["tahun"].to_numpy()[picked],
            "indikator_id": rows["indikator_id"].to_numpy()[picked],
            "kolom": kolom,
            "nilai": [repr(float(v)) for v in value[picked]],
        }
    )


STORE_SETTINGS = ("KINERJA_REALISASI_DIR", "KINERJA_DATABASE_URL")  # where kinerja.paths puts the store


@contextmanager
def _own_store(directory: Path) -> Iterator[None]:
    """The store's database is the SQLite file in `directory` while inside: KINERJA_REALISASI_DIR
    names it and KINERJA_DATABASE_URL is unset (it may name a deployment's PostgreSQL, which must
    never receive generated imports); both are as they were afterwards."""
    before = {name: os.environ.get(name) for name in STORE_SETTINGS}
    os.environ["KINERJA_REALISASI_DIR"] = str(directory)
    os.environ.pop("KINERJA_DATABASE_URL", None)
    try:
        yield
    finally:
        for name, value in before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def store_imports(imports: list[DocumentImport], directory: Path) -> str:
    """Every document's import into the dataset's own store, the SQLite file in `directory`
    (whatever KINERJA_DATABASE_URL says), all in one transaction through the store's bulk API."""
    batches = [store.Batch(item.name, item.values, item.rows, hashlib.sha256(item.content).hexdigest()) for item in imports]
    with _own_store(directory):
        store.import_many(batches, oleh="bench/generate.py", source=IMPORT_SOURCE)
    return "store.import_many, satu impor per dokumen, dalam satu transaksi"


def write_realisation(imports: list[DocumentImport], out: Path) -> str:
    """The store under out/realisasi, replaced whole: written beside it, then swapped in."""
    with folder_swapped_in(out / "realisasi", prefix=".realisasi-") as staging:
        return store_imports(imports, staging)


# ---- the command ----


def generate(scale: str, out: Path, seed: int = 12, realisation: bool = True) -> dict:
    """The dataset of a scale into `out`; returns what bangkitan.json says."""
    began = time.perf_counter()
    out.mkdir(parents=True, exist_ok=True)
    (out / METADATA).unlink(missing_ok=True)  # a dataset half written has none
    t = templates()
    places = regions(scale)
    documents = [d for kabupaten in places for d in kabupaten_documents(t, kabupaten, seed)]
    generated = tables(t, documents, seed)
    write_tables(generated, out / "normalised", csv=False)  # no copy to open: 600 MB and half a minute nationally
    summary = {
        "skala": scale,
        "benih": seed,
        "tahun": [YEARS[0], YEARS[-1]],
        "dokumen": len(generated["dokumen"]),
        "jabatan": len(generated["jabatan"]),
        "indikator": len(generated["indikator"]),
        "kecamatan": int(generated["dokumen"][["kabupaten", "kecamatan"]].drop_duplicates().shape[0]),
        "kabupaten": len(places),
        "provinsi": len({k.provinsi for k in places}),
        "kabupaten_contoh": {"provinsi": SAMPLE_KABUPATEN[0], "kabupaten": SAMPLE_KABUPATEN[1]},
    }
    if realisation:
        imports = realisation_imports(generated["indikator"], seed)
        summary["realisasi"] = {
            "impor": len(imports),
            "nilai": int(sum(len(i.values) for i in imports)),
            "cara": write_realisation(imports, out),
        }
    summary["detik"] = round(time.perf_counter() - began, 1)
    atomic_write(out / METADATA, json.dumps(summary, ensure_ascii=False, indent=1).encode())
    return summary


def describe(summary: dict, out: Path) -> str:
    n = format_number
    lines = [
        f"Ditulis ke {out}: skala {summary['skala']}, benih {summary['benih']}, tahun {'–'.join(map(str, summary['tahun']))}",
        f"  {n(summary['dokumen'])} dokumen, {n(summary['jabatan'])} jabatan, {n(summary['indikator'])} indikator",
        f"  {n(summary['kecamatan'])} kecamatan, {n(summary['kabupaten'])} kabupaten/kota, {n(summary['provinsi'])} provinsi",
    ]
    if "realisasi" in summary:
        r = summary["realisasi"]
        lines.append(f"  realisasi: {n(r['impor'])} impor, {n(r['nilai'])} nilai ({r['cara']})")
    else:
        lines.append("  realisasi: tidak dibuat (--tanpa-realisasi)")
    lines.append(f"  {n(summary['detik'], 1)} detik")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Data sintetis berskala kabupaten atau nasional dari empat dokumen nyata.")
    parser.add_argument(
        "--scale", choices=SCALES, required=True, help="kabupaten (Malang), nasional, atau uji (kecil, untuk tes)"
    )
    parser.add_argument("--out", type=Path, required=True, help="folder dataset (dipakai dengan KINERJA_DATA_DIR)")
    parser.add_argument("--seed", type=int, default=12, help="benih acak; benih yang sama memberi data yang sama")
    parser.add_argument("--tanpa-realisasi", action="store_true", help="tanpa penyimpanan realisasi")
    args = parser.parse_args(argv)
    summary = generate(args.scale, args.out.resolve(), args.seed, not args.tanpa_realisasi)
    print(describe(summary, args.out.resolve()))


if __name__ == "__main__":
    main()
