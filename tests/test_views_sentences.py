"""Takeaways stay true under every filter: one kecamatan, several, none matching, several years."""

import pandas as pd
import pytest

from kinerja.filters import Filters
from kinerja.presentation import views


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


# --- Perbandingan kecamatan: shared indicators found by wording (kinerja/similarity.py) ---------------
# Pairs read in data/raw: Bululawang's "draf" and Sangkapura's "pengajuan" of a promotion or salary step
# are the same papers (Sangkapura: "Pengajuan 6 bulan sebelum TMT kenaikan pangkat"); Sangkapura's
# coaching of 68 village officials is Bululawang's "Pembinaan perangkat desa", and Masama's officials
# "difasilitasi/dibina" are Sangkapura's "aparatur pemerintah desa yang dibina".


def _compare(con, filters: Filters | None = None, **choice):
    return views.perbandingan(con, filters or Filters(), **choice)


def _shared(view) -> dict[tuple[str, str], list[str]]:
    rows = view.rows[view.rows["status"] == "bersama"]
    return dict(zip(zip(rows["kecamatan"], rows["indikator"], strict=True), rows["padanan"], strict=True))


def test_perbandingan_finds_the_same_papers_under_other_words(real):
    view = _compare(real, jabatan="Pengadministrasi Kepegawaian")
    assert view.pesan == (
        "Pengadministrasi Kepegawaian: 14 indikator di 2 kecamatan; 4 di antaranya juga diukur kecamatan lain "
        "dengan rumusan mirip (2 kelompok indikator bersama)."
    )
    assert _shared(view) == {
        ("Bululawang", "Jumlah draf kenaikan pangkat"): ["Sangkapura: Jumlah pengajuan kenaikan pangkat (86,5%)"],
        ("Bululawang", "Jumlah draf kenaikan gaji berkala"): ["Sangkapura: Jumlah pengajuan kenaikan gaiji berkala (76,2%)"],
        ("Sangkapura", "Jumlah pengajuan kenaikan pangkat"): ["Bululawang: Jumlah draf kenaikan pangkat (86,5%)"],
        ("Sangkapura", "Jumlah pengajuan kenaikan gaiji berkala"): ["Bululawang: Jumlah draf kenaikan gaji berkala (76,2%)"],
    }
    assert view.rows["status"].value_counts().to_dict() == {"khas": 10, "bersama": 4}


def test_perbandingan_lists_an_indicator_once_per_kecamatan_and_pairs_across_four(real):
    view = _compare(real, jabatan="Kepala Seksi Pemerintahan")
    assert view.pesan == (
        "Kepala Seksi Pemerintahan: 12 indikator di 4 kecamatan; 4 di antaranya juga diukur kecamatan lain "
        "dengan rumusan mirip (2 kelompok indikator bersama)."
    )  # 13 rows: Lumajang states "Persentase Fasilitasi Koordinasi Ketenteraman dan Ketertiban Umum" twice
    twice = view.rows[view.rows["tercantum"] > 1]
    assert list(zip(twice["kecamatan"], twice["indikator"], twice["tercantum"], strict=True)) == [
        ("Lumajang", "Persentase Fasilitasi Koordinasi Ketenteraman dan Ketertiban Umum", 2)
    ]
    assert _shared(view) == {
        ("Bululawang", "Pembinaan perangkat desa"): ["Sangkapura: Jumlah peserta pembinaan perangkat desa (100,0%)"],
        ("Masama", "Jumlah aparatur desa yang difasilitasi/dibina terkait administrasi pemerintahan desa"): [
            "Sangkapura: Jumlah aparatur pemerintah desa yang dibina (78,4%)"
        ],
        ("Sangkapura", "Jumlah aparatur pemerintah desa yang dibina"): [
            "Masama: Jumlah aparatur desa yang difasilitasi/dibina terkait administrasi pemerintahan desa (78,4%)"
        ],
        ("Sangkapura", "Jumlah peserta pembinaan perangkat desa"): ["Bululawang: Pembinaan perangkat desa (100,0%)"],
    }
    table = view.tabel.set_index("Indikator")
    assert table.loc["Pembinaan perangkat desa", "Bersama / khas"] == "bersama"
    assert table.loc["Pembinaan perangkat desa", "Padanan di kecamatan lain (kemiripan rumusan)"] == (
        "Sangkapura: Jumlah peserta pembinaan perangkat desa (100,0%)"
    )
    assert table.loc["Persentase Desa yang menetapkan APBDes Tepat Waktu", "Padanan di kecamatan lain (kemiripan rumusan)"] == ""


def test_compared_kecamatan_have_a_colour_each_or_none_when_the_palette_would_repeat(real, many):
    from kinerja.presentation import charts

    four = _compare(real, jabatan="Kepala Seksi Pemerintahan")
    colours = four.rows.drop_duplicates("kecamatan").set_index("kecamatan")["warna"]
    assert colours.to_dict() == dict(zip(["Bululawang", "Lumajang", "Masama", "Sangkapura"], charts.PALETTE, strict=False))
    masama = _compare(real, Filters(kecamatan=("Masama", "Sangkapura")), jabatan="Kepala Seksi Pemerintahan")
    assert set(masama.rows["warna"]) == set(charts.PALETTE[:2])  # colours of the two compared, not of the dataset
    twenty = _compare(many, Filters(kabupaten=("Kab A",)), jabatan="Camat")  # 20 kecamatan, 8 colours
    assert twenty.rows["kecamatan"].nunique() == 20 and twenty.rows["warna"].isna().all()
    assert set(twenty.figure.data[0].marker.color) == {charts.PALETTE[0]}  # one colour, each bar named


def test_perbandingan_never_lists_an_indicator_twice_for_one_kecamatan(real):
    choices = views.jabatan_pilihan(real, Filters())
    for choice in [{"jabatan": j} for j in choices["jabatan_baku"]] + [{"bidang": b} for b in set(choices["bidang"])]:
        rows = _compare(real, **choice).rows
        wording = rows.assign(rumusan=rows["indikator"].str.lower().str.strip())
        assert not wording.duplicated(["kecamatan", "rumusan"]).any(), choice
    masama = _compare(real, jabatan="Pengadministrasi Pemerintahan").rows.query("kecamatan == 'Masama'")
    once = [("Jumlah Bahan/Data administrasi pemerintahan", 3)]  # three holders of the position state it
    assert list(zip(masama["indikator"], masama["tercantum"], strict=True)) == once


