"""The four main questions answered in plain pandas, for the benchmark's comparison with DuckDB.

Each function gives what its query in queries/ gives (the same rows, in the same order), from the
normalised tables loaded once into pandas (`load`). The benchmark times both in one process and
checks that they return the same number of rows.

    daftar_indikator            the Jelajah list under the filters, with free-text search ($cari)
    indikator_dan_target        the filtered indicators with what capaian needs
    contoh_per_kategori         up to $per_kategori examples per formula category, kecamatan in turn
    indikator_antar_kecamatan   one position's (or field's) indicators across kecamatan, a wording once per kecamatan
                                (a kecamatan: its name within its kabupaten/kota)
"""

import pandas as pd

from kinerja import db

FILTER_COLUMNS = {  # filter member -> column (queries/_filter.sql)
    "kabupaten": "kabupaten",
    "kecamatan": "kecamatan",
    "tahun": "tahun",
    "jenis": "jenis_jabatan",
    "bidang": "bidang",
    "jabatan": "jabatan_baku",
}


def load(con) -> dict[str, pd.DataFrame]:
    """The indicator table in pandas, read once through the query layer's connection (whatever the
    files' layout), in the order the queries' `urutan_baris` follows."""
    indikator = con.table("indikator").df()
    indikator["urutan_baris"] = range(len(indikator))
    return {"indikator": indikator}


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
    """ORDER BY kecamatan, tahun, urutan_baris."""
    return frame.sort_values(["kecamatan", "tahun", "urutan_baris"], kind="stable")


def daftar_indikator(tables: dict, filter: dict, cari: str, **_) -> pd.DataFrame:
    rows = filtered(tables["indikator"], filter)
    if cari.strip():
        rows = rows[_all_words(rows["indikator"] + " " + rows["formula"] + " " + rows["sasaran"], cari)]
    columns = [
        "kecamatan", "tahun", "jabatan_urutan", "jabatan", "jabatan_baku", "jenis_jabatan", "bidang", "sasaran",
        "indikator", "formula", "kategori_formula", "satuan", "polaritas", "target", "target_satuan", "sumber_data",
        "dikoreksi", "indikator_id",
    ]  # fmt: skip
    return _ordered(rows)[columns].reset_index(drop=True)


def indikator_dan_target(tables: dict, filter: dict, **_) -> pd.DataFrame:
    columns = [
        "indikator_id", "kecamatan", "kabupaten", "tahun", "jabatan_baku", "jenis_jabatan", "bidang", "sasaran", "indikator",
        "kategori_formula", "satuan", "polaritas", "target", "target_satuan",
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
    columns = ["kategori_formula", "kecamatan", "kabupaten", "jabatan_baku", "indikator", "formula", "jumlah_contoh",
               "kategori_ada"]  # fmt: skip
    return examples[columns].reset_index(drop=True)


def indikator_antar_kecamatan(tables: dict, filter: dict, pilihan_jabatan: str, pilihan_bidang: str, **_) -> pd.DataFrame:
    rows = filtered(tables["indikator"], filter)
    if pilihan_jabatan:
        rows = rows[rows["jabatan_baku"] == pilihan_jabatan]
    if pilihan_bidang:
        rows = rows[rows["bidang"] == pilihan_bidang]
    rows = rows.assign(rumusan=rows["indikator"].str.strip().str.replace(r"\s+", " ", regex=True).str.lower())
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
        "formula", "target", "target_satuan", "tercantum", "kecamatan_dibandingkan", "dokumen_dibandingkan",
    ]  # fmt: skip
    return joined[columns].reset_index(drop=True)


QUESTIONS = {
    "daftar_indikator": daftar_indikator,
    "indikator_dan_target": indikator_dan_target,
    "contoh_per_kategori": contoh_per_kategori,
    "indikator_antar_kecamatan": indikator_antar_kecamatan,
}


def same_rows(con, name: str, tables: dict, params: dict) -> tuple[int, int]:
    """Rows from DuckDB and from pandas for one question under the same parameters."""
    return len(db.run_query(con, name, **params)), len(QUESTIONS[name](tables, **params))
