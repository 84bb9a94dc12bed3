"""Officers' documents in: `python -m kinerja dokumen …` and kinerja.intake on real files, in a copy of
data/raw, with the data rebuilt into a temporary folder."""

import csv
import hashlib
import os
import shutil
import stat

import pandas as pd
import pytest

from kinerja import archive, db, intake
from kinerja.build import build_dataset, read_corrections, read_manifest, write_dataset
from kinerja.cli import main
from kinerja.errors import BuildError, Refused
from kinerja.paths import RAW
from tests.conftest import FIXTURES

WONOREJO = FIXTURES / "iki_wonorejo_numbered.txt"


@pytest.fixture
def office(tmp_path, monkeypatch):
    """A copy of the shipped documents and register; the data rebuilt into a folder of its own."""
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    monkeypatch.setenv("KINERJA_DOKUMEN_DIR", str(raw))
    monkeypatch.setenv("KINERJA_DATA_DIR", str(tmp_path))
    monkeypatch.setattr("kinerja.intake.PARSE_CACHE", tmp_path / "cache")
    return raw


def _register(raw) -> list[dict]:
    with (raw / "manifest.csv").open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _indicators(tmp_path) -> pd.DataFrame:
    return db.read_table("indikator", tmp_path / "normalised")


def _wonorejo_with_formula(formula: str, reason: str = "uji") -> tuple[intake.Proposal, list]:
    """Wonorejo read for upload, its region set, and a correction of the Camat's formula cell."""
    proposal = intake.propose([("iki_wonorejo_numbered.txt", WONOREJO.read_bytes())])[0]
    proposal.region = intake.Region("Wonorejo", "Pasuruan", "Jawa Timur", 2024)
    rows = intake.rows(proposal)
    edited = rows.copy()
    edited.loc[0, "formula"] = formula
    return proposal, intake.cell_corrections(proposal, rows, edited, reason)


def _add_wonorejo(*extra: str) -> int:
    region = ["--kabupaten", "Pasuruan", "--provinsi", "Jawa Timur"]
    return main(["dokumen", "tambah", str(WONOREJO), *region, "--oleh", "Sri Wahyuni", *extra])


def test_adding_a_document_stores_it_immutably_and_rebuilds(office, tmp_path, capsys):
    assert _add_wonorejo() == 0
    out = capsys.readouterr().out
    read = "Wonorejo, Pasuruan, Jawa Timur 2024 (blok jabatan bernomor dengan tabel): 3 jabatan, 5 indikator, 0 baris diragukan"
    assert f"Dibaca iki_wonorejo_numbered.txt: {read}" in out
    rows = _register(office)
    assert [r["kecamatan"] for r in rows] == ["Sangkapura", "Bululawang", "Masama", "Lumajang", "Wonorejo"]
    added = rows[-1]
    stored = office / added["berkas"]
    sha = hashlib.sha256(WONOREJO.read_bytes()).hexdigest()
    assert added["sha256"] == sha and stored.read_bytes() == WONOREJO.read_bytes()
    assert added["berkas"] == f"iki_wonorejo_2024_{sha[:10]}.txt" and added["nama_asli"] == "iki_wonorejo_numbered.txt"
    assert added["oleh"] == "Sri Wahyuni" and added["pada"].endswith("+00:00")
    assert not stored.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)  # read-only
    history = archive.read_history(office)
    assert [(h["tindakan"], h["kecamatan"], h["oleh"]) for h in history] == [("tambah", "Wonorejo", "Sri Wahyuni")]
    frame = _indicators(tmp_path)
    assert sorted(frame["kecamatan"].unique()) == ["Bululawang", "Lumajang", "Masama", "Sangkapura", "Wonorejo"]
    assert len(frame[frame["kecamatan"] == "Wonorejo"]) == 5  # counted in the file: Camat 1, Kasubag 3, Pengadministrasi 1


