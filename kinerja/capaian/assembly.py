"""Capaian per indicator: the document's indicators, the officers' stored (or the example) values,
and the rules, put together once for the page, presentation mode, the deck and the command line."""

import hashlib
import random
from dataclasses import dataclass

import pandas as pd

from kinerja import db
from kinerja.capaian import store
from kinerja.capaian.rules import Band, achievement, default_method, load_bands, rating, roll_up
from kinerja.capaian.template import read_table, validate
from kinerja.filters import Filters
from kinerja.ids import former_ids
from kinerja.paths import EXAMPLE_FILE
from kinerja.vocab import NOT_RATED, QUARTER_LABELS, QUARTERS

EXAMPLE_SUFFIX = " (DATA CONTOH ILUSTRATIF)"  # on every title that shows the example data
RESULT_COLUMNS = [
    "target", "sumber_target", "polaritas", "metode", *QUARTERS, "tahunan", "realisasi", "capaian", "predikat", "alasan",
]  # fmt: skip
NO_TARGET, NO_REALISATION = "tanpa target", "belum ada realisasi"  # why an indicator cannot be rated


@dataclass
class Capaian:
    """Everything the capaian views show for one set of filters."""

    table: pd.DataFrame  # one row per filtered indicator: target, quarters, realisasi, capaian, predikat, alasan
    bands: list[Band]
    example: bool  # the values are the illustrative example, not imports
    detached: pd.DataFrame  # stored values whose indicator no longer exists in the data

    @property
    def suffix(self) -> str:
        return EXAMPLE_SUFFIX if self.example else ""

    @property
    def rated(self) -> pd.DataFrame:
        return self.table[self.table["predikat"] != NOT_RATED]

    def kecamatan_for_detail(self) -> list[str]:
        """The kecamatan to pick from for a detail, those with rated indicators first."""
        every = sorted(set(self.table["kecamatan"]))
        with_results = set(self.rated["kecamatan"])
        return [k for k in every if k in with_results] + [k for k in every if k not in with_results]


def indicators(con, filters: Filters | None = None, ids: list[str] | None = None) -> pd.DataFrame:
    """The indicators under the filters (all by default), or only those with the given ids."""
    return db.run_query(con, "indikator_dan_target", **(filters or Filters()).params(), ids=list(ids or []))


def example_values(con) -> pd.DataFrame:
    """The illustrative file's values, through the same validation as an officer's import. The file
    illustrates the shipped documents: on other data only the rows of indicators it has count (none,
    on a generated dataset), and no row is refused for being elsewhere."""
    table = read_table(EXAMPLE_FILE.name, EXAMPLE_FILE.read_bytes())
    known = indicators(con, ids=table["indikator_id"].tolist())
    table = table[table["indikator_id"].isin(known["indikator_id"])]
    if table.empty:
        return pd.DataFrame(columns=["indikator_id", "kolom", "nilai"])  # as a validated file gives them
    return validate(EXAMPLE_FILE.name, table, known).values


def assemble(
    con,
    filters: Filters,
    use_example: bool | None = None,
    example: pd.DataFrame | None = None,
    stored: pd.DataFrame | None = None,
    everything: pd.DataFrame | None = None,
) -> Capaian:
    """Capaian under the filters from the stored values, or from the example data when asked
    (by default: when nothing has been imported yet). A caller that caches them passes in the
    example values, the stored values and all indicators."""
    stored = store.current_values(con) if stored is None else stored
    use_example = stored.empty if use_example is None else use_example
    everything = indicators(con) if everything is None else everything
    values = stored
    if use_example:
        values = example if example is not None else example_values(con)
    bands = load_bands()
    table = capaian_table(indicators(con, filters), values, bands)
    return Capaian(table, bands, use_example, detached_values(stored, set(everything["indikator_id"])))


def _number(value) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _reason(target: float | None, realisation: float | None) -> str:
    if target is None or target == 0:
        return NO_TARGET
    return NO_REALISATION if realisation is None else ""


def capaian_table(indicator_rows: pd.DataFrame, values: pd.DataFrame, bands) -> pd.DataFrame:
    """One row per indicator with target, quarters, rolled-up realisation, capaian, band and, when it
    cannot be rated, why."""
    by_indicator: dict[str, dict[str, str]] = {}  # a dict, not a pivot: one .loc per row is slow
    for indicator_id, column, value in values[["indikator_id", "kolom", "nilai"]].itertuples(index=False):
        by_indicator.setdefault(indicator_id, {})[column] = value
    out = []
    for row in indicator_rows.itertuples(index=False):
        given = by_indicator.get(row.indikator_id, {})
        stored_target = _number(given.get("target"))
        target = stored_target if stored_target is not None else _number(row.target)
        polaritas = given.get("polaritas") if isinstance(given.get("polaritas"), str) else row.polaritas
        metode = given.get("metode") if isinstance(given.get("metode"), str) else default_method(row.kategori_formula, row.satuan)
        quarters = {q: _number(given.get(q)) for q in QUARTERS}
        annual = _number(given.get("tahunan"))
        realisasi = roll_up(quarters, metode, annual)
        capaian = achievement(target, realisasi, polaritas)
        out.append(
            {
                **row._asdict(),
                "target": target,
                "sumber_target": "diisi" if stored_target is not None else ("dokumen" if target is not None else ""),
                "polaritas": polaritas,
                "metode": metode,
                **quarters,
                "tahunan": annual,
                "realisasi": realisasi,
                "capaian": capaian,
                "predikat": rating(capaian, bands),
                "alasan": _reason(target, realisasi) if capaian is None else "",
            }
        )
    frame = pd.DataFrame(out, columns=[*indicator_rows.columns, *[c for c in RESULT_COLUMNS if c not in indicator_rows.columns]])
    numeric = ["target", *QUARTERS, "tahunan", "realisasi", "capaian"]
    frame[numeric] = frame[numeric].apply(pd.to_numeric).astype("float64")  # all-missing stays a number column
    return frame


def detached_values(values: pd.DataFrame, all_ids: set[str]) -> pd.DataFrame:
    """Stored values whose indicator no longer exists in the data (reported, never silently dropped)."""
    return values[~values["indikator_id"].isin(all_ids)]


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


def quarterly_progress(table: pd.DataFrame) -> pd.DataFrame:
    """Median progress towards the year's target after each quarter, per kecamatan and document year
    (two years of one kecamatan are two documents, never one median)."""
    rows = []
    for row in table.itertuples(index=False):
        if row.target is None or pd.isna(row.target) or row.target == 0:
            continue
        for i, quarter in enumerate(QUARTERS, start=1):
            so_far = {q: getattr(row, q) for q in QUARTERS[:i]}
            value = achievement(row.target, roll_up(so_far, row.metode), row.polaritas)
            if value is not None:
                quarter_label = QUARTER_LABELS[quarter]
                rows.append({"kecamatan": row.kecamatan, "tahun": row.tahun, "triwulan": quarter_label, "progres": value})
    frame = pd.DataFrame(rows, columns=["kecamatan", "tahun", "triwulan", "progres"])
    return frame.groupby(["kecamatan", "tahun", "triwulan"], as_index=False)["progres"].median()
