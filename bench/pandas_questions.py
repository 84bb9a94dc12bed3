"""The four main questions answered in plain pandas, for the benchmark's comparison with DuckDB.

Each function gives what its query in queries/ gives (the same rows, in the same order), from the
normalised tables loaded once into pandas (`load`). The benchmark times both in one process and
checks that they give the same rows (`difference`).

    daftar_indikator            a page of the Jelajah list under the filters, with free-text search ($cari)
    indikator_dan_target        the filtered indicators with what capaian needs
    contoh_per_kategori         up to $per_kategori examples per formula category, kecamatan in turn
    indikator_antar_kecamatan   one position's (or field's) indicators across kecamatan, a wording once per kecamatan
                                (a kecamatan: its name within its kabupaten/kota)
    jabatan_antar_wilayah       the same position (or field) summed per kabupaten/kota and per provinsi
    indikator_bernilai          the filtered indicators with a stored value (nilai_tersimpan)
    indikator_tanpa_nilai       the others, counted per document and target
"""

import numpy as np
import pandas as pd
import pyarrow as pa

from kinerja import db

FILTER_COLUMNS = {  # filter member -> column (queries/_filter.sql)
    "kabupaten": "kabupaten",
    "kecamatan": "kecamatan",
    "tahun": "tahun",
    "jenis": "jenis_jabatan",
    "bidang": "bidang",
    "jabatan": "jabatan_baku",
}


def load(con, values: pa.Table) -> dict[str, pd.DataFrame]:
    """The indicator table in pandas, read once through the query layer's connection (whatever the
    files' layout), with its `urutan_baris` (the documents' own order) as the queries see it, and the
    store's values in force (`values`, which DuckDB reads as nilai_tersimpan), each indicator with its
    quality score (`skor`) as the listing queries give it."""
    scores = con.table("kualitas").select("kabupaten, indikator_id, skor").df()
    indikator = con.table("indikator").df().merge(scores, on=["kabupaten", "indikator_id"], how="left")
    return {"indikator": indikator, "nilai_tersimpan": values.to_pandas()}


def _all_words(texts: pd.Series, typed: str) -> pd.Series:
    """Whether every typed word (lower case) appears in the text."""
    words = typed.strip().lower().split(" ")
    lowered = texts.str.lower()
    found = pd.Series(True, index=texts.index)
    for word in words:
        found &= lowered.str.contains(word, regex=False)
    return found


def filtered(indikator: pd.DataFrame, f: dict) -> pd.DataFrame:
    """indikator_terfilter($filter): every list filter (empty = all) and the typed title words."""
    keep = pd.Series(True, index=indikator.index)
    for member, column in FILTER_COLUMNS.items():
        if len(f[member]):
            keep &= indikator[column].isin(list(f[member]))
    if f["teks"].strip():
        keep &= _all_words(indikator["jabatan_baku"] + " " + indikator["jabatan"], f["teks"])
    return indikator[keep]


def _ordered(frame: pd.DataFrame) -> pd.DataFrame:
    """ORDER BY kecamatan, kabupaten, tahun, urutan_baris."""
    return frame.sort_values(["kecamatan", "kabupaten", "tahun", "urutan_baris"], kind="stable")


def daftar_indikator(tables: dict, filter: dict, cari: str, mulai: int, baris: int | None, **_) -> pd.DataFrame:
    rows = filtered(tables["indikator"], filter)
    if cari.strip():
        rows = rows[_all_words(rows["indikator"] + " " + rows["formula"] + " " + rows["sasaran"], cari)]
    columns = [
        "kecamatan", "tahun", "jabatan_urutan", "jabatan", "jabatan_baku", "jenis_jabatan", "bidang", "sasaran",
        "indikator", "skor", "formula", "kategori_formula", "satuan", "polaritas", "target", "target_satuan", "sumber_data",
        "dikoreksi", "indikator_id",
    ]  # fmt: skip
    page = slice(mulai, None if baris is None else mulai + baris)
    return _ordered(rows)[columns].iloc[page].reset_index(drop=True)


