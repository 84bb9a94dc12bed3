"""Targets and realisation in: every validation error with a bad file under tests/fixtures/realisasi,
nothing stored on any error, import then undo, the template, and the command line. What stores runs on
each engine of the store (`both`: SQLite, then PostgreSQL)."""

import getpass
import re
import shutil

import pandas as pd
import pytest

from kinerja import db, partitions
from kinerja.capaian import assembly as capaian
from kinerja.capaian import store, template
from kinerja.capaian.rules import load_bands
from kinerja.cli import main
from kinerja.errors import ImportRejected, NotFound, Refused
from kinerja.paths import EXAMPLE_FILE
from tests.conftest import FIXTURES

FILES = FIXTURES / "realisasi"
IKM, LAPORAN, ANGGARAN, SPJ, SURAT = (
    "wonorejo-2024-343c0f2c02",
    "wonorejo-2024-6e4e69bd1c",
    "wonorejo-2024-f7cdc22c9d",
    "wonorejo-2024-5ac438e820",
    "wonorejo-2024-9bb70967d9",
)


@pytest.fixture
def env(fixture_data, tmp_path, monkeypatch):
    monkeypatch.setenv("KINERJA_DATA_DIR", str(fixture_data.parent))
    monkeypatch.setenv("KINERJA_REALISASI_DIR", str(tmp_path / "realisasi"))
    con = db.connect(fixture_data)
    return con, capaian.indicators(con)


@pytest.fixture
def both(env, store_database):
    """The same, on each engine of the store in turn."""
    return env


def _import(name, indicators, allow=False, source="uji"):
    return store.import_bytes(name, (FILES / name).read_bytes(), indicators, source, allow, oleh="petugas")


def _stored_files(tmp_path):
    return sorted(p.name for p in (tmp_path / "realisasi").rglob("*") if p.is_file())


@pytest.mark.parametrize(
    "name, row, column, message",
    [
        ("bukan_templat.csv", None, None, "bukan templat realisasi"),
        ("kosong.csv", None, None, "berkas kosong"),
        ("id_tidak_dikenal.csv", 3, "ID indikator", "tidak dikenal"),
        ("bukan_angka.csv", 3, "Realisasi TW1", "'tiga' bukan angka"),
        ("negatif.csv", 3, "Realisasi TW2", "negatif"),
        ("persen_lebih_100.csv", 4, "Realisasi TW3", "melebihi 100"),
        ("baris_ganda.csv", 7, "ID indikator", "ganda (juga di baris 3)"),
        ("periode_tidak_ada.csv", None, "tw5", "periode tidak ada"),
        ("polaritas_salah.csv", 2, "Polaritas", "'atas' tidak dikenal"),
    ],
)
def test_each_bad_file_is_rejected_with_row_and_column_and_stores_nothing(env, tmp_path, name, row, column, message):
    _, indicators = env
    with pytest.raises(ImportRejected) as rejected:
        _import(name, indicators)
    problems = rejected.value.problems
    assert any(p.row == row and p.column == column and message in p.message for p in problems), [str(p) for p in problems]
    assert _stored_files(tmp_path) == [] and store.list_imports().empty


def test_every_problem_of_a_file_is_listed_at_once(env, tmp_path):
    _, indicators = env
    with pytest.raises(ImportRejected) as rejected:
        _import("banyak_masalah.csv", indicators)
    found = [(p.row, p.column) for p in rejected.value.problems]
    assert found == [(3, "Realisasi TW1"), (3, "Realisasi TW2"), (4, "Realisasi TW3")]
    assert _stored_files(tmp_path) == []


def test_percentage_over_100_is_accepted_when_confirmed(both):
    _, indicators = both
    import_id, checked = _import("persen_lebih_100.csv", indicators, allow=True)
    assert (ANGGARAN, "tw3", "120.0") in set(map(tuple, checked.values.values))
    assert import_id


def test_good_file_gives_capaian_by_the_rules(both):
    con, indicators = both
    _import("baik_wonorejo.csv", indicators)
    table = capaian.capaian_table(indicators, store.current_values(con), load_bands()).set_index("indikator_id")
    assert table.loc[IKM, "capaian"] == pytest.approx(82.5 / 80 * 100)  # rilis: the published tw4 value
    assert table.loc[LAPORAN, "capaian"] == pytest.approx(100.0)  # kumulatif: 3+3+3+3 of 12
    assert table.loc[ANGGARAN, "realisasi"] == 70.5  # posisi: last quarter reported, "70,5"
    assert table.loc[ANGGARAN, "predikat"] == "Tinggi"  # 70.5 / 87.5 = 80.6 %
    assert table.loc[SPJ, "realisasi"] == 1250  # tahunan "1.250"
    assert table.loc[SURAT, "predikat"] == "Belum dapat dinilai"  # no target anywhere
    assert table.loc[SURAT, "metode"] == "posisi"  # the officer's override is kept
    assert table.loc[IKM, "sumber_target"] == "diisi" and table.loc[LAPORAN, "sumber_target"] == "dokumen"


