"""The parsers on the four real documents in data/raw. Every count here was made by reading the
document by hand: position blocks in document order and the indicator rows a person sees in each."""

import csv

import pytest

from kinerja.ingest import LAYOUTS, Layout, detect_layout, read_text
from kinerja.ingest.layout import TabTableLayout
from kinerja.ingest.markdown_decree import MarkdownDecree
from kinerja.ingest.numbered_blocks import NumberedBlocks
from kinerja.ingest.ocr_table import OcrTable
from tests.conftest import BULULAWANG, FIXTURES, LUMAJANG, MASAMA, SANGKAPURA, block, indicator, parsed

SANGKAPURA_BLOCKS = [
    ("SEKRETARIS KECAMATAN (SEKCAM)", 3),
    ("KEPALA SEKSI KESEJAHTERAAN RAKYAT", 5),
    ("KEPALA SEKSI PEMERINTAHAN", 3),
    ("KEPALA SEKSI EKONOMI", 2),
    ("KASI KETENTRAMAN DAN KETERTIBAN UMUM", 2),
    ("KEPALA SEKSI PEMBANGUNAN", 1),
    ("KEPALA SUB BAGIAN UMUM DAN KEPEGAWAIAN", 13),
    ("KEPALA SUB BAGIAN KEUANGAN, PROGRAM DAN PELAPORAN", 4),
    ("PENGEVALUASI HASIL BANTUAN SOSIAL KEMASYARAKATAN", 9),
    ("PENGOLAH BANTUAN SOSIAL DAN HIBAH", 7),
    ("PENGADMINISTRASI PEMERINTAHAN", 4),
    ("PENGADMINISTRASI PERTANAHAN", 3),
    ("PENGOLAH DATA KEBIJAKAN DAN STRATEGI PEMBIAYAAN", 6),
    ("PENGOLAH DATA HIBAH DAERAH", 6),
    ("PENGELOLA KEAMANAN DAN KETERTIBAN", 3),
    ("PENGOLAH DATA KEAMANAN DAN KETERTIBAN", 3),
    ("PENGADMINISTRASI PERENCANAAN DAN PROGRAM", 3),
    ("PENGADMINISTRASI KEPEGAWAIAN", 11),
    ("PENGELOLA BARANG MILIK DAERAH", 5),
    ("PENGELOLA SARANA DAN PRASARANA KANTOR", 4),
    ("PENATA KEUANGAN", 6),
    ("PENGELOLA PROGRAM DAN LAPORAN", 4),
    ("PENGADMINISTRASI KEUANGAN", 5),
]

BULULAWANG_BLOCKS = [
    ("Sekretaris Kecamatan", 3),
    ("Kasi Pemerintahan", 3),
    ("Kasi Kesejahteraan Sosial dan Kepemudaan", 3),
    ("Kasi Keamanan dan ketertiban", 3),
    ("Kasi Pembangunan dan Pemberdayaan Masyarakat", 3),
    ("Kasi Pelayanan Publik", 2),
    ("KASUBAG. PERENCANAAN EVALUASI DAN PELAPORAN", 2),
    ("KASUBAG UMUM, KEPEGAWAIAN, KEUANGAN dan ASET", 5),
    ("PENGADMINISTRASI KEPEGAWAIAN", 3),
    ("PENGURUS BARANG", 1),
    ("CARAKA", 1),
    ("PENGADMINISTRASI PELAYANAN PUBLIK", 2),
    ("PENGADMINISTRASI DATA PEMBANGUNAN", 1),
    ("CAMAT", 3),
]

MASAMA_BLOCKS = [
    ("Camat Masama", 2),
    ("Kepala Seksi Pembangunan", 1),
    ("Pengolah Data (Pembinaan Perekonomian Masyarakat dan Penataan Lingkungan)", 1),
    ("Kepala Seksi Pelayanan, Informasi dan Pengaduan", 5),
    ("Pengolah Data (Pelayanan Perizinan)", 2),
    ("Pengolah Data (Pelayanan Informasi dan Pengaduan)", 3),
    ("Kepala Seksi Pemberdayaan Masyarakat Desa/Kelurahan", 3),
    ("Pengolah Data (Pemberdayaan Ekonomi Keluarga)", 2),
    ("Pengolah Data (Pembinaan Masyarakat dan Kelembagaan)", 1),
    ("Kepala Seksi Ketentraman dan Ketertiban Umum", 2),
    ("Pengadministrasi Pelayanan (Ketentraman dan Ketertiban Umum )", 1),
    ("Pengolah Data Ketentraman dan Ketertiban Umum", 1),
    ("Kepala Seksi Pemerintahan", 2),
    ("Pengolah Data (Pemerintahan dan Kependudukan)", 1),
    ("Pengadministrasi Pemerintahan", 1),
    ("Pengadministrasi Pemerintahan", 1),
    ("Pengadministrasi Pemerintahan", 1),
    ("Sekretaris Kecamatan Masama", 6),
    ("Kepala Sub Bagian Perencanaan, Keuangan & Evaluasi", 6),
    ("Pengolah Data (Perencanaan dan Penganggaran)", 3),
    ("Pengolah Data (Program dan Kegiatan)", 1),
    ("Bendahara Pengeluaran", 1),
    ("Pengolah Data Laporan Keuangan (Administrator Keuangan dan Perjalanan Dinas)", 2),
    ("Kepala Sub Bagian Umum, Kepegawaian & Aset", 18),
    ("Pengolah Data Kepegawaian", 3),
    ("Pengadministrasi Umum", 8),
    ("Pengelola Sarana Prasarana Kantor", 8),
]

