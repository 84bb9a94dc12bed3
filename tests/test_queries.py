"""Every file in queries/ against the fixture dataset, on real DuckDB. Expected rows are counted by
hand from the three fixture documents (Cibereum 3 positions / 6 indicators, Wonorejo 3 / 5,
Mekarsari 2 / 4)."""

import re

import pandas as pd
import pyarrow as pa
import pytest

from kinerja import db
from kinerja.filters import Filters
from kinerja.paths import ROOT

EXERCISED: set[str] = set()  # filled as the tests below are defined, so no test depends on another's order


def exercises(*names: str):
    """Mark a test as the hand-computed check of these query files."""
    EXERCISED.update(names)
    return lambda test: test


@pytest.fixture(scope="module")
def con(fixture_data):
    return db.connect(fixture_data)


ALL = Filters()


def run(con, name, filters=ALL, **extra):
    return db.run_query(con, name, **filters.params(), **extra)


@exercises("indikator_per_kecamatan")
def test_indikator_per_kecamatan(con):
    rows = run(con, "indikator_per_kecamatan").to_dict("records")
    assert [tuple(r.values()) for r in rows] == [
        ("Sukamaju", "Cibereum", 2024, 3, 3, 6, 4, 0, 66.7, 0.0),
        ("Purwaraja", "Mekarsari", 2022, 2, 2, 4, 1, 0, 25.0, 0.0),
        ("Sukamaju", "Wonorejo", 2024, 3, 3, 5, 1, 3, 20.0, 60.0),
    ]


@exercises("indikator_per_kecamatan")
def test_indikator_per_kecamatan_keeps_kecamatan_of_one_name_in_two_kabupaten_apart(many):
    rows = run(many, "indikator_per_kecamatan", Filters(kecamatan=("Sukamaju",)))
    # Kab A's Sukamaju has Wonorejo's document (5 indicators), Kab B's Cibereum's (6): two rows, not one of 11
    assert list(zip(rows["kabupaten"], rows["kecamatan"], rows["indikator"], strict=True)) == [
        ("Kab A", "Sukamaju", 5),
        ("Kab B", "Sukamaju", 6),
    ]


@pytest.mark.parametrize(
    "filters, expected",
    [
        (Filters(teks="pengadministrasi"), [("Mekarsari", 2), ("Wonorejo", 1)]),
        (Filters(teks="seksi pel"), [("Mekarsari", 2)]),
        (Filters(teks="  SEKSI   pel "), [("Mekarsari", 2)]),
        (Filters(jenis=("camat",)), [("Cibereum", 1), ("Wonorejo", 1)]),
        (Filters(kecamatan=("Wonorejo",), bidang=("keuangan_perencanaan",)), [("Wonorejo", 3)]),
        (Filters(kabupaten=("Purwaraja",)), [("Mekarsari", 4)]),
        (Filters(tahun=(2024,)), [("Cibereum", 6), ("Wonorejo", 5)]),
        (Filters(jabatan=("Pengadministrasi Umum",)), [("Mekarsari", 2), ("Wonorejo", 1)]),
        (Filters(teks="tidak ada jabatan ini"), []),
    ],
)
def test_filters_narrow_consistently(con, filters, expected):
    rows = run(con, "indikator_per_kecamatan", filters)
    assert list(zip(rows["kecamatan"], rows["indikator"], strict=True)) == expected
    positions = run(con, "jabatan_per_jenis", filters, tingkat="kecamatan")
    assert positions.groupby("wilayah")["indikator"].sum().to_dict() == dict(expected)


@exercises("jabatan_per_jenis")
def test_jabatan_per_jenis(con):
    rows = run(con, "jabatan_per_jenis", tingkat="kecamatan")
    assert list(zip(rows["wilayah"], rows["jenis_jabatan"], rows["indikator"], strict=True)) == [
        ("Cibereum", "camat", 1),
        ("Cibereum", "kepala_seksi", 3),
        ("Cibereum", "pelaksana", 2),
        ("Mekarsari", "kepala_seksi", 2),
        ("Mekarsari", "pelaksana", 2),
        ("Wonorejo", "camat", 1),
        ("Wonorejo", "kepala_subbagian", 3),
        ("Wonorejo", "pelaksana", 1),
    ]


@exercises("jabatan_per_jenis")
def test_jabatan_per_jenis_sums_per_kabupaten_at_a_summary_level(con):
    rows = run(con, "jabatan_per_jenis", tingkat="kabupaten")
    sums = rows.groupby("wilayah")["indikator"].sum().to_dict()
    assert sums == {"Purwaraja": 4, "Sukamaju": 11}  # Mekarsari; Cibereum 6 + Wonorejo 5
    pelaksana = rows[(rows["wilayah"] == "Sukamaju") & (rows["jenis_jabatan"] == "pelaksana")].iloc[0]
    assert (pelaksana["jumlah_jabatan"], pelaksana["indikator"]) == (2, 3)  # Cibereum's 2 and Wonorejo's 1
    by_bidang = run(con, "jabatan_per_bidang", tingkat="provinsi")
    assert set(by_bidang["wilayah"]) == {"Jawa Barat"} and by_bidang["indikator"].sum() == 15


@exercises("jabatan_per_bidang")
def test_jabatan_per_bidang(con):
    rows = run(con, "jabatan_per_bidang", Filters(kecamatan=("Cibereum",)), tingkat="kecamatan")
    assert dict(zip(rows["bidang"], rows["indikator"], strict=True)) == {
        "ketentraman_ketertiban": 3,
        "pelayanan": 2,
        "pimpinan": 1,
    }


@exercises("jabatan_sedikit_indikator")
def test_jabatan_sedikit_indikator(con):
    every = {"mulai": 0, "baris": None}
    rows = run(con, "jabatan_sedikit_indikator", batas=1, **every)
    assert list(zip(rows["kecamatan"], rows["kabupaten"], rows["jabatan_baku"], strict=True)) == [
        ("Cibereum", "Sukamaju", "Camat"),
        ("Wonorejo", "Sukamaju", "Camat"),
        ("Wonorejo", "Sukamaju", "Pengadministrasi Umum"),
    ]  # one indicator each; fewest first, then by kecamatan and document order
    assert run(con, "jabatan_sedikit_indikator", batas=0, **every).empty
    pages = [run(con, "jabatan_sedikit_indikator", batas=2, mulai=start, baris=4) for start in (0, 4)]
    assert [len(page) for page in pages] == [4, 2]  # six: the three above, Cibereum's pengolah data, Mekarsari's two
    whole = run(con, "jabatan_sedikit_indikator", batas=2, **every)
    assert [row for page in pages for row in page.values.tolist()] == whole.values.tolist()
    assert list(zip(whole["kecamatan"], whole["jumlah_indikator"], strict=True))[3:] == [
        ("Cibereum", 2), ("Mekarsari", 2), ("Mekarsari", 2),
    ]  # fmt: skip


@exercises("jumlah_jabatan_sedikit")
def test_jumlah_jabatan_sedikit_counts_what_the_table_holds(con):
    assert run(con, "jumlah_jabatan_sedikit", batas=1).iloc[0].tolist() == [3, 1]  # all three in Sukamaju
    assert run(con, "jumlah_jabatan_sedikit", batas=2).iloc[0].tolist() == [6, 2]  # and Mekarsari's two (Purwaraja)
    assert run(con, "jumlah_jabatan_sedikit", batas=0).iloc[0].tolist() == [0, 0]


@exercises("kategori_per_wilayah")
def test_kategori_per_wilayah_per_kecamatan(con):
    rows = run(con, "kategori_per_wilayah", Filters(kecamatan=("Cibereum",)), tingkat="kecamatan")
    assert dict(zip(rows["kategori_formula"], rows["indikator"], strict=True)) == {
        "indeks": 1,
        "jumlah": 2,
        "komposit": 1,
        "persentase": 1,
        "rasio": 1,
    }
    assert rows.set_index("kategori_formula").loc["jumlah", "persen"] == 33.3
    assert set(rows["wilayah"]) == {"Cibereum"} and set(rows["induk"]) == {"Sukamaju"}
    # The place's indicators and terukur share on every row of it: Cibereum's 4 of 6 (all but the two counts).
    assert set(zip(rows["total"], rows["terukur"], rows["persen_terukur"].round(1), strict=True)) == {(6, 4, 66.7)}


