"""Every page under streamlit.testing.v1.AppTest, from the absolute path of dashboard.py, on the real data."""

import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from kinerja import db, site
from kinerja.capaian import assembly, store, template
from kinerja.indonesian import MONTHS
from kinerja.paths import ROOT
from kinerja.presentation import views
from tests.conftest import EDITOR, sign_in

DASHBOARD = str(ROOT / "dashboard.py")
PAGES = [p.script for p in site.PAGES]
FILTERED = [p.script for p in site.PAGES if p.views]  # the pages that show data take the filters
DEFAULT = site.PAGES[0].script
# Pages named by the question they answer, from the one page list.
RINGKASAN, KATEGORI, CAPAIAN, JELAJAH = (site.page_of_view(key).script for key in ("ringkasan", "kategori", "capaian", "daftar"))
ANTAR_TAHUN = site.page_of_view("antar_tahun").script  # the seeds have one year per kecamatan: tried on `yearly_data`


@pytest.fixture
def app(real_data, users_file, monkeypatch, tmp_path):
    """A page opened as a viewer, or as the editor who signed in on the first page (`editor=True`)."""
    monkeypatch.setenv("KINERJA_DATA_DIR", str(real_data.parent))
    monkeypatch.setenv("KINERJA_REALISASI_DIR", str(tmp_path / "realisasi"))

    def open_page(page: str, editor: bool = False, **query) -> AppTest:
        at = AppTest.from_file(DASHBOARD, default_timeout=30)
        for key, value in query.items():
            at.query_params[key] = value
        at.run()
        if editor:
            sign_in(at, *EDITOR)
        if page != DEFAULT:
            at.switch_page(site.page(page).from_router).run()
        assert not at.exception, [e.value for e in at.exception]
        return at

    return open_page


def _texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [str(m.value) for m in at.metric] + [c.value for c in at.caption]
    return "\n".join(parts)


@pytest.mark.parametrize("page", PAGES)
def test_page_runs_without_errors_and_with_indonesian_title(app, page):
    at = app(page)
    assert not at.error
    assert at.title[0].value == site.page(page).heading
    assert at.title[0].value in {
        "Ringkasan kinerja kecamatan",
        "Cakupan jabatan",
        "Kategori formula",
        "Perbandingan kecamatan",
        "Jelajah indikator",
        "Pohon kinerja",
        "Target vs realisasi",
        "Kualitas indikator",
        "Harmonisasi indikator",
        "Perubahan indikator antar tahun",
        "Tambah dokumen IKI",
    }


def test_ringkasan_states_the_key_facts(app):
    at = app(RINGKASAN)
    text = _texts(at)
    assert "266" in text and "3 dari 4" in text
    metrics = {m.label: m.value for m in at.metric}  # every one of the four documents' 74 positions has indicators
    assert metrics["Jabatan berindikator"] == "74" and "dari 74" in [c.value for c in at.caption]


def _set_jabatan_text(at: AppTest, text: str) -> AppTest:
    at.sidebar.text_input(key="jabatan_teks").input(text).run()
    assert not at.exception
    return at


@pytest.mark.parametrize("page", FILTERED)
def test_typed_jabatan_fragment_changes_every_page(app, yearly_app, page):
    """Every page that shows data follows the filters; the upload page has none."""
    at = (yearly_app if page == ANTAR_TAHUN else app)(page)
    before = _texts(at) + "".join(str(df.value.shape) for df in at.dataframe)
    _set_jabatan_text(at, "pengadministrasi")
    after = _texts(at) + "".join(str(df.value.shape) for df in at.dataframe)
    assert after != before