LUMAJANG_BLOCKS = [
    ("SEKRETARIS CAMAT", 1),
    ("Sub Bagian Umum dan Kepegawaian", 6),
    ("Sub Bagian Keuangan", 2),
    ("Seksi Pemerintahan", 5),
    ("Seksi Pelayanan Umum", 1),
    ("Seksi Pemberdayaan Masyarakat", 1),
    ("Pengadministrasi Keuangan", 5),
    ("Pengadministrasi Persuratan", 4),
    ("Pengadministrasi Umum", 4),
    ("Pengadministrasi Umum", 4),
]


@pytest.mark.parametrize(
    "path, layout, expected",
    [
        (SANGKAPURA, "ocr_table", SANGKAPURA_BLOCKS),
        (BULULAWANG, "markdown_decree", BULULAWANG_BLOCKS),
        (MASAMA, "markdown_decree", MASAMA_BLOCKS),
        (LUMAJANG, "numbered_blocks", LUMAJANG_BLOCKS),
    ],
    ids=["sangkapura", "bululawang", "masama", "lumajang"],
)
def test_blocks_and_indicator_counts_match_hand_count(path, layout, expected):
    doc = parsed(path)
    assert layout == detect_layout(read_text(path)).name
    assert [(b.jabatan, len(b.indicators)) for b in doc.blocks] == expected


def test_layouts_are_tried_most_specific_first_and_implement_the_interface():
    assert [layout.name for layout in LAYOUTS] == ["numbered_blocks", "markdown_decree", "ocr_table"]
    for layout in LAYOUTS:
        assert isinstance(layout, Layout)
        assert not type(layout).__abstractmethods__
    with pytest.raises(TypeError):
        Layout()
    with pytest.raises(TypeError):
        TabTableLayout()  # a tab-table layout must say where its blocks start


def test_tab_table_layouts_only_say_where_a_block_starts():
    for layout in (MarkdownDecree, NumberedBlocks):
        assert issubclass(layout, TabTableLayout)
        assert {name for name in vars(layout) if not name.startswith("_")} == {"name", "block_starts"}
        assert layout.looks_like is TabTableLayout.looks_like
        assert layout.parse is TabTableLayout.parse
    assert issubclass(OcrTable, Layout) and not issubclass(OcrTable, TabTableLayout)
    assert {"name", "looks_like", "parse"} <= set(vars(OcrTable))


def test_totals():
    assert [parsed(p).indicator_count for p in (SANGKAPURA, BULULAWANG, MASAMA, LUMAJANG)] == [112, 35, 86, 33]


# --- Sangkapura: OCR of a scanned table ------------------------------------------------------------


def test_ocr_title_far_from_its_label_and_without_colon():
    doc = parsed(SANGKAPURA)
    # "JABATAN / TUGAS / FUNGSI" stacked, title 10 lines further down as ": KEPALA SEKSI PEMERINTAHAN"
    assert block(doc, "KEPALA SEKSI PEMERINTAHAN").line == 185
    # title line lost its colon: "KASI KETENTRAMAN DAN KETERTIBAN UMUM"
    assert (
        block(doc, "KASI KETENTRAMAN").indicators[0].indikator == "Jumlah pelaksanaan kegiatan pengendalian keamanan lingkungan"
    )


def test_ocr_glued_title_words_are_split():
    titles = [b.jabatan for b in parsed(SANGKAPURA).blocks]
    assert "KEPALA SEKSI EKONOMI" in titles  # OCR: "KEPALA SEKSIEKONOMI"
    assert "KEPALA SEKSI PEMBANGUNAN" in titles  # OCR: ": KEPALA SEKSIPEMBANGUNAN"