def test_only_the_new_document_is_read_the_others_come_from_the_cache(tmp_path):
    cache = tmp_path / "cache"
    sources = read_manifest(RAW / "manifest.csv")
    first = build_dataset(sources, read_corrections(RAW / "koreksi.csv"), cache)
    assert sorted(first.parsed_now) == sorted(s.path.name for s in sources)
    new = archive.Source(WONOREJO, "Wonorejo", "Pasuruan", "Jawa Timur", 2024)
    second = build_dataset([*read_manifest(RAW / "manifest.csv"), new], read_corrections(RAW / "koreksi.csv"), cache)
    assert second.parsed_now == ["iki_wonorejo_numbered.txt"]
    same = second.indikator[second.indikator["kecamatan"] != "Wonorejo"].reset_index(drop=True)
    pd.testing.assert_frame_equal(same, first.indikator)


def test_the_same_file_again_is_refused_and_nothing_changes(office, capsys):
    assert _add_wonorejo() == 0
    before = {p.name: p.read_bytes() for p in office.iterdir() if p.is_file()}
    capsys.readouterr()
    assert _add_wonorejo() == 2
    out = capsys.readouterr().out
    assert "DITOLAK iki_wonorejo_numbered.txt: dokumen yang sama sudah tersimpan (Wonorejo 2024" in out
    assert {p.name: p.read_bytes() for p in office.iterdir() if p.is_file()} == before


def test_a_new_version_replaces_the_old_one_with_history_kept(office, tmp_path, capsys):
    assert _add_wonorejo() == 0
    old_name = _register(office)[-1]["berkas"]
    newer = tmp_path / "IKI Wonorejo revisi.txt"
    newer.write_text(WONOREJO.read_text().replace("Indeks Kepuasan Masyarakat", "Indeks Kepuasan Masyarakat (IKM)"))
    assert main(["dokumen", "tambah", str(newer), "--kabupaten", "Pasuruan", "--provinsi", "Jawa Timur", "--oleh", "Budi"]) == 0
    assert f"menggantikan {old_name}" in capsys.readouterr().out
    rows = _register(office)
    assert [r["kecamatan"] for r in rows].count("Wonorejo") == 1 and rows[-1]["nama_asli"] == "IKI Wonorejo revisi.txt"
    assert (office / old_name).exists()  # the old version is kept
    history = archive.read_history(office)
    assert [(h["tindakan"], h["menggantikan"]) for h in history] == [("tambah", ""), ("ganti", old_name)]
    wonorejo = _indicators(tmp_path).query("kecamatan == 'Wonorejo'")
    assert "Indeks Kepuasan Masyarakat (IKM)" in set(wonorejo["indikator"]) and len(wonorejo) == 5


def test_withdrawing_keeps_the_file_and_the_history(office, tmp_path, capsys):
    assert _add_wonorejo() == 0
    stored = office / _register(office)[-1]["berkas"]
    assert main(["dokumen", "hapus", "--kecamatan", "wonorejo", "--tahun", "2024", "--oleh", "Budi"]) == 0
    assert "Wonorejo" not in {r["kecamatan"] for r in _register(office)}
    assert stored.exists()
    assert [h["tindakan"] for h in archive.read_history(office)] == ["tambah", "hapus"]
    assert "Wonorejo" not in set(_indicators(tmp_path)["kecamatan"])
    assert main(["dokumen", "hapus", "--kecamatan", "Wonorejo", "--tahun", "2024"]) == 2
    assert "tidak ada dokumen untuk kecamatan Wonorejo tahun 2024" in capsys.readouterr().err


def test_replacing_needs_a_document_to_replace(office, capsys):
    assert main(["dokumen", "ganti", str(WONOREJO), "--kecamatan", "Wonorejo", "--tahun", "2024"]) == 2
    assert "tidak ada dokumen untuk kecamatan Wonorejo tahun 2024 yang dapat diganti" in capsys.readouterr().err