def _sorted(values):
    return values.sort_values(["indikator_id", "kolom"]).reset_index(drop=True)


def test_import_then_undo_restores_the_previous_state(both):
    con, indicators = both
    first, _ = _import("baik_wonorejo.csv", indicators)
    before = _sorted(store.current_values(con))
    second, _ = _import("revisi_ikm.csv", indicators)
    revised = store.current_values(con).set_index(["indikator_id", "kolom"])["nilai"]
    assert revised[(IKM, "tw4")] == "76.0"
    store.undo(second, oleh="kepala seksi")
    after = _sorted(store.current_values(con))
    pd.testing.assert_frame_equal(after, before)
    imports = store.list_imports().set_index("impor_id")
    assert bool(imports.loc[second, "dibatalkan"]) and not bool(imports.loc[first, "dibatalkan"])
    assert (imports.loc[second, "oleh"], imports.loc[second, "dibatalkan_oleh"]) == ("petugas", "kepala seksi")
    kept = store.values_per_import([second])  # undone, never deleted: its two values are still stored
    assert kept[["indikator_id", "nilai"]].values.tolist() == [[IKM, 2]]
    with pytest.raises(Refused, match="sudah dibatalkan"):
        store.undo(second, oleh="kepala seksi")
    with pytest.raises(NotFound, match="'tidak-ada' tidak ada"):
        store.undo("tidak-ada", oleh="kepala seksi")


def test_a_change_without_a_name_is_refused_and_nothing_changes(both):
    con, indicators = both
    with pytest.raises(Refused, match="oleh"):
        store.import_bytes("baik_wonorejo.csv", (FILES / "baik_wonorejo.csv").read_bytes(), indicators, "uji", oleh=" ")
    assert store.list_imports().empty
    first, _ = _import("baik_wonorejo.csv", indicators)
    with pytest.raises(Refused, match="oleh"):
        store.undo(first, oleh="")
    assert not store.list_imports()["dibatalkan"].any()


def test_the_same_file_twice_is_refused_until_it_is_undone(both):
    con, indicators = both
    first, _ = _import("baik_wonorejo.csv", indicators)
    with pytest.raises(ImportRejected, match=f"sudah diimpor .*{first}"):
        _import("baik_wonorejo.csv", indicators)
    assert len(store.list_imports()) == 1
    store.undo(first, oleh="petugas")
    again, _ = _import("baik_wonorejo.csv", indicators)  # undone: the same content may come again
    assert store.list_imports()["impor_id"].tolist() == [again, first]
    assert len(store.current_values(con)) == 12


def test_preview_lists_what_would_change(both):
    con, indicators = both
    _import("baik_wonorejo.csv", indicators)
    content = (FILES / "revisi_ikm.csv").read_bytes()
    checked = template.validate("revisi_ikm.csv", template.read_table("revisi_ikm.csv", content), indicators)
    changed = template.changes(checked.values, store.current_values(con))
    assert changed[["indikator_id", "kolom", "lama", "baru"]].values.tolist() == [[IKM, "tw4", "82.5", "76.0"]]


def test_values_of_indicators_that_no_longer_exist_are_reported(both, fixture_data, tmp_path):
    con, indicators = both
    _import("baik_wonorejo.csv", indicators)
    assert capaian.detached_values(con, store.current_table(con)).empty
    rebuilt = tmp_path / "dibangun_ulang"  # the same data, rebuilt after one indicator left its document
    shutil.copytree(fixture_data, rebuilt)
    shutil.rmtree(rebuilt / "indikator")
    partitions.write_table(db.read_table("indikator", fixture_data).query("indikator_id != @LAPORAN"), rebuilt / "indikator")
    gone = capaian.detached_values(db.connect(rebuilt), store.current_table(con))
    assert set(gone["indikator_id"]) == {LAPORAN}
    assert len(gone) == len(store.current_values(con).query("indikator_id == @LAPORAN")) > 0