def test_ocr_cell_paragraph_rows():
    doc = parsed(SANGKAPURA)
    row = indicator(doc, "Jumlah Tim Penggerak PKK")
    assert row.indikator == "Jumlah Tim Penggerak PKK Desa yang dibina"
    assert row.formula == "Pembinaan PKK dilaksanakan di desa dan Kecamatan sebanyak 26 desa"
    assert row.sumber_data == "Laporan kegiatan pembinaan PKK"
    assert row.sasaran == "Meningkatnya Koordinasi Pemberdayaan dan Pembinaan Kemasyarakatan Desa"


def test_ocr_sasaran_spanning_several_rows_carries_over():
    rows = block(parsed(SANGKAPURA), "PENGEVALUASI").indicators
    assert {r.sasaran for r in rows[:3]} == {"Tersedianya bahan evaluasi bantuan sosial kemasyarakatan"}
    assert rows[3].sasaran == "Terklasifikasinya jenis bantuan sosial kemasyarakatan"


def test_ocr_noise_in_indicator_words_is_repaired():
    rows = block(parsed(SANGKAPURA), "KASI KETENTRAMAN").indicators
    assert rows[1].indikator.startswith("Jumlah peserta monev")  # OCR: "Numlah peserta monev"
    kasubag = block(parsed(SANGKAPURA), "SUB BAGIAN UMUM").indicators
    assert kasubag[9].indikator.startswith("Jumlah fasilitasi pemeliharaan")  # OCR: "Jumlanh"


def test_ocr_formula_that_opens_like_an_indicator_stays_the_formula():
    rows = block(parsed(SANGKAPURA), "PENGADMINISTRASI PEMERINTAHAN").indicators
    assert [r.indikator for r in rows] == [
        "Jumlah berkas pengajuan KK",
        "Jumlah berkas pengajuan Surat Pindah Masuk dan Pindah Keluar",
        "Prosentase perekaman e-KTP",  # 'e-' / 'KTP' cut at the line end
        "Jumlah Laporan Kependudukan",
    ]
    assert rows[2].formula == "Jumlah perekaman e-KTP dibagi jumlah wajib KTP"


def test_ocr_flattened_rows_are_split_into_indicators_and_reported():
    doc = parsed(SANGKAPURA)
    rows = block(doc, "SUB BAGIAN UMUM").indicators
    assert rows[1].indikator == "Jumlah jenis bahan bacaan"
    assert rows[1].formula == "Surat kabar/majalah sebanyak 24 eksemplar"
    assert rows[1].sumber_data == "DPA-SKPD"
    assert rows[2].indikator == "Jumlah penyediaan makanan dan minuman"  # 'minuman minuman' on the next line
    doubted = {n.line for n in doc.notes if n.kind == "diragukan"}
    assert {445, 449, 451} <= doubted


def test_ocr_two_rows_on_consecutive_flattened_lines():
    rows = block(parsed(SANGKAPURA), "PENGADMINISTRASI KEUANGAN").indicators
    # 'LPKM Kegiatan Mingguan (LPKM) ~[LPKM dibuat setiap minggu |LPKM': sasaran, indicator, formula, source
    lpkm, rpkm = rows[3], rows[4]
    assert (lpkm.sasaran, lpkm.indikator) == ("Tercukupinya Laporan LPKM", "Jumlah Laporan Pelaksanaan Kegiatan Mingguan (LPKM)")
    assert (lpkm.formula, lpkm.sumber_data) == ("LPKM dibuat setiap minggu", "LPKM")
    assert (rpkm.sasaran, rpkm.indikator) == ("Tercukupinya Laporan RPKM", "Jumlah Rencana Pelaksanaan Kegiatan Mingguan (RPKM)")
    assert (rpkm.formula, rpkm.sumber_data) == ("RPKM dibuat setiap minggu", "RKPM")


def test_ocr_stray_text_outside_cells_is_reported_not_kept():
    doc = parsed(SANGKAPURA)
    skipped = [n for n in doc.notes if n.kind == "dilewati"]
    assert any("arandanPendapatan" in n.text for n in skipped)
    assert not any("arandanPendapatan" in r.sumber_data for b in doc.blocks for r in b.indicators)


SANGKAPURA_READING = list(csv.DictReader((FIXTURES / "sangkapura_indikator.csv").open(encoding="utf-8")))


