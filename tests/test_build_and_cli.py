"""`python -m kinerja build | ingest | check` on real files, into temporary folders."""

import hashlib
import shutil

import pandas as pd
import pytest

from kinerja import build as builder
from kinerja import db
from kinerja.build import Correction, Source, check_report, unused_correction_warnings
from kinerja.cli import main
from kinerja.errors import BuildError, IngestError
from kinerja.paths import MANIFEST, RAW
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("normalised")
    assert main(["build", "--out", str(out)]) == 0
    return out


def test_build_writes_the_design_columns_in_order(built):
    parquet = db.read_table("indikator", built)
    csv = pd.read_csv(built / "indikator.csv")
    assert list(parquet.columns) == builder.COLUMNS
    assert list(csv.columns) == builder.COLUMNS
    assert len(parquet) == len(csv) == 266
    assert parquet["indikator_id"].is_unique
    assert parquet.groupby("kecamatan").size().to_dict() == {"Bululawang": 35, "Lumajang": 33, "Masama": 86, "Sangkapura": 112}


def test_build_writes_position_and_document_tables(built):
    jabatan = db.read_table("jabatan", built)
    assert len(jabatan) == 23 + 14 + 27 + 10
    assert jabatan["jumlah_indikator"].sum() == 266
    dokumen = db.read_table("dokumen", built).set_index("kecamatan")
    assert dokumen.loc["Sangkapura", "tata_letak"] == "ocr_table"


def test_targets_and_units_as_stated_in_lumajang(built):
    frame = db.read_table("indikator", built)
    rows = frame[(frame.kecamatan == "Lumajang") & (frame.jabatan == "Pengadministrasi Keuangan")]
    assert rows["target"].tolist() == [3, 13, 3, 1, 12]
    assert rows["target_satuan"].tolist() == ["dokumen", "laporan", "dokumen", "dokumen", "bulan"]
    assert frame[frame.kecamatan == "Lumajang"]["target"].notna().sum() == 25
    assert frame[frame.kecamatan != "Lumajang"]["target"].isna().all()  # never invented from an explanation


def test_jabatan_normalised(built):
    frame = db.read_table("indikator", built)
    row = frame[(frame.kecamatan == "Bululawang") & (frame.jabatan == "Kasi Pemerintahan")].iloc[0]
    assert (row.jabatan_baku, row.jenis_jabatan, row.bidang) == ("Kepala Seksi Pemerintahan", "kepala_seksi", "pemerintahan")
    jenis = frame.drop_duplicates(["kecamatan", "jabatan_urutan"]).groupby("jenis_jabatan").size().to_dict()
    assert jenis == {"camat": 2, "sekretaris": 4, "kepala_subbagian": 8, "kepala_seksi": 18, "pelaksana": 42}


def test_the_cells_once_corrected_by_hand_are_read_from_the_text(built):
    # corrections fixed these six cells of Sangkapura's secretary until the OCR layout read them
    frame = db.read_table("indikator", built)
    sekcam = frame[(frame.kecamatan == "Sangkapura") & (frame.jenis_jabatan == "sekretaris")]
    assert sekcam["sasaran"].tolist()[0] == "Meningkatnya Pelayanan Administrasi Perkantoran"
    assert sekcam["indikator"].tolist()[1] == "Persentase fasilitasi terhadap sarana dan prasarana Aparatur"
    assert builder.build_dataset(builder.read_manifest()).unused_corrections == []


def test_a_correction_changes_the_cell_it_is_keyed_to():
    source = Source(RAW / "iki_sangkapura_2019.txt", "Sangkapura", "Gresik", "Jawa Timur", 2019)
    parsed = builder.build_dataset([source], corrections=[]).parsed[source.path.name]
    block, row = next((b, r) for b in parsed.blocks for r in b.indicators if "gaiji" in r.indikator)
    fixed = "Jumlah pengajuan kenaikan gaji berkala"
    sha = hashlib.sha256(source.path.read_bytes()).hexdigest()
    typo = Correction(sha, block.jabatan, 1, row.indikator, 1, "indikator", fixed, "salah ketik OCR", row=5)
    frame = builder.build_dataset([source], corrections=[typo]).indikator
    assert typo.used == 1
    assert fixed in frame["indikator"].tolist()
    assert not frame["indikator"].str.contains("gaiji").any()
    assert frame.loc[frame["indikator"] == fixed, "dikoreksi"].tolist() == ["indikator"]


def test_rebuild_gives_identical_output_and_ids(built, tmp_path):
    assert main(["build", "--out", str(tmp_path)]) == 0
    for name in ("indikator.csv", "jabatan.csv", "dokumen.csv"):
        assert (tmp_path / name).read_bytes() == (built / name).read_bytes()


