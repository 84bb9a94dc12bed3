"""Antar tahun at build time (kinerja/build/yearly.py): which indicator of a kecamatan's document is the
same, reworded, added or dropped against the kecamatan's document of the year before, and how its
target moved. The hand-read fixture documents are counted in tests/test_queries.py; here the rules, each
on rows made for it."""

import pandas as pd

from kinerja.build.yearly import ANTAR_TAHUN_COLUMNS, compare_years


def _rows(*documents) -> pd.DataFrame:
    """Indicator rows: each document (kabupaten, kecamatan, tahun, [(position, indicator, target, unit, formula)])."""
    rows = []
    for kabupaten, kecamatan, tahun, indicators in documents:
        positions = list(dict.fromkeys(position for position, *_ in indicators))
        for position, indikator, target, unit, formula in indicators:
            rows.append({
                "indikator_id": f"{kecamatan}-{tahun}-{len(rows)}", "provinsi": "Jawa Timur", "kabupaten": kabupaten,
                "kecamatan": kecamatan, "tahun": tahun, "jabatan_urutan": positions.index(position) + 1, "jabatan": position,
                "jabatan_baku": position, "jenis_jabatan": "pelaksana", "bidang": "umum", "indikator": indikator,
                "formula": formula, "target": target, "target_satuan": unit, "urutan_baris": len(rows),
            })  # fmt: skip
    frame = pd.DataFrame(rows)
    return frame.astype({"target": "Float64", "tahun": "int32", "jabatan_urutan": "int32"})


def _one(position: str, indikator: str, target=None, unit: str = "", formula: str = "") -> tuple:
    return (position, indikator, target, unit, formula)


def _kinds(table: pd.DataFrame) -> list[tuple]:
    return list(
        table[["tahun_sebelum", "tahun", "jenis_perubahan", "indikator_sebelum", "indikator"]]
        .fillna("")
        .itertuples(index=False, name=None)
    )


def test_the_first_year_of_a_kecamatan_and_a_kecamatan_of_one_year_compare_nothing():
    table = compare_years(_rows(("Malang", "Bantur", 2024, [_one("Staf", "Jumlah surat")])))
    assert table.empty and list(table.columns) == ANTAR_TAHUN_COLUMNS


def test_a_missing_year_compares_with_the_year_before_it_that_exists():
    table = compare_years(_rows(
        ("Malang", "Bantur", 2021, [_one("Staf", "Jumlah surat")]),
        ("Malang", "Bantur", 2023, [_one("Staf", "Jumlah surat")]),
        ("Malang", "Bantur", 2024, [_one("Staf", "Jumlah surat")]),
    ))  # fmt: skip
    assert _kinds(table) == [
        (2021, 2023, "tetap", "Jumlah surat", "Jumlah surat"),
        (2023, 2024, "tetap", "Jumlah surat", "Jumlah surat"),
    ]


def test_kecamatan_of_one_name_in_two_kabupaten_are_not_compared_with_each_other():
    table = compare_years(_rows(
        ("Malang", "Wonosari", 2023, [_one("Staf", "Jumlah surat")]),
        ("Gunung Kidul", "Wonosari", 2024, [_one("Staf", "Jumlah surat")]),
    ))  # fmt: skip
    assert table.empty


def test_case_spacing_and_a_full_stop_keep_an_indicator_the_same_another_measure_word_rewords_it():
    table = compare_years(_rows(
        ("Malang", "Bantur", 2023, [_one("Staf", "Jumlah laporan  keuangan."), _one("Staf", "Jumlah rapat koordinasi")]),
        ("Malang", "Bantur", 2024, [_one("Staf", "jumlah laporan keuangan"), _one("Staf", "Persentase rapat koordinasi")]),
    ))  # fmt: skip
    assert table["jenis_perubahan"].tolist() == ["tetap", "diubah"]
    assert table["skor_kemiripan"].tolist() == [100.0, 100.0]  # without measure words the two say one thing