@exercises("kategori_per_wilayah")
def test_kategori_per_wilayah_sums_per_kabupaten_and_provinsi(con):
    rows = run(con, "kategori_per_wilayah", tingkat="kabupaten")
    purwaraja = rows[rows["wilayah"] == "Purwaraja"]  # Mekarsari: three descriptions and one percentage
    assert dict(zip(purwaraja["kategori_formula"], purwaraja["indikator"], strict=True)) == {"deskriptif": 3, "persentase": 1}
    sukamaju = rows[rows["wilayah"] == "Sukamaju"]  # Cibereum's six and Wonorejo's IKM and four without formula
    assert dict(zip(sukamaju["kategori_formula"], sukamaju["indikator"], strict=True)) == {
        "indeks": 2, "jumlah": 2, "komposit": 1, "persentase": 1, "rasio": 1, "tanpa_formula": 4,
    }  # fmt: skip
    assert sukamaju[["total", "terukur"]].drop_duplicates().values.tolist() == [[11, 5]]
    assert set(rows["induk"]) == {"Jawa Barat"}
    provinsi = run(con, "kategori_per_wilayah", tingkat="provinsi")
    assert set(provinsi["wilayah"]) == {"Jawa Barat"} and provinsi["indikator"].sum() == 15
    assert provinsi[["total", "terukur"]].drop_duplicates().values.tolist() == [[15, 6]]
    assert set(zip(rows["semua"], rows["semua_terukur"], strict=True)) == {(15, 6)}  # all places, on every row
    assert run(con, "kategori_per_wilayah", Filters(teks="tidak ada jabatan ini"), tingkat="provinsi").empty


@exercises("kategori_per_jenis")
def test_kategori_per_jenis(con):
    rows = run(con, "kategori_per_jenis", Filters(jenis=("camat",)))
    assert dict(zip(rows["kategori_formula"], rows["indikator"], strict=True)) == {"indeks": 1, "komposit": 1}
    assert rows["persen"].tolist() == [50.0, 50.0]


@exercises("kategori_per_jenis")
def test_kategori_per_jenis_carries_each_types_terukur_share(con):
    rows = run(con, "kategori_per_jenis").drop_duplicates("jenis_jabatan")
    assert list(zip(rows["jenis_jabatan"], rows["terukur"], rows["total"], rows["urutan"], strict=True)) == [
        ("camat", 2, 2, 1),  # Nilai SAKIP (komposit), IKM (indeks)
        ("kepala_seksi", 3, 5, 4),  # pos kamling, rata-rata waktu, pengaduan ditindaklanjuti
        ("kepala_subbagian", 0, 3, 3),  # Wonorejo's three rows state targets, no formula
        ("pelaksana", 1, 5, 5),  # Cibereum's IKM
    ]
    assert rows["persen_terukur"].tolist() == [100.0, 60.0, 0.0, 20.0]


@exercises("contoh_per_kategori")
def test_contoh_per_kategori(con):
    rows = run(con, "contoh_per_kategori", per_kategori=1)
    assert rows["kategori_formula"].tolist() == [
        "deskriptif", "indeks", "jumlah", "komposit", "persentase", "rasio", "tanpa_formula",
    ]  # fmt: skip
    assert rows["kategori_ada"].tolist() == [7] * 7 and rows["jumlah_contoh"].tolist() == [1] * 7
    assert run(con, "contoh_per_kategori", per_kategori=10).groupby("kategori_formula").size()["deskriptif"] == 3


@exercises("contoh_per_kategori")
def test_contoh_per_kategori_takes_kecamatan_in_turn(con):
    rows = run(con, "contoh_per_kategori", per_kategori=3)
    persentase = rows[rows["kategori_formula"] == "persentase"]
    # Each kecamatan's first percentage in name order (Cibereum's pos kamling, Mekarsari's pengaduan),
    # then Cibereum's second: it has no other, and Wonorejo none, so two examples.
    assert list(zip(persentase["kecamatan"], persentase["kabupaten"], persentase["indikator"], strict=True)) == [
        ("Cibereum", "Sukamaju", "Persentase pos kamling aktif"),
        ("Mekarsari", "Purwaraja", "Prosentase pengaduan yang ditindaklanjuti"),
    ]
    tanpa = rows[rows["kategori_formula"] == "tanpa_formula"]  # Wonorejo's four in document order, three taken
    assert tanpa["indikator"].tolist() == [
        "Jumlah laporan keuangan bulanan", "Persentase realisasi anggaran", "Jumlah SPJ yang diverifikasi",
    ]  # fmt: skip
    assert set(tanpa["jumlah_contoh"]) == {3}


@exercises("indikator_antar_kecamatan")
def test_indikator_antar_kecamatan_by_jabatan_and_by_bidang(con):
    camat = run(con, "indikator_antar_kecamatan", pilihan_jabatan="Camat", pilihan_bidang="")
    assert list(zip(camat["kecamatan"], camat["indikator"], camat["tahun"], camat["tercantum"], strict=True)) == [
        ("Cibereum", "Nilai SAKIP Kecamatan", "2024", 1),
        ("Wonorejo", "Indeks Kepuasan Masyarakat", "2024", 1),
    ]
    assert camat["kecamatan_dibandingkan"].tolist() == [2, 2]
    assert camat["dokumen_dibandingkan"].tolist() == [2, 2]
    umum = run(con, "indikator_antar_kecamatan", pilihan_jabatan="", pilihan_bidang="umum_kepegawaian")
    assert umum.groupby("kecamatan").size().to_dict() == {"Mekarsari": 2, "Wonorejo": 1}


def test_indikator_antar_kecamatan_lists_a_wording_once_per_kecamatan_over_the_years(multi_year_data):
    years = db.connect(multi_year_data)  # Wonorejo 2023 and 2024 (the same document), Cibereum 2024
    camat = run(years, "indikator_antar_kecamatan", pilihan_jabatan="Camat", pilihan_bidang="")
    assert list(zip(camat["kecamatan"], camat["indikator"], camat["tahun"], camat["tercantum"], strict=True)) == [
        ("Cibereum", "Nilai SAKIP Kecamatan", "2024", 1),
        ("Wonorejo", "Indeks Kepuasan Masyarakat", "2023, 2024", 2),
    ]
    assert camat["indikator_id"].str.slice(0, 13).tolist() == ["cibereum-2024", "wonorejo-2024"]  # the latest stands for both
    assert (camat["kecamatan_dibandingkan"].iloc[0], camat["dokumen_dibandingkan"].iloc[0]) == (2, 3)


@exercises("jabatan_baku_antar_kecamatan")
def test_jabatan_baku_antar_kecamatan(con):
    rows = run(con, "jabatan_baku_antar_kecamatan").set_index("jabatan_baku")
    assert rows.loc["Camat", ["kecamatan", "kabupaten"]].tolist() == [2, 1]  # Cibereum and Wonorejo, both Sukamaju
    assert rows.loc["Pengadministrasi Umum", ["kecamatan", "kabupaten", "indikator"]].tolist() == [2, 2, 3]
    assert rows.loc["Kepala Sub Bagian Perencanaan dan Keuangan", "indikator"] == 3
    assert rows.index[:2].tolist() == ["Pengadministrasi Umum", "Camat"]  # two kecamatan each; more indicators first