def test_perbandingan_says_when_nothing_is_shared(real):
    view = _compare(real, jabatan="Camat")
    assert view.pesan == "Camat: 5 indikator di 2 kecamatan; tidak ada yang juga diukur kecamatan lain dengan rumusan mirip."
    assert set(view.rows["status"]) == {"khas"} and set(view.tabel["Padanan di kecamatan lain (kemiripan rumusan)"]) == {""}


def test_perbandingan_of_one_kecamatan_compares_with_nobody(real, years):
    one = _compare(real, Filters(kecamatan=("Sangkapura",)), jabatan="Pengadministrasi Kepegawaian")
    assert one.pesan == (
        "Pengadministrasi Kepegawaian: 11 indikator, hanya di Sangkapura; tidak ada kecamatan lain untuk dibandingkan."
    )
    assert set(one.rows["status"]) == {"khas"}
    two_years = _compare(years, Filters(kecamatan=("Wonorejo",)), jabatan="Camat")  # 2023 and 2024 say the same
    assert two_years.pesan == "Camat: 1 indikator, hanya di Wonorejo (2 dokumen); tidak ada kecamatan lain untuk dibandingkan."
    assert two_years.tabel[["Tahun", "Tercantum (baris)", "Bersama / khas"]].values.tolist() == [["2023, 2024", 2, "khas"]]


def test_perbandingan_over_several_years_counts_kecamatan_and_documents(years):
    view = _compare(years, jabatan="Camat")
    assert view.pesan == (
        "Camat: 2 indikator di 2 kecamatan (3 dokumen); tidak ada yang juga diukur kecamatan lain dengan rumusan mirip."
    )


def test_more_kecamatan_than_a_chart_can_name_are_summed_per_kabupaten(many):
    view = views.ringkasan(many, Filters())
    assert view.judul == "Indikator per kabupaten/kota"
    assert view.tabel["Kabupaten/kota"].tolist() == ["Kab A", "Kab B"]
    assert view.tabel["Kecamatan"].tolist() == [20, 12]  # the two Sukamaju are two kecamatan
    assert view.tabel["Indikator"].tolist() == [20 * 5, 12 * 6]
    assert list(view.figure.data[0].y) == ["Kab A", "Kab B"]  # a row per kabupaten: dozens of names read across
    assert view.figure.data[0].orientation == "h"
    assert list(view.figure.data[0].x) == [20 * 1, 12 * 4]  # terukur: Wonorejo's 1 and Cibereum's 4 per kecamatan
    assert view.figure.layout.yaxis.title.text == "Kabupaten/kota"
    assert dict(view.angka)["Kecamatan"] == "32"
    lacking = "12 dari 32 kecamatan belum menetapkan target dalam dokumennya: Desa B01, Desa B02, Desa B03, "
    lacking += "Desa B04, Desa B05, Desa B06, Desa B07, Desa B08, Desa B09, Desa B10, dan 2 lainnya."
    assert lacking in view.rincian
    # Wonorejo's targets: 3 of its 5 indicators, in Kab A's 20 kecamatan; entered targets are counted elsewhere
    entered = "Target vs realisasi"
    assert f"60 indikator sudah bertarget dalam dokumennya (target yang diisi petugas tampil di {entered})." in view.rincian
    one = views.ringkasan(many, Filters(kabupaten=("Kab B",)))  # 12 kecamatan: named one by one again
    assert one.judul == "Indikator per kecamatan" and len(one.tabel) == 12


def test_beyond_as_many_kabupaten_the_summary_is_per_provinsi():
    from kinerja.vocab import MAX_PLACES

    assert views.summary_level({"kecamatan": MAX_PLACES, "kabupaten": 2, "provinsi": 1}) == "kecamatan"
    assert views.summary_level({"kecamatan": MAX_PLACES + 1, "kabupaten": MAX_PLACES, "provinsi": 2}) == "kabupaten"
    assert views.summary_level({"kecamatan": 7000, "kabupaten": MAX_PLACES + 1, "provinsi": 38}) == "provinsi"
    # Never summed into one place: a regency's 33 kecamatan are named, as are one provinsi's 38 kabupaten/kota.
    assert views.summary_level({"kecamatan": 33, "kabupaten": 1, "provinsi": 1}) == "kecamatan"
    assert views.summary_level({"kecamatan": 666, "kabupaten": 38, "provinsi": 1}) == "kabupaten"


def test_coverage_is_summed_per_kabupaten_too_and_its_cells_wait_for_a_narrower_scope(many):
    view = views.cakupan(many, Filters())
    assert view.tabel.columns[0] == "Kabupaten/kota"
    assert view.figure.layout.title.text.startswith("Indikator per kabupaten/kota dan jenis jabatan")
    assert list(view.figure.data[0].y) == ["Kab A", "Kab B"]
    # Neither document gives its pelaksana a target, so no kecamatan of either kabupaten does.
    assert "2 dari 2 kabupaten/kota belum punya kecamatan yang menetapkan target untuk jabatan pelaksana: Kab A, Kab B." in (
        view.rincian
    )
    assert view.rows["tingkat"].iloc[0] == "kabupaten"
    narrow = views.cakupan(many, Filters(kabupaten=("Kab B",)))
    assert narrow.tabel.columns[0] == "Kecamatan" and narrow.rows["tingkat"].iloc[0] == "kecamatan"
    assert views.cakupan_bidang(many, Filters()).tabel.columns[0] == "Kabupaten/kota"