def test_jelajah_filter_narrows_the_table(app):
    at = app(JELAJAH)
    assert at.dataframe[0].value.shape[0] == 266
    _set_jabatan_text(at, "seksi pem")
    table = at.dataframe[0].value
    assert len(table) == 25
    assert set(table["Jabatan"]) == {
        "Kepala Seksi Pemerintahan",
        "Kepala Seksi Pemberdayaan Masyarakat",
        "Kepala Seksi Pembangunan",
        "Kepala Seksi Pembangunan dan Pemberdayaan Masyarakat",
        "Kepala Seksi Pemberdayaan Masyarakat Desa/Kelurahan",
        "Kepala Seksi Kesejahteraan Sosial dan Kepemudaan",
    }  # "pem" is in "Kepemudaan"; fmt: skip


def test_filters_come_from_the_url(app):
    at = app(JELAJAH, kecamatan="Lumajang")
    assert set(at.dataframe[0].value["Kecamatan"]) == {"Lumajang"}
    assert len(at.dataframe[0].value) == 33


def test_search_box_filters_the_table(app):
    at = app(JELAJAH)
    at.text_input(key="cari").input("laporan keuangan").run()
    table = at.dataframe[0].value
    assert 0 < len(table) < 266
    assert table["Indikator"].str.lower().str.contains("laporan keuangan").any()


def test_empty_result_says_so_instead_of_empty_chart(app):
    at = app(KATEGORI)
    _set_jabatan_text(at, "jabatan yang tidak ada")
    assert any("Tidak ada data" in i.value for i in at.info)


def test_target_page_marks_example_data_everywhere(app):
    at = app(CAPAIAN)
    assert at.toggle(key="contoh").value is True  # nothing imported yet: the example is shown, and said so
    assert any("data contoh ilustratif" in w.value for w in at.warning)
    assert "dari 266" in [c.value for c in at.caption]  # under "Indikator dinilai", not in its large type


def test_target_page_without_example_counts_what_cannot_be_rated(app):
    at = app(CAPAIAN)
    at.toggle(key="contoh").set_value(False).run()
    assert not at.exception
    assert not at.warning
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Belum dapat dinilai"] == "266"  # targets in Lumajang only, and no realisation anywhere
    assert metrics["Indikator dinilai"] == "0"
    assert "dari 266" in [c.value for c in at.caption]
    unrated = next(df.value for df in at.dataframe if "Alasan" in df.value.columns)
    assert unrated["Alasan"].value_counts().to_dict() == {"tanpa target": 241, "belum ada realisasi": 25}


def test_presentation_mode_hides_controls(app):
    at = app(RINGKASAN, mode="presentasi", kecamatan="Lumajang")
    assert not at.text_input and not at.multiselect and not at.sidebar.button  # no filters, no sidebar controls
    assert at.title[0].value == "Indikator per kecamatan"
    assert any("8 dari 33 indikator" in m.value for m in at.markdown)
    assert at.button(key="sebelumnya").disabled and not at.button(key="berikutnya").disabled


# Clicking through the views is tested in the real browser (test_browser.py): AppTest reruns a page
# file on its own after a click when the router draws no page, which a browser never does.
@pytest.mark.parametrize(
    "slide, title, takeaway",
    [
        ("2", "Cakupan jabatan", "Indikator terbanyak pada jabatan Pelaksana (17 dari 33), paling sedikit pada Sekretaris (1)."),
        ("3", "Kategori formula", "24% indikator Lumajang dapat diukur capaiannya."),
        ("4", "Target vs realisasi (DATA CONTOH ILUSTRATIF)", "belum dapat dinilai"),
        # 26 of Lumajang's 33 indicators give only "Kecamatan Lumajang" as their source: 7 of 33 meet it
        ("5", "Kualitas indikator per kecamatan", "paling jarang dipenuhi: Sumber data disebut (dipenuhi 21% indikator)"),
        ("6", "Pohon kinerja per kecamatan", "3 dari 30 sasaran jabatan bawahan (10%) mendukung sasaran Camat atau Sekretaris."),
        ("9", "Pohon kinerja per kecamatan", "3 dari 30 sasaran jabatan bawahan (10%)"),  # past the end: the last
    ],
)
def test_each_view_of_the_presentation_from_its_link(app, slide, title, takeaway):
    at = app(RINGKASAN, mode="presentasi", kecamatan="Lumajang", slide=slide)
    assert at.title[0].value == title
    assert any(takeaway in m.value for m in at.markdown)
    assert at.button(key="berikutnya").disabled == (slide in ("6", "9"))
    said = [m.value for m in at.markdown if "tidak ada" in m.value]  # a link to a slide past the end says so
    notice = "Kecamatan Lumajang · 6 / 6 · <span class='tidak-ada'>Slide 9 tidak ada; yang tampil slide 6.</span>"
    assert said == ([f"<p class='konteks'>{notice}</p>"] if slide == "9" else [])
    assert at.query_params["slide"] == str(min(int(slide), 6))  # the link names the slide shown


