"""Capaian per indicator: the document's indicators, the officers' stored (or the example) values,
and the rules, put together once for the page, presentation mode, the deck and the command line."""

import hashlib
import random
from dataclasses import dataclass
from functools import cache, cached_property

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from kinerja import db
from kinerja.capaian import store
from kinerja.capaian.rules import Band, achievements, default_method, default_methods, load_bands, ratings, roll_ups
from kinerja.capaian.template import INPUT_COLUMNS, VALUE_COLUMNS, named_ids, read_table, validate
from kinerja.filters import Filters
from kinerja.ids import former_ids
from kinerja.paths import EXAMPLE_FILE
from kinerja.vocab import NOT_RATED, QUARTER_LABELS, QUARTERS, place_names

EXAMPLE_SUFFIX = " (DATA CONTOH ILUSTRATIF)"  # on every title that shows the example data
LISTED_AT_MOST = 200_000  # indicators capaian holds one by one; a country's are summed where they have no value
RESULT_COLUMNS = [
    "target", "sumber_target", "polaritas", "metode", *QUARTERS, "tahunan", "realisasi", "capaian", "predikat", "alasan",
]  # fmt: skip
NO_TARGET, NO_REALISATION = "tanpa target", "belum ada realisasi"  # why an indicator cannot be rated


@dataclass
class Capaian:
    """Everything the capaian views show for one set of filters."""

    # A row per filtered indicator (target, quarters, realisasi, capaian, predikat, alasan, jumlah 1), or, for
    # indicators without a value beyond LISTED_AT_MOST, per document and target (no id, `jumlah` of them).
    table: pd.DataFrame
    bands: list[Band]
    example: bool  # the values are the illustrative example, not imports
    detached: pd.DataFrame  # stored values whose indicator no longer exists in the data
    con: object = None  # the query connection, where a summed table's rows get their names

    @property
    def suffix(self) -> str:
        return EXAMPLE_SUFFIX if self.example else ""

    @property
    def rated(self) -> pd.DataFrame:
        return self.table[self.table["predikat"] != NOT_RATED]

    @property
    def count(self) -> int:
        """The indicators under the filters (a row counts `jumlah` of them)."""
        return int(self.table["jumlah"].sum())

    @property
    def listed(self) -> pd.DataFrame:
        """The rows that are one indicator each, with its name."""
        return self.table[self.table["indikator_id"].notna()]

    @property
    def summed(self) -> int:
        """The indicators counted per document rather than listed (none below LISTED_AT_MOST)."""
        return self.count - len(self.listed)

    @cached_property
    def places(self) -> pd.Series:
        """Each row's kecamatan as people name it (vocab.place_names)."""
        return place_names(self.table)

    def kecamatan_for_detail(self) -> list[str]:
        """The kecamatan to pick from for a detail, those with rated indicators first."""
        return self._detail_places

    @cached_property
    def _detail_places(self) -> list[str]:
        every = sorted(set(self.places))
        with_results = set(self.places[self.table["predikat"] != NOT_RATED])
        return [k for k in every if k in with_results] + [k for k in every if k not in with_results]

    def described(self, rows: pd.DataFrame) -> pd.DataFrame:
        """The rows with their indicators' names and positions: a summed table holds none, so they are read
        for these rows only."""
        if "indikator" in rows:
            return rows
        named = indicators(self.con, ids=rows["indikator_id"].tolist())
        names = named[["indikator_id", *(c for c in named.columns if c not in rows)]]
        return rows.merge(names, on="indikator_id", how="left")

    def of_place(self, name: str) -> pd.DataFrame:
        """The indicators of one kecamatan, by the name kecamatan_for_detail gives it."""
        return self.listed[self.places[self.listed.index] == name]


def indicators(con, filters: Filters | None = None, ids: list[str] | None = None) -> pd.DataFrame:
    """The indicators under the filters (all by default), or only those with the given ids."""
    return db.run_query(con, "indikator_dan_target", **(filters or Filters()).params(), ids=list(ids or []))


def example_values(con) -> pd.DataFrame:
    """The illustrative file's values, through the same validation as an officer's import. The file
    illustrates the shipped documents: on other data only the rows of indicators it has count (none,
    on a generated dataset), and no row is refused for being elsewhere."""
    table = read_table(EXAMPLE_FILE.name, EXAMPLE_FILE.read_bytes())
    known = indicators(con, ids=named_ids(table))
    table = table[table["indikator_id"].isin(known["indikator_id"])]
    if table.empty:
        return pd.DataFrame(columns=["indikator_id", "kolom", "nilai"])  # as a validated file gives them
    return validate(EXAMPLE_FILE.name, table, known).values