def test_capaian_beyond_a_chart_of_kecamatan_is_summed_per_kabupaten_and_its_lines_per_kabupaten_and_year(many):
    from kinerja.capaian import assembly
    from kinerja.presentation.views import SUMMED

    rows = assembly.indicators(many, Filters())
    aimed = rows[rows["target"].notna()]  # Wonorejo's targets, in Kab A's 20 kecamatan; Cibereum states none
    assert set(aimed["kabupaten"]) == {"Kab A"} and len(aimed) % 20 == 0
    met = pd.DataFrame({"indikator_id": aimed["indikator_id"], "kolom": "tw4", "nilai": aimed["target"].astype(str)})
    state = assembly.assemble(many, Filters(), use_example=False, stored=met, detached=met.head(0))
    view = views.capaian(state)
    assert view.figure.layout.title.text.startswith("Predikat capaian per kabupaten/kota")
    bars: dict[str, int] = {}
    for trace in view.figure.data:
        if trace.type == "bar":
            for name, count in zip(trace.y, trace.x, strict=True):
                bars[name] = bars.get(name, 0) + count
    assert bars == {"Kab A": 20 * 5, "Kab B": 12 * 6}  # every indicator once, in its kabupaten's bar
    assert SUMMED.format(noun="kabupaten/kota") in view.rincian
    assert dict(view.angka)["Median capaian"] == "100,0%"  # realisation equal to target, wherever rated
    progress = views.progres_triwulan(state, {})  # 20 documents with a target: too many lines, one per kabupaten
    assert progress.pesan == "Sampai TW IV, median capaian kecamatan di Kab A tahun 2024: 100,0%."
    assert list(progress.tabel.columns[:2]) == ["Kabupaten/kota", "Tahun"]
    places = state.kecamatan_for_detail()
    assert {"Sukamaju (Kab A)", "Sukamaju (Kab B)"} <= set(places) and "Sukamaju" not in places
    assert len(state.of_place("Sukamaju (Kab A)")) == 5 and len(state.of_place("Sukamaju (Kab B)")) == 6
    narrow = assembly.assemble(many, Filters(kabupaten=("Kab B",)), use_example=False, stored=met, detached=met.head(0))
    assert views.capaian(narrow).figure.layout.title.text.startswith("Predikat capaian per kecamatan")
    assert views.capaian(narrow).rincian == [] and views.progres_triwulan(narrow, {}) is None  # no target, no line


def test_quarterly_lines_summed_over_places_read_as_years_of_those_places(tmp_path):
    """Eleven provinsi of one kabupaten with two kecamatan each, Wonorejo's document in 2023 and 2024:
    44 documents with targets, too many lines per kecamatan, kabupaten/kota or provinsi. Realisation
    reaches the target in 2023 and half of it in 2024."""
    from kinerja import db
    from kinerja.build import Source, build_dataset, write_tables
    from kinerja.capaian import assembly
    from tests.conftest import FIXTURES

    wonorejo = FIXTURES / "iki_wonorejo_numbered.txt"
    sources = [
        Source(wonorejo, f"Desa {n:02d}{half}", f"Kab {n:02d}", f"Prov {n:02d}", year)
        for n in range(1, 12)
        for half in "ab"
        for year in (2023, 2024)
    ]
    built = build_dataset(sources, corrections=[])
    write_tables({"indikator": built.indikator, "jabatan": built.jabatan, "dokumen": built.dokumen}, tmp_path / "n")
    con = db.connect(tmp_path / "n")
    aimed = assembly.indicators(con, Filters()).query("target.notna()")
    reached = aimed["target"].where(aimed["tahun"] == 2023, aimed["target"] / 2)
    met = pd.DataFrame({"indikator_id": aimed["indikator_id"], "kolom": "tw4", "nilai": reached.astype(str)})

    def said(filters: Filters) -> str:
        state = assembly.assemble(con, filters, use_example=False, stored=met, detached=met.head(0))
        return views.progres_triwulan(state, {}).pesan

    assert said(Filters()) == (
        "Sampai TW IV, median capaian semua kecamatan tertinggi pada tahun 2023 (100,0%), terendah pada tahun 2024 (50,0%)."
    )
    assert said(Filters(tahun=(2024,))) == "Sampai TW IV, median capaian semua kecamatan tahun 2024: 50,0%."
    three = Filters(provinsi=("Prov 01", "Prov 02", "Prov 03"))  # 12 documents, 6 lines of a kabupaten and a year
    assert said(three) == (
        "Sampai TW IV, median capaian tertinggi di Kab 01 tahun 2023 (100,0%), terendah di Kab 03 tahun 2024 (50,0%), "
        "membandingkan dokumen tahun 2023 dan 2024."
    )


def test_a_regency_with_more_documents_than_a_chart_can_name_draws_a_bar_per_kecamatan(tmp_path):
    """One kabupaten of 8 kecamatan with 4 years each: 32 documents, named per kecamatan, never summed into one bar."""
    from kinerja import db
    from kinerja.build import Source, build_dataset, write_tables
    from kinerja.capaian import assembly
    from tests.conftest import FIXTURES

    names = [f"Desa {n}" for n in range(1, 9)]
    wonorejo = FIXTURES / "iki_wonorejo_numbered.txt"
    sources = [Source(wonorejo, k, "Kab A", "Prov Satu", y) for k in names for y in range(2021, 2025)]
    built = build_dataset(sources, corrections=[])
    write_tables({"indikator": built.indikator, "jabatan": built.jabatan, "dokumen": built.dokumen}, tmp_path / "n")
    con = db.connect(tmp_path / "n")
    empty = pd.DataFrame(columns=["indikator_id", "kolom", "nilai"])
    state = assembly.assemble(con, Filters(), use_example=False, stored=empty, detached=empty)
    view = views.capaian(state)
    assert view.figure.layout.title.text.startswith("Predikat capaian per kecamatan") and view.rincian == []
    assert sorted(view.figure.data[0].y) == names  # 8 bars of 4 documents each, not 32 bars nor one "Kab A"
    assert list(view.figure.data[0].x) == [4 * 5] * 8  # Wonorejo's 5 indicators a year, none rated
    two_years = assembly.assemble(con, Filters(tahun=(2023, 2024)), use_example=False, stored=empty, detached=empty)
    assert len(views.capaian(two_years).figure.data[0].y) == 16  # 16 documents: a bar each ("Desa 1 2023", …)