def test_an_unlike_wording_is_dropped_and_added_and_a_wording_twice_pairs_in_order():
    table = compare_years(_rows(
        ("Malang", "Bantur", 2023, [_one("Staf", "Jumlah surat", 10, "surat"), _one("Staf", "Jumlah surat", 20, "surat"),
                                    _one("Staf", "Nilai SAKIP")]),
        ("Malang", "Bantur", 2024, [_one("Staf", "Jumlah surat", 12, "surat"), _one("Staf", "Jumlah surat", 20, "surat"),
                                    _one("Staf", "Indeks kepuasan masyarakat")]),
    ))  # fmt: skip
    assert table[["jenis_perubahan", "target_sebelum", "target", "gerak_target"]].fillna(0).values.tolist() == [
        ["tetap", 10.0, 12.0, "naik"],
        ["tetap", 20.0, 20.0, "sama"],
        ["ditambah", 0, 0, ""],
        ["dihapus", 0, 0, ""],
    ]


def test_a_target_moves_only_between_two_numbers_of_one_unit():
    table = compare_years(_rows(
        ("Malang", "Bantur", 2023, [_one("Staf", "Persentase A", 90, "%"), _one("Staf", "Jumlah B", 4, "laporan"),
                                    _one("Staf", "Jumlah C", 5, "dokumen"), _one("Staf", "Jumlah D"),
                                    _one("Staf", "Persentase E", 80, "%")]),
        ("Malang", "Bantur", 2024, [_one("Staf", "Persentase A", 85, " % "), _one("Staf", "Jumlah B", 4, "kali"),
                                    _one("Staf", "Jumlah C"), _one("Staf", "Jumlah D", 3, "kali"),
                                    _one("Staf", "Persentase E", 80, "%")]),
    ))  # fmt: skip
    assert table["gerak_target"].tolist() == ["turun", "satuan_beda", "target_hilang", "target_baru", "sama"]
    assert table["selisih_target"].fillna(99).tolist() == [-5.0, 99, 99, 99, 0.0]


def test_a_changed_formula_is_marked_on_a_kept_indicator():
    table = compare_years(_rows(
        ("Malang", "Bantur", 2023, [_one("Staf", "Jumlah surat", formula="Surat dicatat"), _one("Staf", "Jumlah rapat")]),
        ("Malang", "Bantur", 2024, [_one("Staf", "Jumlah surat", formula="surat dicatat."),
                                    _one("Staf", "Jumlah rapat", formula="Notulen")]),
    ))  # fmt: skip
    assert table["rumus_berubah"].tolist() == [False, True]


def test_a_dropped_position_follows_the_later_documents_positions_and_a_moved_indicator_is_dropped_and_added():
    table = compare_years(_rows(
        ("Malang", "Bantur", 2023, [_one("Kasi Umum", "Jumlah arsip"), _one("Staf", "Jumlah surat"),
                                    _one("Kasi Trantib", "Jumlah patroli")]),
        ("Malang", "Bantur", 2024, [_one("Staf", "Jumlah surat"), _one("Sekretaris", "Jumlah arsip")]),
    ))  # fmt: skip
    kinds = table[["jabatan_baku", "jenis_perubahan", "jabatan_urutan"]].values.tolist()
    # the Staf is first in 2024, the Sekretaris second; the two positions 2024 has no more after them, in 2023's order
    assert kinds == [
        ["Staf", "tetap", 1],
        ["Sekretaris", "ditambah", 2],
        ["Kasi Umum", "dihapus", 3],
        ["Kasi Trantib", "dihapus", 5],
    ]


def test_the_same_documents_in_any_order_give_the_same_table():
    rows = _rows(
        ("Malang", "Bantur", 2023, [_one("Staf", "Jumlah surat masuk"), _one("Staf", "Jumlah surat keluar"),
                                    _one("Staf", "Nilai B")]),
        ("Malang", "Bantur", 2024, [_one("Staf", "Jumlah surat masuk tercatat"), _one("Staf", "Jumlah surat keluar tercatat")]),
        ("Malang", "Ampelgading", 2024, [_one("Staf", "Jumlah surat")]),
        ("Malang", "Ampelgading", 2025, [_one("Staf", "Jumlah surat")]),
    )  # fmt: skip
    first = compare_years(rows)
    again = compare_years(rows.sample(frac=1, random_state=7).reset_index(drop=True))
    pd.testing.assert_frame_equal(first, again)
    pairs = first[first["jenis_perubahan"] == "diubah"][["indikator_sebelum", "indikator"]].values.tolist()
    assert pairs == [
        ["Jumlah surat masuk", "Jumlah surat masuk tercatat"],
        ["Jumlah surat keluar", "Jumlah surat keluar tercatat"],
    ]
