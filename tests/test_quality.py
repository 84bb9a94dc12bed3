"""Indicator quality (kinerja/build/quality.py, rules in data/config/kualitas.toml): the kualitas table
the build writes beside the indicators, each criterion's verdict and reason on the seed documents and
on small made-up rows, and what a broken rules file says."""

import pandas as pd
import pytest

from kinerja import db
from kinerja.build import quality
from kinerja.errors import BuildError
from kinerja.paths import QUALITY_FILE

RULES = quality.load_rules()


def _kualitas(real_data) -> pd.DataFrame:
    """The indicators of the seed documents with their assessment, in the documents' order."""
    assessed = db.read_table("kualitas", real_data).drop(
        columns=["provinsi", "kabupaten", "kecamatan", "tahun", "jabatan_urutan"]
    )
    return db.read_table("indikator", real_data).merge(assessed, on="indikator_id", how="left", validate="one_to_one")


def test_the_build_assesses_every_indicator_once(real_data):
    rows = _kualitas(real_data)
    assert len(rows) == 266 and rows["skor"].notna().all()
    assert len(db.read_table("kualitas", real_data)) == 266


def test_sangkapuras_formulas_naming_kecamatan_dukun_are_flagged_and_nothing_else(real_data):
    # By hand, in the four documents: "kecamatan Dukun" (a kecamatan of Gresik, like Sangkapura) in
    # three of Sangkapura's formulas is the only region other than the document's own; every other
    # "kecamatan …" is the own name or a plain word ("Kecamatan dapat berjalan", "kecamatan sesuai …").
    rows = _kualitas(real_data)
    flagged = rows[~rows["lolos_salin_tempel"]]
    assert sorted(flagged["indikator"]) == [
        "Jumlah bantuan sosial anak yatim",
        "Jumlah bantuan sosial janda miskin",
        "Jumlah bantuan sosial santunan kematian",
    ]
    assert set(flagged["kecamatan"]) == {"Sangkapura"}
    assert set(flagged["alasan_salin_tempel"]) == {
        "formula menyebut kecamatan Dukun, padahal dokumen ini milik Kecamatan Sangkapura"
    }


def test_the_score_is_the_weighted_share_of_criteria_met(real_data):
    rows = _kualitas(real_data)
    met = rows[[f"lolos_{rule.key}" for rule in RULES]].sum(axis=1)
    assert (rows["skor"] == (met / len(RULES) * 100).round(1)).all()  # every weight is 1 in the shipped file
    for rule in RULES:  # a reason exactly where a criterion is not met
        assert ((rows[f"alasan_{rule.key}"] == "") == rows[f"lolos_{rule.key}"]).all(), rule.key


def _rows(*indicators: dict) -> pd.DataFrame:
    base = {
        "indikator_id": "", "provinsi": "Jawa Timur", "kabupaten": "Gresik", "kecamatan": "Sangkapura", "tahun": 2024,
        "jabatan_urutan": 1, "sasaran": "", "indikator": "", "formula": "", "kategori_formula": "jumlah", "satuan": "",
        "target": float("nan"), "target_satuan": "", "sumber_data": "Laporan seksi",
    }  # fmt: skip
    return pd.DataFrame([{**base, "indikator_id": f"i{n}", **given} for n, given in enumerate(indicators)])


def _verdicts(frame: pd.DataFrame, key: str) -> list[str]:
    return quality.assess(frame, RULES)[f"alasan_{key}"].tolist()


def test_counting_activities_is_told_from_measuring_results():
    frame = _rows(
        {"indikator": "Jumlah fasilitasi rapat-rapat koordinasi"},
        {"indikator": "Jumlah pelaksanaan pembinaan perangkat desa"},
        {"indikator": "Persentase fasilitasi pengaduan yang diselesaikan"},
        {"indikator": "Jumlah laporan keuangan yang tersusun"},
    )
    assert _verdicts(frame, "hasil") == [
        'menghitung kegiatan ("jumlah fasilitasi"), bukan hasilnya',
        'menghitung kegiatan ("jumlah pelaksanaan pembinaan"), bukan hasilnya',
        "",
        "",
    ]


