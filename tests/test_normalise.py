"""Normaliser rules, table-driven."""

import pytest

from kinerja.build import normalise
from kinerja.ingest.text import latex_to_text


@pytest.mark.parametrize(
    "title, kecamatan, expected",
    [
        ("Kasi Pemerintahan", "", "Kepala Seksi Pemerintahan"),
        ("Seksi Pemerintahan", "", "Kepala Seksi Pemerintahan"),
        ("KEPALA SEKSI PEMERINTAHAN", "", "Kepala Seksi Pemerintahan"),
        ("KASUBAG. PERENCANAAN EVALUASI DAN PELAPORAN", "", "Kepala Sub Bagian Perencanaan Evaluasi dan Pelaporan"),
        ("Sub Bagian Keuangan", "", "Kepala Sub Bagian Keuangan"),
        ("Kepala Sub Bagian Umum, Kepegawaian & Aset", "", "Kepala Sub Bagian Umum, Kepegawaian dan Aset"),
        ("SEKRETARIS KECAMATAN (SEKCAM)", "", "Sekretaris Kecamatan"),
        ("SEKRETARIS CAMAT", "", "Sekretaris Kecamatan"),
        ("Sekretaris Kecamatan Masama", "Masama", "Sekretaris Kecamatan"),
        ("Camat Masama", "Masama", "Camat"),
        ("Kasi Keamanan dan ketertiban", "", "Kepala Seksi Keamanan dan Ketertiban"),
        ("Pengolah Data (Pelayanan Perizinan)", "", "Pengolah Data (Pelayanan Perizinan)"),
        (
            "Pengadministrasi Pelayanan (Ketentraman dan Ketertiban Umum )",
            "",
            "Pengadministrasi Pelayanan (Ketentraman dan Ketertiban Umum)",
        ),
        ("PENGADMINISTRASI KEPEGAWAIAN", "", "Pengadministrasi Kepegawaian"),
    ],
)
def test_canonical_title(title, kecamatan, expected):
    assert normalise.canonical_title(title, kecamatan) == expected


@pytest.mark.parametrize(
    "canonical, jenis",
    [
        ("Camat", "camat"),
        ("Sekretaris Kecamatan", "sekretaris"),
        ("Kepala Sub Bagian Keuangan", "kepala_subbagian"),
        ("Kepala Seksi Ekonomi", "kepala_seksi"),
        ("Pengolah Data (Program dan Kegiatan)", "pelaksana"),
        ("Bendahara Pengeluaran", "pelaksana"),
        ("Caraka", "pelaksana"),
    ],
)
def test_position_type(canonical, jenis):
    assert normalise.position_type(canonical) == jenis


@pytest.mark.parametrize(
    "canonical, jenis, bidang",
    [
        ("Camat", "camat", "pimpinan"),
        ("Sekretaris Kecamatan", "sekretaris", "pimpinan"),
        ("Kepala Sub Bagian Umum, Kepegawaian, Keuangan dan Aset", "kepala_subbagian", "umum_kepegawaian"),
        ("Kepala Sub Bagian Perencanaan, Keuangan dan Evaluasi", "kepala_subbagian", "keuangan_perencanaan"),
        ("Pengadministrasi Pelayanan (Ketentraman dan Ketertiban Umum)", "pelaksana", "ketentraman_ketertiban"),
        ("Pengevaluasi Hasil Bantuan Sosial Kemasyarakatan", "pelaksana", "kesejahteraan_sosial"),
        ("Kepala Seksi Pelayanan Umum", "kepala_seksi", "pelayanan"),
        ("Kepala Seksi Pemberdayaan Masyarakat Desa/Kelurahan", "kepala_seksi", "ekonomi_pembangunan"),
        ("Pengadministrasi Pertanahan", "pelaksana", "pemerintahan"),
        ("Caraka", "pelaksana", "umum_kepegawaian"),
        ("Juru Masak", "pelaksana", "lainnya"),
    ],
)
def test_field_of_work(canonical, jenis, bidang):
    assert normalise.field_of_work(canonical, jenis) == bidang


