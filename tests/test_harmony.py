"""Harmonisasi on the seed documents: the clusters of one position's indicators across kecamatan, held
to a person's reading, deterministic, and corrected by officers."""

import pandas as pd
import pytest

from kinerja import similarity
from kinerja.build import harmony
from kinerja.errors import BuildError


@pytest.fixture(scope="module")
def seeds(real_data) -> pd.DataFrame:
    from kinerja import db

    return db.read_table("indikator", real_data)


def _clusters(klaster: pd.DataFrame, indikator: pd.DataFrame, baku: str) -> list[list[tuple[str, str]]]:
    """The clusters of one position, each as its (kecamatan, indicator) sorted, sorted."""
    rows = klaster[klaster["jabatan_baku"] == baku].merge(indikator[["indikator_id", "indikator"]], on="indikator_id")
    return sorted(sorted(zip(g["kecamatan"], g["indikator"], strict=True)) for _, g in rows.groupby("klaster_id"))


def _shared(klaster: pd.DataFrame, indikator: pd.DataFrame, baku: str) -> list[list[tuple[str, str]]]:
    return [c for c in _clusters(klaster, indikator, baku) if len({k for k, _ in c}) > 1]


# Read by hand: the Sekretaris' 13 indicators in the four seeds. Two measures are shared: the running of
# office administration (Bululawang "kelancaran", Masama "pemanfaatan layanan administrasi
# perkantoran") and the staff's facilities (Masama "Sarana dan Prasarana Aparatur Dalam Kondisi Baik",
# Sangkapura "fasilitasi terhadap sarana dan prasarana Aparatur"). A reader would also set Bululawang's
# quality of planning documents beside Masama's timeliness of them, one subject measured two ways;
# their wordings share "dokumen perencanaan" only, and the clusters leave them apart. Every other
# indicator is one kecamatan's own.
SEKRETARIS_SHARED = [
    [("Bululawang", "Tingkat kelancaran administrasi perkantoran"),
     ("Masama", "Tingkat Pemanfaatan Layanan Administrasi Perkantoran")],
    [("Masama", "Persentase Sarana dan Prasarana Aparatur Dalam Kondisi Baik"),
     ("Sangkapura", "Persentase fasilitasi terhadap sarana dan prasarana Aparatur")],
]  # fmt: skip
# The Kasi Pemerintahan's 13: village officials trained (Bululawang "Pembinaan perangkat desa",
# Sangkapura "Jumlah peserta pembinaan perangkat desa") and village officials guided (Masama
# "aparatur desa yang difasilitasi/dibina", Sangkapura "aparatur pemerintah desa yang dibina"). Lumajang's
# three "Persentase Desa yang menetapkan RKPDes / LPPDes / APBDes Tepat Waktu" are three measures of one
# document and stay three clusters although worded nearly alike.
PEMERINTAHAN_SHARED = [
    [("Bululawang", "Pembinaan perangkat desa"), ("Sangkapura", "Jumlah peserta pembinaan perangkat desa")],
    [("Masama", "Jumlah aparatur desa yang difasilitasi/dibina terkait administrasi pemerintahan desa"),
     ("Sangkapura", "Jumlah aparatur pemerintah desa yang dibina")],
]  # fmt: skip


def test_the_positions_in_all_four_seeds_cluster_as_a_person_reads_them(seeds):
    klaster, stale = harmony.cluster(seeds)
    assert stale.empty and len(klaster) == len(seeds) == 266
    assert _shared(klaster, seeds, "Sekretaris Kecamatan") == SEKRETARIS_SHARED
    assert _shared(klaster, seeds, "Kepala Seksi Pemerintahan") == PEMERINTAHAN_SHARED
    lumajang = [c for c in _clusters(klaster, seeds, "Kepala Seksi Pemerintahan") if "Desa yang menetapkan" in c[0][1]]
    assert len(lumajang) == 3 and all(len(c) == 1 for c in lumajang)
    assert len(_clusters(klaster, seeds, "Sekretaris Kecamatan")) == 11  # 13 indicators, two pairs
    # nine clusters in all are held by two kecamatan (none by three: only two positions are in all four)
    places = klaster.groupby("klaster_id")["kecamatan"].nunique()
    assert (places >= 2).sum() == 9 and places.max() == 2