def indikator_dan_target(tables: dict, filter: dict, **_) -> pd.DataFrame:
    columns = [
        "indikator_id", "kecamatan", "kabupaten", "provinsi", "tahun", "jabatan_baku", "jenis_jabatan", "bidang", "sasaran",
        "indikator", "kategori_formula", "satuan", "polaritas", "target", "target_satuan", "skor",
    ]  # fmt: skip
    return _ordered(filtered(tables["indikator"], filter))[columns].reset_index(drop=True)


def contoh_per_kategori(tables: dict, filter: dict, per_kategori: int, **_) -> pd.DataFrame:
    rows = filtered(tables["indikator"], filter).sort_values("urutan_baris", kind="stable")
    rows = rows.assign(giliran=rows.groupby(["kategori_formula", "kabupaten", "kecamatan"]).cumcount() + 1)
    rows = rows.sort_values(["kategori_formula", "giliran", "kecamatan", "kabupaten"], kind="stable")
    rows = rows.assign(nomor=rows.groupby("kategori_formula").cumcount() + 1)
    examples = rows[rows["nomor"] <= per_kategori]
    examples = examples.assign(
        jumlah_contoh=examples.groupby("kategori_formula")["nomor"].transform("size"),
        kategori_ada=examples["kategori_formula"].nunique(),
    ).sort_values(["kategori_formula", "nomor"], kind="stable")
    columns = ["kategori_formula", "kecamatan", "kabupaten", "jabatan_baku", "indikator", "formula", "skor", "jumlah_contoh",
               "kategori_ada"]  # fmt: skip
    return examples[columns].reset_index(drop=True)


def _chosen(rows: pd.DataFrame, jabatan: str, bidang: str) -> pd.DataFrame:
    """The rows of one canonical position or one field (empty: not used)."""
    if jabatan:
        rows = rows[rows["jabatan_baku"] == jabatan]
    return rows[rows["bidang"] == bidang] if bidang else rows


def _wording(texts: pd.Series) -> pd.Series:
    """A wording as the queries compare it: lower case, spaces as one."""
    return texts.str.strip().str.replace(r"\s+", " ", regex=True).str.lower()


def indikator_antar_kecamatan(tables: dict, filter: dict, pilihan_jabatan: str, pilihan_bidang: str, **_) -> pd.DataFrame:
    rows = _chosen(filtered(tables["indikator"], filter), pilihan_jabatan, pilihan_bidang)
    rows = rows.assign(rumusan=_wording(rows["indikator"]))
    place = ["kabupaten", "kecamatan"]  # a kecamatan is its name within its kabupaten/kota
    groups = rows.groupby([*place, "rumusan"], sort=False)
    per_wording = pd.DataFrame(
        {
            "tercantum": groups.size(),
            "tahun": groups["tahun"].agg(lambda years: ", ".join(sorted({str(y) for y in years}))),
        }
    ).reset_index()
    first = rows.sort_values(["tahun", "urutan_baris"], ascending=[False, True], kind="stable")
    first = first.drop_duplicates([*place, "rumusan"]).drop(columns="tahun")
    joined = first.merge(per_wording, on=[*place, "rumusan"])
    joined = joined.sort_values(["kecamatan", "kabupaten", "urutan_baris"], kind="stable")
    joined["kecamatan_dibandingkan"] = len(joined[place].drop_duplicates())
    joined["dokumen_dibandingkan"] = len(rows[[*place, "tahun"]].drop_duplicates())
    columns = [
        "indikator_id", "kecamatan", "kabupaten", "tahun", "jabatan_baku", "sasaran", "indikator", "kategori_formula",
        "formula", "target", "target_satuan", "tercantum", "skor", "kecamatan_dibandingkan", "dokumen_dibandingkan",
    ]  # fmt: skip
    return joined[columns].reset_index(drop=True)


def _distinct(rows: pd.DataFrame, keys: list[str], counted: list[str]) -> pd.Series:
    """count(DISTINCT counted) per group of keys."""
    columns = list(dict.fromkeys([*keys, *counted]))
    return rows[columns].drop_duplicates().groupby(keys).size()