@exercises("jabatan_antar_wilayah")
def test_jabatan_antar_wilayah_per_kabupaten_and_provinsi(con):
    rows = run(con, "jabatan_antar_wilayah", pilihan_jabatan="Pengadministrasi Umum", pilihan_bidang="")
    assert rows.values.tolist() == [
        # Mekarsari's surat masuk and surat keluar; Wonorejo's surat diarsipkan
        ["kabupaten", "Purwaraja", "Jawa Barat", 1, 1, 2, 2.0, 2],
        ["kabupaten", "Sukamaju", "Jawa Barat", 1, 1, 1, 1.0, 1],
        ["provinsi", "Jawa Barat", "", 2, 2, 3, 1.5, 3],
    ]
    camat = run(con, "jabatan_antar_wilayah", pilihan_jabatan="", pilihan_bidang="pimpinan")
    assert camat[["wilayah", "kecamatan", "indikator"]].values.tolist() == [["Sukamaju", 2, 2], ["Jawa Barat", 2, 2]]
    assert run(con, "jabatan_antar_wilayah", pilihan_jabatan="Tidak Ada", pilihan_bidang="").empty


def test_jabatan_antar_wilayah_counts_kecamatan_and_documents_over_the_years(multi_year_data):
    years = db.connect(multi_year_data)  # Wonorejo 2023 and 2024 (the same document), Cibereum 2024
    camat = run(years, "jabatan_antar_wilayah", pilihan_jabatan="Camat", pilihan_bidang="")
    # Wonorejo's IKM in two documents and Cibereum's SAKIP: 2 kecamatan, 3 documents, 3 rows, 2 wordings
    assert camat[["tingkat", "kecamatan", "dokumen", "indikator", "indikator_per_dokumen", "rumusan"]].values.tolist() == [
        ["kabupaten", 2, 3, 3, 1.0, 2],
        ["provinsi", 2, 3, 3, 1.0, 2],
    ]


@exercises("rumusan_antar_wilayah")
def test_rumusan_antar_wilayah_most_used_wordings_first(con, multi_year_data):
    umum = run(con, "rumusan_antar_wilayah", pilihan_jabatan="", pilihan_bidang="umum_kepegawaian", batas=2)
    assert umum.values.tolist() == [
        ["Jumlah surat keluar", 1, 1, 1, 3],  # each of the three in one kecamatan: by wording
        ["Jumlah surat masuk yang diagendakan", 1, 1, 1, 3],
    ]
    years = db.connect(multi_year_data)
    camat = run(years, "rumusan_antar_wilayah", pilihan_jabatan="Camat", pilihan_bidang="", batas=5)
    assert camat.values.tolist() == [
        ["Indeks Kepuasan Masyarakat", 1, 1, 2, 2],  # stated in both of Wonorejo's documents
        ["Nilai SAKIP Kecamatan", 1, 1, 1, 2],
    ]


@exercises("daftar_indikator")
def test_daftar_indikator_search(con):
    every = {"mulai": 0, "baris": None}
    assert len(run(con, "daftar_indikator", cari="", **every)) == 15
    found = run(con, "daftar_indikator", cari="surat keluar", **every)
    assert found["indikator"].tolist() == ["Jumlah surat keluar"]
    assert run(con, "daftar_indikator", cari="DIBAGI pengaduan", **every)["kecamatan"].tolist() == ["Cibereum", "Mekarsari"]
    targets = run(con, "daftar_indikator", Filters(kecamatan=("Wonorejo",)), cari="", **every)
    assert targets["target"].dropna().tolist() == [12.0, 87.5, 1250.0]


@exercises("daftar_indikator")
def test_daftar_indikator_one_page_at_a_time(con):
    whole = run(con, "daftar_indikator", cari="", mulai=0, baris=None)["indikator_id"].tolist()
    pages = [run(con, "daftar_indikator", cari="", mulai=start, baris=4)["indikator_id"].tolist() for start in (0, 4, 8, 12)]
    assert [len(p) for p in pages] == [4, 4, 4, 3]
    assert sum(pages, []) == whole  # the pages are the table, in its order


@exercises("jumlah_daftar_indikator")
def test_jumlah_daftar_indikator_counts_what_the_table_holds(con):
    assert run(con, "jumlah_daftar_indikator", cari="").iloc[0].tolist() == [15, 0]
    assert run(con, "jumlah_daftar_indikator", cari="DIBAGI pengaduan").iloc[0].tolist() == [2, 0]
    assert run(con, "jumlah_daftar_indikator", Filters(kecamatan=("Wonorejo",)), cari="").iloc[0].tolist() == [5, 0]


@exercises("nilai_filter")
def test_nilai_filter(con):
    rows = run(con, "nilai_filter")
    values = rows.groupby("filter")["nilai"].apply(list).to_dict()
    assert values["kecamatan"] == ["Cibereum", "Mekarsari", "Wonorejo"]
    assert values["tahun"] == ["2022", "2024"]
    assert values["jenis"] == ["camat", "kepala_seksi", "kepala_subbagian", "pelaksana"]


def test_parameters_are_bound_never_formatted(con):
    hostile = Filters(teks="'; DROP TABLE indikator; --")
    assert run(con, "indikator_per_kecamatan", hostile).empty
    assert len(run(con, "daftar_indikator", cari="", mulai=0, baris=None)) == 15


def test_missing_parameter_is_named(con):
    with pytest.raises(TypeError, match="batas"):
        db.run_query(con, "jabatan_sedikit_indikator", **Filters().params())


@exercises("indikator_dan_target")
def test_indikator_dan_target(con):
    rows = run(con, "indikator_dan_target", Filters(kecamatan=("Wonorejo",)), ids=[])
    assert rows["indikator"].tolist() == [
        "Indeks Kepuasan Masyarakat",
        "Jumlah laporan keuangan bulanan",
        "Persentase realisasi anggaran",
        "Jumlah SPJ yang diverifikasi",
        "Jumlah surat yang diarsipkan",
    ]
    assert rows["target"].tolist()[1:4] == [12.0, 87.5, 1250.0]
    two = rows["indikator_id"].tolist()[1:3]
    picked = run(con, "indikator_dan_target", ids=[*two, "tidak-ada-2024-0000000000"])
    assert picked["indikator"].tolist() == ["Jumlah laporan keuangan bulanan", "Persentase realisasi anggaran"]


def _stored(*pairs: tuple[str, str]) -> dict:
    """Stored values (indicator id, column) as the store hands them to DuckDB: an Arrow table."""
    rows = {"indikator_id": [i for i, _ in pairs], "kolom": [k for _, k in pairs], "nilai": ["1"] * len(pairs)}
    return {"nilai_tersimpan": pa.table(rows)}


LAPORAN, ANGGARAN = "wonorejo-2024-6e4e69bd1c", "wonorejo-2024-f7cdc22c9d"  # Wonorejo's targets 12 and 87,5


@exercises("jumlah_indikator")
def test_jumlah_indikator_counts_the_filtered_indicators(con):
    assert run(con, "jumlah_indikator")["indikator"].tolist() == [15]
    assert run(con, "jumlah_indikator", Filters(kecamatan=("Wonorejo",)))["indikator"].tolist() == [5]
    assert run(con, "jumlah_indikator", Filters(teks="tidak ada jabatan ini"))["indikator"].tolist() == [0]


@exercises("indikator_bernilai", "indikator_tanpa_nilai")
def test_indicators_with_and_without_a_stored_value_add_up_to_all(con):
    stored = _stored((LAPORAN, "tw1"), (LAPORAN, "tw2"), (ANGGARAN, "target"), ("hilang-2024-0000000000", "tw1"))
    valued = run(con, "indikator_bernilai", tables=stored)
    assert valued["indikator_id"].tolist() == [LAPORAN, ANGGARAN] and valued["target"].tolist() == [12.0, 87.5]
    assert "indikator" not in valued  # names are read for the few rows a page lists
    assert run(con, "indikator_bernilai", Filters(kecamatan=("Mekarsari",)), tables=stored).empty
    without = run(con, "indikator_tanpa_nilai", tables=stored)
    per_document = without.groupby("kecamatan")["jumlah"].sum().to_dict()
    assert per_document == {"Cibereum": 6, "Mekarsari": 4, "Wonorejo": 3}  # 15 - 2 with values
    wonorejo = without[without["kecamatan"] == "Wonorejo"]
    assert wonorejo["target"].tolist()[1:] == [1250.0] and pd.isna(wonorejo["target"].iloc[0])  # IKM and surat: none
    assert wonorejo["jumlah"].tolist() == [2, 1]


