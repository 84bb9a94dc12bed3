"""Matching indicators worded alike (kinerja/similarity.py): the hand-labelled pairs from the seed
documents classified as labelled, but for the misses docs/DESIGN.md names; and the one-to-one matching."""

import csv
from pathlib import Path

import pytest

from kinerja import db, similarity
from kinerja.filters import Filters
from kinerja.similarity import Item, match_between, match_groups

PAIRS_FILE = Path(__file__).parent / "fixtures" / "pasangan_indikator.csv"
PAIRS = list(csv.DictReader(PAIRS_FILE.open(encoding="utf-8")))
JABATAN_SAMPLE = [p for p in PAIRS if p["sampel"] == "jabatan"]  # chose the settings
BIDANG_SAMPLE = [p for p in PAIRS if p["sampel"] == "bidang"]  # matches found afterwards, checked by hand


def _found(pair) -> bool:
    return similarity.similar(pair["indikator_a"], pair["indikator_b"])


def test_the_labelled_sample_is_large_enough_on_both_sides_of_the_threshold():
    scores = [float(p["skor"]) for p in JABATAN_SAMPLE]
    assert sum(s >= similarity.THRESHOLD for s in scores) == 11
    assert sum(s < similarity.THRESHOLD for s in scores) == 53
    assert sum(p["sama"] == "ya" for p in JABATAN_SAMPLE) == 20  # every pair judged alike on the seeds


def test_each_labelled_pair_is_scored_as_recorded():
    for pair in PAIRS:
        score = similarity.score(pair["indikator_a"], pair["indikator_b"])
        assert round(score, 1) == float(pair["skor"]), pair


def test_the_chosen_settings_classify_the_labelled_pairs_as_labelled_but_for_the_documented_misses():
    wrong = [p for p in PAIRS if _found(p) != (p["sama"] == "ya")]
    documented = [p for p in PAIRS if p["meleset"] == "ya"]
    assert wrong == documented


def _precision_recall(pairs) -> tuple[tuple[int, int], tuple[int, int]]:
    found = [p for p in pairs if _found(p)]
    alike = [p for p in pairs if p["sama"] == "ya"]
    right = [p for p in found if p["sama"] == "ya"]
    return (len(right), len(found)), (len(right), len(alike))


def test_precision_and_recall_are_those_docs_design_states():
    assert _precision_recall(JABATAN_SAMPLE) == ((10, 10), (10, 20))
    assert _precision_recall(BIDANG_SAMPLE)[0] == (21, 26)  # matches only: no recall measured there


def test_every_labelled_pair_is_in_the_seed_documents_under_the_position_or_field_named(real):
    rows = db.run_query(real, "daftar_indikator", **Filters().params(), cari="", mulai=0, baris=None)
    held = {
        "jabatan": set(zip(rows["jabatan_baku"], rows["kecamatan"], rows["indikator"], strict=True)),
        "bidang": set(zip(rows["bidang"], rows["kecamatan"], rows["indikator"], strict=True)),
    }
    for pair in PAIRS:
        assert (pair["dibandingkan"], pair["kecamatan_a"], pair["indikator_a"]) in held[pair["sampel"]], pair
        assert (pair["dibandingkan"], pair["kecamatan_b"], pair["indikator_b"]) in held[pair["sampel"]], pair
        assert pair["kecamatan_a"] != pair["kecamatan_b"]


@pytest.mark.parametrize(
    "text, words",
    [
        ("Jumlah peserta pembinaan perangkat desa", ("peserta", "pembinaan", "perangkat", "desa")),
        ("Persentase Sarana dan Prasarana Aparatur", ("sarana", "prasarana", "aparatur")),
        ("Jumlah fasilitasi rapat-rapat", ("fasilitasi", "rapat", "rapat")),
        ("Jumlah aparatur desa yang difasilitasi/dibina", ("aparatur", "desa", "difasilitasi", "dibina")),
        ("Jumlah", ()),
    ],
)
def test_words_are_lower_case_without_punctuation_or_filler(text, words):
    assert similarity.words(text) == words


def test_one_common_word_is_not_enough_unless_it_is_all_a_text_says():
    assert similarity.score("Persentase fasilitasi pengadaan BMD", "Jumlah fasilitasi rapat-rapat") > similarity.THRESHOLD
    assert not similarity.similar("Persentase fasilitasi pengadaan BMD", "Jumlah fasilitasi rapat-rapat")
    assert similarity.similar("Jumlah LHKPN", "Persentase LHKPN")
    assert not similarity.similar("Jumlah", "Jumlah")  # nothing said about what is counted


