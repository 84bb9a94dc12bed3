"""Scans and photos read by OCR (kinerja/ingest/scan.py), against the text path on the real seed
documents: each seed printed to PDF by LibreOffice and scanned at 200 dpi (tests/seed_documents.py).

Must withstand: for each seed, at least 95 % of the indicators the text path finds are found in the
scan, under the same jabatan, worded alike. "Alike" is rapidfuzz's ratio (character edits, after
lower-casing and dropping punctuation) of at least 90, pairs taken one-to-one best first:
- a few wrong letters pass (one letter in a 40-letter indicator scores 97-98), a word lost or added
  does not (the two misses on the seeds, rows cut by a page break, score 81 and 84);
- indicators of one jabatan can differ in one word ("… menetapkan RKPDes Tepat Waktu" / "… APBDes …"
  scores 96, "… luar daerah …" / "… dalam daerah …" 97), so no bar alone tells them apart: taking
  the best pairs first gives the scan's reading to the indicator it reads, not to its neighbour.
"""

import csv
import time
from pathlib import Path

import numpy as np
import pypdfium2
import pytest
from PIL import Image
from rapidfuzz import fuzz, utils

from kinerja.build import Source, build_dataset
from kinerja.errors import IngestError, OcrUnavailable
from kinerja.indonesian import format_number, format_percent
from kinerja.ingest import parse_file, parse_text, read_document, scan
from kinerja.paths import MANIFEST, RAW
from tests.conftest import BULULAWANG, LUMAJANG, SEEDS, parsed

ALIKE = 90
MUST_MATCH = 0.95


@pytest.fixture(scope="session")
def scanned(seed_scan) -> dict[str, str]:
    """Each seed's scan read once for the whole session (OCR takes a minute or two for all four)."""
    texts = {}
    for stem, pdf in seed_scan.items():
        started = time.perf_counter()
        texts[stem] = scan.scanned_pdf_text(pdf)
        seconds = time.perf_counter() - started
        pages = len(pypdfium2.PdfDocument(pdf))
        print(f"\nOCR {stem}: {pages} halaman, {format_number(seconds, 1)} s ({format_number(seconds / pages, 2)} s per halaman)")
    return texts


def _manifest_row(stem: str) -> dict[str, str]:
    with MANIFEST.open(encoding="utf-8") as handle:
        return next(row for row in csv.DictReader(handle) if row["berkas"] == f"{stem}.txt")


def _indicators(path: Path, stem: str):
    row = _manifest_row(stem)
    source = Source(path, row["kecamatan"], row["kabupaten"], row["provinsi"], int(row["tahun"]))
    return build_dataset([source], corrections=[]).indikator


def _matched(text_rows, scan_rows) -> dict[int, float]:
    """Each text-path indicator's score against the scan indicator it is paired with: pairs of the
    same jabatan_baku, best first, each indicator of either side used once."""
    pairs = sorted(
        (
            (fuzz.ratio(a.indikator, b.indikator, processor=utils.default_process), i, j)
            for i, a in text_rows.iterrows()
            for j, b in scan_rows[scan_rows.jabatan_baku == a.jabatan_baku].iterrows()
        ),
        key=lambda pair: -pair[0],
    )
    scores: dict[int, float] = {}
    taken: set[int] = set()
    for score, i, j in pairs:
        if i not in scores and j not in taken:
            scores[i] = score
            taken.add(j)
    return scores


@pytest.mark.parametrize("stem", [seed.stem for seed in SEEDS])
def test_scan_finds_the_indicators_of_the_text_path(stem, scanned, tmp_path):
    scan_file = tmp_path / f"{stem}.txt"
    scan_file.write_text(scanned[stem], encoding="utf-8")
    text_rows = _indicators(RAW / f"{stem}.txt", stem)
    scores = _matched(text_rows, _indicators(scan_file, stem))
    found = sum(score >= ALIKE for score in scores.values())
    share = format_percent(found, len(text_rows), 1)
    print(f"\n{stem}: {found} dari {len(text_rows)} indikator ditemukan di pindaian ({share})")
    assert found / len(text_rows) >= MUST_MATCH, f"{stem}: {found} dari {len(text_rows)} indikator ({share})"


@pytest.mark.parametrize("stem", [seed.stem for seed in SEEDS])
def test_scan_is_read_by_the_same_layout_into_the_same_positions(stem, scanned):
    text_doc = parsed(RAW / f"{stem}.txt")
    scan_doc = parse_text(scanned[stem], f"{stem}.pdf")
    assert scan_doc.layout == text_doc.layout
    assert len(scan_doc.blocks) == len(text_doc.blocks)