def test_presentation_reads_coded_filters_from_their_labels_in_the_url(app):
    at = app(RINGKASAN, mode="presentasi", jenis="Camat")
    assert any("5 dari 5 indikator" in m.value for m in at.markdown)  # Bululawang 3 + Masama 2, all computable


def _lumajang_template(real_data):
    """Lumajang's 33 indicators and their empty template, as an officer downloads it."""
    indicators = assembly.indicators(db.connect(real_data))
    return indicators, template.template_frame(indicators[indicators["kecamatan"] == "Lumajang"])


def _import_lumajang(real_data, source="uji"):
    """Targets and realisation for Lumajang's indicators, imported as an officer would: 33 targets of
    20 and 33 fourth-quarter values of 10, 66 values."""
    indicators, frame = _lumajang_template(real_data)
    frame["tw4"] = "10"
    frame["target"] = "20"
    content = frame.to_csv(index=False).encode()
    store.import_bytes("lumajang.csv", content, indicators, source, oleh="petugas")


def test_capaian_detail_defaults_to_a_kecamatan_with_results(app, real_data):
    _import_lumajang(real_data)
    at = app(CAPAIAN)
    assert at.toggle(key="contoh").value is False  # an import exists: the officer's own data
    assert at.selectbox(key="rinci_kecamatan").value == "Lumajang"  # not Bululawang, which has none


def test_the_entry_form_follows_the_kecamatan_filter(app):
    at = app(CAPAIAN, kecamatan="Lumajang")
    choice = at.selectbox(key="isi_kecamatan")
    assert choice.options == ["Lumajang 2023"] and choice.value == "Lumajang 2023"
    everything = app(CAPAIAN).selectbox(key="isi_kecamatan")
    assert len(everything.options) == 4


def test_after_a_save_the_page_shows_the_officers_own_data(app, real_data):
    """The example was on (nothing imported yet); a save happened: the next run shows imported values."""
    _import_lumajang(real_data)
    at = AppTest.from_file(DASHBOARD, default_timeout=30)
    at.query_params["contoh"] = "true"  # the example was switched on before the save
    at.session_state["impor_baru"] = True  # what Simpan leaves for the run after it
    at.run()
    at.switch_page(site.page(CAPAIAN).from_router).run()
    assert not at.exception
    assert at.toggle(key="contoh").value is False
    assert not at.warning  # no "data contoh ilustratif" banner


def test_a_link_value_that_is_not_in_the_data_is_said_on_the_page(app):
    at = app(RINGKASAN, kecamatan="Tidakada")
    assert any("Kecamatan Tidakada" in w.value and "diabaikan" in w.value for w in at.warning)
    assert "266" in _texts(at)  # the rest of the data, as said


def test_region_options_narrow_each_other_and_a_year_without_a_document_is_said(app):
    at = app(RINGKASAN, kabupaten="Malang")
    assert at.sidebar.multiselect(key="kecamatan").options == ["Bululawang"]
    at = app(RINGKASAN, kecamatan="Lumajang", tahun="2020")  # Lumajang's document is of 2023
    assert at.sidebar.multiselect(key="tahun").options == ["2023"]
    assert any("Tahun 2020" in w.value for w in at.warning)
    assert "33" in _texts(at)  # Lumajang alone, every year it has


