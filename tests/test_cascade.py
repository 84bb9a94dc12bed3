"""Pohon kinerja (kinerja/build/cascade.py, similarity.support): the links found by wording held to a
person's reading of every sasaran of the seed documents, deterministic, and the officers' links kept
across rebuilds and reported when they no longer match."""

import hashlib

import pandas as pd
import pytest

from kinerja import db, similarity
from kinerja.build import Correction, build_dataset, cascade, check_report, unused_correction_warnings
from kinerja.ids import sasaran_id
from kinerja.paths import ROOT
from tests.conftest import fixture_links, fixture_sources

SAMPLE = ROOT / "tests" / "fixtures" / "pohon_sampel.csv"
NONE = "-"


@pytest.fixture(scope="module")
def seeds(real_data) -> pd.DataFrame:
    return db.read_table("indikator", real_data)


@pytest.fixture(scope="module")
def read_by_wording(seeds) -> pd.DataFrame:
    """Every node of the seeds with the sasaran it was linked to by wording ('-' for none) beside the
    sasaran a person reads it supports (several where a reader would accept either)."""
    nodes = cascade.nodes(seeds)
    pohon, stale = cascade.link(seeds)
    assert stale.empty
    decided = nodes.merge(pohon.drop_duplicates("simpul_id")[["simpul_id", "induk_id"]], on="simpul_id")
    sasaran = dict(zip(nodes["simpul_id"], nodes["sasaran"], strict=True))
    decided["found"] = decided["induk_id"].map(lambda key: sasaran[key] if key else NONE)
    sample = pd.read_csv(SAMPLE, keep_default_na=False)
    both = sample.merge(decided, on=["kecamatan", "jabatan_urutan", "sasaran"], validate="one_to_one")
    assert len(both) == len(sample)
    both["accepted"] = both["atasan"].str.split(" | ", regex=False)
    both["agrees"] = [found in accepted for found, accepted in zip(both["found"], both["accepted"], strict=True)]
    return both


def test_the_sample_reads_every_sasaran_that_could_support_one(read_by_wording, seeds):
    # 198 nodes in the four documents; 5 are the Camat's, 4 are a Sekretaris' with no Camat above
    # (Lumajang's one, Sangkapura's three): 189 may support a sasaran, and a person read each of them.
    assert cascade.nodes(seeds)["simpul_id"].nunique() == 198
    assert len(read_by_wording) == 189
    assert (read_by_wording["atasan"] == NONE).sum() == 66
    needing = ~read_by_wording["accepted"].map(lambda accepted: NONE in accepted)
    assert needing.sum() == 90  # a person links these; the other 99 may stand alone


def test_links_by_wording_agree_with_a_persons_reading_as_measured(read_by_wording):
    """At the bar of 55: 36 links, 34 of them right; 131 of the 189 readings agree. A person links 90
    sasaran; the wording finds 34 of them (38 %): the rest share no words with what they serve
    ('Termanfaatkannya kendaraan dinas operasional' under 'Meningkatnya sarana prasarana aparatur')
    and are an officer's to link."""
    linked = read_by_wording[read_by_wording["found"] != NONE]
    wrong = linked[~linked["agrees"]]
    assert (len(linked), len(wrong), int(read_by_wording["agrees"].sum())) == (36, 2, 131)
    # Both wrong links share two words with a sasaran of another subject.
    assert sorted(zip(wrong["kecamatan"], wrong["sasaran"], wrong["found"], strict=True)) == [
        ("Bululawang", "Meningkatkan produktifitas kinerja Aparatur Kecamatan sehingga pelayanan kepada masyarakat semakin baik",
         "Kelancaran proses Administrasi Kependudukan"),
        ("Sangkapura", "Terlaksananya pelayanan administrasi kependudukan", "Meningkatnya Pelayanan Administrasi Perkantoran"),
    ]  # fmt: skip


def test_a_sasaran_in_its_superiors_words_is_linked_and_the_phrases_are_said(seeds):
    pohon, _ = cascade.link(seeds)
    rows = seeds.merge(pohon[["indikator_id", "induk_id", "skor_kaitan", "frasa_bawah", "frasa_atas", "cara_kaitan"]])
    kasubag = rows[(rows["kecamatan"] == "Sangkapura") & rows["sasaran"].eq("Terlaksananya Pelayanan Administrasi Perkantoran")]
    assert set(kasubag["frasa_bawah"]) == {"Terlaksananya Pelayanan Administrasi Perkantoran"}
    assert set(kasubag["frasa_atas"]) == {"Meningkatnya Pelayanan Administrasi Perkantoran"}
    assert set(kasubag["skor_kaitan"]) == {100.0} and set(kasubag["cara_kaitan"]) == {cascade.BY_WORDING}


