"""Targets and realisation in: every validation error with a bad file under tests/fixtures/realisasi,
nothing stored on any error, import then undo, the template, and the command line."""

import pandas as pd
import pytest

from kinerja import db
from kinerja.capaian import assembly as capaian
from kinerja.capaian import store, template
from kinerja.capaian.rules import load_bands
from kinerja.cli import main
from kinerja.errors import ImportRejected, Refused
from kinerja.paths import EXAMPLE_FILE
from tests.conftest import FIXTURES

FILES = FIXTURES / "realisasi"
IKM, LAPORAN, ANGGARAN, SPJ, SURAT = (
    "wonorejo-2024-add7eee7e6",
    "wonorejo-2024-9c43bfd1ef",
    "wonorejo-2024-a5881ddf54",
    "wonorejo-2024-0a17408e96",
    "wonorejo-2024-dc8f4b0780",
)


@pytest.fixture
def env(fixture_data, tmp_path, monkeypatch):
    monkeypatch.setenv("KINERJA_DATA_DIR", str(fixture_data))
    monkeypatch.setenv("KINERJA_REALISASI_DIR", str(tmp_path / "realisasi"))
    con = db.connect(fixture_data)
    return con, capaian.indicators(con)


def _import(name, indicators, allow=False):
    return store.import_bytes(name, (FILES / name).read_bytes(), indicators, "uji", allow)


def _stored_files(tmp_path):
    return sorted(p.name for p in (tmp_path / "realisasi").rglob("*") if p.is_file())


@pytest.mark.parametrize(
    "name, row, column, message",
    [
        ("bukan_templat.csv", None, None, "bukan templat realisasi"),
        ("kosong.csv", None, None, "berkas kosong"),
        ("id_tidak_dikenal.csv", 3, "indikator_id", "tidak dikenal"),
        ("bukan_angka.csv", 3, "tw1", "'tiga' bukan angka"),
        ("negatif.csv", 3, "tw2", "negatif"),
        ("persen_lebih_100.csv", 4, "tw3", "melebihi 100"),
        ("baris_ganda.csv", 7, "indikator_id", "ganda (juga di baris 3)"),
        ("periode_tidak_ada.csv", None, "tw5", "periode tidak ada"),
        ("polaritas_salah.csv", 2, "polaritas", "'atas' tidak dikenal"),
    ],
)
def test_each_bad_file_is_rejected_with_row_and_column_and_stores_nothing(env, tmp_path, name, row, column, message):
    _, indicators = env
    with pytest.raises(ImportRejected) as rejected:
        _import(name, indicators)
    problems = rejected.value.problems
    assert any(p.row == row and p.column == column and message in p.message for p in problems), [str(p) for p in problems]
    assert _stored_files(tmp_path) == []


def test_every_problem_of_a_file_is_listed_at_once(env, tmp_path):
    _, indicators = env
    with pytest.raises(ImportRejected) as rejected:
        _import("banyak_masalah.csv", indicators)
    assert [(p.row, p.column) for p in rejected.value.problems] == [(3, "tw1"), (3, "tw2"), (4, "tw3")]
    assert _stored_files(tmp_path) == []


def test_percentage_over_100_is_accepted_when_confirmed(env):
    _, indicators = env
    import_id, checked = _import("persen_lebih_100.csv", indicators, allow=True)
    assert (ANGGARAN, "tw3", "120.0") in set(map(tuple, checked.values.values))
    assert import_id


def test_good_file_gives_capaian_by_the_rules(env):
    con, indicators = env
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


def test_import_then_undo_restores_the_previous_state(env, tmp_path):
    con, indicators = env
    first, _ = _import("baik_wonorejo.csv", indicators)
    before = store.current_values(con).drop(columns="diimpor_pada")
    second, _ = _import("revisi_ikm.csv", indicators)
    revised = store.current_values(con).set_index(["indikator_id", "kolom"])["nilai"]
    assert revised[(IKM, "tw4")] == "76.0"
    store.undo(second)
    after = store.current_values(con).drop(columns="diimpor_pada")
    pd.testing.assert_frame_equal(after, before)
    imports = store.list_imports().set_index("impor_id")
    assert bool(imports.loc[second, "dibatalkan"]) and not bool(imports.loc[first, "dibatalkan"])
    assert f"{second}.parquet" in _stored_files(tmp_path)  # undone, never deleted
    with pytest.raises(Refused, match="sudah dibatalkan"):
        store.undo(second)