def test_values_that_exist_raise_no_notice(app):
    at = app(RINGKASAN, kecamatan="Lumajang", tahun="2023", jenis="Camat")
    assert not at.warning


PERBANDINGAN = site.page_of_view("perbandingan").script


def test_perbandingan_marks_shared_indicators_with_their_counterparts(app):
    at = app(PERBANDINGAN)
    at.selectbox(key="pilih_jabatan").set_value("Pengadministrasi Kepegawaian").run()
    assert not at.exception
    text = _texts(at)
    assert (
        "Pengadministrasi Kepegawaian: 14 indikator di 2 kecamatan; 4 di antaranya juga diukur kecamatan lain "
        "dengan rumusan mirip (2 kelompok indikator bersama)."
    ) in text
    items = _side_by_side_items(at)
    assert list(items) == ["Bululawang", "Sangkapura"]  # a column each, its indicators in one list
    draft = next(i for i in items["Bululawang"] if i.startswith("- Jumlah draf kenaikan pangkat"))
    assert "<b>bersama</b>" in draft and "↔ Sangkapura: Jumlah pengajuan kenaikan pangkat (86,5%)" in draft
    leave = next(i for i in items["Sangkapura"] if i.startswith("- Jumlah pengajuan Permohonan Cuti"))
    assert "<b>khas</b>" in leave and "↔" not in leave
    table = at.dataframe[0].value
    assert table["Bersama / khas"].value_counts().to_dict() == {"khas": 10, "bersama": 4}
    assert "nan" not in " ".join(table["Padanan di kecamatan lain (kemiripan rumusan)"]).lower()


def _side_by_side_items(at: AppTest) -> dict[str, list[str]]:
    """The indicators of each kecamatan column of Perbandingan: the list under its '####' heading."""
    columns, name = {}, None
    for text in (m.value for m in at.markdown):
        if text.startswith("#### "):
            name = text.rsplit("</span> ", 1)[1]
        elif name and text.startswith("- "):
            columns[name] = ["- " + item for item in text.removeprefix("- ").split("\n- ")]
            name = None
    return columns


def test_perbandingan_of_one_kecamatan_and_by_bidang(app):
    at = app(PERBANDINGAN, kecamatan="Sangkapura")
    at.selectbox(key="pilih_jabatan").set_value("Pengadministrasi Kepegawaian").run()
    assert "11 indikator, hanya di Sangkapura; tidak ada kecamatan lain untuk dibandingkan." in _texts(at)
    assert set(at.dataframe[0].value["Bersama / khas"]) == {"khas"}
    at = app(PERBANDINGAN)
    at.segmented_control(key="bandingkan").set_value("Bidang").run()
    at.selectbox(key="pilih_bidang").set_value("pemerintahan").run()
    assert not at.exception
    assert "Pemerintahan: 21 indikator di 4 kecamatan; 6 di antaranya juga diukur kecamatan lain" in _texts(at)


BMD = "lumajang-2023-79e3fd5586"  # Persentase fasilitasi Administrasi Barang Milik Daerah Pada Perangkat Daerah (%)
UMUM = "lumajang-2023-68bbe3af9c"  # Persentase fasilitasi Administrasi Umum Perangkat Daerah (%)
INVENTARIS = "lumajang-2023-233cd8d4ff"  # Jumlah barang inventaris yang dipelihara (barang, target 596)
LOCAL_TIME = re.compile(rf"\d{{1,2}} ({'|'.join(MONTHS)}) 20\d\d \d\d\.\d\d WIB")


def _upload(at: AppTest, frame, name="isi.csv") -> AppTest:
    at.file_uploader(key="unggah").set_value((name, template.template_csv(frame), "text/csv")).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _table_with(at: AppTest, column: str):
    return next(df.value for df in at.dataframe if column in df.value.columns)


