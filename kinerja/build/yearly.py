"""Antar tahun: how a kecamatan's indicators changed from one of its documents to the next.

Per kecamatan with documents for several years, each document is compared with the one of the year
before it that the kecamatan has (2022 with 2020 when 2021 is missing), position by position (jabatan
baku). An indicator written the same way both years is kept (`tetap`: letter case, spacing and a final
full stop, colon or semicolon aside); one written otherwise but alike by Perbandingan's test
(`similarity.match_between`, one-to-one, the most alike pair first) is reworded (`diubah`); an indicator of the earlier year left
without a counterpart was dropped (`dihapus`), one of the later year was added (`ditambah`). For a
kept or reworded indicator the target's move is named (`gerak_target`) and measured (`selisih_target`)
when both years give a number in one unit.

Computed at build time, inside `write_tables`; the table `antar_tahun` has a row per indicator pair,
added or dropped indicator, under the later year (its region and year columns are the filters').
"""

from collections import defaultdict

import pandas as pd

from kinerja import similarity

SIDES = ("indikator_id", "indikator", "formula", "target", "target_satuan", "urutan_baris")
POSITION = ["jabatan_urutan", "jabatan", "jabatan_baku", "jenis_jabatan", "bidang"]
PLACE = ["provinsi", "kabupaten", "kecamatan"]
ANTAR_TAHUN_COLUMNS = [
    *PLACE, "tahun", "tahun_sebelum", *POSITION, "jenis_perubahan", "indikator_id", "indikator", "formula", "target",
    "target_satuan", "indikator_id_sebelum", "indikator_sebelum", "formula_sebelum", "target_sebelum",
    "target_satuan_sebelum", "skor_kemiripan", "rumus_berubah", "gerak_target", "selisih_target", "urutan_baris",
]  # fmt: skip
KEPT, REWORDED, ADDED, DROPPED = "tetap", "diubah", "ditambah", "dihapus"
UP, DOWN, SAME, OTHER_UNIT, NEW_TARGET, TARGET_GONE, NO_TARGET = (
    "naik", "turun", "sama", "satuan_beda", "target_baru", "target_hilang", "tanpa_target",
)  # fmt: skip
_BEFORE = "_sebelum"


def as_written(text) -> str:
    """A text as its reader sees it: letter case, spacing and a final full stop, colon or semicolon do not
    count; a missing text is empty."""
    return "" if pd.isna(text) else " ".join(str(text).casefold().split()).rstrip(".:; ")


def compare_years(indikator: pd.DataFrame) -> pd.DataFrame:
    """The table `antar_tahun`: each document's indicators against those of the kecamatan's year before."""
    rows = indikator.assign(
        tempat=indikator["kabupaten"] + "|" + indikator["kecamatan"], tertulis=indikator["indikator"].map(as_written)
    )
    rows["tahun_sebelum"] = _year_before(rows)
    later = rows[rows["tahun_sebelum"].notna()].astype({"tahun_sebelum": "int32"})
    compared = later[["tempat", "tahun", "tahun_sebelum"]].drop_duplicates()
    earlier = (
        rows.drop(columns=["tahun_sebelum"])
        .rename(columns={"tahun": "tahun_dokumen"})
        .merge(compared, left_on=["tempat", "tahun_dokumen"], right_on=["tempat", "tahun_sebelum"])
        .drop(columns=["tahun_dokumen"])
    )  # each earlier row under the later year it is compared with
    kept, later_left, earlier_left = _same_wording(later, earlier)
    reworded, added, dropped = _alike_wording(later_left, earlier_left)
    parts = [_pairs(kept, KEPT), _pairs(reworded, REWORDED), _alone(added, ADDED), _dropped(dropped, later)]
    parts = [part for part in parts if not part.empty]
    if not parts:
        return _typed(pd.DataFrame(columns=ANTAR_TAHUN_COLUMNS))
    table = pd.concat(parts, ignore_index=True)
    order = ["kabupaten", "kecamatan", "tahun", "jabatan_urutan", "terakhir", "urutan_baris"]
    return _typed(table.assign(terakhir=table["jenis_perubahan"] == DROPPED).sort_values(order, kind="stable"))


def _year_before(rows: pd.DataFrame) -> pd.Series:
    """Per row, the latest earlier year of its place's documents (NaN for a place's first year)."""
    years = rows[["tempat", "tahun"]].drop_duplicates().sort_values(["tempat", "tahun"])
    years["sebelum"] = years.groupby("tempat")["tahun"].shift()
    keyed = rows[["tempat", "tahun"]].merge(years, on=["tempat", "tahun"], how="left")
    return pd.Series(keyed["sebelum"].to_numpy(), index=rows.index)