def test_ids_do_not_depend_on_manifest_order(built, tmp_path):
    lines = MANIFEST.read_text().splitlines()
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    (raw / "manifest.csv").write_text("\n".join([lines[0], *reversed(lines[1:])]) + "\n")
    assert main(["build", "--manifest", str(raw / "manifest.csv"), "--out", str(tmp_path / "out")]) == 0
    ids = set(db.read_table("indikator", tmp_path / "out")["indikator_id"])
    assert ids == set(db.read_table("indikator", built)["indikator_id"])


def test_bad_manifest_row_names_row_and_field_and_writes_nothing(tmp_path, capsys):
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    text = (
        (raw / "manifest.csv").read_text().replace("Masama,Banggai,Sulawesi Tengah,2020", "Masama,Banggai,Sulawesi Tengah,20x0")
    )
    (raw / "manifest.csv").write_text(text)
    out = tmp_path / "out"
    assert main(["build", "--manifest", str(raw / "manifest.csv"), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "baris 4, kolom tahun" in err and "20x0" in err
    assert not out.exists()


def test_manifest_problems_are_build_errors(tmp_path):
    with pytest.raises(BuildError, match="manifest tidak ditemukan"):
        builder.read_manifest(tmp_path / "tidak_ada.csv")
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("berkas,kecamatan\n")
    with pytest.raises(BuildError, match="kolom kabupaten, provinsi, tahun tidak ada"):
        builder.read_manifest(manifest)
    manifest.write_text("berkas,kecamatan,kabupaten,provinsi,tahun\nhilang.txt,Masama,Banggai,Sulawesi Tengah,2020\n")
    with pytest.raises(BuildError, match="baris 2, kolom berkas: hilang.txt tidak ada"):
        builder.read_manifest(manifest)
    assert not issubclass(BuildError, IngestError)  # a bad manifest is not a bad document


def test_corrections_and_duplicated_ids_are_build_errors(tmp_path):
    corrections = tmp_path / "koreksi.csv"
    sha = "a" * 64
    corrections.write_text(f"dokumen,jabatan,indikator,urutan,kolom,nilai\n{sha},Camat,Jumlah x,1,satuan,y\n")
    with pytest.raises(BuildError, match="baris 2, kolom kolom: 'satuan' tidak dikenal"):
        builder.read_corrections(corrections)
    corrections.write_text(f"dokumen,jabatan,indikator,urutan,kolom,nilai\n{sha},Camat,,1,formula,y\n")
    with pytest.raises(BuildError, match="baris 2, kolom kolom: 'formula' tidak dikenal \\(boleh: jabatan\\)"):
        builder.read_corrections(corrections)  # a correction of the block itself changes only its title
    corrections.write_text("dokumen,jabatan,indikator,urutan,kolom,nilai\nabc,Camat,Jumlah x,1,formula,y\n")
    with pytest.raises(BuildError, match="baris 2, kolom dokumen: diharapkan sha256"):
        builder.read_corrections(corrections)
    source = Source(FIXTURES / "iki_wonorejo_numbered.txt", "Wonorejo", "Sukamaju", "Jawa Barat", 2024)
    with pytest.raises(BuildError, match="indikator_id ganda"):
        builder.build_dataset([source, source], corrections=[])


def test_reading_an_empty_document_is_an_ingest_error():
    source = Source(FIXTURES / "kosong.txt", "Wonorejo", "Sukamaju", "Jawa Barat", 2024)
    with pytest.raises(IngestError, match="berkas kosong"):
        builder.build_dataset([source], corrections=[])


def test_unused_corrections_are_reported_and_warned():
    source = Source(FIXTURES / "iki_wonorejo_numbered.txt", "Wonorejo", "Sukamaju", "Jawa Barat", 2024)
    sha = hashlib.sha256(source.path.read_bytes()).hexdigest()
    unused = Correction(sha, "CAMAT", 1, "tidak ada di dokumen", 1, "formula", "x", "uji", row=7)
    dataset = builder.build_dataset([source], corrections=[unused])
    assert dataset.unused_corrections == [unused]
    said = f"dokumen {sha[:10]}…, jabatan 'CAMAT', indikator 'tidak ada di dokumen', kolom formula"
    assert f"Koreksi baris 7 tidak terpakai: {said}" in check_report(dataset)
    assert unused_correction_warnings(dataset) == [f"PERINGATAN: koreksi baris 7 ({said}) tidak cocok dengan indikator mana pun"]


def test_ingest_detects_kecamatan_and_year(tmp_path, capsys):
    out = tmp_path / "out"
    assert (
        main(
            [
                "ingest",
                str(FIXTURES / "iki_cibereum_markdown.txt"),
                str(FIXTURES / "iki_wonorejo_numbered.txt"),
                "--out",
                str(out),
            ]
        )
        == 0
    )
    frame = db.read_table("indikator", out)
    assert list(frame.columns) == builder.COLUMNS
    assert frame.groupby(["kecamatan", "tahun"]).size().to_dict() == {("Cibereum", 2024): 6, ("Wonorejo", 2024): 5}
    assert "Cibereum 2024" in capsys.readouterr().out


def test_ingest_options_override_detection(tmp_path):
    out = tmp_path / "out"
    args = ["ingest", str(FIXTURES / "iki_mekarsari_ocr.txt"), "--kecamatan", "Mekar Sari", "--tahun", "2023"]
    assert main([*args, "--kabupaten", "Contoh", "--provinsi", "Jawa Barat", "--out", str(out)]) == 0
    row = db.read_table("indikator", out).iloc[0]
    assert (row.kecamatan, row.tahun, row.kabupaten, row.provinsi) == ("Mekar Sari", 2023, "Contoh", "Jawa Barat")


@pytest.mark.parametrize(
    "content, message",
    [
        (None, "berkas kosong"),
        ("Laporan tahunan.\nTanpa tabel.\n", "tidak ditemukan blok jabatan"),
    ],
)
def test_ingest_rejects_unusable_files_and_changes_nothing(tmp_path, capsys, content, message):
    source = FIXTURES / "kosong.txt" if content is None else tmp_path / "x.txt"
    if content is not None:
        source.write_text(content)
    out = tmp_path / "out"
    out.mkdir()
    (out / "indikator.csv").write_text("data lama")
    assert main(["ingest", str(FIXTURES / "iki_wonorejo_numbered.txt"), str(source), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"{source.name}: " in err and message in err
    assert (out / "indikator.csv").read_text() == "data lama"  # the good file was not written either


def test_ingest_without_detectable_kecamatan_says_which_option(tmp_path, capsys):
    text = (FIXTURES / "iki_wonorejo_numbered.txt").read_text()
    anonymous = "\n".join(line for line in text.splitlines() if "WONOREJO" not in line.upper())
    source = tmp_path / "tanpa_nama.txt"
    source.write_text(anonymous)
    assert main(["ingest", str(source), "--out", str(tmp_path / "out")]) == 2
    assert "--kecamatan" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
    assert main(["ingest", str(source), "--kecamatan", "Wonorejo", "--out", str(tmp_path / "out")]) == 0


def test_ingest_of_a_missing_file_names_it(tmp_path, capsys):
    assert main(["ingest", str(tmp_path / "tidak_ada.txt"), "--out", str(tmp_path / "out")]) == 2
    assert "tidak_ada.txt" in capsys.readouterr().err


def test_check_lists_blocks_and_lines_to_review(capsys):
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert "iki_sangkapura_2019.txt — Kecamatan Sangkapura 2019 — tata letak ocr_table: 23 jabatan, 112 indikator" in out
    assert "Kepala Sub Bagian Umum dan Kepegawaian" in out
    assert "[diragukan] baris OCR berkolom gabung" in out
    assert "[dilewati] potongan teks di luar sel tabel: arandanPendapatan" in out
    assert "iki_lumajang_2023.txt — Kecamatan Lumajang 2023 — tata letak numbered_blocks: 10 jabatan, 33 indikator" in out


def test_check_lists_the_glued_words_it_split(capsys):
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert "  Kata tergabung yang dipisah (50):" in out  # Sangkapura's: the only document read from OCR
    assert "    baris   445 Jumlahbarangcetakandan → Jumlah barang cetakan dan" in out
    assert "    baris  1223 DanaDesadicairkandalamdua → Dana Desa dicairkan dalam dua" in out
    assert out.count("Kata tergabung yang dipisah") == 1
    assert "hunspell-id tidak ada" not in out


def test_check_says_when_the_word_list_is_missing_and_how_to_install_it(capsys, monkeypatch, tmp_path):
    from kinerja.ingest import words

    monkeypatch.setattr(words, "DICTIONARY", tmp_path / "id_ID.dic")
    assert main(["check", str(FIXTURES / "iki_karangrejo_ocr.txt"), "--kecamatan", "Karangrejo", "--tahun", "2021"]) == 0
    out = capsys.readouterr().out
    assert "hunspell-id tidak ada" in out and "sudo apt-get install hunspell-id (atau make system)" in out
    # the documents' words still split what they know
    assert "    baris    33 Jumlahlaporanpertanggungjawaban → Jumlah laporan pertanggungjawaban" in out


def test_check_detail_lists_each_indicator(capsys):
    assert main(["check", str(FIXTURES / "iki_wonorejo_numbered.txt"), "--rinci"]) == 0
    out = capsys.readouterr().out
    assert "- Persentase realisasi anggaran [tanpa_formula, naik] | target 87.5 %" in out