def test_an_upload_is_previewed_in_the_officers_words_and_stored_only_on_simpan(app, real_data):
    _, frame = _lumajang_template(real_data)
    frame.loc[frame["indikator_id"] == BMD, "tw2"] = 87.5
    frame.loc[frame["indikator_id"] == INVENTARIS, "tahunan"] = 1250.0
    at = _upload(app(CAPAIAN, editor=True, kecamatan="Lumajang"), frame)
    assert any("33 baris terbaca, 2 nilai akan berubah" in m.value for m in at.markdown)
    preview = _table_with(at, "Nilai baru")
    assert list(preview.columns) == ["Indikator", "Kolom", "Nilai lama", "Nilai baru", "Kecamatan", "Tahun", "ID indikator"]
    assert preview.values.tolist() == [
        ["Persentase fasilitasi Administrasi Barang Milik Daerah Pada Perangkat Daerah", "Realisasi TW2", "", "87,5",
         "Lumajang", "2023", BMD],
        ["Jumlah barang inventaris yang dipelihara", "Realisasi tahunan", "", "1.250", "Lumajang", "2023", INVENTARIS],
    ]  # fmt: skip
    assert store.list_imports().empty  # a preview stores nothing
    at.button(key="unggah_simpan").click().run()
    assert any("**isi.csv** disimpan oleh Sri Wahyuni: 2 nilai." in s.value for s in at.success)
    assert store.list_imports()["nilai"].tolist() == [2]


def test_no_command_line_option_in_anything_the_app_says(app, real_data):
    _, frame = _lumajang_template(real_data)
    frame.loc[frame["indikator_id"] == UMUM, "tw2"] = 130.0
    at = _upload(app(CAPAIAN, editor=True, kecamatan="Lumajang"), frame)
    allow = at.checkbox(key="unggah_lebih100")
    assert allow.label == "Izinkan persentase di atas 100"
    problems = _table_with(at, "Masalah")
    assert problems.values.tolist() == [
        [
            "5",
            "Realisasi TW2",
            "130 melebihi 100 pada indikator persentase; bila angka itu benar, "
            "centang «Izinkan persentase di atas 100» saat mengunggah",
        ],
    ]  # row 5: the fourth indicator, under the header row
    said = [e.value for kind in ("markdown", "caption", "error", "warning", "info", "success") for e in at.get(kind)]
    said += [df.value.to_csv() for df in at.dataframe] + [w.label for w in (*at.checkbox, *at.button, *at.selectbox)]
    assert [t for t in said if "--izinkan" in t] == []
    allow.check().run()
    assert _table_with(at, "Nilai baru")["Nilai baru"].tolist() == ["130"]


def test_history_shows_local_time_and_an_undo_asks_before_it_happens(app, real_data, monkeypatch):
    monkeypatch.delenv("KINERJA_ZONA_WAKTU", raising=False)  # the default: WIB
    _import_lumajang(real_data, source="baris perintah")
    at = app(CAPAIAN, editor=True, kecamatan="Lumajang")
    history = _table_with(at, "Waktu impor")
    assert list(history.columns) == [
        "Waktu impor", "Status", "Berkas", "Kecamatan dan tahun", "Nilai", "Baris", "Sumber", "Oleh", "Dibatalkan pada",
        "Dibatalkan oleh",
    ]  # fmt: skip
    (row,) = history.to_dict("records")
    assert LOCAL_TIME.fullmatch(row.pop("Waktu impor"))
    assert row == {"Status": "berlaku", "Berkas": "lumajang.csv", "Kecamatan dan tahun": "Lumajang 2023", "Nilai": 66,
                   "Baris": 33, "Sumber": "Baris perintah", "Oleh": "petugas", "Dibatalkan pada": "",
                   "Dibatalkan oleh": ""}  # fmt: skip
    assert "+00:00" not in history.to_csv() and not re.search(r"\dT\d", history.to_csv())

    at.button(key="batal").click().run()
    assert not store.list_imports()["dibatalkan"].any()  # the first click only asks
    (question,) = [w.value for w in at.warning]
    assert "**lumajang.csv**" in question and "66 nilai" in question and LOCAL_TIME.search(question)
    at.button(key="batal_tidak").click().run()
    assert not at.warning and not store.list_imports()["dibatalkan"].any()

    at.button(key="batal").click().run()
    at.button(key="batal_ya").click().run()
    assert store.list_imports()["dibatalkan"].tolist() == [True]
    (done,) = [s.value for s in at.success]
    assert "**lumajang.csv**" in done and "dibatalkan oleh Sri Wahyuni" in done
    (row,) = _table_with(at, "Waktu impor").to_dict("records")
    assert row["Status"] == "dibatalkan" and LOCAL_TIME.fullmatch(row["Dibatalkan pada"])
    assert row["Dibatalkan oleh"] == "Sri Wahyuni"  # the signed-in editor
    assert not [s for s in at.selectbox if s.key == "batal_pilih"]  # nothing left to undo