def test_ocr_every_indicator_and_formula_start_as_read_by_hand():
    """tests/fixtures/sangkapura_indikator.csv: each of the 112 rows read off the OCR text by hand,
    with the first words of its formula and a note where the OCR leaves a doubt."""
    rows = [(b.jabatan, r) for b in parsed(SANGKAPURA).blocks for r in b.indicators]
    assert len(rows) == len(SANGKAPURA_READING) == 112
    for (jabatan, row), expected in zip(rows, SANGKAPURA_READING, strict=True):
        where = f"line {expected['baris']}: {expected['catatan']}"
        assert (jabatan, row.line, row.indikator) == (expected["jabatan"], int(expected["baris"]), expected["indikator"]), where
        assert row.formula.startswith(expected["formula_awal"]), (row.formula, where)


def test_ocr_sasaran_of_the_four_column_rows_read_whole():
    # the secretary's three rows: every column on every line (54-68), once fixed in data/corrections.csv
    rows = block(parsed(SANGKAPURA), "SEKRETARIS").indicators
    assert [r.sasaran for r in rows] == [
        "Meningkatnya Pelayanan Administrasi Perkantoran",
        "Meningkatnya Sarana dan Prasarana Aparatur",
        "Meningkatnya Pengembangan Sistem Pelaporan Capaian Kinerja dan Keuangan",
    ]
    assert rows[0].formula == "Jumlah pelaksanaan Tupoksi yang difasilitasi dibagi jumlah pelaksanaan Tupoksi yang dilaksanakan"
    assert rows[0].sumber_data == "Laporan fasilitasi pelaksanaan Tupoksi"
    assert rows[2].sumber_data == "Laporan Kinerja dan Keuangan"


def test_ocr_glued_words_are_split_and_recorded_with_their_line():
    doc = parsed(SANGKAPURA)
    splits = {(s.line, s.original): s.split for s in doc.split_words}
    assert splits[(445, "Jumlahbarangcetakandan")] == "Jumlah barang cetakan dan"
    assert splits[(1223, "DanaDesadicairkandalamdua")] == "Dana Desa dicairkan dalam dua"
    assert splits[(54, "Tupoksiyang")] == "Tupoksi yang"
    assert splits[(738, "RekapjumlahPKMBulogJATIM")] == "Rekap jumlah PKM Bulog JATIM"
    assert len(doc.split_words) == 50  # every split listed by `kinerja check`, read there one by one
    originals = {s.original for s in doc.split_words}
    # words, names and abbreviations stay whole
    assert not originals & {"RKPDesa", "BUMDes", "LKjIP", "Sangkapura", "dibina", "diseleksi", "sekecamatan", "e-KTP"}
    assert indicator(doc, "pemeliharaan kendaraan").formula.startswith("Kendaraan dinas roda empat 2 unit dan roda dua")


def test_layouts_from_word_files_keep_their_words_as_written():
    assert all(not parsed(path).split_words for path in (BULULAWANG, MASAMA, LUMAJANG))


# --- Bululawang: markdown decree -------------------------------------------------------------------


def test_markdown_latex_fraction_becomes_plain_text():
    row = indicator(parsed(BULULAWANG), "Persentase Keaktifan Siskamling")
    assert row.formula == "Keaktifan Siskamling = Σ Kelompok Siskamling Aktif / Σ Kelompok Siskamling Yang Ada × 100 %"
    assert row.sumber_data == "Data Dari Kasi Tramtib; DPA"
    nested = indicator(parsed(BULULAWANG), "Persentase Tingkat Kehadiran")
    assert nested.formula.startswith("(Σ Pegawai × ( Σ Hari kerja efektif - Σ hari tidak masuk kerja)) / (Σ Pegawai")


def test_markdown_camat_block_after_the_signature():
    camat = parsed(BULULAWANG).blocks[-1]
    assert camat.jabatan == "CAMAT"
    assert camat.indicators[0].sasaran == "Partisipasi masyarakat/perwakilan masyarakat dalam pelaksanaan Musrenbangcam"


def test_markdown_sasaran_cell_spanning_rows():
    rows = block(parsed(BULULAWANG), "Kasi Pemerintahan").indicators
    assert rows[0].sasaran == rows[1].sasaran
    assert rows[1].indikator == "Pelaksanaan Musyawarah Desa (Musdes) tentang RPJMDes, APBDes, ADD/DD"
    assert rows[2].sasaran == "Tertib administrasi kependudukan"


def test_markdown_row_with_only_a_formula_continues_the_indicator():
    rows = block(parsed(BULULAWANG), "DATA PEMBANGUNAN").indicators
    assert len(rows) == 1
    assert "Terealisasi" in rows[0].formula and "direncanakan" in rows[0].formula
    assert rows[0].sumber_data == "Pengadministrasi Pembangunan"