def _items(group: str, *texts: str) -> list[Item]:
    return [Item(f"{group.lower()}-{n}", group, text) for n, text in enumerate(texts, start=1)]


def test_an_indicator_matches_at_most_one_of_the_other_kecamatan_the_best_first():
    left = _items("A", "Jumlah draf kenaikan pangkat")
    right = _items("B", "Jumlah pengajuan kenaikan pangkat", "Jumlah kenaikan pangkat")
    [match] = match_between(left, right)
    assert (match.left.id, match.right.id, match.score) == ("a-1", "b-2", 100.0)


def test_the_best_pair_goes_first_and_the_other_takes_what_is_left():
    left = _items("A", "Jumlah drafs kenaikan pangkat", "Jumlah draf kenaikan pangkat")  # a-1 would take b-1 first in order
    right = _items("B", "Jumlah draf kenaikan pangkat", "Jumlah pengajuan kenaikan pangkat")
    matches = match_between(left, right)
    assert [(m.left.id, m.right.id, round(m.score, 1)) for m in matches] == [("a-2", "b-1", 100.0), ("a-1", "b-2", 84.2)]


def test_equal_scores_are_decided_by_id_whatever_the_input_order():
    left = _items("A", "Laporan keuangan")
    right = [Item("b-2", "B", "Laporan keuangan"), Item("b-1", "B", "Laporan keuangan")]
    assert [m.right.id for m in match_between(left, right)] == ["b-1"]
    assert [m.right.id for m in match_between(left, list(reversed(right)))] == ["b-1"]


def test_one_kecamatan_has_nothing_shared_even_over_several_years():
    years = [Item("w-2023", "Wonorejo", "Indeks Kepuasan Masyarakat"), Item("w-2024", "Wonorejo", "Indeks Kepuasan Masyarakat")]
    assert match_groups(years) == []


def test_several_years_of_a_kecamatan_match_another_kecamatan_once():
    items = [
        Item("w-2023", "Wonorejo", "Indeks Kepuasan Masyarakat"),
        Item("w-2024", "Wonorejo", "Indeks Kepuasan Masyarakat (IKM)"),
        Item("c-2024", "Cibereum", "Indeks Kepuasan Masyarakat"),
    ]
    assert [(m.left.id, m.right.id) for m in match_groups(items)] == [("c-2024", "w-2023")]


def test_nothing_matches_when_nothing_is_worded_alike():
    assert match_groups(_items("A", "Nilai SAKIP Kecamatan") + _items("B", "Indeks Kepuasan Masyarakat")) == []
    assert match_between([], _items("B", "Indeks Kepuasan Masyarakat")) == []


def test_matches_through_a_third_kecamatan_make_one_group():
    items = [
        Item("a", "A", "Jumlah laporan keuangan"),
        Item("b", "B", "Jumlah laporan keuangan bulanan"),
        Item("c", "C", "Laporan keuangan"),
        Item("d", "C", "Indeks Kepuasan Masyarakat"),
    ]
    matches = match_groups(items)
    assert similarity.clusters(matches) == [["a", "b", "c"]]
    partners = similarity.partners(matches)
    assert sorted(partners) == ["a", "b", "c"]
    assert [(other.id, score) for other, score in partners["a"]] == [("b", 100.0), ("c", 100.0)]


def test_a_cluster_is_led_by_the_wording_most_alike_the_others_when_as_many_kecamatan_use_each():
    """One kecamatan each: the plain 'laporan keuangan bulanan' holds every word the two others share
    (100 with each), while they differ by 'arsip' and 'desa' (90,6): it names the cluster, although
    'arsip …' comes first alphabetically."""
    texts = ["arsip laporan keuangan bulanan", "laporan keuangan bulanan", "laporan keuangan bulanan desa"]
    wordings = [similarity.Wording(similarity.normalise(t), frozenset([t]), 1) for t in texts]
    (found,) = similarity.cluster_wordings(wordings)
    assert found.members == ("laporan keuangan bulanan", "arsip laporan keuangan bulanan", "laporan keuangan bulanan desa")
    assert found.scores == (100.0, 100.0, 100.0)
    assert similarity.cluster_wordings(list(reversed(wordings))) == [found]