@exercises("nilai_tanpa_indikator")
def test_nilai_tanpa_indikator_finds_values_whose_indicator_is_gone(con):
    stored = _stored((LAPORAN, "tw1"), ("hilang-2024-0000000000", "tw2"), ("hilang-2024-0000000000", "target"))
    gone = run(con, "nilai_tanpa_indikator", tables=stored)
    assert gone[["indikator_id", "kolom"]].values.tolist() == [["hilang-2024-0000000000", k] for k in ("target", "tw2")]
    assert run(con, "nilai_tanpa_indikator", tables=_stored((LAPORAN, "tw1"))).empty


@exercises("cakupan_impor")
def test_cakupan_impor_names_the_kecamatan_and_years_of_each_import(con):
    wonorejo = ["wonorejo-2024-343c0f2c02", "wonorejo-2024-6e4e69bd1c"]  # two values of one kecamatan: one line
    mixed = ["mekarsari-2022-d40d9a9d6c", "cibereum-2024-2e03697dd5", "wonorejo-2024-gone000000", "cibereum-2024-x"]
    pairs = [("a", i, 1) for i in wonorejo] + [("b", i, n) for i, n in zip(mixed, [1, 2, 3, 4], strict=True)]
    pairs.append(("c", "tidak-ada", 2))
    impor_id, indikator_id, nilai = (list(column) for column in zip(*pairs, strict=True))
    rows = run(con, "cakupan_impor", impor_id=impor_id, indikator_id=indikator_id, nilai=nilai).fillna({"wilayah": ""})
    assert rows.values.tolist() == [
        ["a", "Wonorejo 2024", 0],
        ["b", "Cibereum 2024, Mekarsari 2022", 7],  # 3 + 4 values of two ids that no indicator has any more
        ["c", "", 2],
    ]


@pytest.mark.parametrize("name", db.query_names())
def test_every_query_file_has_a_hand_computed_test(name):
    assert name in EXERCISED, f"queries/{name}.sql has no test with rows counted by hand (mark it with @exercises)"


@exercises("total_indikator")
def test_total_indikator(con):
    total = run(con, "total_indikator").iloc[0]
    assert total[["kecamatan", "dokumen", "jumlah_jabatan", "jabatan_berindikator"]].tolist() == [3, 3, 8, 8]
    assert total[["kabupaten", "provinsi"]].tolist() == [2, 1]  # Sukamaju and Purwaraja, Jawa Barat
    assert total[["indikator", "terukur", "bertarget"]].tolist() == [15, 6, 3]  # 4 + 1 + 1 terukur; Wonorejo's targets
    one = run(con, "total_indikator", Filters(kecamatan=("Wonorejo",))).iloc[0]
    assert (one["kecamatan"], one["indikator"], one["bertarget"]) == (1, 5, 3)
    none = run(con, "total_indikator", Filters(teks="tidak ada jabatan ini")).iloc[0]
    assert (none["kecamatan"], none["indikator"]) == (0, 0)


@exercises("indikator_per_wilayah")
def test_indikator_per_wilayah_sums_per_kabupaten_or_provinsi(con):
    rows = run(con, "indikator_per_wilayah", tingkat="kabupaten").to_dict("records")
    assert [tuple(r.values()) for r in rows] == [
        ("Purwaraja", "Jawa Barat", 1, 1, 2, 2, 4, 1, 0, 25.0, 0.0),  # Mekarsari
        # Cibereum 6 (4 terukur) + Wonorejo 5 (1 terukur, 3 bertarget)
        ("Sukamaju", "Jawa Barat", 2, 2, 6, 6, 11, 5, 3, 45.5, 27.3),
    ]
    (provinsi,) = run(con, "indikator_per_wilayah", tingkat="provinsi").to_dict("records")
    assert (provinsi["wilayah"], provinsi["kecamatan"], provinsi["indikator"], provinsi["terukur"]) == ("Jawa Barat", 3, 15, 6)
    assert run(con, "indikator_per_wilayah", Filters(teks="tidak ada jabatan ini"), tingkat="provinsi").empty


@exercises("indikator_per_wilayah")
def test_indikator_per_wilayah_sums_the_years_of_each_kecamatan(years, many):
    rows = run(years, "indikator_per_wilayah", tingkat="kecamatan")
    # Wonorejo's two documents (2023, 2024) of 3 positions and 5 indicators each, 3 bertarget each; Cibereum's one
    columns = ["wilayah", "induk", "kecamatan", "dokumen", "jumlah_jabatan", "indikator", "bertarget"]
    assert [tuple(r) for r in rows[columns].values] == [
        ("Cibereum", "Sukamaju", 1, 1, 3, 6, 0),
        ("Wonorejo", "Sukamaju", 1, 2, 6, 10, 6),
    ]
    sukamaju = run(many, "indikator_per_wilayah", Filters(kecamatan=("Sukamaju",)), tingkat="kecamatan")
    assert list(zip(sukamaju["wilayah"], sukamaju["induk"], sukamaju["indikator"], strict=True)) == [
        ("Sukamaju", "Kab A", 5),
        ("Sukamaju", "Kab B", 6),
    ]


@exercises("kecamatan_bertarget")
def test_kecamatan_bertarget(con):
    rows = run(con, "kecamatan_bertarget")
    assert list(zip(rows["kecamatan"], rows["punya_target"], strict=True)) == [
        ("Cibereum", False),
        ("Mekarsari", False),
        ("Wonorejo", True),  # its Kasubag Perencanaan dan Keuangan states three targets
    ]
    assert run(con, "kecamatan_bertarget", Filters(teks="tidak ada jabatan ini")).empty


@exercises("jabatan_per_jenis")
def test_jabatan_per_jenis_carries_the_indicators_of_each_jenis(con):
    rows = run(con, "jabatan_per_jenis", tingkat="kabupaten").drop_duplicates("jenis_jabatan")
    assert list(zip(rows["jenis_jabatan"], rows["indikator_jenis"], rows["urutan"], strict=True)) == [
        ("kepala_seksi", 5, 4),  # Mekarsari Pelayanan 2 (Purwaraja, first), Cibereum Trantib 3
        ("pelaksana", 5, 5),  # Mekarsari Pengadministrasi 2, Cibereum Pengolah Data 2, Wonorejo 1
        ("camat", 2, 1),
        ("kepala_subbagian", 3, 3),
    ]
    assert set(run(con, "jabatan_per_jenis", tingkat="provinsi")["indikator_total"]) == {15}


@exercises("jumlah_wilayah")
def test_jumlah_wilayah_counts_kecamatan_within_their_kabupaten(con, many):
    # kecamatan, kabupaten/kota, provinsi
    assert run(con, "jumlah_wilayah").iloc[0].tolist() == [3, 2, 1]
    assert run(con, "jumlah_wilayah", Filters(jenis=("camat",))).iloc[0].tolist() == [2, 1, 1]  # Mekarsari names no camat
    assert run(many, "jumlah_wilayah").iloc[0].tolist() == [32, 2, 2]  # Sukamaju of Kab A and of Kab B are two
    assert run(con, "jumlah_wilayah", Filters(teks="tidak ada jabatan ini")).iloc[0].tolist() == [0, 0, 0]


def test_jabatan_per_jenis_counts_bertarget_indicators(con):
    rows = run(con, "jabatan_per_jenis", Filters(kecamatan=("Wonorejo",)), tingkat="kecamatan")
    assert list(zip(rows["jenis_jabatan"], rows["indikator"], rows["bertarget"], strict=True)) == [
        ("camat", 1, 0),
        ("kepala_subbagian", 3, 3),
        ("pelaksana", 1, 0),
    ]