def test_the_editor_pins_the_indicator_and_offers_labelled_choices(app):
    at = app(CAPAIAN, editor=True, kecamatan="Lumajang")
    (editor,) = at.data_editor
    columns = json.loads(editor.proto.columns)
    assert list(editor.proto.column_order)[:2] == ["indikator", "satuan"]
    assert columns["indikator"]["pinned"] is True and columns["indikator"]["label"] == "Indikator"
    assert [o["label"] for o in columns["polaritas"]["type_config"]["options"]] == [
        "Naik (makin tinggi makin baik)", "Turun (makin rendah makin baik)",
    ]  # fmt: skip
    assert [o["value"] for o in columns["metode"]["type_config"]["options"]] == ["kumulatif", "posisi", "rilis"]
    assert [columns[c]["label"] for c in ("target_dokumen", "tw1", "tahunan")] == [
        "Target di dokumen", "Realisasi TW1", "Realisasi tahunan",
    ]  # fmt: skip
    shown = editor.value.set_index("indikator_id")
    assert shown.loc[INVENTARIS, "target_dokumen"] == "596" and shown.loc[BMD, "tw1"] == ""  # text, no None or nan


def _select(at: AppTest, label: str):
    return next(m for m in at.sidebar.multiselect if m.label == label)


def test_region_filters_narrow_from_provinsi_down(app):
    at = app(RINGKASAN)
    assert _select(at, "Kecamatan").options == ["Bululawang", "Lumajang", "Masama", "Sangkapura"]
    _select(at, "Provinsi").select("Jawa Timur").run()
    assert _select(at, "Kabupaten/kota").options == ["Gresik", "Lumajang", "Malang"]
    assert _select(at, "Kecamatan").options == ["Bululawang", "Lumajang", "Sangkapura"]
    _select(at, "Kabupaten/kota").select("Gresik").run()
    assert _select(at, "Kecamatan").options == ["Sangkapura"]
    assert _select(at, "Tahun").options == ["2019"]
    assert "Sangkapura" in _texts(at) and "Masama" not in _texts(at)


def test_a_deployment_opens_on_its_default_scope_and_the_officer_can_clear_it(app, tmp_path, monkeypatch):
    scope = tmp_path / "lingkup.toml"
    scope.write_text('provinsi = ["Jawa Timur"]\nkabupaten = ["Lumajang"]\n', encoding="utf-8")
    monkeypatch.setenv("KINERJA_LINGKUP_FILE", str(scope))
    at = app(RINGKASAN)
    assert _select(at, "Kabupaten/kota").value == ["Lumajang"]
    assert at.query_params["kabupaten"] == "Lumajang"  # the address says it
    assert _select(at, "Kecamatan").options == ["Lumajang"]
    assert "Masama" not in _texts(at) and "Sangkapura" not in _texts(at)
    _select(at, "Kabupaten/kota").unselect("Lumajang").run()
    _select(at, "Provinsi").unselect("Jawa Timur").run()
    assert "Masama" in _texts(at)  # cleared: everything, and the scope is not forced back
    linked = app(RINGKASAN, kabupaten="Banggai")  # a link with a filter of its own keeps it
    assert _select(linked, "Kabupaten/kota").value == ["Banggai"]