def test_ringkasan_of_a_regency_beyond_thirty_documents_names_each_kecamatan_with_its_years_together(tmp_path):
    """Desa 1–8 of Kab A with Wonorejo's document (5 indicators, 1 terukur) for 2021–2024, and a Desa 1 of
    Kab B with Cibereum's (6 indicators, 4 terukur) for 2024: 33 documents of 9 kecamatan."""
    from kinerja import db
    from kinerja.build import Source, build_dataset, write_tables
    from tests.conftest import FIXTURES

    names = [f"Desa {n}" for n in range(1, 9)]
    wonorejo = FIXTURES / "iki_wonorejo_numbered.txt"
    sources = [Source(wonorejo, k, "Kab A", "Prov Satu", y) for k in names for y in range(2021, 2025)]
    sources.append(Source(FIXTURES / "iki_cibereum_markdown.txt", "Desa 1", "Kab B", "Prov Satu", 2024))
    built = build_dataset(sources, corrections=[])
    write_tables({"indikator": built.indikator, "jabatan": built.jabatan, "dokumen": built.dokumen}, tmp_path / "n")
    con = db.connect(tmp_path / "n")

    view = views.ringkasan(con, Filters())
    assert view.judul == "Indikator per kecamatan"
    assert view.pesan == "36 dari 166 indikator (22%) punya formula yang menghitung capaian."  # 32 × 1 + 4 of 32 × 5 + 6
    assert views.years_together(33) in view.rincian
    assert view.rincian[0] == "166 indikator dari 99 jabatan di 9 kecamatan (33 dokumen)."  # 3 positions each
    bars = dict(zip(view.figure.data[-1].y, view.figure.data[-1].x, strict=True))  # the totals at the bars' ends
    assert bars == {"Desa 1 (Kab A)": 20, "Desa 1 (Kab B)": 6, **{k: 20 for k in names[1:]}}  # 9 bars, not 33
    assert all(bar.orientation == "h" for bar in view.figure.data if bar.type == "bar")
    assert view.tabel.columns[:3].tolist() == ["Kecamatan", "Dokumen", "Jumlah jabatan"]
    assert view.tabel["Dokumen"].tolist() == [4, 1, 4, 4, 4, 4, 4, 4, 4]
    one_year = views.ringkasan(con, Filters(tahun=(2024,)))  # 9 documents: a bar each, no year needed
    assert sorted(one_year.figure.data[-1].y) == ["Desa 1 (Kab A)", "Desa 1 (Kab B)", *names[1:]]
    assert not any("menjumlahkan" in fact for fact in one_year.rincian)
    two_years = views.ringkasan(con, Filters(kabupaten=("Kab A",), tahun=(2023, 2024)))  # 16 documents
    assert sorted(two_years.figure.data[-1].y)[:2] == ["Desa 1 2023", "Desa 1 2024"]
    assert two_years.tabel.columns[:2].tolist() == ["Kecamatan", "Tahun"] and len(two_years.tabel) == 16


# --- Kategori, Perbandingan and Cakupan at any scale ------------------------------------------------
# `many`: Kab A's 20 kecamatan (Sukamaju, Desa A01–A19) with Wonorejo's document (5 indicators, 1 terukur:
# the IKM), Kab B's 12 (Sukamaju, Desa B01–B11) with Cibereum's (6 indicators, 4 terukur). `provinces`:
# 31 kabupaten of one kecamatan, Prov Satu's 16 with Wonorejo's document, Prov Dua's 15 with Cibereum's.
DESA_B = tuple(f"Desa B{n:02d}" for n in range(1, 12))


def test_kategori_sums_per_kabupaten_above_as_many_kecamatan_as_a_chart_names(many):
    view = views.kategori(many, Filters())
    assert view.figure.layout.title.text == "Campuran kategori formula per kabupaten/kota"
    assert view.tabel.columns.tolist() == ["Kabupaten/kota", "Kategori formula", "Indikator", "% indikator"]
    kab_b = view.tabel[view.tabel["Kabupaten/kota"] == "Kab B"]
    assert dict(zip(kab_b["Kategori formula"], kab_b["Indikator"], strict=True)) == {
        "Indeks / Survei": 12,
        "Jumlah": 24,
        "Komposit": 12,
        "Persentase": 12,
        "Rasio": 12,
    }  # fmt: skip  (Cibereum's six, twelve times)
    assert view.pesan == "Porsi indikator terukur tertinggi di Kab B (67%), terendah di Kab A (20%)."
    assert view.rincian == [
        "68 dari 172 indikator (40%) dapat dihitung capaiannya (persentase, rasio, indeks / survei, komposit, "
        "perubahan); sisanya hitungan, uraian, atau tanpa formula.",  # 20 × 1 + 12 × 4 of 20 × 5 + 12 × 6
        "Grafik dan tabel menjumlahkan per kabupaten/kota: 32 kecamatan terlalu banyak untuk disebut satu per satu.",
    ]
    assert list(view.figure.layout.yaxis.categoryarray) == ["Kab A", "Kab B"]  # a row each, read across
    assert all(bar.orientation == "h" for bar in view.figure.data)
    assert "Kabupaten/kota %{customdata[0]}" in view.figure.data[0].hovertemplate
    one = views.kategori(many, Filters(kabupaten=("Kab B",)))  # 12 kecamatan: named one by one again
    assert one.tabel.columns[0] == "Kecamatan" and one.figure.layout.title.text.endswith("per kecamatan")
    assert one.pesan == "Porsi indikator terukur sama di semua kecamatan: 67%."


def test_kategori_sums_per_provinsi_above_as_many_kabupaten(provinces):
    view = views.kategori(provinces, Filters())
    assert view.figure.layout.title.text == "Campuran kategori formula per provinsi"
    assert sorted(set(view.tabel["Provinsi"])) == ["Prov Dua", "Prov Satu"]
    assert view.pesan == "Porsi indikator terukur tertinggi di Prov Dua (67%), terendah di Prov Satu (20%)."
    summed = "Grafik dan tabel menjumlahkan per provinsi: 31 kecamatan terlalu banyak untuk disebut satu per satu."
    assert view.rincian[1] == summed
    one = views.kategori(provinces, Filters(provinsi=("Prov Dua",)))  # 15 kecamatan
    assert one.tabel.columns[0] == "Kecamatan" and len(set(one.tabel["Kecamatan"])) == 15


def test_kategori_keeps_kecamatan_of_one_name_apart_and_names_at_most_three_tied_in_its_takeaway(many):
    both = views.kategori(many, Filters(kecamatan=("Sukamaju",)))  # one name, two kabupaten
    assert sorted(set(both.tabel["Kecamatan"])) == ["Sukamaju (Kab A)", "Sukamaju (Kab B)"]
    assert both.pesan == "Porsi indikator terukur tertinggi di Sukamaju (Kab B) (67%), terendah di Sukamaju (Kab A) (20%)."
    eleven = views.kategori(many, Filters(kecamatan=(*DESA_B, "Desa A01")))  # eleven tie at the top
    assert eleven.pesan == (
        "Porsi indikator terukur tertinggi di Desa B01, Desa B02, Desa B03, dan 8 lainnya (67%), terendah di Desa A01 (20%)."
    )
    assert views.kategori(many, Filters(kecamatan=("Desa A01",))).pesan == "20% indikator Desa A01 dapat diukur capaiannya."