@exercises("dokumen_sumber")
def test_dokumen_sumber_the_documents_behind_the_filtered_positions(con):
    rows = run(con, "dokumen_sumber")
    assert rows.values.tolist() == [
        ["Cibereum", "Sukamaju", 2024, "iki_cibereum_markdown.txt"],
        ["Mekarsari", "Purwaraja", 2022, "iki_mekarsari_ocr.txt"],
        ["Wonorejo", "Sukamaju", 2024, "iki_wonorejo_numbered.txt"],
    ]
    camat = run(con, "dokumen_sumber", Filters(jenis=("camat",)))  # Mekarsari's document names no camat
    assert camat["kecamatan"].tolist() == ["Cibereum", "Wonorejo"]
    assert run(con, "dokumen_sumber", Filters(teks="pengadministrasi"))["berkas"].tolist() == [
        "iki_mekarsari_ocr.txt",
        "iki_wonorejo_numbered.txt",
    ]
    assert run(con, "dokumen_sumber", Filters(teks="tidak ada jabatan ini")).empty


@exercises("pilihan_wilayah")
def test_pilihan_wilayah_narrows_each_level_by_those_above(con):
    def options(filters: Filters) -> dict[str, list]:
        rows = run(con, "pilihan_wilayah", filters)
        return {name: group["nilai"].tolist() for name, group in rows.groupby("filter")}

    everything = options(Filters())
    assert everything == {
        "provinsi": ["Jawa Barat"],
        "kabupaten": ["Purwaraja", "Sukamaju"],
        "kecamatan": ["Cibereum", "Mekarsari", "Wonorejo"],
        "tahun": ["2022", "2024"],
    }
    sukamaju = options(Filters(kabupaten=("Sukamaju",)))
    assert sukamaju["kabupaten"] == ["Purwaraja", "Sukamaju"]  # a level is narrowed only by those above it
    assert sukamaju["kecamatan"] == ["Cibereum", "Wonorejo"] and sukamaju["tahun"] == ["2024"]
    assert options(Filters(kecamatan=("Mekarsari",)))["tahun"] == ["2022"]
    assert options(Filters(provinsi=("Papua",))) == {"provinsi": ["Jawa Barat"]}  # nothing under a provinsi not there
    places = run(con, "pilihan_wilayah", Filters())
    assert places[places["filter"] == "kecamatan"]["kabupaten"].tolist() == ["Sukamaju", "Purwaraja", "Sukamaju"]


# Indicator quality of the fixture documents, by hand (data/config/kualitas.toml, seven criteria of
# weight 1, so an indicator scores 100 × met / 7 rounded: 6 met = 85,7, 5 = 71,4, 4 = 57,1):
# - Cibereum: formulas and no target column, so its 6 indicators miss only the target: 85,7 each.
# - Wonorejo: the Camat's IKM has a formula, no target, and "Kecamatan Wonorejo" as its source: 71,4; the
#   Kasubag's 3 indicators have targets (12 laporan, 87,5 %, 1.250 dokumen for SPJ, a laporan being a
#   dokumen) and no formula: 85,7 each; "Jumlah surat yang diarsipkan" has no formula, no target and
#   "Kecamatan Wonorejo": 57,1.
# - Mekarsari: no targets; the three "… diberikan/dicatat …" formulas only describe: 71,4 each; the
#   pengaduan percentage computes: 85,7.
# No indicator meets all seven: a document has either a formula column or a target column.
QUALITY_MET = {  # per kecamatan: indicators, then per criterion how many meet it
    "Cibereum": (6, {"formula": 6, "satuan": 6, "target": 0, "sumber_data": 6, "hasil": 6, "duplikat": 6, "salin_tempel": 6}),
    "Mekarsari": (4, {"formula": 1, "satuan": 4, "target": 0, "sumber_data": 4, "hasil": 4, "duplikat": 4, "salin_tempel": 4}),
    "Wonorejo": (5, {"formula": 1, "satuan": 5, "target": 3, "sumber_data": 3, "hasil": 5, "duplikat": 5, "salin_tempel": 5}),
}


@exercises("kualitas_per_wilayah")
def test_kualitas_per_wilayah(con):
    rows = run(con, "kualitas_per_wilayah", tingkat="kecamatan")
    met = {
        place: (int(own["indikator"].iloc[0]), dict(zip(own["kriteria"], own["lolos"].astype(int), strict=True)))
        for place, own in rows.groupby("wilayah")
    }
    assert met == QUALITY_MET
    scores = rows.drop_duplicates("wilayah").set_index("wilayah")["skor"].to_dict()
    # Wonorejo (71,4 + 3 × 85,7 + 57,1) / 5 = 77,12; Mekarsari (3 × 71,4 + 85,7) / 4 = 74,975
    assert scores == {"Cibereum": 85.7, "Mekarsari": 75.0, "Wonorejo": 77.1}
    wonorejo = rows[rows["wilayah"] == "Wonorejo"].set_index("kriteria")["persen"]
    assert (wonorejo["formula"], wonorejo["target"]) == (20.0, 60.0)  # 1 and 3 of 5
    assert set(rows["semua"]) == {15} and set(rows["skor_semua"]) == {80.0}  # (6 × 85,7 + 385,6 + 299,9) / 15 = 79,98
    assert set(rows["lolos_semua"]) == {0} and set(rows["lolos_semua_semua"]) == {0}
    summed = run(con, "kualitas_per_wilayah", tingkat="kabupaten").drop_duplicates("wilayah")
    # Sukamaju = Cibereum + Wonorejo: (6 × 85,7 + 385,6) / 11 = 81,8
    assert list(zip(summed["wilayah"], summed["induk"], summed["indikator"], summed["skor"], strict=True)) == [
        ("Purwaraja", "Jawa Barat", 4, 75.0),
        ("Sukamaju", "Jawa Barat", 11, 81.8),
    ]
    assert run(con, "kualitas_per_wilayah", Filters(jenis=("camat",)), tingkat="kecamatan").drop_duplicates("wilayah")[
        ["wilayah", "indikator", "skor"]
    ].values.tolist() == [["Cibereum", 1, 85.7], ["Wonorejo", 1, 71.4]]
    assert run(con, "kualitas_per_wilayah", Filters(kecamatan=("Tidak ada",)), tingkat="kecamatan").empty


@exercises("kualitas_per_jenis")
def test_kualitas_per_jenis(con):
    rows = run(con, "kualitas_per_jenis")
    # camat: Cibereum 85,7 + Wonorejo 71,4; kepala seksi: Cibereum 3 × 85,7 + Mekarsari 71,4 + 85,7;
    # pelaksana: Cibereum 2 × 85,7 + Wonorejo 57,1 + Mekarsari 2 × 71,4 = 371,3 / 5
    assert rows[["jenis_jabatan", "indikator", "skor", "lolos_semua"]].values.tolist() == [
        ["camat", 2, 78.6, 0],
        ["kepala_subbagian", 3, 85.7, 0],
        ["kepala_seksi", 5, 82.8, 0],
        ["pelaksana", 5, 74.3, 0],
    ]


@exercises("kualitas_jabatan")
def test_kualitas_jabatan_lowest_first_one_page_at_a_time(con):
    first = run(con, "kualitas_jabatan", mulai=0, baris=3)
    assert first[["kecamatan", "jabatan_baku", "indikator", "skor"]].values.tolist() == [
        ["Wonorejo", "Pengadministrasi Umum", 1, 57.1],
        ["Mekarsari", "Pengadministrasi Umum", 2, 71.4],  # ties go by kecamatan
        ["Wonorejo", "Camat", 1, 71.4],
    ]
    assert set(first["jumlah"]) == {8}  # the fixture's 8 positions
    whole = run(con, "kualitas_jabatan", mulai=0, baris=None)
    assert len(whole) == 8 and whole["skor"].is_monotonic_increasing
    pages = pd.concat([run(con, "kualitas_jabatan", mulai=start, baris=3) for start in (0, 3, 6)])
    assert pages[["kecamatan", "jabatan_urutan"]].values.tolist() == whole[["kecamatan", "jabatan_urutan"]].values.tolist()
    last = run(con, "kualitas_jabatan", Filters(kecamatan=("Wonorejo",)), mulai=2, baris=None)
    assert last[["jabatan_baku", "skor", "jumlah"]].values.tolist() == [["Kepala Sub Bagian Perencanaan dan Keuangan", 85.7, 3]]