@pytest.mark.parametrize(
    "formula, indikator, kategori",
    [
        ("Σ Pengajuan yang dicairkan / Σ Pengajuan yang seharusnya Cair × 100%", "Tingkat kelancaran", "persentase"),
        ("Jumlah PKK Aktif dibagi Jumlah PKK yang Ada dikali 100", "Persentase PKK Aktif", "persentase"),
        ("Jumlah pelaksanaan Tupoksi yang difasilitasi dibagi jumlah pelaksanaan", "Persentase fasilitasi", "persentase"),
        ("Jumlah hari penyelesaian dibagi jumlah pengaduan", "Rata-rata waktu penyelesaian", "rasio"),
        ("Pos kamling aktif / Pos kamling yang ada × 100%", "Persentase pos kamling aktif", "persentase"),
        ("Jumlah Musdes", "Pelaksanaan Musyawarah Desa", "jumlah"),
        ("Hasil Survey Kepuasan Masyarakat", "Indeks Kepuasan Masyarakat", "indeks"),
        ("Hasil evaluasi Tim Evaluator Kabupaten", "Nilai Akuntabilitas", "indeks"),
        ("Nilai SKP dikalikan 60% ditambahnilai perilakukerja dikalikan 40%", "Jumlah Rekapitulasi SKP", "komposit"),
        (
            "Jumlah pelanggaran Perda tahun n-1 - n dibagi Jumlah pelanggaran Perda tahun n-1 dikali 100",
            "Persentase penurunan",
            "perubahan",
        ),
        ("Pembinaan PKK dilaksanakan di desa dan Kecamatan sebanyak 26 desa", "Jumlah Tim Penggerak PKK", "deskriptif"),
        ("Jumlah Komponen Instalasi Listrik / Penerangan Bangunan Kantor", "Jumlah Komponen", "jumlah"),
        ("Pelaksanaan koordinasi ke Baznas dilakukan selama 12 kali / setiap tahun", "Jumlah koordinasi", "deskriptif"),
        ("", "Persentase fasilitasi Administrasi Umum", "tanpa_formula"),
    ],
)
def test_formula_category(formula, indikator, kategori):
    assert normalise.formula_category(formula, indikator) == kategori


@pytest.mark.parametrize(
    "indikator, polaritas",
    [
        ("Jumlah pelanggaran disiplin", "turun"),
        ("Rata-rata waktu penyelesaian pengaduan", "turun"),
        ("Persentase penurunan pelanggaran Perda", "naik"),
        ("Jumlah laporan gangguan trantibun yang tercatat dan teragenda", "naik"),
        ("Jumlah data pelanggaran perda", "naik"),
        ("Indeks Kepuasan Masyarakat", "naik"),
    ],
)
def test_polarity(indikator, polaritas):
    assert normalise.polarity(indikator) == polaritas


@pytest.mark.parametrize(
    "text, expected",
    [
        ("100 %", (100.0, "%")),
        ("100%", (100.0, "%")),
        ("3 dokumen", (3.0, "dokumen")),
        ("1.250 dokumen", (1250.0, "dokumen")),
        ("87,5 %", (87.5, "%")),
        ("12 bulan", (12.0, "bulan")),
        ("", (None, "")),
        ("sesuai kebutuhan", (None, "")),
    ],
)
def test_parse_target(text, expected):
    assert normalise.parse_target(text) == expected


@pytest.mark.parametrize(
    "kategori, indikator, target_satuan, formula, satuan",
    [
        ("tanpa_formula", "Jumlah dokumen RKA", "dokumen", "", "dokumen"),
        ("persentase", "Persentase PKK Aktif", "", "", "%"),
        ("indeks", "Indeks Kepuasan Masyarakat", "", "", "nilai"),
        ("jumlah", "Jumlah laporan aset", "", "Jumlah laporan aset", "laporan"),
        ("jumlah", "Pembinaan linmas", "", "Jumlah Kegiatan Pembinaan Linmas", "kegiatan"),
        ("deskriptif", "Jumlah peserta pembinaan pokja PKK", "", "", "orang"),
    ],
)
def test_unit(kategori, indikator, target_satuan, formula, satuan):
    assert normalise.unit(kategori, indikator, target_satuan, formula) == satuan


@pytest.mark.parametrize(
    "latex, text",
    [
        (r"\frac{a}{b}", "a / b"),
        (r"\frac{\sum \text{Usulan}}{\sum \text{Diajukan}} \times 100\%", "Σ Usulan / Σ Diajukan × 100%"),
        (r"\frac{\text{A} - \text{B}}{\text{C}}", "(A - B) / C"),
        (r"(\text{Jumlah x}) \times 100", "(Jumlah x) × 100"),
    ],
)
def test_latex_to_text(latex, text):
    assert latex_to_text(latex) == text


@pytest.mark.parametrize("broken", [r"\frac{Jumlah desa}dibagi", r"\frac{{Jumlah}}desa", r"\frac Jumlah"])
def test_a_fraction_that_lost_a_brace_in_ocr_stays_text(broken):
    # a scan can lose a brace; the cell is then read as the text it holds, never an endless recursion
    assert "Jumlah" in latex_to_text(broken)
