"""One view per question: for the same filters, each takeaway sentence of the PPTX deck appears word
for word on the dashboard page of that view and on its slide in presentation mode; and every view a
page lists is built by the views module."""

import html
import io
import re

import pandas as pd
import pytest
from pptx import Presentation
from streamlit.testing.v1 import AppTest

from kinerja import db, site
from kinerja.filters import Filters
from kinerja.paths import ROOT
from kinerja.presentation import slides, sources, views

DASHBOARD = str(ROOT / "dashboard.py")
FILTER_SETS = [
    Filters(),
    Filters(kecamatan=("Lumajang",)),
    Filters(kecamatan=("Lumajang", "Masama")),
    Filters(jenis=("camat",)),
    Filters(tahun=(2020,)),
    Filters(teks="pengadministrasi"),
    Filters(kabupaten=("Malang", "Banggai"), bidang=("pemerintahan",)),
]


@pytest.fixture
def env(real_data, monkeypatch, tmp_path):
    monkeypatch.setenv("KINERJA_DATA_DIR", str(real_data.parent))
    monkeypatch.setenv("KINERJA_REALISASI_DIR", str(tmp_path / "realisasi"))
    return db.connect(real_data)


def _deck_takeaways(con, filters: Filters) -> list[tuple[str, str]]:
    """(slide title, takeaway) of each view slide of the deck, read back from the PPTX file."""
    shown = views.key_views(con, filters)
    deck = Presentation(io.BytesIO(slides.deck(shown, filters, sources.documents(con, filters))))
    found = []
    for slide in list(deck.slides)[1 : 1 + len(shown)]:
        title = slide.shapes.title.text
        texts = [s.text_frame.text for s in slide.shapes if s.has_text_frame and s.text_frame.text != title]
        found.append((title, texts[0]))
    return found


def _open(filters: Filters, **extra) -> AppTest:
    at = AppTest.from_file(DASHBOARD, default_timeout=30)
    for key, values in {**filters.to_query(), **extra}.items():
        at.query_params[key] = values
    return at.run()


def _markdown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


@pytest.mark.parametrize("filters", FILTER_SETS, ids=lambda f: f.describe())
def test_deck_takeaways_are_on_the_page_and_in_presentation_mode(env, filters):
    shown = views.key_views(env, filters)
    takeaways = _deck_takeaways(env, filters)
    in_two_places = views.harmonisasi(env, filters) is not None  # Harmonisasi compares two kecamatan or more
    assert views.antar_tahun(env, filters) is None  # the seeds are of one year per kecamatan: see the test below
    assert [t for _, t in takeaways] == [v.pesan for v in shown] and len(shown) == 6 + in_two_places
    for number, (view, (title, takeaway)) in enumerate(zip(shown, takeaways, strict=True), start=1):
        assert title == view.judul
        page = site.page_of_view(view.key)
        at = _open(filters)
        if page != site.PAGES[0]:
            at.switch_page(page.from_router).run()
        assert not at.exception, [e.value for e in at.exception]
        assert html.escape(takeaway, quote=False) in _markdown(at), f"{page.title}: {takeaway}"
        slide = _open(filters, mode="presentasi", slide=str(number))
        assert slide.title[0].value == title
        assert html.escape(takeaway, quote=False) in _markdown(slide)


@pytest.mark.parametrize("filters", [Filters(), Filters(tahun=(2025,)), Filters(jabatan=("Camat",))], ids=lambda f: f.describe())
def test_antar_tahun_says_the_same_on_its_page_its_slide_and_in_the_deck(yearly_data, monkeypatch, tmp_path, filters):
    monkeypatch.setenv("KINERJA_DATA_DIR", str(yearly_data.parent))
    monkeypatch.setenv("KINERJA_REALISASI_DIR", str(tmp_path / "realisasi"))
    con = db.connect(yearly_data)
    shown = views.key_views(con, filters)
    assert shown[-1].key == "antar_tahun"
    title, takeaway = _deck_takeaways(con, filters)[-1]
    assert (title, takeaway) == (shown[-1].judul, shown[-1].pesan)
    at = _open(filters)
    at.switch_page(site.page_of_view("antar_tahun").from_router).run()
    assert not at.exception and html.escape(takeaway, quote=False) in _markdown(at)
    slide = _open(filters, mode="presentasi", slide=str(len(shown)))
    assert slide.title[0].value == title and html.escape(takeaway, quote=False) in _markdown(slide)


