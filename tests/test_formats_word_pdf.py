"""Word (.docx) and born-digital PDF documents read into the text the layout parsers read.

The seed documents rebuilt as Word files and printed to PDF must give the indicator table the text
conversions give, column for column. Small Word files made here hold what real ones do: merged
cells, a table nested in a cell, tables carried over page breaks, Word's own list numbers and
equations; each is checked for the indicators a person would count in it.
"""

from pathlib import Path

import docx
import pandas as pd
import pytest
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Cm, Pt
from PIL import Image

from kinerja.build import Source, build_dataset, read_manifest
from kinerja.errors import IngestError
from kinerja.ingest import parse_file, read_document
from kinerja.ingest.pdf import pdf_text
from kinerja.ingest.word import docx_text
from tests.seed_documents import docx_to_pdf

HEADER = ["SASARAN", "INDIKATOR KINERJA", "FORMULA", "SUMBER DATA"]
SEED_COUNTS = {"Sangkapura": 112, "Bululawang": 35, "Masama": 86, "Lumajang": 33}  # test_ingest_real_documents


# ---- the seed documents: the same indicators from text, Word and PDF ------------------------------


def _tables(path_of) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The indicator and jabatan tables of the four seed documents, each read from `path_of(source)`."""
    sources = [Source(path_of(s), s.kecamatan, s.kabupaten, s.provinsi, s.tahun) for s in read_manifest()]
    dataset = build_dataset(sources, corrections=[])
    return dataset.indikator.drop(columns="berkas"), dataset.jabatan.drop(columns="berkas")


@pytest.fixture(scope="module")
def from_text():
    return _tables(lambda source: source.path)


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_seed_documents_give_the_same_indicators_as_their_text(kind, from_text, seed_docx, seed_pdf):
    files = seed_docx if kind == "docx" else seed_pdf
    indikator, jabatan = _tables(lambda source: files[source.path.stem])
    text_indikator, text_jabatan = from_text
    assert indikator["kecamatan"].value_counts().to_dict() == SEED_COUNTS
    pd.testing.assert_frame_equal(indikator, text_indikator)
    pd.testing.assert_frame_equal(jabatan, text_jabatan)


def test_seed_word_files_hold_formatting_not_markup(seed_docx):
    """The Word files are made as an office makes them: bold runs, a paragraph per list item."""
    document = docx.Document(seed_docx["iki_masama_2020"])
    cells = [cell for table in document.tables for row in table.rows for cell in row.cells]
    bold_headers = [cell for cell in cells if cell.text == "SASARAN KINERJA" and cell.paragraphs[0].runs[0].bold]
    assert len(bold_headers) == 4  # the four header rows written <b>…</b> in the text
    assert [p.text for p in document.paragraphs if p.runs and p.runs[0].bold][:2] == ["BUPATI BANGGAI", "Ir. H. HERWIN YATIM"]
    first_row = document.tables[0].rows[1].cells
    assert [p.text for p in first_row[4].paragraphs] == ["- Renstra", "- Renja", "- DPA"]
    assert "<" not in docx_text(seed_docx["iki_masama_2020"]).split("INDIKATOR KINERJA INDIVIDU", 1)[1].replace("<br>", "")


# ---- small Word files with what real ones hold --------------------------------------------------


def _document(title: str = "Kepala Seksi Pemerintahan") -> docx.Document:
    document = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    document.styles["Normal"].font.size = Pt(10)
    document.add_paragraph(f"Jabatan : {title}")
    return document


def _table(document, rows: list[list[str]]):
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    return table


def _repeat_as_header(row) -> None:
    row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


def _page_number_footer(document) -> None:
    paragraph = document.sections[0].footer.paragraphs[0]
    paragraph.add_run("Halaman ")
    field = parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>')
    paragraph._p.append(field)


def _indicators(path: Path) -> list[tuple[str, str, str, str]]:
    doc = parse_file(path)
    return [(r.sasaran, r.indikator, r.formula, r.sumber_data) for b in doc.blocks for r in b.indicators]


def _merged_sasaran(folder: Path) -> Path:
    document = _document()
    table = _table(
        document,
        [
            HEADER,
            ["Tertib administrasi kependudukan", "Jumlah KTP elektronik yang diterbitkan", "Jumlah KTP terbit", "Laporan"],
            ["", "Jumlah akta kelahiran yang diterbitkan", "Jumlah akta terbit", "Laporan"],
            ["Meningkatnya ketertiban umum", "Jumlah patroli malam", "Jumlah patroli", "Buku patroli"],
        ],
    )
    table.cell(1, 0).merge(table.cell(2, 0))
    return _save(document, folder / "sasaran_digabung.docx")


def _merged_heading(folder: Path) -> Path:
    document = _document("Kepala Seksi Ketenteraman")
    table = _table(
        document,
        [
            ["INDIKATOR KINERJA INDIVIDU TAHUN 2024", "", "", ""],
            HEADER,
            ["Terjaganya ketenteraman", "Jumlah pos kamling aktif", "Pos kamling yang aktif", "Data Trantib"],
            ["Terjaganya ketenteraman", "Jumlah pelanggaran Perda", "Pelanggaran yang tercatat", "Laporan Satpol PP"],
        ],
    )
    table.cell(0, 0).merge(table.cell(0, 3))
    return _save(document, folder / "judul_digabung.docx")


def _nested_table(folder: Path) -> Path:
    document = _document("Kepala Seksi Pelayanan Umum")
    table = _table(
        document,
        [
            HEADER,
            ["Meningkatnya pelayanan", "Persentase surat selesai tepat waktu", "", "Buku agenda"],
            ["Meningkatnya pelayanan", "Jumlah pengaduan yang ditindaklanjuti", "Jumlah pengaduan", "Buku pengaduan"],
        ],
    )
    cell = table.cell(1, 2)
    cell.paragraphs[0].text = "Perbandingan:"
    nested = cell.add_table(rows=2, cols=2)
    nested.cell(0, 0).text, nested.cell(0, 1).text = "Surat selesai tepat waktu", "dibagi"
    nested.cell(1, 0).text, nested.cell(1, 1).text = "Surat masuk", "× 100%"
    return _save(document, folder / "tabel_bersarang.docx")


def _after_page_break(folder: Path) -> Path:
    """A table cut into two tables by a page break, the header written again on the new page."""
    document = _document("Sekretaris Kecamatan")
    _table(document, [HEADER, ["Tertib keuangan", "Jumlah SPJ yang diverifikasi", "Jumlah SPJ", "Buku kas"]])
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    _table(
        document,
        [
            HEADER,
            ["Tertib keuangan", "Jumlah laporan realisasi anggaran", "Jumlah laporan", "Laporan bulanan"],
            ["Tertib aset", "Jumlah barang yang diinventarisasi", "Jumlah barang", "KIB"],
        ],
    )
    return _save(document, folder / "lanjut_halaman.docx")


LONG_ROWS = 14


def _long_table(folder: Path) -> Path:
    """One table over several pages: its header repeats on each, rows break at the page foot (the
    last one runs over four pages), the sasaran is merged down over pairs of rows, some sources are
    two paragraphs, pages are numbered."""
    document = _document("Kepala Seksi Pemberdayaan Masyarakat")
    _page_number_footer(document)
    rows = [HEADER]
    for number in range(1, LONG_ROWS + 1):
        rows.append(
            [
                f"Meningkatnya partisipasi masyarakat desa kelompok {(number + 1) // 2}" if number % 2 else "",
                f"Jumlah kegiatan pemberdayaan masyarakat desa tahap {number} yang dilaksanakan bersama kader",
                " ".join(["Jumlah kegiatan pemberdayaan yang dilaksanakan dibagi jumlah kegiatan yang direncanakan"] * 3)
                + f" untuk tahap {number}",
                f"Laporan kegiatan tahap {number}",
            ]
        )
    rows[-1][2] = " ".join(
        f"Langkah {step}: kegiatan pemberdayaan yang dilaksanakan dicatat oleh kader desa." for step in range(1, 36)
    )
    table = _table(document, rows)
    _repeat_as_header(table.rows[0])
    for number in range(1, LONG_ROWS + 1):
        if number % 3 == 0:
            table.cell(number, 3).add_paragraph("Daftar hadir peserta")
    for number in range(1, LONG_ROWS, 2):
        table.cell(number, 0).merge(table.cell(number + 1, 0))
    return _save(document, folder / "tabel_panjang.docx")


def _numbered_list(folder: Path) -> Path:
    document = _document("Kepala Sub Bagian Umum")
    table = _table(document, [HEADER, ["Tertib surat menyurat", "", "Jumlah surat", ""]])
    indicators, sources = table.cell(1, 1), table.cell(1, 3)
    indicators.paragraphs[0].text = "Jumlah surat masuk yang diagendakan"
    indicators.paragraphs[0].style = "List Number"
    indicators.add_paragraph("Jumlah surat keluar yang dikirim", style="List Number")
    sources.paragraphs[0].text = "Buku agenda"
    sources.paragraphs[0].style = "List Bullet"
    sources.add_paragraph("Buku ekspedisi", style="List Bullet")
    return _save(document, folder / "daftar_bernomor.docx")


def _equation(folder: Path) -> Path:
    document = _document("Kepala Seksi Pemerintahan")
    table = _table(document, [HEADER, ["Tertib administrasi", "Persentase KTP elektronik", "", "Laporan"]])
    math = parse_xml(
        f"<m:oMath {nsdecls('m')}><m:f><m:num><m:r><m:t>Jumlah KTP terbit</m:t></m:r></m:num>"
        "<m:den><m:r><m:t>Jumlah wajib KTP</m:t></m:r></m:den></m:f><m:r><m:t>×100%</m:t></m:r></m:oMath>"
    )
    table.cell(1, 2).paragraphs[0]._p.append(math)
    return _save(document, folder / "rumus.docx")


def _scanned_with_app_name(folder: Path) -> Path:
    """A scanning app's PDF: the page a picture, the app's name the only text on it."""
    page = Image.new("L", (1400, 900), 250)
    for top in range(80, 860, 40):
        page.paste(40, (100, top, 1300, top + 12))  # lines of 'text' in the picture
    picture = folder / "halaman.png"
    page.save(picture)
    document = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(0.5))
    document.add_picture(str(picture), width=Cm(27))
    document.add_paragraph("Dipindai dengan CamScanner")
    return _save(document, folder / "pindaian_aplikasi.docx")


def _save(document, path: Path) -> Path:
    document.save(path)
    return path


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> dict[str, Path]:
    """The small Word files, and PDFs printed from those a PDF is asked of."""
    folder = tmp_path_factory.mktemp("format_cases")
    files = {
        make.__name__.lstrip("_"): make(folder)
        for make in (
            _merged_sasaran, _merged_heading, _nested_table, _after_page_break, _long_table, _numbered_list, _equation,
            _scanned_with_app_name,
        )
    }  # fmt: skip
    printed = ["merged_sasaran", "merged_heading", "after_page_break", "long_table", "numbered_list", "scanned_with_app_name"]
    for name, pdf in zip(printed, docx_to_pdf([files[name] for name in printed], folder), strict=True):
        files[f"{name}_pdf"] = pdf
    return files


def test_sasaran_merged_down_over_two_rows_is_carried_to_both(made):
    rows = docx_text(made["merged_sasaran"]).splitlines()
    assert rows[3] == "\tJumlah akta kelahiran yang diterbitkan\tJumlah akta terbit\tLaporan"  # merged: empty below
    expected = [
        ("Tertib administrasi kependudukan", "Jumlah KTP elektronik yang diterbitkan", "Jumlah KTP terbit", "Laporan"),
        ("Tertib administrasi kependudukan", "Jumlah akta kelahiran yang diterbitkan", "Jumlah akta terbit", "Laporan"),
        ("Meningkatnya ketertiban umum", "Jumlah patroli malam", "Jumlah patroli", "Buku patroli"),
    ]
    assert _indicators(made["merged_sasaran"]) == expected
    assert _indicators(made["merged_sasaran_pdf"]) == expected


def test_heading_merged_across_the_table_keeps_every_row_on_the_grid(made):
    rows = docx_text(made["merged_heading"]).splitlines()
    assert rows[1] == "INDIKATOR KINERJA INDIVIDU TAHUN 2024\t\t\t"  # once, then the columns it covers
    assert {row.count("\t") for row in rows[1:5]} == {3}
    assert pdf_text(made["merged_heading_pdf"]).splitlines()[2] == rows[1]
    expected = [
        ("Terjaganya ketenteraman", "Jumlah pos kamling aktif", "Pos kamling yang aktif", "Data Trantib"),
        ("Terjaganya ketenteraman", "Jumlah pelanggaran Perda", "Pelanggaran yang tercatat", "Laporan Satpol PP"),
    ]
    assert _indicators(made["merged_heading"]) == expected
    assert _indicators(made["merged_heading_pdf"]) == expected


def test_table_nested_in_a_cell_is_read_into_that_cell(made):
    rows = docx_text(made["nested_table"]).splitlines()
    assert rows[2].split("\t")[2] == "Perbandingan:<br>Surat selesai tepat waktu dibagi<br>Surat masuk × 100%"
    assert _indicators(made["nested_table"]) == [
        (
            "Meningkatnya pelayanan",
            "Persentase surat selesai tepat waktu",
            "Perbandingan: Surat selesai tepat waktu dibagi Surat masuk × 100%",
            "Buku agenda",
        ),
        ("Meningkatnya pelayanan", "Jumlah pengaduan yang ditindaklanjuti", "Jumlah pengaduan", "Buku pengaduan"),
    ]


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_table_continued_after_a_page_break_with_its_header_again(made, kind):
    path = made["after_page_break" if kind == "docx" else "after_page_break_pdf"]
    doc = parse_file(path)
    assert [(b.jabatan, len(b.indicators)) for b in doc.blocks] == [("Sekretaris Kecamatan", 3)]
    assert [r.indikator for r in doc.blocks[0].indicators] == [
        "Jumlah SPJ yang diverifikasi",
        "Jumlah laporan realisasi anggaran",
        "Jumlah barang yang diinventarisasi",
    ]


def test_table_over_several_pages_reads_the_same_from_pdf(made):
    """Rows broken at a page foot are one row again; the repeated header and the page numbers are
    no rows; a source of two paragraphs is two sources in both formats."""
    from_word = _indicators(made["long_table"])
    from_pdf = _indicators(made["long_table_pdf"])
    assert len(from_word) == LONG_ROWS
    assert from_pdf == from_word
    assert from_word[2][0] == "Meningkatnya partisipasi masyarakat desa kelompok 2"
    assert from_word[3][0] == "Meningkatnya partisipasi masyarakat desa kelompok 2"  # merged down
    assert from_word[2][3] == "Laporan kegiatan tahap 3; Daftar hadir peserta"
    text = pdf_text(made["long_table_pdf"])
    assert text.count("SASARAN\tINDIKATOR KINERJA\tFORMULA\tSUMBER DATA") >= 3  # repeated on each page
    assert "Halaman" not in text


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_word_list_numbers_start_one_indicator_each(made, kind):
    path = made["numbered_list" if kind == "docx" else "numbered_list_pdf"]
    assert _indicators(path) == [
        ("Tertib surat menyurat", "Jumlah surat masuk yang diagendakan", "Jumlah surat", "Buku agenda; Buku ekspedisi"),
        ("Tertib surat menyurat", "Jumlah surat keluar yang dikirim", "Jumlah surat", "Buku agenda; Buku ekspedisi"),
    ]


def test_word_equation_becomes_the_formula_text(made):
    assert "$\\frac{Jumlah KTP terbit}{Jumlah wajib KTP} \\times 100%$" in docx_text(made["equation"])
    assert _indicators(made["equation"]) == [
        ("Tertib administrasi", "Persentase KTP elektronik", "Jumlah KTP terbit / Jumlah wajib KTP × 100%", "Laporan")
    ]


# ---- files that cannot be read: a clear message naming the file ---------------------------------


def _message(path: Path) -> str:
    with pytest.raises(IngestError) as caught:
        parse_file(path)
    return str(caught.value)


def test_empty_word_file(tmp_path):
    path = tmp_path / "kosong.docx"
    path.write_bytes(b"")
    assert _message(path) == "kosong.docx: berkas kosong"


def test_word_file_with_prose_and_no_table(tmp_path):
    document = docx.Document()
    document.add_paragraph("Laporan kegiatan bulan Januari")
    document.add_paragraph("Kegiatan berjalan lancar dan tidak ada kendala.")
    path = _save(document, tmp_path / "laporan.docx")
    assert _message(path).startswith("laporan.docx: tidak ditemukan blok jabatan dengan tabel indikator")


def test_text_file_named_docx(tmp_path):
    path = tmp_path / "iki_lama.docx"
    path.write_text("JABATAN : CAMAT\nINDIKATOR KINERJA\n", encoding="utf-8")
    assert _message(path) == "iki_lama.docx: bukan berkas Word (.docx) yang sah"


def test_damaged_word_file(tmp_path, made):
    path = tmp_path / "terpotong.docx"
    path.write_bytes(made["merged_sasaran"].read_bytes()[:2000])
    assert _message(path) == "terpotong.docx: bukan berkas Word (.docx) yang sah"


def test_password_protected_pdf(tmp_path, made):
    [pdf] = docx_to_pdf([made["merged_sasaran"]], tmp_path, password="rahasia")
    locked = pdf.rename(tmp_path / "terkunci.pdf")
    assert _message(locked) == "terkunci.pdf: PDF dilindungi kata sandi; simpan ulang tanpa kata sandi lalu unggah lagi"


@pytest.mark.parametrize("content", ["cut", "text"])
def test_damaged_pdf(tmp_path, made, content):
    path = tmp_path / "rusak.pdf"
    whole = made["merged_sasaran_pdf"].read_bytes()
    path.write_bytes(whole[: len(whole) // 3] if content == "cut" else b"ini bukan PDF\n")
    assert (
        _message(path)
        == "rusak.pdf: PDF rusak atau tidak lengkap sehingga tidak dapat dibaca; buat ulang PDF-nya lalu unggah lagi"
    )


def test_pdf_without_text_layer_is_read_by_ocr(tmp_path, made, monkeypatch):
    bare = tmp_path / "pindaian.pdf"
    Image.new("L", (600, 400), 255).save(bare, resolution=100)
    asked = []
    monkeypatch.setattr("kinerja.ingest.scan.scanned_pdf_text", lambda p: asked.append(p.name) or "JABATAN : CAMAT\n")
    assert read_document(bare) == "JABATAN : CAMAT\n"
    assert read_document(made["scanned_with_app_name_pdf"]) == "JABATAN : CAMAT\n"  # its one line is no text layer
    assert read_document(made["merged_sasaran_pdf"]) != "JABATAN : CAMAT\n"
    assert asked == ["pindaian.pdf", "pindaian_aplikasi.pdf"]
