"""Documents from kecamatan the parsers have never seen, written in the three layouts with other
titles, header variants and traps. Counts are by hand from the fixture files."""

from kinerja.ingest import detect_meta, parse_file, read_text
from tests.conftest import FIXTURES


def test_markdown_variant_new_kecamatan():
    doc = parse_file(FIXTURES / "iki_cibereum_markdown.txt")
    assert doc.layout == "markdown_decree"
    assert [(b.jabatan, len(b.indicators)) for b in doc.blocks] == [
        ("Kasi Trantib dan Linmas", 3),
        ("PENGOLAH DATA (PELAYANAN ADMINISTRASI)", 2),
        ("CAMAT", 1),  # after the signature block
    ]


def test_several_numbered_indicators_in_one_cell_become_one_row_each():
    rows = parse_file(FIXTURES / "iki_cibereum_markdown.txt").blocks[0].indicators
    assert [r.indikator for r in rows[:2]] == ["Jumlah pelanggaran Perda", "Persentase pos kamling aktif"]
    assert rows[0].formula == "Jumlah pelanggaran Perda yang tercatat"
    assert rows[1].formula == "Pos kamling aktif / Pos kamling yang ada × 100%"
    assert rows[0].sumber_data == rows[1].sumber_data == "Data Trantib; Laporan desa"


def test_bold_header_after_page_break_continues_the_row():
    rows = parse_file(FIXTURES / "iki_cibereum_markdown.txt").blocks[1].indicators
    assert rows[0].sasaran == "Tersedianya data pelayanan administrasi yang lengkap dan tertib"
    assert rows[0].indikator == "Jumlah berkas pelayanan yang diagendakan"
    assert rows[1].indikator == "Indeks Kepuasan Masyarakat"


def test_numbered_variant_with_targets_in_indonesian_number_format():
    doc = parse_file(FIXTURES / "iki_wonorejo_numbered.txt")
    assert doc.layout == "numbered_blocks"
    assert [(b.jabatan, len(b.indicators)) for b in doc.blocks] == [
        ("CAMAT", 1),
        ("Kasubag Perencanaan dan Keuangan", 3),
        ("Pengadministrasi Umum", 1),
    ]
    rows = doc.blocks[1].indicators
    assert [r.target for r in rows] == ["12 laporan", "87,5 %", "1.250 dokumen"]
    assert rows[2].indikator == "Jumlah SPJ yang diverifikasi"
    assert doc.blocks[2].indicators[0].target == ""


def test_ocr_variant_new_kecamatan():
    doc = parse_file(FIXTURES / "iki_mekarsari_ocr.txt")
    assert doc.layout == "ocr_table"
    assert [(b.jabatan, len(b.indicators)) for b in doc.blocks] == [("KEPALA SEKSI PELAYANAN", 2), ("PENGADMINISTRASI UMUM", 2)]
    first = doc.blocks[0].indicators
    assert first[0].indikator == "Jumlah permohonan surat keterangan yang dilayani"
    assert first[1].formula == "Jumlah pengaduan yang ditindaklanjuti dibagi jumlah pengaduan"
    flattened = doc.blocks[1].indicators
    assert (flattened[1].indikator, flattened[1].formula, flattened[1].sumber_data) == (
        "Jumlah surat keluar",
        "Surat keluar dicatat setiap hari",
        "Buku agenda surat keluar",
    )


def test_ocr_flattened_rows_of_another_kecamatan_are_cut_into_their_columns():
    """A scan read like Sangkapura's, every row flattened, written for these rules and read by hand."""
    doc = parse_file(FIXTURES / "iki_karangrejo_ocr.txt")
    assert [(b.jabatan, len(b.indicators)) for b in doc.blocks] == [
        ("KEPALA SEKSI PELAYANAN UMUM", 4),
        ("PENGADMINISTRASI KEUANGAN", 2),
        ("PENGELOLA SARANA KANTOR", 3),
    ]
    rows = [r for b in doc.blocks for r in b.indicators]
    assert [r.indikator for r in rows] == [
        "Jumlah permohonan izin yang diproses tepat waktu",  # the cell left on 'yang' goes on
        "Jumlah surat keterangan yang diterbitkan",  # OCR 'suratketerangan'
        "Prosentase pengaduan yang dijawab",
        "Jumlah desa yang dibina",  # 'dilaksanakan ke 12 desa' on the next line is the formula's
        "Jumlah laporan pertanggungjawaban bendahara",  # cell paragraphs, OCR 'Jumlahlaporanpertanggungjawaban'
        "Jumlah register SPP/SPM/SP2D",  # the formula restates the abbreviation: 'SPP dicatat'
        "Jumlah pemeliharaan gedung",
        "Jumlah pemeliharaan peralatan/perlengkapan kantor",  # stopped short of its neighbour: goes on
        "Jumlah pelaksanaan kebersihan kantor",
    ]
    assert [r.formula for r in rows] == [
        "Permohonan izin yang diproses tepat waktu dibagi jumlah permohonan izin",
        "Surat keterangan diterbitkan sebanyak 120 surat",
        "Jumlah pengaduan yang dijawab dibagi jumlah pengaduan masuk",  # OCR 'jumlahpengaduanmasuk'
        "Pembinaan administrasi desa dilaksanakan ke 12 desa",
        "Laporan disusun setiap bulan sebanyak 12 laporan",
        "SPP dicatat dalam buku register setiap bulan",
        "Perbaikan gedung kantor kerja sebanyak 3 gedung",  # 'kerja' could end the sasaran: nothing says which
        "Perbaikan kursi, meja dan lemari arsip",
        "Kebersihan dilaksanakan setiap hari",
    ]
    assert [r.sumber_data for r in rows[:4]] == [
        "Buku register perizinan",
        "Arsip surat keterangan",
        "Laporan pengaduan",
        "Laporan pembinaan",
    ]
    assert rows[5].sumber_data == "Buku register SPP/SPM/SP2D"
    assert rows[8].sumber_data == "Absensi petugas kebersihan"
    assert [r.sasaran for r in rows[:6:3]] == ["Meningkatnya kualitas pelayanan perizinan", "Terlaksananya pembinaan desa"]
    assert rows[5].sasaran == "Tertibnya administrasi keuangan"
    assert [(s.line, s.original, s.split) for s in doc.split_words] == [
        (14, "suratketerangan", "surat keterangan"),
        (18, "jumlahpengaduanmasuk", "jumlah pengaduan masuk"),
        (33, "Jumlahlaporanpertanggungjawaban", "Jumlah laporan pertanggungjawaban"),
    ]


def test_kecamatan_and_year_detected_from_text():
    cases = {
        "iki_cibereum_markdown.txt": ("Cibereum", 2024, "Sukamaju"),
        "iki_wonorejo_numbered.txt": ("Wonorejo", 2024, None),
        "iki_mekarsari_ocr.txt": ("Mekarsari", 2022, None),
    }
    for name, expected in cases.items():
        meta = detect_meta(read_text(FIXTURES / name))
        assert (meta.kecamatan, meta.tahun, meta.kabupaten) == expected, name