def test_a_cluster_is_named_by_its_most_typical_wording_as_written(seeds):
    klaster, _ = harmony.cluster(seeds)
    pangkat = klaster[klaster["rumusan"] == similarity.normalise("Jumlah pengajuan kenaikan pangkat")]
    # one kecamatan each and alike both ways: the first alphabetically ("draf" before "pengajuan")
    assert set(pangkat["klaster_nama"]) == {"Jumlah draf kenaikan pangkat"}
    assert set(pangkat["peringkat"]) == {1} and set(pangkat["skor_klaster"]) == {86.5}


def test_clusters_are_the_same_whatever_the_order_of_the_documents(seeds):
    first, _ = harmony.cluster(seeds)
    again, _ = harmony.cluster(seeds.sample(frac=1.0, random_state=3))
    ordered = ["indikator_id", "klaster_id"]
    assert first.sort_values(ordered).reset_index(drop=True).equals(again.sort_values(ordered).reset_index(drop=True))


def test_an_officer_sets_a_wording_apart_and_puts_two_together(seeds):
    apart = harmony.Grouping("Kepala Seksi Pemerintahan", "pisah", "Jumlah peserta pembinaan perangkat desa", row=4)
    together = harmony.Grouping("Sekretaris Kecamatan", "gabung", "Persentase Tingkat Kehadiran PNS lingkup Kecamatan",
                                "Tingkat Kepatuhan Disiplin Aparatur", "kehadiran bagian dari disiplin", row=5)  # fmt: skip
    klaster, stale = harmony.cluster(seeds, [apart, together])
    assert stale.empty
    assert _shared(klaster, seeds, "Kepala Seksi Pemerintahan") == PEMERINTAHAN_SHARED[1:]
    discipline = [
        ("Bululawang", "Persentase Tingkat Kehadiran PNS lingkup Kecamatan"),
        ("Masama", "Tingkat Kepatuhan Disiplin Aparatur"),
    ]
    assert discipline in _shared(klaster, seeds, "Sekretaris Kecamatan")
    decided = klaster[klaster["cara_klaster"] != ""]
    assert sorted(decided["cara_klaster"]) == ["gabung", "gabung", "pisah"]


def test_a_decision_naming_a_wording_no_longer_there_is_kept_as_stale(seeds):
    gone = harmony.Grouping("Sekretaris Kecamatan", "gabung", "Tingkat kelancaran administrasi perkantoran",
                            "Indikator yang sudah dihapus", row=7)  # fmt: skip
    nobody = harmony.Grouping("Lurah", "pisah", "Jumlah layanan", row=8)
    klaster, stale = harmony.cluster(seeds, [gone, nobody])
    assert stale[["baris", "sebab"]].values.tolist() == [
        [7, "rumusan 'Indikator yang sudah dihapus' tidak ada lagi pada jabatan ini"],
        [8, "jabatan ini tidak ada lagi di dokumen mana pun"],
    ]
    assert klaster.equals(harmony.cluster(seeds)[0])  # and nothing else changes


def test_the_officers_file_keeps_the_later_decision_and_names_a_bad_row(tmp_path):
    path = tmp_path / "klaster.csv"
    first = harmony.Grouping("Camat", "gabung", "Jumlah A B", "Jumlah B A", "uji")
    harmony.save_groupings([first], "Sri Wahyuni", path)
    harmony.save_groupings([harmony.Grouping("Camat", "gabung", "jumlah b a", "JUMLAH A B", "lagi")], "Budi", path)
    kept = harmony.read_groupings(path)
    assert [(g.alasan, g.oleh, g.row) for g in kept] == [("lagi", "Budi", 5)]  # three notes, the header, the row
    path.write_text(path.read_text(encoding="utf-8") + "Camat,pindah,Jumlah C D,,,,\n", encoding="utf-8")
    with pytest.raises(BuildError, match=r"klaster.csv, baris 6, kolom tindakan: 'pindah' \(diharapkan 'pisah' atau 'gabung'\)"):
        harmony.read_groupings(path)