def test_the_same_file_twice_is_refused(env):
    _, indicators = env
    _import("baik_wonorejo.csv", indicators)
    with pytest.raises(ImportRejected, match="sudah diimpor"):
        _import("baik_wonorejo.csv", indicators)


def test_preview_lists_what_would_change(env):
    con, indicators = env
    _import("baik_wonorejo.csv", indicators)
    content = (FILES / "revisi_ikm.csv").read_bytes()
    checked = template.validate("revisi_ikm.csv", template.read_table("revisi_ikm.csv", content), indicators)
    changed = template.changes(checked.values, store.current_values(con))
    assert changed[["indikator_id", "kolom", "lama", "baru"]].values.tolist() == [[IKM, "tw4", "82.5", "76.0"]]


def test_values_of_indicators_that_no_longer_exist_are_reported(env):
    con, indicators = env
    _import("baik_wonorejo.csv", indicators)
    stored = store.current_values(con)
    gone = capaian.detached_values(stored, set(indicators["indikator_id"]) - {LAPORAN})
    assert set(gone["indikator_id"]) == {LAPORAN}


def test_semicolon_csv_from_excel_is_read(env):
    _, indicators = env
    text = (FILES / "baik_wonorejo.csv").read_text().replace('"82,5"', "82,5").replace('"70,5"', "70,5")
    semicolon = "\n".join(
        line.replace(",", ";") if "82,5" not in line and "70,5" not in line else line for line in text.splitlines()
    )
    table = template.read_table("x.csv", semicolon.replace("Camat,", "Camat;").encode())
    assert "indikator_id" in table.columns


def test_cli_template_import_list_and_undo(env, tmp_path, capsys):
    filled = tmp_path / "templat.xlsx"
    assert main(["realisasi", "template", "--kecamatan", "Wonorejo", "--tahun", "2024", "--out", str(filled)]) == 0
    frame = pd.read_excel(filled, sheet_name="Realisasi", dtype=str)
    assert list(frame.columns) == template.TEMPLATE_COLUMNS
    assert frame["indikator_id"].tolist() == [IKM, LAPORAN, ANGGARAN, SPJ, SURAT]
    assert frame.set_index("indikator_id").loc[ANGGARAN, "target_dokumen"] == "87.5"
    with pd.ExcelFile(filled) as book:
        assert "Petunjuk" in book.sheet_names

    assert main(["realisasi", "import", str(FILES / "bukan_angka.csv")]) == 2
    assert "baris 3, kolom tw1: 'tiga' bukan angka" in capsys.readouterr().err
    assert main(["realisasi", "import", str(FILES / "baik_wonorejo.csv")]) == 0
    out = capsys.readouterr().out
    import_id = out.split("Diimpor sebagai ")[1].split(":")[0]
    assert main(["realisasi", "daftar"]) == 0
    assert import_id in capsys.readouterr().out
    assert main(["realisasi", "batal", import_id]) == 0
    assert main(["realisasi", "daftar"]) == 0
    assert "(dibatalkan)" in capsys.readouterr().out
    assert main(["realisasi", "batal", "tidak-ada"]) == 2


def test_filled_template_round_trips_through_import(env, tmp_path):
    con, indicators = env
    own = indicators[indicators["kecamatan"] == "Wonorejo"]
    frame = template.template_frame(own)
    frame.loc[frame["indikator_id"] == LAPORAN, ["tw1", "tw2"]] = ["4", "5"]
    path = tmp_path / "isi.xlsx"
    template.write_template(frame, path)
    _, checked = store.import_bytes(path.name, path.read_bytes(), indicators, "uji")
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
        store.import_bytes(empty.name, empty.read_bytes(), indicators, "uji")
    assert _stored_files(tmp_path) == []
    assert main(["realisasi", "import", str(empty)]) == 2
    assert "tidak berisi nilai" in capsys.readouterr().err
    assert store.list_imports().empty