def test_bad_files_are_refused_one_by_one_and_the_good_one_is_stored(office, tmp_path):
    prose = tmp_path / "surat.txt"
    prose.write_text("Dengan hormat,\nBersama ini kami sampaikan laporan.\n")
    big = tmp_path / "besar.pdf"
    with big.open("wb") as handle:
        handle.truncate(100 * 1024 * 1024)  # a 100 MB file (sparse: no disk is used)
    files = [
        ("kosong.txt", b""),
        ("surat.txt", prose.read_bytes()),
        ("anggaran.xlsx", b"PK\x03\x04 bukan dokumen IKI"),
        ("besar.pdf", big.read_bytes()),
        ("iki_wonorejo_numbered.txt", WONOREJO.read_bytes()),
        ("salinan wonorejo.txt", WONOREJO.read_bytes()),
    ]
    proposals = intake.propose(files)
    said = {p.name: p.problem for p in proposals}
    assert said["kosong.txt"] == "kosong.txt: berkas kosong"
    assert said["surat.txt"].startswith("surat.txt: tidak ditemukan blok jabatan dengan tabel indikator")
    assert said["anggaran.xlsx"].startswith("anggaran.xlsx: format .xlsx tidak dikenal (yang diterima: .txt, .md, .docx")
    assert said["besar.pdf"] == "besar.pdf: berkas 100 MB terlalu besar (paling besar 50 MB per dokumen)"
    assert said["salinan wonorejo.txt"] == "salinan wonorejo.txt: isinya sama dengan iki_wonorejo_numbered.txt dalam unggahan ini"
    assert said["iki_wonorejo_numbered.txt"] == ""
    twins = {p.name: p.twin_of for p in proposals}
    assert twins["salinan wonorejo.txt"] == "iki_wonorejo_numbered.txt" and twins["iki_wonorejo_numbered.txt"] == ""
    good = [p for p in proposals if p.usable]
    good[0].region = intake.Region("Wonorejo", "Pasuruan", "Jawa Timur", 2024)
    intake.confirm(good, "Sri Wahyuni")
    assert [r["nama_asli"] for r in _register(office)][-1] == "iki_wonorejo_numbered.txt"
    with pytest.raises(Refused, match="kosong.txt: berkas kosong"):
        intake.confirm(proposals[:1], "Sri Wahyuni")


def test_an_unknown_region_needs_confirmation(office, capsys):
    args = ["dokumen", "tambah", str(WONOREJO), "--kabupaten", "Sukamaju", "--provinsi", "Jawa Timur", "--oleh", "Budi"]
    assert main(args) == 2
    out = capsys.readouterr().out
    assert "DITOLAK iki_wonorejo_numbered.txt:" in out and "Sukamaju" in out and "--wilayah-baru" in out
    assert "Wonorejo" not in {r["kecamatan"] for r in _register(office)}
    assert main([*args, "--wilayah-baru"]) == 0
    assert _register(office)[-1]["kabupaten"] == "Sukamaju"


def test_a_changed_stored_file_is_refused(office):
    stored = office / "iki_lumajang_2023.txt"
    stored.write_text(stored.read_text() + "\nbaris tambahan\n")
    with pytest.raises(BuildError, match="iki_lumajang_2023.txt: isi berkas berubah sejak disimpan"):
        build_dataset(read_manifest(office / "manifest.csv"), [])


def test_a_correction_is_keyed_to_the_row_shown_and_reapplied(office, tmp_path):
    proposal, corrections = _wonorejo_with_formula("Nilai indeks dari survei kepuasan masyarakat", "rumus diperjelas")
    title = intake.title_correction(proposal, 2, "Kepala Sub Bagian Perencanaan dan Keuangan", "judul")
    intake.confirm([proposal], "Sri Wahyuni", [*corrections, title])
    saved = read_corrections(office / "koreksi.csv")
    mine = [c for c in saved if c.dokumen == proposal.sha256]
    assert [(c.jabatan, c.jabatan_ke, c.indikator, c.urutan, c.kolom, c.oleh) for c in mine] == [
        ("CAMAT", 1, "Indeks Kepuasan Masyarakat", 1, "formula", "Sri Wahyuni"),
        ("Kasubag Perencanaan dan Keuangan", 1, "", 1, "jabatan", "Sri Wahyuni"),
    ]
    frame = _indicators(tmp_path).query("kecamatan == 'Wonorejo'")
    camat = frame[frame["jabatan_baku"] == "Camat"].iloc[0]
    assert camat["formula"] == "Nilai indeks dari survei kepuasan masyarakat" and camat["dikoreksi"] == "formula"
    kasubag = frame[frame["jabatan_urutan"] == 2]
    assert set(kasubag["jabatan"]) == {"Kepala Sub Bagian Perencanaan dan Keuangan"} and set(kasubag["dikoreksi"]) == {"jabatan"}
    untouched = _indicators(tmp_path).query("kecamatan == 'Lumajang'")
    assert set(untouched["dikoreksi"]) == {""}
    # Rebuilt from the register alone, the corrections apply again.
    rebuilt = build_dataset(read_manifest(office / "manifest.csv"), read_corrections(office / "koreksi.csv"))
    assert not rebuilt.unused_corrections
    again = rebuilt.indikator.query("kecamatan == 'Wonorejo' and jabatan_baku == 'Camat'").iloc[0]
    assert again["formula"] == "Nilai indeks dari survei kepuasan masyarakat"