def test_support_needs_two_shared_stems_and_reads_affixes_alike():
    # 'pelayanan'/'layanan' and 'perkantoran'/'kantor' are one stem each; the result verbs are dropped
    found = similarity.support(["Tersedianya data layanan kantor"], ["Meningkatnya pelayanan perkantoran"])
    assert found.score == 100.0 and found.shared == ("kantor", "layan")
    assert similarity.support(["Tertib administrasi keuangan"], ["Kelancaran administrasi kependudukan"]).score == 0.0
    # the document's own name says nothing about what is served
    own = frozenset({"masama"})
    assert similarity.support(["Data Masama kantor"], ["Pelayanan Masama kantor"], own).score == 0.0


def test_links_are_deterministic_whatever_the_order_of_the_documents(seeds):
    first, _ = cascade.link(seeds)
    again, _ = cascade.link(seeds)
    pd.testing.assert_frame_equal(first, again)
    documents = [group for _, group in seeds.groupby("kecamatan")]
    shuffled, _ = cascade.link(pd.concat(documents[::-1]))
    key = ["indikator_id"]
    pd.testing.assert_frame_equal(first.sort_values(key).reset_index(drop=True), shuffled.sort_values(key).reset_index(drop=True))


def test_officers_links_are_kept_in_a_file_and_apply_on_every_build(tmp_path):
    path = tmp_path / cascade.LINKS_NAME
    cascade.save_links(fixture_links(), "Sri", path)
    read = cascade.read_links(path)
    assert [link.oleh for link in read] == ["Sri"] * 3 and [link.row for link in read] == [5, 6, 7]
    for _ in range(2):  # a rebuild applies them again
        dataset = build_dataset(fixture_sources(), corrections=[], links=read)
        pohon, stale = cascade.link(dataset.indikator, dataset.links)
        survey = pohon[pohon["simpul_id"] == read[0].simpul_id]
        assert survey[["induk_id", "cara_kaitan"]].values.tolist() == [[read[0].induk_id, cascade.BY_OFFICER]]
        filing = pohon[pohon["simpul_id"] == read[1].simpul_id]
        assert filing[["induk_id", "cara_kaitan"]].values.tolist() == [["", cascade.UNLINKED_BY_OFFICER]]
        assert stale["baris"].tolist() == [7]


def test_a_link_whose_sasaran_was_reworded_is_reported_not_lost(tmp_path):
    sources = fixture_sources()
    links = fixture_links()[:1]
    dataset = build_dataset(sources, corrections=[], links=links)
    assert unused_correction_warnings(dataset) == []
    # An officer corrects the survey's sasaran: the link was made for the old words.
    cibereum = sources[0]
    sha = hashlib.sha256(cibereum.path.read_bytes()).hexdigest()
    reworded = Correction(sha, "PENGOLAH DATA (PELAYANAN ADMINISTRASI)", 1, "Indeks Kepuasan Masyarakat", 1,
                          "sasaran", "Terlaksananya survei kepuasan masyarakat", "", row=3)  # fmt: skip
    dataset = build_dataset(sources, corrections=[reworded], links=links)
    assert reworded.used == 1
    warnings = unused_correction_warnings(dataset)
    assert warnings == [
        "PERINGATAN: kaitan baris 4 (Cibereum 2024, PENGOLAH DATA (PELAYANAN ADMINISTRASI): 'Terlaksananya survei "
        "kepuasan') tidak cocok lagi: sasaran ini tidak ada lagi (dokumennya diganti, ditarik, atau kata-katanya berubah)"
    ]
    assert warnings[0].removeprefix("PERINGATAN: ") in check_report(dataset)


def test_a_link_to_a_sasaran_that_is_not_above_is_stale():
    sources = fixture_sources()
    place = ("Sukamaju", "Cibereum", 2024)
    kasi = sasaran_id(*place, "Kepala Seksi Trantib dan Linmas", "Menurunnya gangguan ketertiban umum", 1)
    survey = sasaran_id(*place, "Pengolah Data (Pelayanan Administrasi)", "Terlaksananya survei kepuasan", 1)
    sideways = cascade.Link(kasi, survey, "Cibereum", "Sukamaju", "Jawa Barat", 2024, row=2)
    pohon, stale = cascade.link(build_dataset(sources, corrections=[], links=[sideways]).indikator, [sideways])
    assert stale["sebab"].tolist() == ["sasaran atasan yang dipilih tidak ada lagi di dokumen ini"]
    assert set(pohon.loc[pohon["simpul_id"] == kasi, "induk_id"]) == {""}


def test_a_links_file_with_a_bad_row_names_the_file_row_and_field(tmp_path):
    from kinerja.errors import BuildError

    path = tmp_path / cascade.LINKS_NAME
    path.write_text(cascade.HEADER_NOTE + ",".join(cascade.LINK_COLUMNS) + "\nx,,A,B,C,dua ribu\n", encoding="utf-8")
    with pytest.raises(BuildError, match=r"kaitan.csv, baris 5, kolom tahun: 'dua ribu' bukan bilangan"):
        cascade.read_links(path)