def nothing_imported() -> bool:
    """Whether the store holds no current value: no import yet, or every one undone."""
    _, imports, _, undone = store.signature()
    return imports == undone


def assemble(
    con,
    filters: Filters,
    use_example: bool | None = None,
    example: pd.DataFrame | None = None,
    stored: pd.DataFrame | None = None,
    detached: pd.DataFrame | None = None,
) -> Capaian:
    """Capaian under the filters from the stored values of their indicators, or from the example data
    when asked (by default: when nothing has been imported yet). A caller that caches them passes in
    the example values and the stored values that lost their indicator; tests may pass stored values.
    Up to LISTED_AT_MOST indicators, each is a row; beyond, those without a value are counted per
    document and target (a row each, `jumlah` of them), so a country's capaian stays small."""
    use_example = nothing_imported() if use_example is None else use_example
    bands = load_bands()
    # The store's values in force, read once whether the lost ones, the summed table or both need them.
    whole = cache(lambda: store.current_table(con) if stored is None else _arrow_values(stored))
    if detached is None:
        detached = detached_values(con, whole())
    shown = (example if example is not None else example_values(con)) if use_example else stored
    if db.run_query(con, "jumlah_indikator", **filters.params())["indikator"].iloc[0] > LISTED_AT_MOST:
        values = _arrow_values(shown) if use_example else whole()
        return Capaian(_summed_table(con, filters, values, bands), bands, use_example, detached, con)
    rows = indicators(con, filters)
    values = store.current_values(con, indikator_ids=rows["indikator_id"]) if shown is None else shown
    return Capaian(capaian_table(rows, values, bands).assign(jumlah=1), bands, use_example, detached, con)


def _arrow_values(values: pd.DataFrame) -> pa.Table:
    """Values as DuckDB reads them (never a DataFrame: see db.run_query)."""
    return pa.table({column: pa.array(values[column].astype(str), pa.string()) for column in store.VALUE_FRAME})


def _summed_table(con, filters: Filters, values: pa.Table, bands: list[Band]) -> pd.DataFrame:
    """A row per indicator with a value, and a row per document and target for those without (none can
    be rated: the target says why), through the same rules."""
    tables, params = {"nilai_tersimpan": values}, filters.params()
    valued = db.run_query(con, "indikator_bernilai", tables=tables, **params)
    listed = capaian_table(valued, values, bands).assign(jumlah=1)
    counted = db.run_query(con, "indikator_tanpa_nilai", tables=tables, **params)
    unnamed = counted.drop(columns="jumlah").assign(indikator_id=None, kategori_formula=None, satuan=None, polaritas=None)
    without = capaian_table(unnamed, values.slice(0, 0), bands).assign(jumlah=counted["jumlah"])
    return pd.concat([listed, without], ignore_index=True)


def detached_values(con, values: pa.Table) -> pd.DataFrame:
    """Stored values whose indicator no longer exists in the data (reported, never silently dropped)."""
    return db.run_query(con, "nilai_tanpa_indikator", tables={"nilai_tersimpan": values})


def _given(values: pd.DataFrame | pa.Table, ids: pd.Series) -> dict[str, pd.Series]:
    """The values given per indicator, aligned with `ids`: numbers as float64, choices as text, NaN
    where nothing was given. Arrow's hash lookup and cast: pandas' own take seconds on millions."""
    text = pa.string()
    values = values if isinstance(values, pa.Table) else _arrow_values(values)
    found = pc.index_in(values["indikator_id"], value_set=pa.array(ids, text))
    position = found.fill_null(-1).to_numpy()
    kolom, nilai = values["kolom"].cast(text).combine_chunks(), values["nilai"].combine_chunks()
    given = {}
    for column in INPUT_COLUMNS:
        chosen = (position >= 0) & pc.equal(kolom, column).to_numpy(zero_copy_only=False)
        taken = nilai.filter(pa.array(chosen))
        if column in VALUE_COLUMNS:
            out = np.full(len(ids), np.nan)
            out[position[chosen]] = pc.cast(taken, pa.float64()).to_numpy(zero_copy_only=False)
        else:
            out = np.full(len(ids), np.nan, dtype=object)
            out[position[chosen]] = taken.to_numpy(zero_copy_only=False)
        given[column] = pd.Series(out)
    return given