def test_nobody_cannot_store(office):
    proposal = intake.propose([("iki_wonorejo_numbered.txt", WONOREJO.read_bytes())])[0]
    proposal.region = intake.Region("Wonorejo", "Pasuruan", "Jawa Timur", 2024)
    with pytest.raises(Refused, match="nama petugas wajib diisi"):
        intake.confirm([proposal], " ")
    assert not os.path.exists(office / "riwayat.csv")


def test_known_names_are_stored_in_the_gazetteers_capitals(office):
    args = ["dokumen", "tambah", str(WONOREJO), "--kabupaten", "pasuruan", "--provinsi", "jawa  timur", "--oleh", "Budi"]
    assert main(args) == 0
    added = _register(office)[-1]
    assert (added["kecamatan"], added["kabupaten"], added["provinsi"]) == ("Wonorejo", "Pasuruan", "Jawa Timur")


def test_withdrawing_on_the_page_asks_first_and_records_the_signed_in_editor(office, users_file, tmp_path, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from kinerja import site
    from kinerja.paths import ROOT
    from tests.conftest import EDITOR, sign_in

    write_dataset(
        build_dataset(read_manifest(office / "manifest.csv"), read_corrections(office / "koreksi.csv")), tmp_path / "normalised"
    )
    monkeypatch.setenv("KINERJA_REALISASI_DIR", str(tmp_path / "realisasi"))
    at = sign_in(AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=30).run(), *EDITOR)
    at.switch_page(site.page("tambah_dokumen.py").from_router).run()
    assert not [t for t in at.text_input if t.key in ("tarik_oleh", "dokumen_oleh")]  # no name typed: the editor's
    at.selectbox(key="tarik_dokumen").select(3).run()  # Lumajang 2023, the fourth in the register
    at.button(key="tarik").click().run()
    assert "Berhenti memakai dokumen Lumajang 2023?" in [w.value for w in at.warning]
    assert "Lumajang" in {r["kecamatan"] for r in _register(office)}  # nothing changed before the answer
    at.button(key="tarik_ya").click().run()
    assert not at.exception
    assert "Lumajang" not in {r["kecamatan"] for r in _register(office)}
    assert [(h["tindakan"], h["kecamatan"], h["oleh"]) for h in archive.read_history(office)] == [
        ("hapus", "Lumajang", "Sri Wahyuni")
    ]
    assert "Lumajang" not in set(_indicators(tmp_path)["kecamatan"])
    assert "Lumajang 2023 tidak lagi dipakai; berkasnya tetap disimpan." in [s.value for s in at.success]


def test_an_officers_document_does_not_change_how_the_shipped_ones_are_read(office):
    from kinerja.ingest import words

    assert _add_wonorejo() == 0
    shipped = words.shipped_texts(office)
    assert len(shipped) == 4 and WONOREJO.read_text() not in shipped  # the seeds, not the officer's file
    assert words.counts_of_texts(shipped) == words.shipped_counts()