@exercises("kualitas_indikator")
def test_kualitas_indikator_lowest_first_with_every_reason(con):
    rows = run(con, "kualitas_indikator", mulai=0, baris=None)
    assert len(rows) == 15 and set(rows["jumlah"]) == {15}
    assert rows[["kecamatan", "indikator", "skor"]].head(4).values.tolist() == [
        ["Wonorejo", "Jumlah surat yang diarsipkan", 57.1],
        ["Mekarsari", "Jumlah permohonan surat keterangan yang dilayani", 71.4],  # in the document's order
        ["Mekarsari", "Jumlah surat masuk yang diagendakan", 71.4],
        ["Mekarsari", "Jumlah surat keluar", 71.4],
    ]
    worst = rows.iloc[0]
    assert (worst["alasan_formula"], worst["alasan_target"]) == ("tidak ada formula", "dokumen tidak menyebut target")
    assert worst["alasan_sumber_data"].startswith('sumber data hanya menyebut wilayah "Kecamatan Wonorejo"')
    assert not worst["lolos_sumber_data"] and worst["lolos_satuan"] and worst["alasan_satuan"] == ""
    assert [c.removeprefix("lolos_") for c in rows.columns if c.startswith("lolos_")] == [
        "formula", "satuan", "target", "sumber_data", "hasil", "duplikat", "salin_tempel",
    ]  # fmt: skip
    page = run(con, "kualitas_indikator", Filters(kecamatan=("Cibereum",)), mulai=4, baris=4)
    assert len(page) == 2 and set(page["jumlah"]) == {6} and set(page["skor"]) == {85.7}


@exercises("daftar_indikator", "indikator_dan_target", "indikator_antar_kecamatan", "contoh_per_kategori")
def test_every_listing_carries_each_indicators_quality_score(con):
    # by hand (above): Cibereum 6 × 85,7; Wonorejo IKM 71,4, Kasubag 3 × 85,7, surat 57,1; Mekarsari 71,4 ×3, 85,7
    listed = run(con, "daftar_indikator", cari="", mulai=0, baris=None)
    scores = listed.groupby("kecamatan")["skor"].apply(list).to_dict()
    assert scores == {"Cibereum": [85.7] * 6, "Mekarsari": [71.4, 85.7, 71.4, 71.4], "Wonorejo": [71.4, 85.7, 85.7, 85.7, 57.1]}
    page = run(con, "daftar_indikator", cari="surat", mulai=0, baris=2)  # the score of a page's rows only
    assert page[["indikator", "skor"]].values.tolist() == [
        ["Jumlah permohonan surat keterangan yang dilayani", 71.4],
        ["Jumlah surat masuk yang diagendakan", 71.4],
    ]
    targets = run(con, "indikator_dan_target", Filters(kecamatan=("Wonorejo",)), ids=[])
    assert targets["skor"].tolist() == [71.4, 85.7, 85.7, 85.7, 57.1]
    camat = run(con, "indikator_antar_kecamatan", pilihan_jabatan="Camat", pilihan_bidang="")
    assert camat[["kecamatan", "indikator", "skor"]].values.tolist() == [
        ["Cibereum", "Nilai SAKIP Kecamatan", 85.7],
        ["Wonorejo", "Indeks Kepuasan Masyarakat", 71.4],  # "Kecamatan Wonorejo" as its source
    ]
    examples = run(con, "contoh_per_kategori", per_kategori=1).set_index("kategori_formula")
    first = examples[["indikator", "skor"]]
    assert first.loc["tanpa_formula"].tolist() == ["Jumlah laporan keuangan bulanan", 85.7]
    assert first.loc["deskriptif"].tolist() == ["Jumlah permohonan surat keterangan yang dilayani", 71.4]


def test_measures_are_the_vocabularys(con):
    """terukur in SQL is vocab.TERUKUR: the reference table the macro reads is made from it."""
    from kinerja.vocab import TERUKUR

    refs = con.execute("SELECT kode FROM ref_kategori_formula WHERE terukur ORDER BY urutan").fetchall()
    assert tuple(r[0] for r in refs) == TERUKUR


def test_no_sql_outside_queries():
    sql = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE)\b\s.*\bFROM\b|\bCREATE (VIEW|TABLE|MACRO)\b", re.I)
    offenders = [
        str(path.relative_to(ROOT))
        for folder in ("kinerja", "pages")
        for path in (ROOT / folder).rglob("*.py")
        if sql.search(path.read_text())
    ] + ([] if not sql.search((ROOT / "dashboard.py").read_text()) else ["dashboard.py"])
    assert offenders == []


def test_each_query_file_says_its_question():
    for path in (ROOT / "queries").glob("*.sql"):
        assert path.read_text().startswith("-- "), path.name


# ---- Pohon kinerja, on the fixture documents with three officers' links (conftest.fixture_links): none of
# their sasaran shares two words with a Camat's, so every link below is the officers'. Nodes: Cibereum
# Kasi Trantib (3 indicators), Pengolah Data twice (1 + 1; the survey linked to the Camat by an officer),
# Camat (1); Wonorejo Camat (1), Kasubag three times (1 each), Pengadministrasi Umum (1; unlinked by an
# officer); Mekarsari two positions and no Camat or Sekretaris (nothing to support).


@pytest.fixture(scope="module")
def linked(linked_data):
    return db.connect(linked_data)