def _same_wording(later: pd.DataFrame, earlier: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Pairs worded the same in one position (the n-th of a wording with the n-th), and what is left of
    each side."""
    key = ["tempat", "tahun", "tahun_sebelum", "jabatan_baku", "tertulis", "kali"]
    later = later.assign(kali=later.sort_values("urutan_baris").groupby(key[:-1]).cumcount())
    earlier = earlier.assign(kali=earlier.sort_values("urutan_baris").groupby(key[:-1]).cumcount())
    pairs = later.merge(earlier[[*key, *SIDES]], on=key, suffixes=("", _BEFORE))
    later_left = later[~later["indikator_id"].isin(pairs["indikator_id"])]
    earlier_left = earlier[~earlier["indikator_id"].isin(pairs["indikator_id" + _BEFORE])]
    return pairs.assign(skor_kemiripan=100.0), later_left, earlier_left


def _alike_wording(later: pd.DataFrame, earlier: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Among the indicators left, pairs worded alike in one position of one comparison; then those still
    alone on each side (added, dropped)."""
    before, after = _items_by_position(earlier, "lama"), _items_by_position(later, "baru")
    matched = [
        (match.right.id, match.left.id, match.score)
        for key in sorted(before.keys() & after.keys())
        for match in similarity.match_between(before[key], after[key])
    ]
    found = pd.DataFrame(matched, columns=["indikator_id", "indikator_id" + _BEFORE, "skor_kemiripan"])
    old = earlier[list(SIDES)].add_suffix(_BEFORE)
    pairs = later.merge(found, on="indikator_id").merge(old, on="indikator_id" + _BEFORE)
    added = later[~later["indikator_id"].isin(found["indikator_id"])]
    dropped = earlier[~earlier["indikator_id"].isin(found["indikator_id" + _BEFORE])]
    return pairs, added, dropped


def _items_by_position(rows: pd.DataFrame, side: str) -> dict[tuple, list[similarity.Item]]:
    """The indicators of each position of each comparison, as plain rows: grouping with pandas cost more
    than the matching."""
    found: dict[tuple, list[similarity.Item]] = defaultdict(list)
    columns = (rows[c].tolist() for c in ("tempat", "tahun", "jabatan_baku", "indikator_id", "indikator"))
    for place, year, position, key, text in zip(*columns, strict=True):
        found[(place, year, position)].append(similarity.Item(key, side, text))
    return found


def _pairs(pairs: pd.DataFrame, kind: str) -> pd.DataFrame:
    """Kept or reworded pairs, with whether the formula changed and how the target moved."""
    moves = [
        _target_move(after, unit, before, unit_before)
        for after, unit, before, unit_before in pairs[["target", "target_satuan", "target" + _BEFORE, "target_satuan" + _BEFORE]]
        .astype(object).itertuples(index=False)
    ]  # fmt: skip
    formula_changed = pairs["formula"].map(as_written) != pairs["formula" + _BEFORE].map(as_written)
    difference = (pairs["target"] - pairs["target" + _BEFORE]).where([m in (UP, DOWN, SAME) for m in moves])
    return pairs.assign(jenis_perubahan=kind, gerak_target=moves, rumus_berubah=formula_changed, selisih_target=difference)


def _target_move(after, unit: str, before, unit_before: str) -> str:
    has_after, has_before = pd.notna(after), pd.notna(before)
    if not (has_after or has_before):
        return NO_TARGET
    if not has_before:
        return NEW_TARGET
    if not has_after:
        return TARGET_GONE
    if as_written(unit) != as_written(unit_before):
        return OTHER_UNIT
    return UP if after > before else DOWN if after < before else SAME


def _alone(rows: pd.DataFrame, kind: str) -> pd.DataFrame:
    return rows.assign(jenis_perubahan=kind, gerak_target="", rumus_berubah=False)


def _dropped(rows: pd.DataFrame, later: pd.DataFrame) -> pd.DataFrame:
    """Dropped indicators, on the earlier side's columns, in the place of their position in the later
    document (after its kept and added ones), or after the later document's positions when it has the
    position no more."""
    places = ["tempat", "tahun"]
    position = later.groupby([*places, "jabatan_baku"])["jabatan_urutan"].min().rename("urutan_sekarang")
    last = later.groupby(places)["jabatan_urutan"].max().rename("urutan_akhir")
    rows = rows.join(position, on=[*places, "jabatan_baku"]).join(last, on=places)
    order = rows["urutan_sekarang"].fillna(rows["urutan_akhir"] + rows["jabatan_urutan"])
    before = rows[list(SIDES)].add_suffix(_BEFORE)
    kept = rows[[*PLACE, "tahun", "tahun_sebelum", *POSITION, "urutan_baris"]].assign(jabatan_urutan=order)
    return pd.concat([kept, before], axis=1).pipe(_alone, DROPPED)


def _typed(table: pd.DataFrame) -> pd.DataFrame:
    for column in ANTAR_TAHUN_COLUMNS:
        if column not in table:
            table[column] = None
    texts = [c for c in ANTAR_TAHUN_COLUMNS if c not in NUMBERS and c != "rumus_berubah"]
    types = {**NUMBERS, "rumus_berubah": "bool", **dict.fromkeys(texts, "string")}
    return table[ANTAR_TAHUN_COLUMNS].astype(types).reset_index(drop=True)


NUMBERS = {
    "tahun": "int32", "tahun_sebelum": "int32", "jabatan_urutan": "int32", "target": "Float64", "target_sebelum": "Float64",
    "skor_kemiripan": "Float64", "selisih_target": "Float64", "urutan_baris": "int64",
}  # fmt: skip