def capaian_table(indicator_rows: pd.DataFrame, values: pd.DataFrame, bands) -> pd.DataFrame:
    """One row per indicator with target, quarters, rolled-up realisation, capaian, band and, when it
    cannot be rated, why. A value given by an officer wins over the document's."""
    rows = indicator_rows.reset_index(drop=True)
    given = _given(values, rows["indikator_id"])
    stored_target = given["target"]
    target = stored_target.fillna(pd.to_numeric(rows["target"]).astype("float64"))
    polaritas = given["polaritas"].fillna(rows["polaritas"].astype(object))
    metode = given["metode"].fillna(default_methods(rows["kategori_formula"], rows["satuan"]))
    quarters = pd.DataFrame({q: given[q] for q in QUARTERS})
    realisasi = roll_ups(quarters, metode, given["tahunan"])
    capaian = achievements(target, realisasi, polaritas)
    source = np.where(stored_target.notna(), "diisi", np.where(target.notna(), "dokumen", ""))
    reason = np.where(target.isna() | (target == 0), NO_TARGET, np.where(realisasi.isna(), NO_REALISATION, ""))
    result = {
        "target": target, "sumber_target": source, "polaritas": polaritas, "metode": metode, **quarters,
        "tahunan": given["tahunan"], "realisasi": realisasi, "capaian": capaian, "predikat": ratings(capaian, bands),
        "alasan": np.where(capaian.isna(), reason, ""),
    }  # fmt: skip
    return rows.assign(**{column: result[column] for column in RESULT_COLUMNS})


def example_table(all_indicators: pd.DataFrame) -> pd.DataFrame:
    """Illustrative targets and quarterly realisation for every indicator, the same on every run."""
    rows = []
    # Seeded by the id each indicator had when the illustration was first made, so it stays the same.
    seed_ids = {new: old for old, new in former_ids(all_indicators).items()}
    for row in all_indicators.itertuples(index=False):
        rng = random.Random(int(hashlib.sha1(seed_ids[row.indikator_id].encode()).hexdigest()[:8], 16))
        method = default_method(row.kategori_formula, row.satuan)
        percent = row.kategori_formula == "persentase" or row.satuan == "%"
        target = row.target if pd.notna(row.target) else (100.0 if percent else float(rng.choice([4, 6, 12, 12, 24, 26])))
        values = {"indikator_id": row.indikator_id, "target": "" if pd.notna(row.target) else _fmt(target)}
        if rng.random() < 0.1:  # some indicators not reported yet: "belum dapat dinilai"
            rows.append(values)
            continue
        level = rng.uniform(0.45, 1.1)
        for i, quarter in enumerate(QUARTERS, start=1):
            if method == "kumulatif":
                value = round(target / 4 * rng.uniform(0.6, 1.2) * level / 0.85)
            elif method == "posisi":
                value = round(target * level * i / 4, 1)
            else:
                value = round(target * level, 1) if i == 4 else None
            if percent and value is not None:
                value = min(value, 100.0)
            values[quarter] = "" if value is None else _fmt(value)
        rows.append(values)
    frame = pd.DataFrame(rows).fillna("")
    meta = all_indicators.set_index("indikator_id")
    frame.insert(1, "kecamatan", frame["indikator_id"].map(meta["kecamatan"]))
    frame.insert(2, "indikator", frame["indikator_id"].map(meta["indikator"]))
    frame["polaritas"] = ""
    frame["metode"] = ""
    frame["tahunan"] = ""
    return frame


def _fmt(value: float) -> str:
    return f"{value:g}"


def quarterly_progress(table: pd.DataFrame, by: tuple[str, ...] = ("kecamatan", "tahun")) -> pd.DataFrame:
    """Median progress towards the year's target after each quarter, per kecamatan and document year
    (two years of one kecamatan are two documents, never one median), or per the columns `by` names."""
    aimed = table[table["target"].notna() & (table["target"] != 0)]
    parts = []
    for i, quarter in enumerate(QUARTERS, start=1):
        so_far = roll_ups(aimed[list(QUARTERS[:i])], aimed["metode"])
        progress = achievements(aimed["target"], so_far, aimed["polaritas"])
        parts.append(aimed[list(by)].assign(triwulan=QUARTER_LABELS[quarter], progres=progress).dropna(subset=["progres"]))
    frame = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=[*by, "triwulan", "progres"])
    return frame.groupby([*by, "triwulan"], as_index=False)["progres"].median()