def test_a_target_must_be_stated_non_zero_and_in_the_unit_the_wording_gives():
    frame = _rows(
        {"indikator": "Jumlah laporan kinerja", "target": 4.0, "target_satuan": "laporan"},
        {"indikator": "Jumlah laporan kinerja", "target": 2.0, "target_satuan": "dokumen"},
        {"indikator": "Persentase surat selesai", "kategori_formula": "persentase", "target": 0.0, "target_satuan": "%"},
        {"indikator": "Jumlah laporan kinerja"},
    )
    assert _verdicts(frame, "target") == [
        "",
        "satuan target (dokumen) tidak cocok dengan rumusan (laporan)",
        "target nol",
        "dokumen tidak menyebut target",
    ]


def test_twins_are_looked_for_within_one_position_of_one_document():
    frame = _rows(
        {"indikator": "Jumlah bantuan sosial santunan kematian"},
        {"indikator": "Jumlah Bantuan Sosial, Santunan Kematian"},
        {"indikator": "Jumlah bantuan sosial santunan kematian", "jabatan_urutan": 2},
        {"indikator": "Jumlah bantuan sosial santunan kematian", "tahun": 2023},
    )
    assert _verdicts(frame, "duplikat") == [
        'kembar dengan "Jumlah Bantuan Sosial, Santunan Kematian" dalam jabatan ini',
        'kembar dengan "Jumlah bantuan sosial santunan kematian" dalam jabatan ini',
        "",
        "",
    ]


def test_another_regions_name_is_told_from_the_own_and_from_plain_words():
    frame = _rows(
        {"formula": "Bantuan di wilayah kecamatan Dukun"},
        {"sumber_data": "Kecamatan Sangkapura"},
        {"sasaran": "Pelayanan kecamatan sesuai ketentuan kabupaten Gresik"},
        {"indikator": "Laporan ke Kabupaten Lamongan"},
    )
    assert _verdicts(frame, "salin_tempel") == [
        "formula menyebut kecamatan Dukun, padahal dokumen ini milik Kecamatan Sangkapura",
        "",
        "",
        "indikator menyebut kabupaten Lamongan, padahal dokumen ini milik Kecamatan Sangkapura",
    ]


def test_source_formula_and_unit_say_why_they_fall_short():
    frame = _rows(
        {"sumber_data": " - ", "kategori_formula": "deskriptif", "satuan": "unit", "indikator": "Jumlah bantuan sosial anak"},
        {"sumber_data": "", "kategori_formula": "tanpa_formula", "satuan": ""},
    )
    assert _verdicts(frame, "sumber_data") == ['sumber data hanya "-"', "sumber data tidak disebut"]
    assert _verdicts(frame, "formula") == [
        "formula hanya menerangkan, tidak menghasilkan angka",
        "tidak ada formula",
    ]
    assert _verdicts(frame, "satuan") == [
        'tidak jelas apa yang dihitung: "Jumlah bantuan sosial anak" tidak menyebut satuannya',
        "satuan tidak disebut dan tidak terbaca dari rumusan",
    ]


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (lambda text: text.replace("[kriteria.hasil]", "[kriteria.kegunaan]"), "kriteria tanpa aturan: kegunaan"),
        (lambda text: text.replace("bobot = 1\n", 'bobot = "satu"\n', 1), "kriteria formula perlu judul, bobot (angka)"),
        (lambda text: text + "\n[kriteria\n", "aturan kualitas tidak terbaca"),
    ],
)
def test_a_broken_rules_file_stops_the_build_saying_what_is_wrong(tmp_path, change, said):
    broken = tmp_path / "kualitas.toml"
    broken.write_text(change(QUALITY_FILE.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(BuildError, match=said.replace("(", r"\(").replace(")", r"\)")):
        quality.load_rules(broken)