def test_semicolon_csv_from_excel_is_read(env):
    _, indicators = env
    text = (FILES / "baik_wonorejo.csv").read_text().replace('"82,5"', "82,5").replace('"70,5"', "70,5")
    semicolon = "\n".join(
        line.replace(",", ";") if "82,5" not in line and "70,5" not in line else line for line in text.splitlines()
    )
    table = template.read_table("x.csv", semicolon.replace("Camat,", "Camat;").encode())
    assert "indikator_id" in table.columns


def test_cli_template_import_list_and_undo(both, tmp_path, capsys):
    filled = tmp_path / "templat.xlsx"
    assert main(["realisasi", "template", "--kecamatan", "Wonorejo", "--tahun", "2024", "--out", str(filled)]) == 0
    frame = pd.read_excel(filled, sheet_name="Realisasi")
    assert list(frame.columns) == [
        "ID indikator", "Kecamatan", "Tahun", "Jabatan", "Indikator", "Satuan", "Kategori formula", "Polaritas", "Metode",
        "Target di dokumen", "Target", "Realisasi TW1", "Realisasi TW2", "Realisasi TW3", "Realisasi TW4", "Realisasi tahunan",
    ]  # fmt: skip
    assert frame["ID indikator"].tolist() == [IKM, LAPORAN, ANGGARAN, SPJ, SURAT]
    assert frame.set_index("ID indikator").loc[ANGGARAN, "Target di dokumen"] == 87.5  # a number cell, not text
    with pd.ExcelFile(filled) as book:
        assert "Petunjuk" in book.sheet_names
    petunjuk = " ".join(pd.read_excel(filled, sheet_name="Petunjuk")["Petunjuk"])
    assert "tambahkan --izinkan-lebih-100 pada perintah impor" in petunjuk  # the command line names its option

    assert main(["realisasi", "import", str(FILES / "bukan_angka.csv")]) == 2
    assert "baris 3, kolom Realisasi TW1: 'tiga' bukan angka" in capsys.readouterr().err
    assert main(["realisasi", "import", str(FILES / "persen_lebih_100.csv")]) == 2
    assert "70,5" not in (err := capsys.readouterr().err) and "bila angka itu benar, tambahkan --izinkan-lebih-100" in err
    assert main(["realisasi", "import", str(FILES / "baik_wonorejo.csv")]) == 0
    out = capsys.readouterr().out
    import_id = out.split("Diimpor sebagai ")[1].split(":")[0]
    assert main(["realisasi", "daftar"]) == 0
    listed = capsys.readouterr().out
    user = getpass.getuser()  # the command line writes as the operating-system user
    assert import_id in listed and f"baik_wonorejo.csv  Wonorejo 2024  12 nilai  [Baris perintah, {user}]" in listed  # 2+4+3+1+2
    assert re.search(r"\d{1,2} \w+ 20\d\d \d\d\.\d\d WIB", listed) and "+00:00" not in listed
    assert main(["realisasi", "batal", import_id]) == 0
    assert main(["realisasi", "daftar"]) == 0
    assert re.search(rf"\(dibatalkan \d{{1,2}} \w+ 20\d\d \d\d\.\d\d WIB oleh {user}\)", capsys.readouterr().out)
    assert main(["realisasi", "batal", import_id]) == 2
    assert "sudah dibatalkan" in capsys.readouterr().err
    assert main(["realisasi", "batal", "tidak-ada"]) == 2


def test_filled_template_round_trips_through_import(both, tmp_path):
    con, indicators = both
    own = indicators[indicators["kecamatan"] == "Wonorejo"]
    frame = template.template_frame(own)
    frame.loc[frame["indikator_id"] == LAPORAN, ["tw1", "tw2"]] = ["4", "5"]
    path = tmp_path / "isi.xlsx"
    template.write_template(frame, path)
    _, checked = store.import_bytes(path.name, path.read_bytes(), indicators, "uji", oleh="petugas")
    assert sorted(map(tuple, checked.values.values)) == [(LAPORAN, "tw1", "4.0"), (LAPORAN, "tw2", "5.0")]


def test_example_data_is_marked_and_valid(real_data, monkeypatch):
    assert "ILUSTRASI" in EXAMPLE_FILE.name
    con = db.connect(real_data)
    indicators = capaian.indicators(con)
    content = EXAMPLE_FILE.read_bytes()
    checked = template.validate(EXAMPLE_FILE.name, template.read_table("contoh.csv", content), indicators)
    assert checked.rows == len(indicators) == 266
    regenerated = capaian.example_table(indicators).to_csv(index=False)
    assert regenerated == content.decode()  # the checked-in file is what the generator makes


