"""Splitting words OCR glued together (kinerja/ingest/words.py), with the vocabulary Sangkapura's
document is read with: the shipped documents' words and the hunspell-id word list."""

import pytest

from kinerja.ingest import parse_text, words
from tests.conftest import LUMAJANG, SANGKAPURA

needs_word_list = pytest.mark.skipif(
    not words.dictionary_available(), reason=f"hunspell-id is not installed ({words.INSTALL_HINT})"
)


@pytest.fixture(scope="module")
def vocabulary():
    return words.vocabulary_for(SANGKAPURA.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def documents_only():
    counts = words.shipped_counts().most_of(words.WordCounts.of(SANGKAPURA.read_text(encoding="utf-8")))
    return words.Vocabulary(counts, frozenset())  # neither the list nor its excerpt


def _split(vocabulary, token: str) -> str | None:
    found = vocabulary.split(token)
    return found.text if found else None


@pytest.mark.parametrize(
    "token, expected",
    [
        ("barangcetakandan", "barang cetakan dan"),
        ("DanaDesadicairkandalamdua", "Dana Desa dicairkan dalam dua"),  # 'dicairkan' is Bululawang's
        ("Tupoksiyang", "Tupoksi yang"),  # 'Tupoksi' is the document's own
        ("RekapjumlahPKMBulogJATIM", "Rekap jumlah PKM Bulog JATIM"),  # capitals show where words end
        ("SPPadalah", "SPP adalah"),
        ("3rekeningdanjasa", "3 rekening dan jasa"),
        ("danasosial", "dana sosial"),  # not 'dan asosial': the least known word decides
        ("diwilayah", "di wilayah"),  # the documents write 'di wilayah' apart
        ("desayangdimonev", "desa yang dimonev"),  # never 'di monev': a prefix, not a preposition
        ("Koordinasidengan", "Koordinasi dengan"),  # a capitalised word with a joining word is not a name
    ],
)
@needs_word_list
def test_glued_words_are_split_into_known_words(vocabulary, token, expected):
    assert _split(vocabulary, token) == expected


@pytest.mark.parametrize(
    "token",
    [
        "dibina", "diseleksi", "penyusunan", "kepada", "sekecamatan",  # words: documents or word list
        "ditindaklanjuti",  # di- tindaklanjut -i from the list, though Masama writes 'ditindak lanjuti'
        "2019", "5.239", "SP2D", "DPA-SKPD", "LKjIP", "e-KTP",  # numbers and abbreviations
        "Sangkapura", "Tanjungsari", "Bululawang", "RKPDesa", "BUMDes",  # names: 'sangka pura', 'RKP Desa'
        "akuntabel", "mendukung", "kelengkapan",  # the list's rare stems ('akun tabel') never cut a word
        "perolehandesadari",  # 'perolehan' is in no source: left as written
    ],
)  # fmt: skip
@needs_word_list
def test_words_numbers_abbreviations_and_names_stay_whole(vocabulary, token):
    assert vocabulary.split(token) is None


def test_without_the_word_list_the_documents_words_still_split(documents_only):
    assert _split(documents_only, "barangcetakandan") == "barang cetakan dan"
    assert _split(documents_only, "DanaDesadicairkandalamdua") == "Dana Desa dicairkan dalam dua"
    assert documents_only.split("Jumlahfasilitasirekeninglistrik") is None  # 'rekening' only in the list
    assert documents_only.split("Sangkapura") is None


def test_a_shipped_document_reads_the_same_without_the_word_list(monkeypatch, tmp_path):
    installed = parse_text(SANGKAPURA.read_text(encoding="utf-8"))
    monkeypatch.setattr(words, "DICTIONARY", tmp_path / "id_ID.dic")
    assert parse_text(SANGKAPURA.read_text(encoding="utf-8")) == installed  # the excerpt in data/config


@needs_word_list
def test_the_excerpt_in_data_config_is_the_one_data_raw_gives():
    # after data/raw changes: python -m kinerja.ingest
    shipped = words.excerpt_of(words.shipped_texts(), words.dictionary_words())
    assert sorted(words.excerpt_words()) == shipped
    assert {"rekening", "terima", "perilaku", "tambah"} <= words.excerpt_words()  # Sangkapura's glued words need them


def test_the_shipped_words_in_data_config_are_those_data_raw_gives():
    # after the shipped documents change: python -m kinerja.ingest
    assert words.shipped_counts() == words.counts_of_texts(words.shipped_texts())
    assert words.shipped_counts().words["jumlah"] > 0


def test_a_shipped_document_read_again_gets_the_vocabulary_of_data_raw():
    # its Word or PDF version, parsed, counts its words once: the same splits as from data/raw
    for seed in (SANGKAPURA, LUMAJANG):
        assert words.vocabulary_for(seed.read_text(encoding="utf-8")).counts == words.shipped_counts()


def test_a_line_keeps_everything_but_the_glued_words(vocabulary):
    line, splits = words.split_glued("Jumlahbarangcetakandan Barang cetakan berupa DPA-SKPD |", vocabulary)
    assert line == "Jumlah barang cetakan dan Barang cetakan berupa DPA-SKPD |"
    assert [(s.original, s.text) for s in splits] == [("Jumlahbarangcetakandan", "Jumlah barang cetakan dan")]
