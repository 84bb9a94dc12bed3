"""The filters' one table of fields: URL in and out, words, command-line options, and the SQL that
applies them."""

import argparse
import re
from dataclasses import fields

import pytest

from kinerja.errors import KinerjaError
from kinerja.filters import EVERYTHING, FIELDS, Filters, add_arguments, default_scope
from kinerja.paths import QUERIES

EXAMPLES = [
    Filters(),
    Filters(kecamatan=("Lumajang",)),
    Filters(kecamatan=("Lumajang", "Masama"), tahun=(2020, 2023)),
    Filters(jenis=("camat", "kepala_seksi"), bidang=("ketentraman_ketertiban",)),
    Filters(teks="seksi pem", jabatan=("Kepala Seksi Pemerintahan",), kabupaten=("Lumajang",)),
]


def test_the_table_of_fields_and_the_filters_list_the_same_filters():
    assert [f.name for f in FIELDS] == [f.name for f in fields(Filters)]
    assert len({f.key for f in FIELDS}) == len(FIELDS)


@pytest.mark.parametrize("chosen", EXAMPLES)
def test_url_round_trip(chosen):
    query = chosen.to_query()
    assert Filters.from_query(lambda key: query.get(key, [])) == chosen


def test_url_values_may_be_labels_and_junk_is_dropped():
    query = {"jenis": ["Camat", "kepala_seksi", "bukan jenis"], "tahun": ["2020", "dua ribu"], "jabatan_teks": ["  seksi  "]}
    chosen = Filters.from_query(lambda key: query.get(key, []))
    assert chosen == Filters(jenis=("camat", "kepala_seksi"), tahun=(2020,), teks="seksi")


def test_described_in_words_in_the_order_of_the_table():
    assert Filters().describe() == EVERYTHING
    assert Filters(kecamatan=("Lumajang", "Masama"), tahun=(2020,)).describe() == "Kecamatan Lumajang, Masama; Tahun 2020"
    assert Filters(teks="pem", jenis=("kepala_seksi",), bidang=("ketentraman_ketertiban",)).describe() == (
        "Jabatan memuat 'pem'; Jenis jabatan: Kepala Seksi; Bidang: Ketentraman & Ketertiban"
    )


def test_one_sql_parameter_carries_every_filter():
    params = Filters(kecamatan=("Lumajang",), teks=" seksi ").params()
    assert list(params) == ["filter"]
    assert params["filter"]["kecamatan"] == ["Lumajang"] and params["filter"]["teks"] == "seksi"
    assert params["filter"]["tahun"] == []


def test_every_field_is_applied_by_the_filter_macro_and_has_options():
    macro = (QUERIES / "_filter.sql").read_text()
    options = (QUERIES / "nilai_filter.sql").read_text()
    for f in FIELDS:
        assert re.search(rf"f\['{f.name}'\]", macro), f"_filter.sql does not apply '{f.name}'"
        if f.kind != "text":
            assert f"'{f.name}'" in options, f"nilai_filter.sql lists no values for '{f.name}'"


def test_command_line_options_come_from_the_same_table():
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    args = parser.parse_args(["--kecamatan", "Lumajang", "--kecamatan", "Masama", "--tahun", "2023", "--jenis", "Camat"])
    assert Filters.from_arguments(args) == Filters(kecamatan=("Lumajang", "Masama"), tahun=(2023,), jenis=("camat",))
    assert Filters.from_arguments(parser.parse_args(["--jabatan", "seksi pem"])) == Filters(teks="seksi pem")


def test_region_keeps_only_where_and_when():
    chosen = Filters(teks="seksi", jenis=("camat",), kecamatan=("Lumajang",), kabupaten=("Lumajang",), tahun=(2023,))
    assert chosen.region() == Filters(kecamatan=("Lumajang",), kabupaten=("Lumajang",), tahun=(2023,))


def test_default_scope_is_read_from_its_file(tmp_path, monkeypatch):
    scope = tmp_path / "lingkup.toml"
    monkeypatch.setenv("KINERJA_LINGKUP_FILE", str(scope))
    assert default_scope() == Filters()  # no file: everything
    scope.write_text('provinsi = ["Jawa Timur"]\nkabupaten = ["Gresik"]\n', encoding="utf-8")
    assert default_scope() == Filters(provinsi=("Jawa Timur",), kabupaten=("Gresik",))
    scope.write_text('kabupaten = "Gresik"\n', encoding="utf-8")
    with pytest.raises(KinerjaError, match="hanya 'provinsi' dan 'kabupaten' berupa daftar"):
        default_scope()
    scope.write_text("kabupaten = [Gresik\n", encoding="utf-8")
    with pytest.raises(KinerjaError, match="bukan TOML yang sah"):
        default_scope()


def test_the_shipped_scope_file_opens_on_everything():
    from kinerja.paths import SCOPE_FILE

    assert SCOPE_FILE.exists()
    assert default_scope() == Filters()