def test_lumajang_scan_keeps_block_numbers_colons_and_percent_signs(scanned):
    """The marks tesseract's Indonesian model loses, read by the English one and a second reading."""
    text = scanned["iki_lumajang_2023"]
    lines = text.splitlines()
    assert [line for line in lines if line.rstrip(".").isdigit()] == [f"{n}." for n in range(1, 11)]
    assert "JABATAN\t:\tSub Bagian Keuangan" in lines
    assert "Terpenuhinya pengadministrasian umum perangkat daerah\tPersentase fasilitasi Administrasi Umum " in text
    assert text.count("100 %") + text.count("100%") == 14  # every target of the document


def test_bululawang_scan_keeps_the_colon_between_bold_words(scanned):
    """Bululawang's jabatan lines print the colon between bold words ('**Jabatan** : **CAMAT**');
    tesseract gives such a ':' a box one pixel wide beside its dots, which must not count as a
    mark read into blank paper. All 14 lines, as printed (the bold markup is no text)."""
    printed = [line.replace("**", "") for line in BULULAWANG.read_text(encoding="utf-8").splitlines() if "Jabatan" in line]
    assert len(printed) == 14
    assert [line for line in scanned["iki_bululawang_2017"].splitlines() if "Jabatan" in line] == printed


def test_sangkapura_scan_keeps_the_paragraphs_of_its_flattened_table(scanned):
    """Sangkapura's text has no tabs: its table is paragraphs, each cell apart by a blank line, as
    the text path has them; a cell cut by a page break is joined again."""
    text = scanned["iki_sangkapura_2019"]
    assert "\n\nJumlah bantuan sosial anak\nyatim\n\nPemberian bantuan sosial\n" in text
    assert "\n\nLaporan kependudukan\ndibuat setiap bulan\n\n" in text


def _page_with(pdf: Path, words: str) -> int:
    document = pypdfium2.PdfDocument(pdf)
    return next(i for i, page in enumerate(document) if words in " ".join(page.get_textpage().get_text_range().split()))


def test_photo_of_a_table_page_reads_its_rows_as_tab_lines(seed_pdf, tmp_path):
    pdf = seed_pdf["iki_lumajang_2023"]
    index = _page_with(pdf, "Pengadministrasian Barang Milik Daerah pada")
    photo = tmp_path / "halaman.png"
    pypdfium2.PdfDocument(pdf)[index].render(scale=150 / 72).to_pil().save(photo)  # a small photo: 1754 px wide
    text = scan.image_text(photo)
    table = LUMAJANG.read_text(encoding="utf-8").splitlines()[22:29]  # the SASARAN KEGIATAN table of block 2
    assert table[0] == "SASARAN KEGIATAN\tINDIKATOR KEGIATAN\tTARGET\tSUMBER DATA"
    assert [line for line in text.splitlines() if line in table] == table


def test_blank_photo_says_nothing_could_be_read(tmp_path):
    blank = tmp_path / "kosong.png"
    Image.fromarray(np.full((1200, 1700), 255, dtype=np.uint8)).save(blank)
    with pytest.raises(IngestError) as error:
        scan.image_text(blank)
    assert str(error.value) == "kosong.png: tidak ada teks yang terbaca (gambar kosong atau terlalu buram)"


def test_a_file_that_is_not_an_image_is_refused_by_name(tmp_path):
    fake = tmp_path / "foto.jpg"
    fake.write_text("bukan gambar", encoding="utf-8")
    with pytest.raises(IngestError, match=r"^foto\.jpg: bukan gambar yang dapat dibuka"):
        scan.image_text(fake)


def test_without_tesseract_scans_say_what_to_install_and_text_still_parses(monkeypatch, tmp_path):
    monkeypatch.setattr(scan.pytesseract.pytesseract, "tesseract_cmd", str(tmp_path / "tidak-ada" / "tesseract"))
    hint = "membutuhkan paket Debian tesseract-ocr: sudo apt-get install tesseract-ocr (atau make system)"
    assert hint in scan.ocr_available()
    photo = tmp_path / "foto.png"
    Image.fromarray(np.full((100, 100), 255, dtype=np.uint8)).save(photo)
    with pytest.raises(OcrUnavailable, match=r"^foto\.png: Program tesseract tidak ditemukan") as error:
        read_document(photo)
    assert hint in str(error.value)
    with pytest.raises(OcrUnavailable):
        scan.scanned_pdf_text(tmp_path / "pindaian.pdf")
    assert parse_file(LUMAJANG).indicator_count == 33  # the other formats keep working


def test_without_the_language_data_the_message_names_it(monkeypatch):
    monkeypatch.setattr(scan, "LANGUAGE", "xyz")
    assert scan.ocr_available().startswith("Data bahasa 'xyz' untuk tesseract tidak terpasang; membaca pindaian")


def test_ocr_is_available_on_this_machine():
    assert scan.ocr_available() is None