def jabatan_antar_wilayah(tables: dict, filter: dict, pilihan_jabatan: str, pilihan_bidang: str, **_) -> pd.DataFrame:
    rows = _chosen(filtered(tables["indikator"], filter), pilihan_jabatan, pilihan_bidang)
    rows = rows[["provinsi", "kabupaten", "kecamatan", "tahun"]].assign(rumusan=_wording(rows["indikator"]))
    levels = []
    for level, keys in (("kabupaten", ["provinsi", "kabupaten"]), ("provinsi", ["provinsi"])):
        counted = pd.DataFrame(
            {
                "kecamatan": _distinct(rows, keys, ["kabupaten", "kecamatan"]),
                "dokumen": _distinct(rows, keys, ["kabupaten", "kecamatan", "tahun"]),
                "indikator": rows.groupby(keys).size(),
                "rumusan": rows.groupby(keys)["rumusan"].nunique(),
            }
        ).reset_index()
        per_document = counted["indikator"] / counted["dokumen"]
        counted["indikator_per_dokumen"] = np.floor(per_document * 10 + 0.5) / 10  # SQL's round: half up
        named = {"wilayah": counted[keys[-1]], "induk": counted["provinsi"] if level == "kabupaten" else ""}
        levels.append(counted.assign(tingkat=level, **named))
    columns = ["tingkat", "wilayah", "induk", "kecamatan", "dokumen", "indikator", "indikator_per_dokumen", "rumusan"]
    return pd.concat(levels)[columns].sort_values(["tingkat", "wilayah", "induk"], kind="stable").reset_index(drop=True)


def indikator_bernilai(tables: dict, filter: dict, **_) -> pd.DataFrame:
    rows = filtered(tables["indikator"], filter)
    rows = rows[rows["indikator_id"].isin(tables["nilai_tersimpan"]["indikator_id"])]
    columns = ["indikator_id", "kecamatan", "kabupaten", "provinsi", "tahun", "kategori_formula", "satuan", "polaritas",
               "target"]  # fmt: skip
    return _ordered(rows)[columns].reset_index(drop=True)


def indikator_tanpa_nilai(tables: dict, filter: dict, **_) -> pd.DataFrame:
    rows = filtered(tables["indikator"], filter)
    rows = rows[~rows["indikator_id"].isin(tables["nilai_tersimpan"]["indikator_id"])]
    keys = ["provinsi", "kabupaten", "kecamatan", "tahun", "target"]
    counted = rows.groupby(keys, dropna=False, sort=False).size().rename("jumlah").reset_index()
    return counted.sort_values(["kecamatan", "kabupaten", "tahun", "target"], na_position="first", kind="stable").reset_index(
        drop=True
    )


QUESTIONS = {
    "daftar_indikator": daftar_indikator,
    "indikator_dan_target": indikator_dan_target,
    "contoh_per_kategori": contoh_per_kategori,
    "indikator_antar_kecamatan": indikator_antar_kecamatan,
    "jabatan_antar_wilayah": jabatan_antar_wilayah,
    "indikator_bernilai": indikator_bernilai,
    "indikator_tanpa_nilai": indikator_tanpa_nilai,
}


def difference(con, name: str, tables: dict, params: dict, registered: dict | None = None) -> str:
    """How DuckDB's and pandas' answers to one question under the same parameters differ ('' when they
    give the same rows, in the same order); `registered` are the Arrow tables the query reads."""
    duck, panda = db.run_query(con, name, tables=registered, **params), QUESTIONS[name](tables, **params)
    if len(duck) != len(panda):
        return f"DuckDB {len(duck)} baris, pandas {len(panda)}"
    if list(duck.columns) != list(panda.columns):
        return f"kolom DuckDB {list(duck.columns)}, pandas {list(panda.columns)}"
    for column in duck.columns:
        if _plain(duck[column]) != _plain(panda[column]):
            return f"kolom {column} berbeda"
    return ""


def _plain(values: pd.Series) -> list:
    """Values as Python compares them, every missing one None."""
    return [None if pd.isna(v) else v for v in values.astype(object)]