def test_jelajah_sends_one_page_of_rows_and_counts_them_all(app, monkeypatch):
    monkeypatch.setattr("kinerja.presentation.views.PAGE_ROWS", 100)
    monkeypatch.setattr("kinerja.ui.widgets.PAGE_ROWS", 100)
    at = app(JELAJAH)
    assert "266 indikator ditampilkan. Tabel memuat 100 baris per halaman; halaman dipilih di bawah tabel." in _texts(at)
    assert len(at.dataframe[0].value) == 100
    pages = at.number_input(key="daftar_halaman")
    assert pages.label == "Halaman (dari 3)"
    pages.set_value(3).run()
    assert len(at.dataframe[0].value) == 66
    assert "Baris 201–266 dari 266." in _texts(at)
    at.text_input(key="cari").input("laporan").run()  # 62 rows: one page, and no page to choose
    assert not at.exception
    assert len(at.dataframe[0].value) == 62 and "62 indikator ditampilkan." in _texts(at)
    assert [n.key for n in at.number_input if n.key == "daftar_halaman"] == []


CAKUPAN = site.page_of_view("cakupan").script


def test_cakupan_sends_one_page_of_thin_positions_and_counts_them_all(app, monkeypatch):
    monkeypatch.setattr("kinerja.presentation.views.PAGE_ROWS", 20)
    monkeypatch.setattr("kinerja.ui.widgets.PAGE_ROWS", 20)
    at = app(CAKUPAN)
    at.slider(key="batas").set_value(3).run()
    assert "47 jabatan punya 3 indikator atau kurang. Tabel memuat 20 baris per halaman" in _texts(at)
    thin = _table_with(at, "Urutan")
    assert len(thin) == 20 and thin["Kabupaten/kota"].nunique() == 4  # the four seeds lie in four kabupaten
    at.number_input(key="jabatan_tipis_halaman").set_value(3).run()
    assert len(_table_with(at, "Urutan")) == 7 and "Baris 41–47 dari 47." in _texts(at)
    assert any(d.label == "Unduh semua baris (CSV)" for d in at.get("download_button"))
    at.slider(key="batas").set_value(1).run()  # 18 rows: one page, no page to choose
    assert len(_table_with(at, "Urutan")) == 18
    assert [n.key for n in at.number_input if n.key == "jabatan_tipis_halaman"] == []


def _opener(data: Path, monkeypatch, tmp_path):
    """Open a page (through the router, the query given) on the dataset built into `data`."""
    monkeypatch.setenv("KINERJA_DATA_DIR", str(data.parent))
    monkeypatch.setenv("KINERJA_REALISASI_DIR", str(tmp_path / "realisasi"))

    def open_page(page: str, **query) -> AppTest:
        at = AppTest.from_file(DASHBOARD, default_timeout=30)
        for key, value in query.items():
            at.query_params[key] = value
        at.run()
        at.switch_page(site.page(page).from_router).run()
        assert not at.exception, [e.value for e in at.exception]
        return at

    return open_page


@pytest.fixture
def wide_app(many_data, users_file, monkeypatch, tmp_path):
    """A page on 32 kecamatan in two kabupaten (tests/conftest.py `many_data`): more than a chart names."""
    return _opener(many_data, monkeypatch, tmp_path)


