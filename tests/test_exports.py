"""The deck, the workbook, chart images and the export command, opened the way their readers open them."""

import io

import openpyxl
import pandas as pd
import pytest
from pptx import Presentation

from kinerja import db
from kinerja.cli import main
from kinerja.errors import ExportUnavailable
from kinerja.filters import Filters
from kinerja.indonesian import format_date
from kinerja.presentation import images, slides, views, workbook
from kinerja.spreadsheet import to_csv_bytes, to_xlsx_bytes


@pytest.fixture(scope="module")
def con(real_data):
    return db.connect(real_data)


@pytest.fixture(autouse=True)
def isolated(real_data, tmp_path, monkeypatch):
    monkeypatch.setenv("KINERJA_DATA_DIR", str(real_data))
    monkeypatch.setenv("KINERJA_REALISASI_DIR", str(tmp_path / "realisasi"))


def test_key_views_and_their_computed_takeaways(con):
    shown = views.key_views(con, Filters())
    assert [v.key for v in shown] == ["ringkasan", "cakupan", "kategori", "capaian"]
    assert shown[0].pesan == "35 dari 266 indikator (13%) punya formula yang menghitung capaian."
    assert shown[1].pesan == "Indikator terbanyak pada jabatan Pelaksana (145 dari 266), paling sedikit pada Camat (5)."
    assert shown[2].pesan == "Porsi indikator terukur tertinggi di Lumajang (24%), terendah di Sangkapura (4%)."
    assert "DATA CONTOH ILUSTRATIF" in shown[3].judul and "(data contoh ilustratif)" in shown[3].pesan
    assert "," in shown[3].pesan.split("median capaian ")[1]  # Indonesian decimal comma


def test_takeaways_follow_the_filters(con):
    shown = views.key_views(con, Filters(kecamatan=("Lumajang",)))
    assert shown[0].pesan.startswith("8 dari 33 indikator")
    assert shown[1].pesan == "Indikator terbanyak pada jabatan Pelaksana (17 dari 33), paling sedikit pada Sekretaris (1)."
    assert views.key_views(con, Filters(teks="tidak ada jabatan ini")) == []


def test_deck_opens_with_the_expected_slides_and_titles(con):
    filters = Filters(kecamatan=("Lumajang", "Masama"))
    deck = Presentation(io.BytesIO(slides.deck(views.key_views(con, filters), filters)))
    titles = [s.shapes.title.text for s in deck.slides]
    assert titles == [
        "Paparan Kinerja Kecamatan",
        "Indikator per kecamatan",
        "Cakupan jabatan",
        "Kategori formula",
        "Target vs realisasi (DATA CONTOH ILUSTRATIF)",
        "Lampiran: angka per kecamatan",
    ]
    subtitle = deck.slides[0].placeholders[1].text
    assert "Kecamatan Lumajang, Masama" in subtitle and format_date() in subtitle
    for slide in list(deck.slides)[1:5]:
        assert any(shape.shape_type == 13 for shape in slide.shapes)  # a picture: the chart
        texts = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
        assert any(t.endswith(".") and t != slide.shapes.title.text for t in texts)  # the takeaway line
    table = next(shape for shape in deck.slides[5].shapes if shape.has_table).table
    assert [table.cell(0, j).text for j in range(3)] == ["Kecamatan", "Tahun", "Jumlah jabatan"]
    assert {table.cell(1, 0).text, table.cell(2, 0).text} == {"Lumajang", "Masama"}


def test_workbook_has_one_sheet_per_table_frozen_headers_and_no_formulas(con):
    shown = views.key_views(con, Filters())
    book = openpyxl.load_workbook(io.BytesIO(workbook.workbook(shown)))
    assert book.sheetnames == ["Indikator per kecamatan", "Cakupan jabatan", "Kategori formula", "Capaian (CONTOH ILUSTRATIF)"]
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2"
        assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    assert book["Indikator per kecamatan"]["A1"].value == "Kecamatan"


def test_text_that_a_spreadsheet_would_run_is_kept_as_text():
    hostile = pd.DataFrame({"Indikator": ['=HYPERLINK("http://x","klik")', "+1+1", "-2", "@SUM(A1)", "Jumlah laporan"]})
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx_bytes({"Uji": hostile})))
    cells = [row[0] for row in book["Uji"].iter_rows(min_row=2)]
    assert all(cell.data_type == "s" for cell in cells)
    assert [c.value for c in cells] == ['\'=HYPERLINK("http://x","klik")', "'+1+1", "'-2", "'@SUM(A1)", "Jumlah laporan"]
    assert to_csv_bytes(hostile).decode("utf-8-sig").splitlines()[1].startswith("\"'=HYPERLINK")


def test_csv_opens_as_columns_in_indonesian_excel(con):
    """';' between cells, decimal commas, a BOM; whole numbers and years as written."""
    table = views.kategori(con, Filters(kecamatan=("Lumajang",))).tabel
    content = to_csv_bytes(table)
    assert content.startswith(b"\xef\xbb\xbf")
    lines = content.decode("utf-8-sig").splitlines()
    assert lines[0] == ";".join(table.columns)
    back = pd.read_csv(io.BytesIO(content), sep=";", decimal=",", encoding="utf-8-sig")
    assert back.shape == table.shape
    assert back["% indikator"].tolist() == pytest.approx(table["% indikator"].tolist())
    decimals = [line for line in lines[1:] if any("," in cell for cell in line.split(";"))]
    assert decimals and not any("." in line.split(";")[-1] for line in lines[1:])


def test_chart_images_png_and_svg(con):
    figure = views.key_views(con, Filters())[0].figure
    png, svg = images.render_images([figure], "png")[0], images.render_images([figure], "svg")[0]
    assert png.startswith(b"\x89PNG")
    assert b"<svg" in svg[:500] and b"Jumlah indikator per kecamatan" in svg


def test_without_a_browser_the_message_is_clear(con, monkeypatch, capsys, tmp_path):
    monkeypatch.setattr(images, "browser_available", lambda: False)
    with pytest.raises(ExportUnavailable, match="Chromium tidak ditemukan"):
        images.render_images([views.key_views(con, Filters())[0].figure])
    assert main(["export", "--format", "pptx", "--out", str(tmp_path / "x.pptx")]) == 2
    assert "Chromium tidak ditemukan" in capsys.readouterr().err
    assert not (tmp_path / "x.pptx").exists()


def test_export_command(tmp_path, capsys):
    out = tmp_path / "buku.xlsx"
    assert (
        main(["export", "--format", "xlsx", "--out", str(out), "--kecamatan", "Lumajang", "--jabatan", "pengadministrasi"]) == 0
    )
    book = openpyxl.load_workbook(out)
    rows = list(book["Indikator per kecamatan"].iter_rows(min_row=2, values_only=True))
    assert rows[0][:2] == ("Lumajang", 2023) and rows[0][4] == 17  # indicators: 5 + 4 + 4 + 4 pengadministrasi
    deck = tmp_path / "paparan.pptx"
    assert main(["export", "--format", "pptx", "--out", str(deck), "--tahun", "2020"]) == 0
    assert "Tahun 2020" in Presentation(deck).slides[0].placeholders[1].text
    assert main(["export", "--format", "xlsx", "--out", str(tmp_path / "kosong.xlsx"), "--jabatan", "tidak ada"]) == 2
