"""Tambah dokumen in Debian's Chromium: an officer uploads a Word file and a PDF, corrects a cell,
stores both, and finds the new kecamatan on Ringkasan and the correction in Jelajah."""

import shutil

import pandas as pd
import pytest
from playwright.sync_api import expect

from kinerja import db
from kinerja.paths import RAW
from tests.conftest import FIXTURES
from tests.seed_documents import docx_to_pdf, text_to_docx
from tests.test_browser import _running_server, browser, settled, sign_in  # noqa: F401  (the browser fixture)

CORRECTED = "Nilai indeks dari survei kepuasan masyarakat"


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    """A copy of the shipped documents, the data built from them, and two new documents: Wonorejo as
    a Word file and Cibereum printed to PDF."""
    root = tmp_path_factory.mktemp("kantor")
    shutil.copytree(RAW, root / "raw")
    from kinerja.build import build_dataset, read_corrections, read_manifest, write_dataset

    built = build_dataset(read_manifest(root / "raw" / "manifest.csv"), read_corrections(root / "raw" / "koreksi.csv"))
    write_dataset(built, root / "data" / "normalised")
    word = text_to_docx((FIXTURES / "iki_wonorejo_numbered.txt").read_text(), root / "IKI Wonorejo 2024.docx")
    cibereum = text_to_docx((FIXTURES / "iki_cibereum_markdown.txt").read_text(), root / "IKI Cibereum 2024.docx")
    pdf = docx_to_pdf([cibereum], root)[0]
    return root, word, pdf


def test_upload_correct_store_and_see_it(office, made_users_file, browser):  # noqa: F811
    root, word, pdf = office
    with _running_server(root / "data" / "normalised", root / "realisasi", root / "raw", made_users_file) as url:
        tab = browser.new_page(viewport={"width": 1280, "height": 900})
        tab.goto(f"{url}/dokumen")
        expect(tab.get_by_role("heading", name="Tambah dokumen IKI")).to_be_visible(timeout=30000)
        sign_in(tab)  # Sri Wahyuni, an editor: the uploader appears, and the documents are stored under her name
        too_large = root / "pindaian besar.pdf"
        with too_large.open("wb") as handle:
            handle.truncate(60 * 1024 * 1024)  # over the 50 MB a document may have (sparse: no disk used)
        tab.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files([str(word), str(pdf), str(too_large)])
        expect(tab.get_by_text("pindaian besar.pdf")).to_be_visible(timeout=30000)
        expect(tab.locator("[data-testid='stFileChipIconError']")).to_have_count(1, timeout=30000)  # refused by size
        refused = "Berkas bertanda merah tidak diunggah: lebih besar dari 50 MB"
        said = "() => getComputedStyle(document.querySelector('.st-key-dokumen_unggah_0'), '::after').content"
        tab.wait_for_function(f"({said})().includes({refused!r})", timeout=30000)
        expect(tab.get_by_role("heading", name="IKI Wonorejo 2024.docx")).to_be_visible(timeout=60000)
        expect(tab.get_by_role("heading", name=pdf.name)).to_be_visible(timeout=60000)
        expect(tab.get_by_text("3 jabatan · 5 indikator")).to_be_visible()
        # The rows table is drawn on a canvas; its cells are also in the page for screen readers, by
        # column and row: column 3 is Formula (Baris, Periksa, Indikator, Formula), row 0 the Camat's row.
        settled(tab)
        rows = tab.locator(".st-key-baris_" + _key(tab, 0))
        expect(rows.locator("#glide-cell-3-0")).to_have_text("Hasil survei kepuasan masyarakat", timeout=20000)
        rows.scroll_into_view_if_needed()
        tab.wait_for_timeout(500)
        # Select the first row's Baris cell, move to Formula, open its editor, type over it, commit.
        rows.locator("[data-testid='stDataFrameResizable']").click(position={"x": 30, "y": 35 + 17})
        for _ in range(3):
            tab.keyboard.press("ArrowRight")
        tab.keyboard.press("Enter")
        tab.wait_for_timeout(500)  # the cell's editor opens
        tab.keyboard.press("Control+a")
        tab.keyboard.type(CORRECTED)
        tab.wait_for_timeout(500)
        tab.keyboard.press("Enter")
        expect(tab.get_by_text("1 koreksi akan disimpan bersama dokumen ini.")).to_be_visible(timeout=20000)
        # Wonorejo is found in the gazetteer (Pasuruan, Jawa Timur); Cibereum states no provinsi, and
        # its kabupaten Sukamaju is in no list: it is stored only once the officer says the name is right.
        expect(tab.get_by_text("Isi provinsi: tidak terbaca dari teks dokumen.")).to_be_visible()
        tab.get_by_label("Provinsi").nth(1).fill("Jawa Barat")
        tab.get_by_label("Provinsi").nth(1).press("Enter")
        expect(tab.get_by_text("Kabupaten/kota 'Sukamaju'")).to_be_visible(timeout=20000)
        tab.get_by_text("Nama wilayah ini benar walau tidak ada di daftar wilayah").click()
        expect(tab.get_by_text("Disimpan atas nama Sri Wahyuni; riwayat mencatatnya.")).to_be_visible()
        tab.get_by_role("button", name="Simpan 2 dokumen").click()
        expect(tab.get_by_text("Tersimpan: Wonorejo 2024; Cibereum 2024.")).to_be_visible(timeout=60000)

        tab.goto(url)  # Ringkasan, without a restart
        expect(tab.get_by_role("heading", name="Ringkasan kinerja kecamatan")).to_be_visible(timeout=30000)
        expect(tab.locator(".js-plotly-plot").first).to_be_visible(timeout=30000)
        chart = tab.locator(".js-plotly-plot").first.inner_text()
        assert "Wonorejo" in chart and "Cibereum" in chart, chart
        tab.goto(f"{url}/jelajah?kecamatan=Wonorejo")
        expect(tab.get_by_text("5 indikator ditampilkan. 1 di antaranya memuat koreksi petugas")).to_be_visible(timeout=30000)

    frame = db.read_table("indikator", root / "data" / "normalised")
    camat = frame.query("kecamatan == 'Wonorejo' and jabatan_baku == 'Camat'").iloc[0]
    assert camat["formula"] == CORRECTED and camat["dikoreksi"] == "formula"
    assert (root / "raw" / "koreksi.csv").read_text().count("Sri Wahyuni") == 1
    added = pd.read_csv(root / "raw" / "manifest.csv").tail(2)
    assert added["oleh"].tolist() == ["Sri Wahyuni", "Sri Wahyuni"]


def _key(tab, index: int) -> str:
    """The widget key suffix of the index-th upload's rows table (its content's sha256 prefix)."""
    classes = tab.locator("[class*='st-key-baris_']").nth(index).get_attribute("class")
    return next(c for c in classes.split() if c.startswith("st-key-baris_")).removeprefix("st-key-baris_")