def _shipped_proposal(name: str) -> intake.Proposal:
    """A shipped document as the upload page would show it (read, not stored again)."""
    from kinerja.ingest import parse_file

    content = (RAW / name).read_bytes()
    return intake.Proposal(name, content, hashlib.sha256(content).hexdigest(), parsed=parse_file(RAW / name))


def test_a_correction_in_one_of_several_blocks_titled_alike_changes_that_block_only():
    proposal = _shipped_proposal("iki_masama_2020.txt")
    before = intake.rows(proposal)
    alike = before[before["jabatan"].str.contains("Pengadministrasi Pemerintahan")]
    assert sorted(set(alike["jabatan_ke"])) == [1, 2, 3]  # counted in the document: three blocks so titled
    second = alike[alike["jabatan_ke"] == 2].index[0]
    after = before.copy()
    after.loc[second, "target"] = "99 dokumen"
    corrections = intake.cell_corrections(proposal, before, after, "uji")
    source = archive.Source(RAW / "iki_masama_2020.txt", "Masama", "Banggai", "Sulawesi Tengah", 2020)
    frame = build_dataset([source], corrections).indikator
    changed = frame[frame["dikoreksi"] != ""]
    assert len(changed) == 1 and changed.iloc[0]["target"] == 99
    assert changed.iloc[0]["jabatan_urutan"] == before.loc[second, "blok"]


def test_a_title_correction_renames_the_block_it_was_made_on_only():
    proposal = _shipped_proposal("iki_lumajang_2023.txt")
    blocks = intake.blocks(proposal)
    alike = blocks[blocks["jabatan"].str.casefold().str.contains("pengadministrasi umum")]
    assert len(alike) == 2  # counted in the document
    second = int(alike["blok"].iloc[1])
    correction = intake.title_correction(proposal, second, "Pengadministrasi Umum (Kearsipan)", "uji")
    source = archive.Source(RAW / "iki_lumajang_2023.txt", "Lumajang", "Lumajang", "Jawa Timur", 2023)
    jabatan = build_dataset([source], [correction]).jabatan
    assert jabatan.loc[jabatan["jabatan_urutan"] == second, "jabatan"].tolist() == ["Pengadministrasi Umum (Kearsipan)"]
    assert (jabatan["jabatan"] == "Pengadministrasi Umum (Kearsipan)").sum() == 1


def test_a_save_that_fails_at_the_last_step_changes_nothing(office, tmp_path, monkeypatch):

    write_dataset(
        build_dataset(read_manifest(office / "manifest.csv"), read_corrections(office / "koreksi.csv")), tmp_path / "normalised"
    )
    before = {p.name: p.read_bytes() for p in office.iterdir() if p.is_file() and p.name != ".kunci"}
    data_before = (tmp_path / "normalised" / "indikator.csv").read_bytes()
    proposal, corrections = _wonorejo_with_formula("Nilai indeks")

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device", str(tmp_path / "normalised"))

    monkeypatch.setattr("kinerja.intake.write_dataset", disk_full)  # the very last write of a save
    with pytest.raises(OSError):
        intake.confirm([proposal], "Sri Wahyuni", corrections)
    after = {p.name: p.read_bytes() for p in office.iterdir() if p.is_file() and p.name != ".kunci"}
    assert after == before  # register, history, corrections as they were; the new document removed
    assert (tmp_path / "normalised" / "indikator.csv").read_bytes() == data_before


def test_replacing_a_corrected_document_says_its_corrections_no_longer_apply(office, tmp_path, capsys):
    proposal, corrections = _wonorejo_with_formula("Nilai indeks")
    intake.confirm([proposal], "Sri Wahyuni", corrections)
    assert len(intake.corrections_of(proposal.sha256)) == 1
    newer = tmp_path / "IKI Wonorejo revisi.txt"
    newer.write_text(WONOREJO.read_text().replace("Persentase realisasi anggaran", "Persentase serapan anggaran"))
    assert main(["dokumen", "tambah", str(newer), "--kabupaten", "Pasuruan", "--provinsi", "Jawa Timur", "--oleh", "Budi"]) == 0
    warned = capsys.readouterr().err
    assert "PERINGATAN: koreksi baris 5 (" in warned and "indikator 'Indeks Kepuasan Masyarakat', kolom formula" in warned
    line_5 = (office / "koreksi.csv").read_text().splitlines()[4]  # the line number said is the file's own
    assert "Indeks Kepuasan Masyarakat" in line_5
    camat = _indicators(tmp_path).query("kecamatan == 'Wonorejo' and jabatan_baku == 'Camat'").iloc[0]
    assert camat["formula"] == "Hasil survei kepuasan masyarakat" and camat["dikoreksi"] == ""


