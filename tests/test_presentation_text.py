"""Chart text: wrapped between words, and indicators written alike told apart."""

import pandas as pd
import pytest

from kinerja.presentation.text import distinct_names, wrap

LONG = "Persentase Fasilitasi Koordinasi Ketenteraman dan Ketertiban Umum di Wilayah Kecamatan Lumajang"


def test_short_text_is_left_alone():
    assert wrap("Jumlah surat keluar") == "Jumlah surat keluar"


def test_long_text_breaks_between_words_and_ends_with_an_ellipsis_after_a_whole_word():
    lines = wrap(LONG, width=30, lines=2).split("<br>")
    assert lines == ["Persentase Fasilitasi", "Koordinasi Ketenteraman dan…"]
    assert all(len(line) <= 30 for line in lines)
    words = set(LONG.split())
    assert all(word.rstrip("…") in words for line in lines for word in line.split())  # no word cut


@pytest.mark.parametrize("width, lines", [(20, 1), (30, 3), (48, 2), (200, 2)])
def test_every_line_fits(width, lines):
    wrapped = wrap(LONG, width=width, lines=lines).split("<br>")
    assert len(wrapped) <= lines and all(len(line) <= width for line in wrapped)


def test_indicators_written_alike_get_context_then_numbers():
    frame = pd.DataFrame(
        {
            "indikator": ["Persentase A", "Persentase A", "Jumlah B", "Jumlah B", "Jumlah B", "Unik"],
            "jabatan_baku": ["Kasi Pem", "Kasi Pem", "Pengadm", "Pengadm", "Pengadm", "Camat"],
            "sasaran": ["Terlaksananya X", "Terlaksananya Y", "Tersedianya Z", "Tersedianya Z", "Tersedianya Z", "S"],
        }
    )
    assert distinct_names(frame).tolist() == [
        "Persentase A · Kasi Pem · Terlaksananya X",
        "Persentase A · Kasi Pem · Terlaksananya Y",
        "Jumlah B · Pengadm · Tersedianya Z (1)",
        "Jumlah B · Pengadm · Tersedianya Z (2)",
        "Jumlah B · Pengadm · Tersedianya Z (3)",
        "Unik",
    ]


def test_indicators_need_be_told_apart_only_within_their_document():
    """The same indicator in two kecamatan (their rows say which) keeps its name; within one
    document, the second of a name gets its context, and a number when the context is alike too."""
    frame = pd.DataFrame(
        {
            "kabupaten": ["Malang", "Malang", "Malang", "Gunung Kidul", "Malang"],
            "kecamatan": ["Wonosari", "Dau", "Wonosari", "Wonosari", "Wonosari"],
            "tahun": [2024, 2024, 2024, 2024, 2023],
            "indikator": ["IKM", "IKM", "IKM", "IKM", "IKM"],
            "jabatan_baku": ["Camat", "Camat", "Camat", "Camat", "Camat"],
            "sasaran": ["S", "S", "S", "S", "S"],
        }
    )
    assert distinct_names(frame).tolist() == ["IKM · Camat · S (1)", "IKM", "IKM · Camat · S (2)", "IKM", "IKM"]


def test_names_that_wrapping_makes_alike_stay_apart():
    from kinerja.presentation.text import wrap_distinct

    names = pd.Series([f"{LONG} · Terlaksananya Program Ketentraman", f"{LONG} · Terlaksanya Program Penyelenggaraan"])
    assert wrap(names[0]) == wrap(names[1])  # two lines are not enough to tell them apart
    wrapped = wrap_distinct(names)
    assert len(set(wrapped)) == 2 and all(len(w.split("<br>")) == 3 for w in wrapped)
    same = wrap_distinct(pd.Series(["Jumlah surat", "Jumlah surat"]))
    assert same == ["Jumlah surat (1)", "Jumlah surat (2)"]


def test_without_a_line_limit_every_word_is_kept_and_a_long_word_stands_whole():
    wrapped = wrap(LONG, width=30, lines=None)
    assert wrapped.split("<br>") == [
        "Persentase Fasilitasi",
        "Koordinasi Ketenteraman dan",
        "Ketertiban Umum di Wilayah",
        "Kecamatan Lumajang",
    ]
    assert wrapped.replace("<br>", " ") == LONG
    assert wrap("Kesejahteraan Sosial", width=8, lines=None) == "Kesejahteraan<br>Sosial"  # longer than a line, not cut