def test_kategori_per_jenis_takeaway_is_unchanged_by_scale(many):
    view = views.kategori_jenis(many, Filters())
    # camat: 20 IKM + 12 SAKIP, all terukur; kepala_subbagian: Wonorejo's three without formula
    assert view.pesan == "Porsi indikator terukur tertinggi pada Camat (100%), terendah pada Kepala Sub Bagian (0%)."
    assert view.tabel.columns.tolist() == ["Jenis jabatan", "Kategori formula", "Indikator", "% indikator"]


def test_contoh_kategori_names_the_kabupaten_of_each_example(many):
    view = views.contoh_kategori(many, Filters())
    indeks = view.rows[view.rows["kategori_formula"] == "indeks"]
    # Kecamatan in name order, Desa A01 first; Sukamaju of Kab A and of Kab B are two kecamatan.
    assert list(zip(indeks["kecamatan"], indeks["kabupaten"], strict=True)) == [
        ("Desa A01", "Kab A"), ("Desa A02", "Kab A"), ("Desa A03", "Kab A"),
    ]  # fmt: skip
    assert "Kabupaten/kota" in view.tabel.columns


def test_perbandingan_of_more_kecamatan_than_fit_side_by_side_sums_per_kabupaten(many):
    view = _compare(many, jabatan="Camat")
    assert view.key == "perbandingan_wilayah"
    assert view.pesan == "Camat: 32 indikator di 32 kecamatan di 2 kabupaten/kota."
    assert view.tabel.values.tolist() == [
        ["Kab A", 20, 20, 20, 1.0, 1],  # every Kab A kecamatan's camat: the IKM
        ["Kab B", 12, 12, 12, 1.0, 1],  # every Kab B kecamatan's camat: the SAKIP
    ]
    assert view.tabel.columns.tolist() == [
        "Kabupaten/kota", "Kecamatan", "Dokumen", "Indikator", "Indikator per dokumen", "Rumusan berbeda",
    ]  # fmt: skip
    assert view.figure.layout.title.text == "Kecamatan dengan jabatan Camat, per kabupaten/kota"
    assert list(view.figure.data[0].y) == ["Kab A", "Kab B"] and list(view.figure.data[0].x) == [20, 12]
    assert view.rincian == [
        "Grafik dan tabel menjumlahkan per kabupaten/kota: 32 kecamatan terlalu banyak untuk dibandingkan berdampingan."
    ]
    wordings = views.rumusan_umum(many, Filters(), jabatan="Camat")
    assert wordings.pesan == "Camat: 2 rumusan indikator berbeda. Paling sering: “Indeks Kepuasan Masyarakat”, di 20 kecamatan."
    assert wordings.tabel.values.tolist() == [["Indeks Kepuasan Masyarakat", 20, 1, 20], ["Nilai SAKIP Kecamatan", 12, 1, 12]]
    by_bidang = _compare(many, bidang="pimpinan")
    assert by_bidang.figure.layout.title.text == "Kecamatan dengan indikator bidang Pimpinan, per kabupaten/kota"
    narrow = _compare(many, Filters(kabupaten=("Kab B",)), jabatan="Camat")  # 12 kecamatan: side by side again
    assert narrow.key == "perbandingan" and narrow.pesan == (
        "Camat: 12 indikator di 12 kecamatan; 12 di antaranya juga diukur kecamatan lain dengan rumusan mirip "
        "(1 kelompok indikator bersama)."
    )
    # Each SAKIP has eleven counterparts: three named, in kecamatan order, the rest counted.
    assert _shared(narrow)[("Desa B01", "Nilai SAKIP Kecamatan")] == [
        "Desa B02: Nilai SAKIP Kecamatan (100,0%)",
        "Desa B03: Nilai SAKIP Kecamatan (100,0%)",
        "Desa B04: Nilai SAKIP Kecamatan (100,0%)",
        "dan 8 kecamatan lain",
    ]
    assert narrow.figure.data[0].orientation == "h"  # twelve bars: a row each


def test_perbandingan_sums_per_provinsi_above_as_many_kabupaten(provinces):
    view = _compare(provinces, jabatan="Camat")
    assert view.key == "perbandingan_wilayah" and view.tabel.columns[0] == "Provinsi"
    assert view.tabel[["Provinsi", "Kecamatan"]].values.tolist() == [["Prov Dua", 15], ["Prov Satu", 16]]
    assert view.pesan == "Camat: 31 indikator di 31 kecamatan di 2 provinsi."
    # The most used of the wordings, and the place-names of one provinsi side by side again.
    assert views.rumusan_umum(provinces, Filters(), jabatan="Camat").tabel.iloc[0].tolist() == [
        "Indeks Kepuasan Masyarakat", 16, 16, 16,
    ]  # fmt: skip
    assert _compare(provinces, Filters(provinsi=("Prov Dua",)), jabatan="Camat").key == "perbandingan"


def test_perbandingan_keeps_kecamatan_of_one_name_apart(many):
    view = _compare(many, Filters(kecamatan=("Sukamaju",)), jabatan="Camat")
    assert view.pesan == "Camat: 2 indikator di 2 kecamatan; tidak ada yang juga diukur kecamatan lain dengan rumusan mirip."
    assert view.tabel["Kecamatan"].tolist() == ["Sukamaju (Kab A)", "Sukamaju (Kab B)"]
    assert list(view.figure.data[0].x) == ["Sukamaju (Kab A)", "Sukamaju (Kab B)"]