def test_perbandingan_of_more_kecamatan_than_fit_side_by_side_shows_regions_and_wordings(wide_app):
    at = wide_app(PERBANDINGAN)
    choice = at.selectbox(key="pilih_jabatan")
    assert choice.value == "Camat" and choice.format_func("Camat") == "Camat (32 kecamatan)"
    assert [i.value for i in at.info] == [
        "Indikator dibandingkan berdampingan, dengan rumusan yang mirip, untuk paling banyak 30 kecamatan atau semua "
        "kecamatan satu kabupaten/kota: pilih kabupaten/kota atau kecamatan di panel Filter."
    ]
    text = _texts(at)
    assert "Camat: 32 indikator di 32 kecamatan di 2 kabupaten/kota." in text
    assert "Camat: 2 rumusan indikator berbeda. Paling sering: “Indeks Kepuasan Masyarakat”, di 20 kecamatan." in text
    assert not [m for m in at.markdown if m.value.startswith("####")]  # no column per kecamatan
    assert _table_with(at, "Rumusan berbeda")["Kabupaten/kota"].tolist() == ["Kab A", "Kab B"]
    assert _table_with(at, "Tercantum (baris)")["Indikator"].tolist() == ["Indeks Kepuasan Masyarakat", "Nilai SAKIP Kecamatan"]
    narrow = wide_app(PERBANDINGAN, kabupaten="Kab B")  # 12 kecamatan: side by side, in rows of four
    narrow.selectbox(key="pilih_jabatan").set_value("Camat").run()
    assert not narrow.info
    assert len([m for m in narrow.markdown if m.value.startswith("####")]) == 12
    assert "Camat: 12 indikator di 12 kecamatan" in _texts(narrow)


def test_kategori_and_cakupan_of_many_kecamatan_speak_of_kabupaten(wide_app):
    kategori = wide_app(KATEGORI)
    assert "Porsi indikator terukur tertinggi di Kab B (67%), terendah di Kab A (20%)." in _texts(kategori)
    titles = [json.loads(chart.proto.spec)["layout"]["title"]["text"] for chart in kategori.get("plotly_chart")]
    assert titles == ["Campuran kategori formula per kabupaten/kota", "Campuran kategori formula per jenis jabatan"]
    cakupan = wide_app(CAKUPAN)
    assert [i.value for i in cakupan.info] == [views.NARROW_FOR_CELLS]  # a cell of the sums holds many kecamatan
    assert "52 jabatan punya 1 indikator atau kurang." in _texts(cakupan)


@pytest.fixture
def yearly_app(yearly_data, monkeypatch, tmp_path):
    """A page on Wonorejo's documents of 2023–2025 and Cibereum's of 2024 (tests/conftest.py `yearly_sources`)."""
    return _opener(yearly_data, monkeypatch, tmp_path)


def test_antar_tahun_opens_on_the_comparison_that_changed_most_and_lists_what_changed(yearly_app):
    at = yearly_app(ANTAR_TAHUN)
    choice = at.selectbox(key="antar_tahun_dokumen")
    assert choice.options == ["Wonorejo 2024 dibanding 2023 (Sukamaju)", "Wonorejo 2025 dibanding 2024 (Sukamaju)"]
    assert choice.index == 1  # 2025 changed six indicators, 2024 none
    assert "Wonorejo 2025 dibanding 2024: 3 indikator tetap, 1 dirumuskan ulang, 2 ditambah dan 1 dihapus." in _texts(at)
    listed = _table_with(at, "Indikator tahun sebelumnya")
    assert listed["Perubahan"].tolist() == ["Tetap", "Ditambah", "Dirumuskan ulang", "Tetap", "Ditambah", "Dihapus"]
    at.toggle(key="antar_tahun_semua").set_value(True).run()
    assert len(_table_with(at, "Indikator tahun sebelumnya")) == 7  # and the filed letters, as they were
    at.selectbox(key="antar_tahun_dokumen").select_index(0).run()
    assert "Wonorejo 2024 dibanding 2023: semua 5 indikator tetap." in _texts(at)
    moved = next(df.value for df in at.dataframe if {"Tahun dibandingkan", "Gerak target"} <= set(df.value.columns))
    assert moved["Gerak target"].tolist() == ["Turun", "Naik"]  # the targets that moved, whichever comparison is shown
    assert not at.error and not at.warning


def test_antar_tahun_without_two_years_says_what_it_needs(yearly_app, app):
    for at in (yearly_app(ANTAR_TAHUN, kecamatan="Cibereum"), app(ANTAR_TAHUN)):
        assert [i.value for i in at.info] == [views.NEEDS_YEARS]
        assert not at.get("plotly_chart") and not at.error