def test_an_unfilled_template_is_refused_and_nothing_is_stored(env, tmp_path, capsys):
    _, indicators = env
    empty = tmp_path / "templat_kosong.xlsx"
    template.write_template(template.template_frame(indicators[indicators["kecamatan"] == "Wonorejo"]), empty)
    with pytest.raises(ImportRejected, match="tidak berisi nilai"):
        store.import_bytes(empty.name, empty.read_bytes(), indicators, "uji", oleh="petugas")
    assert _stored_files(tmp_path) == []
    assert main(["realisasi", "import", str(empty)]) == 2
    assert "tidak berisi nilai" in capsys.readouterr().err
    assert store.list_imports().empty


HEADERS = [
    "ID indikator", "Kecamatan", "Tahun", "Jabatan", "Indikator", "Satuan", "Kategori formula", "Polaritas", "Metode",
    "Target di dokumen", "Target", "Realisasi TW1", "Realisasi TW2", "Realisasi TW3", "Realisasi TW4", "Realisasi tahunan",
]  # fmt: skip


def _wonorejo_frame(indicators, current=None):
    return template.template_frame(indicators[indicators["kecamatan"] == "Wonorejo"], current)


def test_template_workbook_has_the_officers_headers_dropdowns_and_locked_columns(env):
    from io import BytesIO

    from openpyxl import load_workbook

    _, indicators = env
    book = load_workbook(BytesIO(template.template_xlsx(_wonorejo_frame(indicators))))
    sheet = book["Realisasi"]
    assert [c.value for c in sheet[1]] == HEADERS
    lists = {str(v.sqref): v.formula1 for v in sheet.data_validations.dataValidation}
    assert lists == {"H2:H6": '"naik,turun"', "I2:I6": '"kumulatif,posisi,rilis"'}  # Polaritas, Metode; 5 rows
    assert sheet.protection.sheet
    assert sheet["A2"].protection.locked and "Jangan diubah" in sheet["A1"].comment.text  # the ID column
    assert not any(sheet[f"{c}2"].protection.locked for c in "HIKLMNOP")  # polaritas … realisasi tahunan
    assert (sheet["G2"].value, sheet["G3"].value) == ("Indeks / Survei", "Tanpa formula")  # kategori as its label
    assert (sheet["J4"].value, sheet["J4"].number_format) == (87.5, "#,##0.0##")  # Persentase realisasi anggaran
    assert (sheet["J5"].value, sheet["J5"].number_format) == (1250, "#,##0")  # Jumlah SPJ yang diverifikasi
    advice = " ".join(c.value for (c,) in book["Petunjuk"]["A2:A10"])
    assert "centang «Izinkan persentase di atas 100» saat mengunggah" in advice and "--" not in advice


def test_csv_template_is_for_indonesian_excel_and_imports_back_unchanged(both):
    con, indicators = both
    _import("baik_wonorejo.csv", indicators)
    stored = store.current_values(con)
    content = template.template_csv(_wonorejo_frame(indicators, stored))
    assert content.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads the accents right
    lines = content.decode("utf-8-sig").splitlines()
    assert lines[0].split(";") == HEADERS
    rows = {line.split(";")[0]: line.split(";") for line in lines[1:]}
    assert rows[ANGGARAN][9:14] == ["87,5", "", "20", "45", "70,5"]  # target di dokumen, target, tw1-tw3
    assert rows[SPJ][9] == "1.250" and rows[SPJ][15] == "1.250"
    assert rows[IKM][14] == "82,5"
    checked = template.validate("t.csv", template.read_table("t.csv", content), indicators)
    assert template.changes(checked.values, stored).empty  # what was stored comes back as it was


def test_files_with_the_old_codes_and_the_new_headers_import_alike(env):
    _, indicators = env
    coded = (FILES / "baik_wonorejo.csv").read_text()
    labelled = "\n".join([",".join(HEADERS), *coded.splitlines()[1:]])
    old = template.validate("lama.csv", template.read_table("lama.csv", coded.encode()), indicators)
    new = template.validate("baru.csv", template.read_table("baru.csv", labelled.encode()), indicators)
    pd.testing.assert_frame_equal(old.values, new.values)
    assert len(new.values) == 12  # 2 + 4 + 3 + 1 + 2, as counted for the command line