def test_the_jabatan_choice_says_how_many_kecamatan_in_indonesian_numbers(many, monkeypatch):
    choices = views.jabatan_pilihan(many, Filters())
    offered, left_out = views.jabatan_ditawarkan(choices)
    assert offered["Camat"] == "Camat (32 kecamatan)" and left_out == ""
    monkeypatch.setattr(views, "MAX_CHOICES", 2)
    offered, left_out = views.jabatan_ditawarkan(choices)
    # 32 kecamatan, then 20 with 60 indicators (Wonorejo's three per kasubag) before 20 with 20
    assert list(offered) == ["Camat", "Kepala Sub Bagian Perencanaan dan Keuangan"]
    assert left_out == (
        "3 jabatan lain, yang ada di lebih sedikit kecamatan, tidak ada di daftar ini: pilih jabatannya atau wilayahnya "
        "di panel Filter."
    )


def test_thin_positions_come_a_page_at_a_time_with_the_count_of_all(many, monkeypatch):
    # At most one indicator: Wonorejo's camat and pengadministrasi umum in each of Kab A's 20, Cibereum's camat
    # in each of Kab B's 12.
    first = views.jabatan_tipis(many, Filters(), 1)
    assert first.pesan == "52 jabatan punya 1 indikator atau kurang." and first.jumlah == 52 and len(first.tabel) == 52
    assert first.tabel.columns[:2].tolist() == ["Kecamatan", "Kabupaten/kota"]  # two kabupaten: said
    monkeypatch.setattr(views, "PAGE_ROWS", 20)
    third = views.jabatan_tipis(many, Filters(), 1, page=3)
    assert len(third.tabel) == 12 and third.jumlah == 52
    paged = "Tabel memuat 20 baris per halaman; halaman dipilih di bawah tabel."
    assert third.pesan == f"52 jabatan punya 1 indikator atau kurang. {paged}"
    assert len(views.jabatan_tipis(many, Filters(), 1, page=9).tabel) == 12  # beyond the last page: the last
    assert len(views.jabatan_tipis_semua(many, Filters(), 1)) == 52
    one = views.jabatan_tipis(many, Filters(kabupaten=("Kab B",)), 1)
    assert "Kabupaten/kota" not in one.tabel.columns and len(one.tabel) == 12
    assert views.jabatan_tipis(many, Filters(), 0).pesan == "Tidak ada jabatan dengan 0 indikator atau kurang."


def test_coverage_keeps_kecamatan_of_one_name_apart_and_shows_each_ones_cell(many):
    matrix = views.cakupan(many, Filters(kecamatan=("Sukamaju",)))
    assert views.cell_places(matrix) == ["Sukamaju (Kab A)", "Sukamaju (Kab B)"]
    assert list(matrix.figure.data[0].y) == ["Sukamaju (Kab A)", "Sukamaju (Kab B)"]
    cell = views.indikator_sel(many, Filters(kecamatan=("Sukamaju",)), "Sukamaju (Kab B)", "camat", matrix)
    assert cell.pesan == "1 indikator — Sukamaju (Kab B), Camat"
    assert cell.tabel["Indikator"].tolist() == ["Nilai SAKIP Kecamatan"]
    level = views.scope_level(many, Filters())
    assert level == "kabupaten" and views.cakupan_bidang(many, Filters(), level).tabel.columns[0] == "Kabupaten/kota"


@pytest.fixture(scope="module")
def many_years(tmp_path_factory):
    """`many` with Kab A's 20 kecamatan in 2023 as well: 32 kecamatan, 52 documents."""
    from kinerja import db
    from kinerja.build import Source, build_dataset, write_dataset
    from tests.conftest import FIXTURES

    names_a = ["Sukamaju", *(f"Desa A{n:02d}" for n in range(1, 20))]
    names_b = ["Sukamaju", *(f"Desa B{n:02d}" for n in range(1, 12))]
    sources = [Source(FIXTURES / "iki_wonorejo_numbered.txt", k, "Kab A", "Prov Satu", t) for k in names_a for t in (2023, 2024)]
    sources += [Source(FIXTURES / "iki_cibereum_markdown.txt", k, "Kab B", "Prov Dua", 2024) for k in names_b]
    out = tmp_path_factory.mktemp("banyak_tahun") / "normalised"
    write_dataset(build_dataset(sources, corrections=[]), out)
    return db.connect(out)


def test_at_a_summary_level_several_years_count_kecamatan_once_and_documents_apart(many_years):
    compared = _compare(many_years, jabatan="Camat")
    # Kab A's IKM in 40 documents, Kab B's SAKIP in 12: 52 indicators, one wording each
    assert compared.pesan == "Camat: 52 indikator di 32 kecamatan di 2 kabupaten/kota (52 dokumen)."
    assert compared.tabel.values.tolist() == [["Kab A", 20, 40, 40, 1.0, 1], ["Kab B", 12, 12, 12, 1.0, 1]]
    wordings = views.rumusan_umum(many_years, Filters(), jabatan="Camat")
    assert wordings.tabel.values.tolist() == [["Indeks Kepuasan Masyarakat", 20, 1, 40], ["Nilai SAKIP Kecamatan", 12, 1, 12]]
    kategori = views.kategori(many_years, Filters())  # both years of Kab A together: the same shares
    assert kategori.pesan == "Porsi indikator terukur tertinggi di Kab B (67%), terendah di Kab A (20%)."
    assert kategori.rincian[0].startswith("88 dari 272 indikator (32%)")  # 40 × 1 + 12 × 4 of 40 × 5 + 12 × 6
    assert views.jabatan_tipis(many_years, Filters(), 1).pesan == "92 jabatan punya 1 indikator atau kurang."  # 40 × 2 + 12


def test_perbandingan_sets_all_of_one_regencys_kecamatan_side_by_side(tmp_path):
    """31 kecamatan of one kabupaten, more than MAX_PLACES: a regency compares its own kecamatan one by
    one, never one summed row of itself."""
    from kinerja import db
    from kinerja.build import Source, build_dataset, write_tables
    from tests.conftest import FIXTURES

    names = [f"Desa {n:02d}" for n in range(1, 32)]
    sources = [Source(FIXTURES / "iki_wonorejo_numbered.txt", k, "Kab A", "Prov Satu", 2024) for k in names]
    built = build_dataset(sources, corrections=[])
    write_tables({"indikator": built.indikator, "jabatan": built.jabatan, "dokumen": built.dokumen}, tmp_path / "n")
    con = db.connect(tmp_path / "n")
    view = views.perbandingan(con, Filters(), jabatan="Camat")
    assert view.key == "perbandingan" and sorted(set(view.rows["kecamatan"])) == names
    assert set(view.rows["status"]) == {views.SHARED}  # one template, copied 31 times: every indicator shared