def test_markdown_header_word_variants():
    # "ASARAN/KINERJA UTAMA" (letter lost) and "INDIKATOR KINERJA UTAMA" headers still open tables
    assert len(block(parsed(BULULAWANG), "DATA PEMBANGUNAN").indicators) == 1
    assert len(block(parsed(BULULAWANG), "CAMAT").indicators) == 3


# --- Masama: markdown with NO column, HTML, page breaks, signatures ---------------------------------


def test_html_list_in_cell_and_italic_formula():
    row = indicator(parsed(MASAMA), "Nilai Akuntabilitas")
    assert row.formula == "Hasil evaluasi Tim Evaluator Kabupaten"
    assert row.sumber_data == "Renstra; Renja; DPA"


def test_numbered_sub_indicators_are_one_row_each():
    rows = block(parsed(MASAMA), "Kepala Seksi Pelayanan").indicators
    assert [r.indikator for r in rows[1:4]] == [
        "Jumlah layanan informasi yang dapat dilaksanakan dengan baik",
        "Jumlah pengaduan masyarakat yang ditindak lanjuti",
        "Jumlah rekomendasi izin yang diterbitkan tepat waktu",
    ]
    assert {r.sasaran for r in rows[1:4]} == {"Terlaksananya layanan informasi dan pengaduan di Kec. Masama"}


def test_row_continued_after_a_page_break_is_joined():
    row = block(parsed(MASAMA), "Pemerintahan dan Kependudukan").indicators[0]
    assert row.sasaran == "Tersedianya Bahan/data layanan pemerintahan dan kewenangan lainnya yang didelegasika"
    assert row.indikator == "Jumlah Bahan/Data layanan pemerintahan dan kewenangan lainnya yang didelegasikan"
    assert row.formula == "Jumlah Bahan/Data layanan pemerintahan dan kewenangan lainnya yang didelegasikan"


def test_sub_indicator_after_a_page_break_is_a_new_row():
    rows = block(parsed(MASAMA), "Kepala Seksi Ketentraman").indicators
    assert [r.indikator for r in rows] == [
        "Tingkat penurunan gangguan Trantibun yang diselesaikan",
        "Persentase penurunan pelanggaran Perda",
    ]
    assert rows[1].sasaran == rows[0].sasaran


def test_same_title_twice_stays_separate_blocks():
    titles = [b.jabatan for b in parsed(MASAMA).blocks]
    assert titles.count("Pengadministrasi Pemerintahan") == 3


def test_signature_names_are_not_positions():
    titles = " ".join(b.jabatan for b in parsed(MASAMA).blocks)
    assert "KAMALUDDIN" not in titles and "Nip" not in titles and "KEPALA SEKSI PIP" not in titles


# --- Lumajang: numbered blocks with RUMUS or TARGET ------------------------------------------------


def test_target_column_is_read():
    rows = block(parsed(LUMAJANG), "Pengadministrasi Keuangan").indicators
    assert [r.target for r in rows] == ["3 dokumen", "13 laporan", "3 dokumen", "1 dokumen", "12 bulan"]
    assert all(r.formula == "" for r in rows)


def test_rumus_column_is_read_with_latex():
    row = block(parsed(LUMAJANG), "Seksi Pelayanan Umum").indicators[0]
    assert row.formula == (
        "(Jumlah pelayanan paten yang dilaksanakan sesuai SP dan SOP / Jumlah pelayanan yang diajukan oleh masyarakat) × 100"
    )
    assert row.target == ""


def test_row_broken_over_a_blank_line_is_joined():
    rows = block(parsed(LUMAJANG), "Pengadministrasi Keuangan").indicators
    assert rows[0].indikator == "Jumlah dokumen RKA pergeseran dan perubahannya"
    umum = block(parsed(LUMAJANG), "Pengadministrasi Umum").indicators
    assert umum[1].sasaran == "Terlaksananya monitoring dan evaluasi pelaksanaan pelayanan administrasi kependudukan"
    assert umum[1].indikator == (
        "Jumlah laporan monitoring dan evaluasi yang tersusun dalam pelaksanaan administrasi kependudukan Desa"
    )


def test_indicator_without_sasaran_inherits_it():
    rows = block(parsed(LUMAJANG), "Seksi Pemerintahan").indicators
    assert rows[3].indikator == "Persentase Desa yang menetapkan LPPDes Tepat Waktu"
    assert rows[3].sasaran == rows[2].sasaran == "Terlaksananya Program Pembinaan dan Pengawasan Pemerintahan Desa"