def test_number_cells_of_a_workbook_are_read_as_their_numbers(env, tmp_path):
    _, indicators = env
    frame = _wonorejo_frame(indicators)
    frame.loc[frame["indikator_id"] == LAPORAN, "tw1"] = 2.125  # a number cell; as text "2.125" would be 2125
    frame.loc[frame["indikator_id"] == SPJ, "tahunan"] = 1250.0
    path = tmp_path / "angka.xlsx"
    template.write_template(frame, path)
    _, checked = store.import_bytes(path.name, path.read_bytes(), indicators, "uji", oleh="petugas")
    assert sorted(map(tuple, checked.values.values)) == [(SPJ, "tahunan", "1250.0"), (LAPORAN, "tw1", "2.125")]


def test_polarity_and_method_may_be_written_as_their_labels(env):
    _, indicators = env
    text = (FILES / "revisi_ikm.csv").read_text().replace(",naik,rilis,", ",Turun (makin rendah makin baik),Rilis,")
    checked = template.validate("x.csv", template.read_table("x.csv", text.encode()), indicators)
    values = sorted(map(tuple, checked.values.values))
    assert values == [(IKM, "polaritas", "turun"), (IKM, "target", "80.0"), (IKM, "tw4", "76.0")]  # rilis: the default


def test_preview_names_the_indicator_and_shows_indonesian_numbers(both):
    con, indicators = both
    _import("baik_wonorejo.csv", indicators)
    content = (FILES / "revisi_ikm.csv").read_text().replace(",naik,rilis,,80,,,,76,", ",turun,rilis,,80,,,,76,1.250")
    checked = template.validate("r.csv", template.read_table("r.csv", content.encode()), indicators)
    shown = template.readable_changes(template.changes(checked.values, store.current_values(con)), indicators)
    assert list(shown.columns) == ["Indikator", "Kolom", "Nilai lama", "Nilai baru", "Kecamatan", "Tahun", "ID indikator"]
    assert shown.values.tolist() == [
        ["Indeks Kepuasan Masyarakat", "Polaritas", "", "Turun (makin rendah makin baik)", "Wonorejo", "2024", IKM],
        ["Indeks Kepuasan Masyarakat", "Realisasi TW4", "82,5", "76", "Wonorejo", "2024", IKM],
        ["Indeks Kepuasan Masyarakat", "Realisasi tahunan", "", "1.250", "Wonorejo", "2024", IKM],
    ]  # the target, 80 as before, is no change


def test_import_history_in_local_time_with_what_each_import_covers(both, monkeypatch):
    con, indicators = both
    first, _ = _import("baik_wonorejo.csv", indicators)
    second, _ = _import("revisi_ikm.csv", indicators, source="aplikasi")
    store.undo(first, oleh="kepala seksi")
    imports = store.list_imports()
    imports["diimpor_pada"] = ["2026-11-24T07:05:00+00:00", "2026-11-23T23:59:00+00:00"]  # newest first
    imports["dibatalkan_pada"] = [None, "2026-11-24T08:00:00+00:00"]
    covers = store.coverage(con, imports)
    assert covers == {first: "Wonorejo 2024", second: "Wonorejo 2024"}
    monkeypatch.setenv("KINERJA_ZONA_WAKTU", "WITA")
    assert store.history(imports, covers).values.tolist() == [
        ["24 November 2026 15.05 WITA", "berlaku", "revisi_ikm.csv", "Wonorejo 2024", 2, 1, "Aplikasi", "petugas", "", ""],
        [
            "24 November 2026 07.59 WITA",
            "dibatalkan",
            "baik_wonorejo.csv",
            "Wonorejo 2024",
            12,
            5,
            "uji",
            "petugas",
            "24 November 2026 16.00 WITA",
            "kepala seksi",
        ],
    ]  # revisi_ikm: its target 80 and TW4 76


def test_messages_for_the_app_do_not_name_the_command_line_option(env):
    _, indicators = env
    with pytest.raises(ImportRejected) as rejected:
        _import("persen_lebih_100.csv", indicators)
    (problem,) = rejected.value.problems
    assert problem.message == (
        "120 melebihi 100 pada indikator persentase; bila angka itu benar, "
        "centang «Izinkan persentase di atas 100» saat mengunggah"
    )
    texts = [*template.instructions()["Petunjuk"], str(problem)]
    assert not [t for t in texts if "--" in t]


def test_the_example_counts_only_where_its_indicators_are(fixture_data):
    """The illustration belongs to the shipped documents: on other data it gives no values and no error."""
    assert capaian.example_values(db.connect(fixture_data)).empty