# --- Kualitas indikator: scores per place (tests/test_quality.py and tests/test_queries.py count the flags) ---


def test_quality_sentences_for_all_one_and_no_kecamatan(real):
    every = views.kualitas(real, Filters())
    # Bululawang: 35 × 7 = 245 verdicts, 48 flags (satuan 6, target 35, hasil 7): 197 / 245 = 80,4;
    # Sangkapura: 784 verdicts, 262 flags: 66,6
    assert every.rincian[:2] == [
        "0 dari 266 indikator memenuhi semua 7 kriteria.",
        "Skor tertinggi di Bululawang (80,4), terendah di Sangkapura (66,6).",
    ]
    assert dict(every.angka) == {"Indikator dinilai": "266", "Skor rata-rata": "72,9", "Memenuhi semua kriteria": "0 dari 266"}
    one = views.kualitas(real, Filters(kecamatan=("Lumajang",)))
    assert one.pesan == (
        "Skor kualitas rata-rata 71,0 dari 100 untuk 33 indikator; kriteria yang paling jarang dipenuhi: "
        "Sumber data disebut (dipenuhi 21% indikator)."
    )  # 26 of 33 name only "Kecamatan Lumajang"
    assert one.rincian[1] == "Skor Lumajang: 71,0."
    nothing = Filters(teks="jabatan yang tidak ada")
    assert views.kualitas(real, nothing) is None and views.kualitas_jenis(real, nothing) is None
    assert views.kualitas_jabatan(real, nothing) is None and views.kualitas_indikator(real, nothing) is None


def test_quality_over_several_years_counts_every_document_of_a_kecamatan(years):
    view = views.kualitas(years, Filters())
    # Wonorejo 2023 and 2024: 10 indicators scoring as one document's 5 (77,1); Cibereum 6 × 85,7
    assert dict(view.angka)["Indikator dinilai"] == "16"
    assert view.rincian[1] == "Skor tertinggi di Cibereum (85,7), terendah di Wonorejo (77,1)."
    assert view.tabel[["Kecamatan", "Indikator"]].values.tolist() == [["Cibereum", 6], ["Wonorejo", 10]]
    positions = views.kualitas_jabatan(years, Filters())
    assert positions.pesan.startswith("9 jabatan dinilai; skor terendah: Pengadministrasi Umum di Wonorejo 2023 (57,1")


def test_quality_summed_per_region_and_alike_scores_said_once(many, provinces):
    summed = views.kualitas(provinces, Filters())
    assert summed.judul == "Kualitas indikator per provinsi"
    assert views.summed_per("provinsi", 31) in summed.rincian
    # Prov Dua: 15 × Cibereum's document (85,7). Prov Satu: 16 × Wonorejo's, under the names "Desa 01" …,
    # where its two sources "Kecamatan Wonorejo" now name another kecamatan too (salin tempel): the IKM
    # 57,1, the archive 42,9, the Kasubag's 3 × 85,7 = 357,1 / 5 = 71,4
    assert summed.rincian[1] == "Skor tertinggi di Prov Dua (85,7), terendah di Prov Satu (71,4)."
    alike = views.kualitas(many, Filters(kabupaten=("Kab B",)))  # 12 kecamatan, each with Cibereum's document
    assert alike.rincian[1] == "Skor sama di semua 12 kecamatan: 85,7."


def test_position_type_scores_name_the_highest_and_lowest_or_the_single_type(fixture_data):
    from kinerja import db

    fixture_con = db.connect(fixture_data)
    view = views.kualitas_jenis(fixture_con, Filters())
    assert view.pesan == "Skor kualitas tertinggi pada jabatan Kepala Sub Bagian (85,7), terendah pada Pelaksana (74,3)."
    one = views.kualitas_jenis(fixture_con, Filters(jenis=("camat",)))
    assert one.pesan == "Skor kualitas jabatan Camat: 78,6."


def test_a_quality_page_beyond_a_narrower_scope_is_its_last(real):
    # 266 indicators and 74 positions: one page of PAGE_ROWS each; page 9 (asked before the filters narrowed) is it
    for build in (views.kualitas_indikator, views.kualitas_jabatan):
        asked, first = build(real, Filters(), page=9), build(real, Filters())
        assert asked.tabel.equals(first.tabel) and asked.jumlah == first.jumlah


def test_the_quality_score_stands_beside_every_listed_indicator(real):
    listed = views.daftar(real, Filters(kecamatan=("Sangkapura",)))
    assert list(listed.tabel.columns[:2]) == ["Indikator", "Skor kualitas"]
    dukun = listed.tabel[listed.tabel["Indikator"] == "Jumlah bantuan sosial anak yatim"]
    assert dukun["Skor kualitas"].tolist() == [42.9]  # 3 of 7 met: formula, satuan, target and salin tempel missed
    compared = views.perbandingan(real, Filters(), jabatan="Camat")
    assert "Skor kualitas" in compared.tabel and compared.tabel["Skor kualitas"].notna().all()
    cell = views.indikator_sel(real, Filters(), "Lumajang", "pelaksana", views.cakupan(real, Filters()))
    assert "Skor kualitas" in cell.tabel and cell.tabel["Skor kualitas"].notna().all()


# --- Antar tahun: the documents of conftest.yearly_sources (Wonorejo 2023–2025, Cibereum 2024) ------------------


@pytest.fixture(scope="module")
def yearly(yearly_data):
    from kinerja import db

    return db.connect(yearly_data)


@pytest.mark.parametrize(
    "filters, sentence",
    [
        (
            Filters(),
            "2 perbandingan dengan dokumen tahun sebelumnya di Wonorejo (2023–2025): 8 indikator tetap, 1 dirumuskan "
            "ulang, 2 ditambah dan 1 dihapus. Target 1 naik dan 1 turun.",
        ),
        (  # the comparison is filed under its later year
            Filters(tahun=(2024,)),
            "1 perbandingan dengan dokumen tahun sebelumnya di Wonorejo (2023–2024): semua 5 indikator tetap. "
            "Target yang dapat dibandingkan tidak berubah.",
        ),
        (
            Filters(tahun=(2025,), kecamatan=("Wonorejo", "Cibereum")),
            "1 perbandingan dengan dokumen tahun sebelumnya di Wonorejo (2024–2025): 3 indikator tetap, 1 dirumuskan "
            "ulang, 2 ditambah dan 1 dihapus. Target 1 naik dan 1 turun.",
        ),
        (  # the Camat sets no target either year
            Filters(jabatan=("Camat",)),
            "2 perbandingan dengan dokumen tahun sebelumnya di Wonorejo (2023–2025): 2 indikator tetap, 1 ditambah. "
            "Tidak ada target yang dapat dibandingkan antar tahun.",
        ),
    ],
)
def test_antar_tahun_says_what_changed_for_all_one_year_and_one_position(yearly, filters, sentence):
    assert views.antar_tahun(yearly, filters).pesan == sentence


