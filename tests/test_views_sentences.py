"""Takeaways stay true under every filter: one kecamatan, several, none matching, several years."""

import pytest

from kinerja import db
from kinerja.filters import Filters
from kinerja.presentation import views


@pytest.fixture(scope="module")
def real(real_data):
    return db.connect(real_data)


@pytest.fixture(scope="module")
def years(multi_year_data):
    return db.connect(multi_year_data)


def test_coverage_takeaway_describes_its_chart(real):
    assert views.cakupan(real, Filters()).pesan == (
        "Indikator terbanyak pada jabatan Pelaksana (145 dari 266), paling sedikit pada Camat (5)."
    )
    assert views.cakupan(real, Filters(kecamatan=("Bululawang",))).pesan == (
        "Indikator terbanyak pada jabatan Kepala Seksi (14 dari 35), paling sedikit pada Camat dan Sekretaris (3)."
    )
    assert views.cakupan(real, Filters(teks="pengadministrasi")).pesan == "Semua 61 indikator ada pada jabatan Pelaksana."


@pytest.mark.parametrize(
    "filters, ringkasan_fact, cakupan_fact",
    [
        (
            Filters(),
            "3 dari 4 kecamatan belum menetapkan target dalam dokumennya: Bululawang, Masama, Sangkapura.",
            "3 dari 4 kecamatan belum menetapkan target untuk jabatan pelaksana: Bululawang, Masama, Sangkapura.",
        ),
        (
            Filters(kecamatan=("Lumajang",)),
            "Lumajang menetapkan target dalam dokumennya.",
            "Lumajang menetapkan target untuk jabatan pelaksana.",
        ),
        (
            Filters(kecamatan=("Bululawang",)),
            "Bululawang belum menetapkan target dalam dokumennya.",
            "Bululawang belum menetapkan target untuk jabatan pelaksana.",
        ),
        (
            Filters(kecamatan=("Lumajang", "Masama")),
            "1 dari 2 kecamatan belum menetapkan target dalam dokumennya: Masama.",
            "1 dari 2 kecamatan belum menetapkan target untuk jabatan pelaksana: Masama.",
        ),
    ],
)
def test_target_facts_read_right_for_one_several_and_all(real, filters, ringkasan_fact, cakupan_fact):
    assert ringkasan_fact in views.ringkasan(real, filters).rincian
    assert cakupan_fact in views.cakupan(real, filters).rincian
    assert "0 dari" not in " ".join(views.ringkasan(real, filters).rincian)


def test_nothing_matching_gives_no_views_rather_than_empty_sentences(real):
    nothing = Filters(teks="jabatan yang tidak ada")
    assert views.ringkasan(real, nothing) is None and views.cakupan(real, nothing) is None
    assert views.kategori(real, nothing) is None and views.key_views(real, nothing) == []


def test_several_years_count_kecamatan_not_documents(years):
    view = views.ringkasan(years, Filters())
    assert dict(view.angka)["Kecamatan"] == "2"
    assert view.rincian[0] == "16 indikator dari 9 jabatan di 2 kecamatan (3 dokumen)."  # Wonorejo 5 twice + Cibereum 6
    assert view.rincian[1] == "1 dari 2 kecamatan belum menetapkan target dalam dokumennya: Cibereum."
    assert sorted(set(view.figure.data[0].x)) == ["Cibereum", "Wonorejo 2023", "Wonorejo 2024"]  # a bar per document
    one_year = views.ringkasan(years, Filters(tahun=(2024,)))
    assert one_year.rincian[0] == "11 indikator dari 6 jabatan di 2 kecamatan."
    assert sorted(set(one_year.figure.data[0].x)) == ["Cibereum", "Wonorejo"]