def _sekcam_link(office, supports: str = "") -> "intake.cascade.Link":
    """An officer's link of Sangkapura's Kasubag Keuangan sasaran to the Sekretaris' first sasaran (or none)."""
    from kinerja.build import cascade

    nodes = cascade.nodes(build_dataset(read_manifest(office / "manifest.csv"), corrections=[], links=[]).indikator)
    sangkapura = nodes[nodes["kecamatan"] == "Sangkapura"]
    keuangan = sangkapura[sangkapura["sasaran"] == "Tercukupinya Dokumen Keuangan, Program dan Pelaporan"].iloc[0]
    above = sangkapura[sangkapura["sasaran"] == "Meningkatnya Pelayanan Administrasi Perkantoran"].iloc[0]
    return cascade.Link(keuangan["simpul_id"], above["simpul_id"] if supports else "", "Sangkapura", "Gresik",
                        "Jawa Timur", 2019, keuangan["jabatan"], keuangan["sasaran"], alasan=supports)  # fmt: skip


def test_an_officers_link_is_stored_under_their_name_and_survives_rebuilds(office, tmp_path):
    link = _sekcam_link(office, "dokumen keuangan menopang administrasi perkantoran")
    intake.link_sasaran([link], "Sri Wahyuni")
    stored = (office / "kaitan.csv").read_text(encoding="utf-8")
    assert "Sri Wahyuni" in stored and link.simpul_id in stored
    for _ in range(2):  # linked now, and again after adding a document rebuilds everything
        pohon = db.read_table("pohon", tmp_path / "normalised")
        mine = pohon[pohon["simpul_id"] == link.simpul_id]
        assert set(mine["induk_id"]) == {link.induk_id} and set(mine["cara_kaitan"]) == {"petugas"}
        assert db.read_table("kaitan_usang", tmp_path / "normalised").empty
        _add_wonorejo()
    # Said otherwise later: the later link of the same sasaran replaces the first.
    intake.link_sasaran([_sekcam_link(office)], "Budi")
    pohon = db.read_table("pohon", tmp_path / "normalised")
    assert set(pohon.loc[pohon["simpul_id"] == link.simpul_id, "cara_kaitan"]) == {"dilepas"}
    assert (office / "kaitan.csv").read_text(encoding="utf-8").count(link.simpul_id) == 1


def test_a_link_whose_rebuild_fails_changes_nothing(office, tmp_path, monkeypatch):
    write_dataset(build_dataset(read_manifest(office / "manifest.csv"), corrections=[], links=[]), tmp_path / "normalised")
    data_before = (tmp_path / "normalised" / "pohon.csv").read_bytes()
    link = _sekcam_link(office, "uji")

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device", str(tmp_path / "normalised"))

    monkeypatch.setattr("kinerja.intake.write_dataset", disk_full)
    with pytest.raises(OSError):
        intake.link_sasaran([link], "Sri Wahyuni")
    assert not (office / "kaitan.csv").exists()
    assert (tmp_path / "normalised" / "pohon.csv").read_bytes() == data_before
    with pytest.raises(Refused, match="nama petugas wajib diisi"):
        intake.link_sasaran([link], " ")