def test_antar_tahun_is_left_out_without_a_kecamatan_of_two_years(yearly, real):
    assert views.antar_tahun(yearly, Filters(kecamatan=("Cibereum",))) is None
    assert views.antar_tahun(yearly, Filters(tahun=(2023,))) is None  # nothing before Wonorejo's first year
    assert views.antar_tahun(real, Filters()) is None  # four kecamatan, one year each
    assert [v.key for v in views.key_views(yearly, Filters(kecamatan=("Cibereum",)))][-1] != "antar_tahun"
    assert [v.key for v in views.key_views(yearly, Filters())][-1] == "antar_tahun"


def test_one_comparison_and_the_targets_that_moved(yearly):
    one = views.antar_tahun_kecamatan(yearly, Filters(), "Sukamaju", "Wonorejo", 2025)
    assert one.pesan == (
        "Wonorejo 2025 dibanding 2024: 3 indikator tetap, 1 dirumuskan ulang, 2 ditambah dan 1 dihapus. "
        "Target 1 naik dan 1 turun."
    )
    assert "1 indikator yang tetap dengan formula dan target yang sama tidak didaftar." in one.rincian
    assert (
        len(one.tabel) == 6
        and len(views.antar_tahun_kecamatan(yearly, Filters(), "Sukamaju", "Wonorejo", 2025, semua=True).tabel) == 7
    )
    assert one.tabel["Selisih target"].tolist()[2:4] == ["−2 laporan", "+7,5 %"]
    assert one.tabel["Perubahan"].tolist()[:3] == ["Tetap", "Ditambah", "Dirumuskan ulang"]
    same = views.antar_tahun_kecamatan(yearly, Filters(), "Sukamaju", "Wonorejo", 2024)
    assert same.pesan.startswith("Wonorejo 2024 dibanding 2023: semua 5 indikator tetap.")
    assert "Tidak ada indikator yang berubah: tabel mendaftar semuanya." in same.rincian and len(same.tabel) == 5
    moved = views.antar_tahun_target(yearly, Filters())
    assert moved.pesan == "2 indikator yang tetap atau dirumuskan ulang berganti target: 1 naik, 1 turun."
    assert moved.tabel["Target tahun sebelumnya"].tolist() == ["12 laporan", "87,5 %"]
    assert views.antar_tahun_target(yearly, Filters(tahun=(2024,))) is None


def test_antar_tahun_names_the_kecamatan_compared_and_sums_per_kabupaten_beyond_thirty(tmp_path):
    """Kab A: Desa A01–A16, Kab B: Desa B01–B15, each with Wonorejo's documents of 2024 and 2025; Kab C: Desa
    C01–C20 with Cibereum's of 2024 only. 31 kecamatan compared: the chart sums per kabupaten; Kab A and Kab
    C together leave 16 compared (of 36 under the filter), each named."""
    from kinerja import db
    from kinerja.build import Source
    from tests.conftest import FIXTURES, _build_into

    compared = [(f"Desa A{n:02d}", "Kab A") for n in range(1, 17)] + [(f"Desa B{n:02d}", "Kab B") for n in range(1, 16)]
    sources = [Source(FIXTURES / "iki_wonorejo_numbered.txt", k, kab, "Prov Satu", 2024) for k, kab in compared]
    sources += [Source(FIXTURES / "iki_wonorejo_2025_numbered.txt", k, kab, "Prov Satu", 2025) for k, kab in compared]
    sources += [Source(FIXTURES / "iki_cibereum_markdown.txt", f"Desa C{n:02d}", "Kab C", "Prov Dua", 2024) for n in range(1, 21)]
    con = db.connect(_build_into(tmp_path, sources))
    view = views.antar_tahun(con, Filters())
    assert view.pesan == (
        "31 perbandingan dengan dokumen tahun sebelumnya di 31 kecamatan (2024–2025): 93 indikator tetap, 31 dirumuskan "
        "ulang, 62 ditambah dan 31 dihapus. Target 31 naik dan 31 turun."
    )
    assert view.judul == "Perubahan indikator antar tahun per kabupaten/kota" and list(view.figure.data[0].y) == [
        "Kab A",
        "Kab B",
    ]
    assert views.summed_per("kabupaten", 31) in view.rincian
    assert view.tabel["Jumlah kecamatan"].tolist() == [16, 15]
    narrow = views.antar_tahun(con, Filters(kabupaten=("Kab A", "Kab C")))  # 36 kecamatan, 16 of them compared
    assert narrow.judul == "Perubahan indikator antar tahun per kecamatan" and len(narrow.figure.data[0].y) == 16
    assert not any("menjumlahkan" in fact for fact in narrow.rincian)
    two = views.antar_tahun(con, Filters(kecamatan=("Desa A01", "Desa A02")))  # alike: both named at the top
    assert "Porsi indikator yang berubah paling besar di Desa A01 dan Desa A02 (57%)." in two.rincian
    assert two.pesan.startswith("2 perbandingan dengan dokumen tahun sebelumnya di 2 kecamatan (2024–2025): 6 indikator tetap")
    one_more = views.antar_tahun(con, Filters(kecamatan=("Desa A01",), jabatan=("Camat", "Pengadministrasi Umum")))
    assert one_more.rincian[1:] == ["1 indikator yang tetap atau dirumuskan ulang berganti formula."]  # one place: no ranking
    added_only = views.antar_tahun(
        con, Filters(kecamatan=("Desa A01",), teks="kasubag")
    )  # 1 kept, 1 reworded, 1 added, 1 dropped
    assert "1 indikator tetap, 1 dirumuskan ulang, 1 ditambah dan 1 dihapus." in added_only.pesan