@exercises("pohon_per_wilayah")
def test_pohon_per_wilayah(linked):
    rows = run(linked, "pohon_per_wilayah", tingkat="kecamatan")
    columns = ["wilayah", "dokumen", "bawahan", "terkait", "oleh_petugas", "yatim", "indikator_yatim", "sasaran_camat",
               "camat_tanpa_dukungan", "sasaran_sekretaris", "sekretaris_tanpa_dukungan"]  # fmt: skip
    assert rows[columns].values.tolist() == [
        ["Cibereum", 1, 3, 1, 1, 2, 4, 1, 0, 0, 0],
        ["Mekarsari", 1, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        ["Wonorejo", 1, 4, 0, 0, 4, 4, 1, 1, 0, 0],
    ]
    per_kabupaten = run(linked, "pohon_per_wilayah", tingkat="kabupaten")
    assert per_kabupaten[["wilayah", "dokumen", "bawahan", "terkait", "yatim"]].values.tolist() == [
        ["Purwaraja", 1, 0, 0, 0],
        ["Sukamaju", 2, 7, 1, 6],
    ]
    # Only Pelaksana positions counted below; the Camat's sasaran stay.
    pelaksana = run(linked, "pohon_per_wilayah", Filters(jenis=("pelaksana",)), tingkat="kecamatan")
    assert pelaksana[["wilayah", "bawahan", "terkait", "yatim", "sasaran_camat"]].values.tolist() == [
        ["Cibereum", 2, 1, 1, 1],
        ["Mekarsari", 0, 0, 0, 0],
        ["Wonorejo", 1, 0, 1, 1],
    ]
    assert run(linked, "pohon_per_wilayah", Filters(kecamatan=("Tidak ada",)), tingkat="kecamatan").empty


@exercises("pohon_dokumen")
def test_pohon_dokumen(linked):
    rows = run(linked, "pohon_dokumen")
    assert rows[["kecamatan", "tahun", "sasaran_atas", "bawahan", "yatim"]].values.tolist() == [
        ["Mekarsari", 2022, 0, 0, 0],
        ["Cibereum", 2024, 1, 3, 2],
        ["Wonorejo", 2024, 1, 4, 4],
    ]


@exercises("pohon_simpul")
def test_pohon_simpul_one_document_in_its_order(linked):
    place = {"kabupaten_pohon": "Sukamaju", "kecamatan_pohon": "Cibereum", "tahun_pohon": 2024}
    rows = run(linked, "pohon_simpul", **place)
    assert rows[["sasaran", "indikator", "induk_sasaran", "cara_kaitan", "anak", "yatim"]].values.tolist() == [
        ["Menurunnya gangguan ketertiban umum", 3, "", "", 0, True],
        ["Tersedianya data pelayanan administrasi yang lengkap dan tertib", 1, "", "", 0, True],
        ["Terlaksananya survei kepuasan", 1, "Meningkatnya kinerja kecamatan", "petugas", 0, False],
        ["Meningkatnya kinerja kecamatan", 1, "", "", 1, False],
    ]
    assert rows["jabatan"].tolist() == ["Kasi Trantib dan Linmas", *["PENGOLAH DATA (PELAYANAN ADMINISTRASI)"] * 2, "CAMAT"]
    assert rows["terdekat_jabatan"].tolist() == ["CAMAT", "CAMAT", "CAMAT", ""]
    assert rows["daftar_indikator"].iloc[0] == (
        "Jumlah pelanggaran Perda · Persentase pos kamling aktif · Rata-rata waktu penyelesaian pengaduan"
    )
    pelaksana = run(linked, "pohon_simpul", Filters(jenis=("pelaksana",)), **place)
    assert pelaksana["jabatan"].tolist() == ["PENGOLAH DATA (PELAYANAN ADMINISTRASI)"] * 2 + ["CAMAT"]
    assert run(linked, "pohon_simpul", **{**place, "tahun_pohon": 2023}).empty


@exercises("pohon_yatim")
def test_pohon_yatim_pages(linked):
    first = run(linked, "pohon_yatim", mulai=0, baris=3)
    assert first[["kecamatan", "indikator", "terdekat_jabatan", "skor_kaitan"]].values.tolist() == [
        ["Cibereum", "Jumlah pelanggaran Perda", "CAMAT", 0.0],
        ["Cibereum", "Persentase pos kamling aktif", "CAMAT", 0.0],
        ["Cibereum", "Rata-rata waktu penyelesaian pengaduan", "CAMAT", 0.0],
    ]
    assert set(first["jumlah"]) == {8}  # Cibereum 3 + 1, Wonorejo 4 (the officer's 'supports nothing' among them)
    rest = run(linked, "pohon_yatim", mulai=3, baris=None)
    assert rest["kecamatan"].tolist() == ["Cibereum"] + ["Wonorejo"] * 4
    assert rest["cara_kaitan"].tolist()[-1] == "dilepas"
    assert run(linked, "pohon_yatim", Filters(kecamatan=("Mekarsari",)), mulai=0, baris=None).empty


@exercises("sasaran_tanpa_dukungan")
def test_sasaran_tanpa_dukungan(linked):
    rows = run(linked, "sasaran_tanpa_dukungan")
    assert rows[["kecamatan", "jabatan", "sasaran", "daftar_indikator"]].values.tolist() == [
        ["Wonorejo", "CAMAT", "Meningkatnya kualitas pelayanan publik", "Indeks Kepuasan Masyarakat"],
    ]


@exercises("kaitan_usang")
def test_kaitan_usang(linked):
    rows = run(linked, "kaitan_usang")
    assert rows[["baris", "kecamatan", "sasaran"]].values.tolist() == [[6, "Wonorejo", "Sasaran yang sudah dihapus"]]
    assert rows["sebab"].tolist() == ["sasaran ini tidak ada lagi (dokumennya diganti, ditarik, atau kata-katanya berubah)"]
    assert run(linked, "kaitan_usang", Filters(kecamatan=("Cibereum",))).empty


# --- Harmonisasi --------------------------------------------------------------------------------------
# Read by hand from the fixture documents with the officers' decisions of `fixture_groupings`. Two
# positions are in two places: the Camat (Cibereum "Nilai SAKIP Kecamatan", Wonorejo "Indeks Kepuasan
# Masyarakat": two wordings sharing no word, two clusters of one place each) and the Pengadministrasi
# Umum (Wonorejo "Jumlah surat yang diarsipkan"; Mekarsari "Jumlah surat masuk yang diagendakan" and
# "Jumlah surat keluar"). The officer put the archived and the outgoing letters together: one cluster
# both places hold, named by the first of its two wordings alphabetically (one place and equal likeness
# each); the incoming letters stand alone. Every other position is in one place only.
HALF = {"porsi_standar": 50}


@exercises("harmonisasi_per_jabatan")
def test_harmonisasi_per_jabatan(linked):
    rows = run(linked, "harmonisasi_per_jabatan", **HALF)
    columns = ["jabatan_baku", "tempat_jabatan", "klaster", "semua", "sebagian", "tunggal", "standar"]
    assert rows[columns].values.tolist() == [["Camat", 2, 2, 0, 0, 2, 0], ["Pengadministrasi Umum", 2, 2, 1, 0, 1, 1]]
    # Sukamaju alone: Mekarsari (Purwaraja) leaves, and the Pengadministrasi Umum is in one place
    sukamaju = run(linked, "harmonisasi_per_jabatan", Filters(kabupaten=("Sukamaju",)), **HALF)
    assert sukamaju["jabatan_baku"].tolist() == ["Camat"]
    assert run(linked, "harmonisasi_per_jabatan", Filters(kecamatan=("Cibereum",)), **HALF).empty


@exercises("harmonisasi_klaster")
def test_harmonisasi_klaster(linked):
    rows = run(linked, "harmonisasi_klaster", jabatan_klaster="Pengadministrasi Umum", **HALF)
    columns = ["klaster_nama", "tempat", "tempat_jabatan", "indikator", "rumusan", "oleh_petugas", "standar"]
    assert rows[columns].values.tolist() == [
        ["Jumlah surat yang diarsipkan", 2, 2, 2, 2, True, True],
        ["Jumlah surat masuk yang diagendakan", 1, 2, 1, 1, False, False],
    ]
    assert [list(p) for p in rows["punya"]] == [["Purwaraja|Mekarsari", "Sukamaju|Wonorejo"], ["Purwaraja|Mekarsari"]]
    assert [list(t) for t in rows["tanpa"]] == [[], ["Sukamaju|Wonorejo"]]
    # every position in two places: the Camat's two clusters (one place each), then these two
    every = run(linked, "harmonisasi_klaster", jabatan_klaster="", **HALF)
    assert every[["jabatan_baku", "tempat"]].values.tolist() == [
        ["Camat", 1],
        ["Camat", 1],
        ["Pengadministrasi Umum", 2],
        ["Pengadministrasi Umum", 1],
    ]
    # at two thirds, a cluster of two places out of two still goes to the standard set
    assert run(linked, "harmonisasi_klaster", jabatan_klaster="Pengadministrasi Umum", porsi_standar=67)["standar"].tolist() == [
        True,
        False,
    ]


@exercises("harmonisasi_rumusan")
def test_harmonisasi_rumusan(linked):
    rows = run(linked, "harmonisasi_rumusan", jabatan_klaster="Pengadministrasi Umum", **HALF)
    assert rows[["klaster_nama", "kecamatan", "indikator", "formula", "peringkat", "cara_klaster"]].values.tolist() == [
        ["Jumlah surat yang diarsipkan", "Mekarsari", "Jumlah surat keluar", "Surat keluar dicatat setiap hari", 1, "gabung"],
        ["Jumlah surat yang diarsipkan", "Wonorejo", "Jumlah surat yang diarsipkan", "", 0, "gabung"],
        ["Jumlah surat masuk yang diagendakan", "Mekarsari", "Jumlah surat masuk yang diagendakan",
         "Surat dicatat dalam buku agenda", 0, ""],
    ]  # fmt: skip
    every = run(linked, "harmonisasi_rumusan", jabatan_klaster="", **HALF)  # the Camat's two, then the three above
    assert every["jabatan_baku"].tolist() == ["Camat"] * 2 + ["Pengadministrasi Umum"] * 3
    assert every["kecamatan"].tolist()[:2] == ["Wonorejo", "Cibereum"]  # "Indeks Kepuasan …" before "Nilai SAKIP …"


@exercises("harmonisasi_standar")
def test_harmonisasi_standar(linked):
    rows = run(linked, "harmonisasi_standar", **HALF)
    columns = ["jabatan_baku", "klaster_nama", "tempat", "tempat_jabatan", "satuan", "formula", "target_satuan"]
    # the unit both write ("surat"); the only formula written (Wonorejo's cell is empty); no target set
    assert rows[columns].values.tolist() == [
        ["Pengadministrasi Umum", "Jumlah surat yang diarsipkan", 2, 2, "surat", "Surat keluar dicatat setiap hari", ""]
    ]
    assert rows["target_median"].isna().all()
    assert run(linked, "harmonisasi_standar", Filters(kabupaten=("Sukamaju",)), **HALF).empty


@exercises("klaster_usang")
def test_klaster_usang(linked):
    rows = run(linked, "klaster_usang")
    assert rows[["baris", "tindakan", "jabatan_baku", "rumusan"]].values.tolist() == [
        [6, "pisah", "Pengadministrasi Umum", "Jumlah surat yang sudah dihapus"]
    ]
    assert rows["sebab"].tolist() == ["rumusan 'Jumlah surat yang sudah dihapus' tidak ada lagi pada jabatan ini"]


# --- Antar tahun: the documents of conftest.yearly_sources, read by hand ------------------------------------------

KASUBAG = "Kepala Sub Bagian Perencanaan dan Keuangan"
WONOREJO_2025 = {"kabupaten_banding": "Sukamaju", "kecamatan_banding": "Wonorejo", "tahun_banding": 2025}


@pytest.fixture(scope="module")
def yearly(yearly_data):
    return db.connect(yearly_data)


@exercises("antar_tahun_per_wilayah")
def test_antar_tahun_per_wilayah(yearly):
    rows = run(yearly, "antar_tahun_per_wilayah", tingkat="kecamatan")
    columns = ["wilayah", "jumlah_kecamatan", "perbandingan", "tahun_awal", "tahun_akhir", "tetap", "diubah", "ditambah",
               "dihapus", "rumus_berubah", "target_naik", "target_turun", "target_sama"]  # fmt: skip
    # 2024 against 2023: the same five, three targets the same; 2025 against 2024: three kept, one reworded,
    # two added, one dropped, the Camat's formula changed, a target up, one down; Cibereum has one year
    assert rows[columns].values.tolist() == [["Wonorejo", 1, 2, 2023, 2025, 8, 1, 2, 1, 1, 1, 1, 3]]
    in_2024 = run(yearly, "antar_tahun_per_wilayah", Filters(tahun=(2024,)), tingkat="kecamatan")  # filed under the later year
    assert in_2024[["perbandingan", "tahun_awal", "tetap", "diubah", "ditambah", "dihapus"]].values.tolist() == [
        [1, 2023, 5, 0, 0, 0]
    ]
    camat = run(yearly, "antar_tahun_per_wilayah", Filters(jabatan=("Camat",)), tingkat="kecamatan")
    assert camat[["tetap", "diubah", "ditambah", "dihapus", "rumus_berubah"]].values.tolist() == [[2, 0, 1, 0, 1]]
    per_kabupaten = run(yearly, "antar_tahun_per_wilayah", tingkat="kabupaten")
    assert per_kabupaten[["wilayah", "induk", "jumlah_kecamatan", "perbandingan"]].values.tolist() == [
        ["Sukamaju", "Jawa Barat", 1, 2]
    ]
    assert run(yearly, "antar_tahun_per_wilayah", Filters(kecamatan=("Cibereum",)), tingkat="kecamatan").empty
    assert run(yearly, "antar_tahun_per_wilayah", Filters(tahun=(2023,)), tingkat="kecamatan").empty  # nothing before 2023


@exercises("jumlah_wilayah_antar_tahun")
def test_jumlah_wilayah_antar_tahun(yearly):
    # Wonorejo alone has two years; Cibereum, under the filter too, is not counted
    assert run(yearly, "jumlah_wilayah_antar_tahun").iloc[0].tolist() == [1, 1, 1]
    assert run(yearly, "jumlah_wilayah_antar_tahun", Filters(kecamatan=("Cibereum",))).iloc[0].tolist() == [0, 0, 0]


@exercises("antar_tahun_dokumen")
def test_antar_tahun_dokumen(yearly):
    rows = run(yearly, "antar_tahun_dokumen")
    columns = ["kecamatan", "tahun", "tahun_sebelum", "tetap", "diubah", "ditambah", "dihapus", "berubah"]
    # in 2025 all but the filed letters changed something (the index its formula, the budget its target)
    assert rows[columns].values.tolist() == [["Wonorejo", 2024, 2023, 5, 0, 0, 0, 0], ["Wonorejo", 2025, 2024, 3, 1, 2, 1, 6]]


@exercises("antar_tahun_jabatan")
def test_antar_tahun_jabatan(yearly):
    rows = run(yearly, "antar_tahun_jabatan", **WONOREJO_2025)
    assert rows[["jabatan_baku", "tetap", "diubah", "ditambah", "dihapus", "berubah"]].values.tolist() == [
        ["Camat", 1, 0, 1, 0, 2],
        [KASUBAG, 1, 1, 1, 1, 4],
        ["Pengadministrasi Umum", 1, 0, 0, 0, 0],
    ]
    assert rows["jabatan"].tolist()[1] == "Kasubag Perencanaan dan Keuangan"
    assert run(yearly, "antar_tahun_jabatan", Filters(jenis=("camat",)), **WONOREJO_2025)["jabatan_baku"].tolist() == ["Camat"]


@exercises("antar_tahun_rincian")
def test_antar_tahun_rincian(yearly):
    rows = run(yearly, "antar_tahun_rincian", **WONOREJO_2025, hanya_berubah=True)
    columns = ["jabatan_baku", "jenis_perubahan", "indikator_sebelum", "indikator", "rumus_berubah", "gerak_target"]
    # the later document's order; a position's dropped indicator after its others
    assert rows[columns].fillna("").values.tolist() == [
        ["Camat", "tetap", "Indeks Kepuasan Masyarakat", "Indeks Kepuasan Masyarakat", True, "tanpa_target"],
        ["Camat", "ditambah", "", "Persentase pengaduan masyarakat yang ditindaklanjuti", False, ""],
        [
            KASUBAG,
            "diubah",
            "Jumlah laporan keuangan bulanan",
            "Jumlah laporan keuangan bulanan yang tepat waktu",
            False,
            "turun",
        ],
        [KASUBAG, "tetap", "Persentase realisasi anggaran", "Persentase realisasi anggaran", False, "naik"],
        [KASUBAG, "ditambah", "", "Persentase usulan RKA yang disetujui", False, ""],
        [KASUBAG, "dihapus", "Jumlah SPJ yang diverifikasi", "", False, ""],
    ]  # the filed letters, kept as they were, are left out
    assert rows["selisih_target"].tolist()[2:4] == [-2.0, 7.5]
    assert rows["target_sebelum"].tolist()[5] == 1250.0 and rows["target_satuan_sebelum"].tolist()[5] == "dokumen"
    assert rows["skor_kemiripan"].tolist()[2] == 100.0  # every word of the earlier wording is in the later one
    assert rows["indikator_id_sebelum"].str.startswith("wonorejo-2024-").sum() == 4  # the kept, reworded and dropped
    assert len(run(yearly, "antar_tahun_rincian", **WONOREJO_2025, hanya_berubah=False)) == 7
    unchanged = {**WONOREJO_2025, "tahun_banding": 2024}
    assert run(yearly, "antar_tahun_rincian", **unchanged, hanya_berubah=True).empty
    assert len(run(yearly, "antar_tahun_rincian", **unchanged, hanya_berubah=False)) == 5
    every = run(yearly, "antar_tahun_rincian", kabupaten_banding="", kecamatan_banding="", tahun_banding=0, hanya_berubah=False)
    assert every["tahun"].tolist() == [2024] * 5 + [2025] * 7


@exercises("antar_tahun_target")
def test_antar_tahun_target(yearly):
    rows = run(yearly, "antar_tahun_target")
    # the largest move against the earlier target first: 12 to 10 laporan (a sixth), 87,5 to 95 % (under a tenth)
    assert rows[["indikator", "target_sebelum", "target", "gerak_target"]].values.tolist() == [
        ["Jumlah laporan keuangan bulanan yang tepat waktu", 12.0, 10.0, "turun"],
        ["Persentase realisasi anggaran", 87.5, 95.0, "naik"],
    ]
    assert run(yearly, "antar_tahun_target", Filters(tahun=(2024,))).empty