def test_withdrawing_a_linked_document_says_the_link_no_longer_applies(office, tmp_path):
    intake.link_sasaran([_sekcam_link(office, "dokumen keuangan menopang administrasi perkantoran")], "Sri Wahyuni")
    withdrawn = intake.withdraw("Sangkapura", 2019, "Budi")
    assert intake.unused_warnings(withdrawn) == [
        "Kaitan baris 5 (Sangkapura 2019, KEPALA SUB BAGIAN KEUANGAN, PROGRAM DAN PELAPORAN: 'Tercukupinya Dokumen "
        "Keuangan, Program dan Pelaporan') tidak cocok lagi: sasaran ini tidak ada lagi (dokumennya diganti, ditarik, "
        "atau kata-katanya berubah)."
    ]
    assert db.read_table("kaitan_usang", tmp_path / "normalised")["baris"].tolist() == [5]  # three notes, the header, the row


def test_an_editor_links_a_sasaran_under_the_tree_and_lets_the_wording_decide_again(office, users_file, tmp_path, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from kinerja import site
    from kinerja.paths import ROOT
    from kinerja.presentation import views
    from tests.conftest import EDITOR, sign_in

    write_dataset(build_dataset(read_manifest(office / "manifest.csv"), corrections=[], links=[]), tmp_path / "normalised")
    monkeypatch.setenv("KINERJA_REALISASI_DIR", str(tmp_path / "realisasi"))
    viewer = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=30).run()
    viewer.switch_page(site.page_of_view("pohon").from_router).run()
    assert not viewer.radio and any("Masuk sebagai editor" in i.value for i in viewer.info)  # no controls for a viewer
    at = sign_in(AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=30).run(), *EDITOR)
    at.switch_page(site.page_of_view("pohon").from_router).run()
    at.selectbox(key="pohon_dokumen").select_index(1).run()  # Sangkapura 2019, the second in the list
    assert at.selectbox(key="pohon_dokumen").options[1] == "Sangkapura 2019 (Gresik)"
    node = at.selectbox(key="kaitan_simpul")
    wanted = "KEPALA SUB BAGIAN KEUANGAN, PROGRAM DAN PELAPORAN: Tercukupinya Dokumen Keuangan, Program dan Pelaporan"
    node.select_index(node.options.index(wanted)).run()
    now = "Kini mendukung “Meningkatnya Pengembangan Sistem Pelaporan Capaian Kinerja dan Keuangan” (SEKRETARIS"
    assert any(c.value.startswith(now) and "menurut kemiripan kata (skor " in c.value for c in at.caption)
    # the Kasubag may support the Sekretaris' three sasaran (Sangkapura's document has no Camat), or none
    parent = at.radio(key="kaitan_induk")
    assert len(parent.options) == 4 and parent.options[-1] == "Tidak mendukung sasaran atasan mana pun"
    link = _sekcam_link(office, "dokumen keuangan menopang administrasi perkantoran")
    parent.set_value(link.induk_id).run()
    at.text_input(key="kaitan_alasan").input(link.alasan).run()
    at.button(key="kaitan_simpan").click().run()
    assert not at.exception and not at.error
    stored = cascade_links(office)
    assert [(s.simpul_id, s.induk_id, s.induk_sasaran, s.alasan, s.oleh) for s in stored] == [
        (link.simpul_id, link.induk_id, "Meningkatnya Pelayanan Administrasi Perkantoran", link.alasan, "Sri Wahyuni")
    ]
    pohon = db.read_table("pohon", tmp_path / "normalised")
    assert set(pohon.loc[pohon["simpul_id"] == link.simpul_id, "cara_kaitan"]) == {"petugas"}
    assert any(s.value.startswith("Kaitan tersimpan: “Tercukupinya Dokumen Keuangan") for s in at.success)
    # Asked again: the wording decides once more, and the officer's row leaves the file.
    assert any("ditetapkan petugas" in c.value for c in at.caption)
    follow = at.radio(key="kaitan_induk")
    assert follow.options[-1] == "Ikuti kemiripan kata lagi (hapus kaitan petugas)"
    follow.set_value(views.FOLLOW_WORDING).run()
    at.button(key="kaitan_simpan").click().run()
    assert not at.exception and cascade_links(office) == []
    pohon = db.read_table("pohon", tmp_path / "normalised")
    assert set(pohon.loc[pohon["simpul_id"] == link.simpul_id, "cara_kaitan"]) == {"kemiripan"}