def test_no_matching_data_gives_no_slides_and_says_so_everywhere(env):
    nothing = Filters(teks="jabatan yang tidak ada")
    assert views.key_views(env, nothing) == []
    assert any("Tidak ada data" in i.value for i in _open(nothing).info)
    assert any("Tidak ada data" in i.value for i in _open(nothing, mode="presentasi").info)


def test_every_view_a_page_lists_is_built_by_the_views_module(env, many, linked_data, yearly_data):
    from kinerja.capaian.assembly import assemble

    everything = Filters()
    state = assemble(env, everything, use_example=True)
    matrix = views.cakupan(env, everything)
    built = [
        *views.key_views(env, everything, state),
        views.cakupan_bidang(env, everything),
        views.jabatan_tipis(env, everything, 1),
        views.indikator_sel(env, everything, "Lumajang", "pelaksana", matrix),
        views.kategori_jenis(env, everything),
        views.contoh_kategori(env, everything),
        views.perbandingan(env, everything, jabatan="Camat"),
        views.perbandingan(many, everything, jabatan="Camat"),  # 32 kecamatan
        views.rumusan_umum(many, everything, jabatan="Camat"),
        views.progres_triwulan(state, views.kecamatan_colours(env)),
        views.capaian_kecamatan(state, "Lumajang"),
        views.capaian_terendah(state),
        views.belum_dinilai(state),
        views.daftar(env, everything),
        views.kualitas_jenis(env, everything),
        views.kualitas_jabatan(env, everything),
        views.kualitas_indikator(env, everything),
        views.kualitas_aturan(views.kualitas(env, everything)),
        views.pohon_kecamatan(env, everything, "Banggai", "Masama", 2020),
        views.sasaran_tanpa_dukungan(env, everything),
        views.harmonisasi_jabatan(env, everything, "Sekretaris Kecamatan"),
        views.harmonisasi_rumusan(env, everything, "Sekretaris Kecamatan"),
        views.harmonisasi_standar(env, everything),
        views.klaster_usang(db.connect(linked_data), everything),  # the seeds have no officer's cluster decision
        views.pohon_yatim(env, everything),
        views.kaitan_usang(db.connect(linked_data), everything),  # the seeds have no officer's link gone stale
        views.antar_tahun(db.connect(yearly_data), everything),  # nor a kecamatan with two years
        views.antar_tahun_kecamatan(db.connect(yearly_data), everything, "Sukamaju", "Wonorejo", 2025),
        views.antar_tahun_target(db.connect(yearly_data), everything),
    ]
    keys = [v.key for v in built]
    listed = [key for page in site.PAGES for key in page.views]
    assert sorted(keys) == sorted(listed)
    for view in built:
        assert view.pesan.endswith((".", ")")) or "—" in view.pesan, view.pesan
        assert not re.search(r"\bnan\b", view.pesan.lower()) and "None" not in view.pesan  # "santunan" is a word


def test_a_coded_filter_given_by_code_filters_the_page_and_stays_in_the_link(env):
    by_code = _open(Filters(), jenis=["camat"])
    assert "5 dari 5 indikator" in _markdown(by_code)  # Bululawang 3 + Masama 2 camat indicators
    assert by_code.query_params["jenis"] == "Camat"  # the widget's form, so a copied link keeps it


def test_groups_that_tie_at_the_top_or_bottom_are_all_named(env):
    lumajang = views.kategori_jenis(env, Filters(kecamatan=("Lumajang",)))
    # Lumajang: Sekretaris 1/1 and Kepala Seksi 7/7 terukur; Kepala Sub Bagian 0/8 and Pelaksana 0/17
    assert lumajang.pesan == (
        "Porsi indikator terukur tertinggi pada Sekretaris dan Kepala Seksi (100%), "
        "terendah pada Kepala Sub Bagian dan Pelaksana (0%)."
    )
    same = views.kategori(env, Filters(jenis=("camat",)))  # every camat indicator of Bululawang and Masama is terukur
    assert same.pesan == "Porsi indikator terukur sama di semua kecamatan: 100%."


def test_every_capaian_sentence_and_title_says_when_it_is_example_data(env):
    from kinerja.capaian.assembly import assemble

    state = assemble(env, Filters(), use_example=True)
    shown = [
        views.capaian(state),
        views.progres_triwulan(state, views.kecamatan_colours(env)),
        views.capaian_kecamatan(state, "Lumajang"),
        views.capaian_terendah(state),
        views.belum_dinilai(state),
    ]
    for view in shown:
        assert "(data contoh ilustratif)" in view.pesan, view.pesan
        assert "(DATA CONTOH ILUSTRATIF)" in view.judul, view.judul
    imported = assemble(env, Filters(), use_example=False)  # nothing imported: nothing is example data
    assert all("contoh" not in v.pesan.lower() for v in (views.capaian(imported), views.belum_dinilai(imported)))


def test_capaian_chart_has_one_bar_per_rated_indicator_and_draws_zero(env):
    """Lumajang writes 'Persentase Fasilitasi Koordinasi Ketenteraman dan Ketertiban Umum' twice (two
    sasaran): two bars, two labels; an indicator at 0 % gets its bar's label."""
    from kinerja.capaian.assembly import assemble

    state = assemble(env, Filters(kecamatan=("Lumajang",)), use_example=True)
    view = views.capaian_kecamatan(state, "Lumajang")
    bars = view.figure.data[0]
    rated = state.table.dropna(subset=["capaian"])
    assert len(bars.y) == len(set(bars.y)) == len(rated) == 29  # 33 indicators, 4 not reported in the example
    labels = list(view.figure.layout.yaxis.ticktext)
    assert len(set(labels)) == len(labels)
    twins = [label for label in labels if label.startswith("Persentase Fasilitasi Koordinasi Ketenteraman")]
    assert len(twins) == 2
    zero = [text for value, text in zip(bars.x, bars.text, strict=True) if value == 0]
    assert zero and all(text == "0%" for text in zero)
    beside = [place for value, place in zip(bars.x, bars.textposition, strict=True) if value == 0]
    assert beside == ["outside"] * len(zero)  # past the end of a bar of no length, not inside it


def test_capaian_counted_per_document_says_what_listing_every_indicator_says(env, monkeypatch):
    """Beyond LISTED_AT_MOST indicators, those without a stored value are counted per document and target
    instead of one by one: every number, sentence and bar stays what the full listing gives."""
    from kinerja.capaian import assembly

    example = assembly.example_values(env)
    lumajang = set(assembly.indicators(env, Filters(kecamatan=("Lumajang",)))["indikator_id"])
    stored = example[example["indikator_id"].isin(lumajang)]  # values for one kecamatan, none for the others
    listed = assembly.assemble(env, Filters(), use_example=False, stored=stored)
    monkeypatch.setattr(assembly, "LISTED_AT_MOST", 10)
    counted = assembly.assemble(env, Filters(), use_example=False, stored=stored)

    assert listed.summed == 0 and counted.count == listed.count == 266
    assert counted.summed == listed.count - stored["indikator_id"].nunique() > 0 and len(counted.table) < listed.count
    for build in (views.capaian, views.capaian_terendah, lambda s: views.progres_triwulan(s, {})):
        one, other = build(listed), build(counted)
        assert (one.judul, one.pesan, one.angka) == (other.judul, other.pesan, other.angka)
    lowest = views.capaian_terendah(listed).tabel, views.capaian_terendah(counted).tabel
    pd.testing.assert_frame_equal(lowest[0].reset_index(drop=True), lowest[1])  # names read for the ten rows
    bars = [[(bar.name, list(bar.y), list(bar.x)) for bar in views.capaian(s).figure.data] for s in (listed, counted)]
    assert bars[0] == bars[1]
    per_place = views.capaian(counted).tabel.set_index("Kecamatan")  # the chart's counts, where rows are too many
    assert per_place.loc["Bululawang", "Belum dapat dinilai"] == per_place.loc["Bululawang", "Jumlah indikator"] == 35
    assert per_place["Jumlah indikator"].sum() == 266
    unrated = views.belum_dinilai(listed), views.belum_dinilai(counted)
    assert unrated[0].pesan == unrated[1].pesan and unrated[0].judul == unrated[1].judul
    assert unrated[1].rincian == [views.UNLISTED.format(jumlah=views.format_number(counted.summed))]
    per_document = unrated[1].tabel.set_index(["Kecamatan", "Tahun"])
    listed_unrated = unrated[0].tabel.groupby(["Kecamatan", "Alasan"]).size().unstack(fill_value=0)
    listed_unrated = listed_unrated.rename(columns=str.capitalize)[per_document.columns].rename_axis(columns=None)
    pd.testing.assert_frame_equal(per_document.droplevel("Tahun").sort_index(), listed_unrated.sort_index())