def cascade_links(office) -> list:
    from kinerja.build import cascade

    return cascade.read_links(office / "kaitan.csv")


def test_an_officers_cluster_decision_survives_rebuilds_and_is_reported_when_its_wording_goes(office, tmp_path):
    from kinerja.build.harmony import Grouping

    together = Grouping("Sekretaris Kecamatan", "gabung", "Persentase Tingkat Kehadiran PNS lingkup Kecamatan",
                        "Tingkat Kepatuhan Disiplin Aparatur", "kehadiran bagian dari disiplin")  # fmt: skip
    intake.regroup([together], "Sri Wahyuni")
    assert "Sri Wahyuni" in (office / "klaster.csv").read_text(encoding="utf-8")
    for _ in range(2):  # decided now, and again after adding a document rebuilds everything
        klaster = db.read_table("klaster", tmp_path / "normalised")
        sekretaris = klaster[klaster["jabatan_baku"] == "Sekretaris Kecamatan"]
        joined = sekretaris[sekretaris["cara_klaster"] == "gabung"]
        assert sorted(joined["kecamatan"]) == ["Bululawang", "Masama"] and joined["klaster_id"].nunique() == 1
        _add_wonorejo()
    withdrawn = intake.withdraw("Masama", 2020, "Budi")
    assert intake.unused_warnings(withdrawn) == [
        "Koreksi klaster baris 5 (gabung, Sekretaris Kecamatan: 'Persentase Tingkat Kehadiran PNS lingkup Kecamatan') "
        "tidak cocok lagi: rumusan 'Tingkat Kepatuhan Disiplin Aparatur' tidak ada lagi pada jabatan ini."
    ]
    assert db.read_table("klaster_usang", tmp_path / "normalised")["baris"].tolist() == [5]
    with pytest.raises(Refused, match="tidak ada klaster yang diubah"):
        intake.regroup([], "Sri Wahyuni")


def test_an_editor_sets_a_wording_apart_on_the_harmonisation_page(office, users_file, tmp_path, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from kinerja import site
    from kinerja.build import harmony
    from kinerja.paths import ROOT
    from tests.conftest import EDITOR, sign_in

    built = build_dataset(read_manifest(office / "manifest.csv"), corrections=[], links=[], groupings=[])
    write_dataset(built, tmp_path / "normalised")
    monkeypatch.setenv("KINERJA_REALISASI_DIR", str(tmp_path / "realisasi"))
    viewer = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=30).run()
    viewer.switch_page(site.page_of_view("harmonisasi").from_router).run()
    assert not viewer.exception and any("Masuk sebagai editor" in i.value for i in viewer.info)
    at = sign_in(AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=30).run(), *EDITOR)
    at.switch_page(site.page_of_view("harmonisasi").from_router).run()
    assert at.selectbox(key="harmonisasi_jabatan").value == "Kepala Seksi Pemerintahan"  # in four kecamatan, first
    wording = at.selectbox(key="klaster_rumusan")
    chosen = "Sangkapura: Jumlah peserta pembinaan perangkat desa"
    wording.select_index(wording.options.index(chosen)).run()
    at.text_input(key="klaster_alasan").input("peserta bukan pembinaan").run()
    at.button(key="klaster_simpan").click().run()
    assert not at.exception and not at.error
    assert [(g.tindakan, g.rumusan, g.alasan, g.oleh) for g in harmony.read_groupings(office / "klaster.csv")] == [
        ("pisah", "Jumlah peserta pembinaan perangkat desa", "peserta bukan pembinaan", "Sri Wahyuni")
    ]
    klaster = db.read_table("klaster", tmp_path / "normalised")
    apart = klaster[klaster["cara_klaster"] == "pisah"]
    assert apart["kecamatan"].tolist() == ["Sangkapura"] and (klaster["klaster_id"] == apart["klaster_id"].iloc[0]).sum() == 1
    assert any(s.value.startswith("Keputusan tersimpan: “Jumlah peserta pembinaan perangkat desa” dipisah") for s in at.success)
