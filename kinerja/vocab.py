"""The domain vocabulary, defined once: codes in their reading order with their Indonesian labels,
the measures built on them, and the names columns have for people.

The query layer loads the code lists as small reference tables, so SQL and Python share one
definition of, for example, which formula categories are 'terukur'.
"""

import pandas as pd

JENIS_LABELS = {
    "camat": "Camat",
    "sekretaris": "Sekretaris",
    "kepala_subbagian": "Kepala Sub Bagian",
    "kepala_seksi": "Kepala Seksi",
    "pelaksana": "Pelaksana",
}

# Pohon kinerja: whose sasaran a position's sasaran may support (any other position: the Camat's and the
# Sekretaris'; the Camat's own support none).
SUPPORTED_KINDS = {"camat": (), "sekretaris": ("camat",)}


def supported_kinds(jenis_jabatan: str) -> tuple[str, ...]:
    return SUPPORTED_KINDS.get(jenis_jabatan, ("camat", "sekretaris"))


BIDANG_LABELS = {
    "pimpinan": "Pimpinan",
    "pemerintahan": "Pemerintahan",
    "ketentraman_ketertiban": "Ketentraman & Ketertiban",
    "kesejahteraan_sosial": "Kesejahteraan Sosial",
    "ekonomi_pembangunan": "Ekonomi, Pembangunan & Pemberdayaan",
    "pelayanan": "Pelayanan",
    "umum_kepegawaian": "Umum & Kepegawaian",
    "keuangan_perencanaan": "Keuangan & Perencanaan",
    "lainnya": "Lainnya",
}

KATEGORI_LABELS = {
    "persentase": "Persentase",
    "rasio": "Rasio",
    "jumlah": "Jumlah",
    "indeks": "Indeks / Survei",
    "komposit": "Komposit",
    "perubahan": "Perubahan",
    "deskriptif": "Deskriptif",
    "tanpa_formula": "Tanpa formula",
}

# Terukur: the formula computes a value that capaian can be measured against (not a count, an
# explanation, or nothing). The query layer reads this through the kategori_formula reference table.
TERUKUR = ("persentase", "rasio", "indeks", "komposit", "perubahan")

QUARTERS = ("tw1", "tw2", "tw3", "tw4")
QUARTER_LABELS = {"tw1": "TW I", "tw2": "TW II", "tw3": "TW III", "tw4": "TW IV"}
METHODS = ("kumulatif", "posisi", "rilis")
POLARITIES = ("naik", "turun")
NOT_RATED = "Belum dapat dinilai"
# Perbandingan kecamatan: an indicator another kecamatan also measures (worded alike), or its own only.
SHARED, UNIQUE = "bersama", "khas"

POLARITY_LABELS = {"naik": "Naik (makin tinggi makin baik)", "turun": "Turun (makin rendah makin baik)"}
METHOD_LABELS = {
    "kumulatif": "Kumulatif (jumlah triwulan)",
    "posisi": "Posisi (triwulan terakhir)",
    "rilis": "Rilis (satu nilai terbit)",
}

# The levels a region is summed up at, finest first: a chart names at most MAX_PLACES of them, so
# above that many kecamatan it shows kabupaten/kota, and above that many of those, provinsi.
LEVEL_LABELS = {"kecamatan": "Kecamatan", "kabupaten": "Kabupaten/kota", "provinsi": "Provinsi"}
MAX_PLACES = 30
MAX_NAMED = 10  # a sentence names at most this many places, then says how many more
MAX_HEADLINE_NAMED = 3  # a takeaway, a slide's headline, names at most this many places tied at one end

COLUMN_LABELS = {
    "kecamatan": "Kecamatan",
    "kabupaten": "Kabupaten/kota",
    "provinsi": "Provinsi",
    "dokumen": "Dokumen",
    "tahun": "Tahun",
    "jabatan_urutan": "Urutan",
    "jabatan": "Jabatan (tertulis)",
    "jabatan_baku": "Jabatan",
    "jenis_jabatan": "Jenis jabatan",
    "bidang": "Bidang",
    "sasaran": "Sasaran",
    "indikator": "Indikator",
    "formula": "Formula / penjelasan",
    "kategori_formula": "Kategori formula",
    "satuan": "Satuan",
    "polaritas": "Polaritas",
    "target": "Target",
    "target_satuan": "Satuan target",
    "sumber_data": "Sumber data",
    "indikator_id": "ID indikator",
    "jumlah_indikator": "Jumlah indikator",
    "jumlah_jabatan": "Jumlah jabatan",
    "jabatan_berindikator": "Jabatan berindikator",
    "terukur": "Formula terukur",
    "bertarget": "Bertarget",
    "persen_terukur": "% terukur",
    "persen_bertarget": "% bertarget",
    "persen": "% indikator",
    "indikator_per_jabatan": "Indikator per jabatan",
    "indikator_per_dokumen": "Indikator per dokumen",
    "rumusan": "Rumusan berbeda",
    "status": "Bersama / khas",
    "padanan": "Padanan di kecamatan lain (kemiripan rumusan)",
    "tercantum": "Tercantum (baris)",
    "capaian": "Capaian (%)",
    "predikat": "Predikat",
    "realisasi": "Realisasi",
    "alasan": "Alasan",
    "berkas": "Berkas",
    "dikoreksi": "Dikoreksi petugas",
    "skor": "Skor kualitas",
    "lolos_semua": "Memenuhi semua kriteria",
    "bawahan": "Sasaran jabatan bawahan",
    "terkait": "Mendukung sasaran atasan",
    "oleh_petugas": "Dikaitkan petugas",
    "yatim": "Belum mendukung sasaran atasan",
    "indikator_yatim": "Indikator yang belum mendukung",
    "sasaran_camat": "Sasaran Camat",
    "camat_tanpa_dukungan": "Sasaran Camat tanpa dukungan",
    "sasaran_sekretaris": "Sasaran Sekretaris",
    "sekretaris_tanpa_dukungan": "Sasaran Sekretaris tanpa dukungan",
    "induk_sasaran": "Mendukung sasaran atasan",
    "induk_jabatan": "Jabatan atasan",
    "terdekat_sasaran": "Sasaran atasan terdekat",
    "terdekat_jabatan": "Jabatan atasan terdekat",
    "skor_kaitan": "Skor kemiripan",
    "cara_kaitan": "Dikaitkan menurut",
    "daftar_indikator": "Indikatornya",
    "frasa_bawah": "Frasa yang mirip (bawahan)",
    "frasa_atas": "Frasa yang mirip (atasan)",
    "sebab": "Sebab tidak cocok lagi",
    "baris": "Baris di berkas petugas",
    "oleh": "Oleh",
    "pada": "Pada",
    "klaster_nama": "Indikator (rumusan paling umum)",
    "tempat_jabatan": "Kecamatan dengan jabatan ini",
    "klaster": "Klaster indikator",
    "semua": "Dimiliki semua kecamatan",
    "sebagian": "Dimiliki sebagian kecamatan",
    "tunggal": "Hanya satu kecamatan",
    "standar": "Diusulkan standar",
    "punya": "Kecamatan yang memilikinya",
    "tanpa": "Kecamatan yang belum",
    "dimiliki": "Dimiliki",
    "cara_klaster": "Keputusan petugas",
    "skor_klaster": "Kemiripan dengan rumusan paling umum",
    "target_median": "Target (median)",
    "target_terendah": "Target terendah",
    "target_tertinggi": "Target tertinggi",
    "tindakan": "Tindakan",
    "dengan": "Digabung dengan",
    "tahun_sebelum": "Tahun sebelumnya",
    "tahun_banding": "Tahun dibandingkan",
    "jumlah_kecamatan": "Jumlah kecamatan",
    "perbandingan": "Perbandingan tahun",
    "jenis_perubahan": "Perubahan",
    "indikator_sebelum": "Indikator tahun sebelumnya",
    "formula_sebelum": "Formula tahun sebelumnya",
    "target_sebelum": "Target tahun sebelumnya",
    "target_satuan_sebelum": "Satuan target tahun sebelumnya",
    "indikator_id_sebelum": "ID indikator tahun sebelumnya",
    "skor_kemiripan": "Kemiripan rumusan",
    "rumus_berubah": "Formula berubah",
    "gerak_target": "Gerak target",
    "selisih_target": "Selisih target",
    "tetap": "Tetap",
    "diubah": "Dirumuskan ulang",
    "ditambah": "Ditambah",
    "dihapus": "Dihapus",
    "berubah": "Berubah",
    "target_naik": "Target naik",
    "target_turun": "Target turun",
    "target_sama": "Target sama",
}
# How a sasaran's link to the one above it was made (kinerja/build/cascade.py).
LINK_LABELS = {"kemiripan": "kemiripan kata", "petugas": "ditetapkan petugas", "dilepas": "dilepas petugas", "": ""}
# How a wording came to its cluster of Harmonisasi (kinerja/build/harmony.py).
GROUPING_LABELS = {"pisah": "dipisah petugas", "gabung": "digabung petugas", "": ""}
# Antar tahun (kinerja/build/yearly.py): what became of an indicator from the kecamatan's document of the
# year before, and how its target moved.
CHANGE_LABELS = {"diubah": "Dirumuskan ulang", "ditambah": "Ditambah", "dihapus": "Dihapus", "tetap": "Tetap"}
TARGET_MOVE_LABELS = {
    "naik": "Naik", "turun": "Turun", "sama": "Sama", "satuan_beda": "Satuan berganti", "target_baru": "Target baru",
    "target_hilang": "Target tidak ada lagi", "tanpa_target": "Tanpa target", "": "",
}  # fmt: skip
# Harmonisasi: a cluster of indicators held by at least two kecamatan and this percent of the kecamatan
# whose documents have the position goes to the proposed standard set.
STANDARD_SHARE = 50
# The documents in use, as Tambah dokumen lists them. A document's sha256 is shown by its first 12 characters:
# the same content has the same print, which tells two versions of a kecamatan's document apart.
REGISTER_LABELS = {
    **{key: COLUMN_LABELS[key] for key in ("kecamatan", "kabupaten", "provinsi", "tahun", "berkas")},
    "nama_asli": "Nama asli",
    "oleh": "Ditambahkan oleh",
    "pada": "Ditambahkan pada",
    "sha256": "Sidik berkas",
}
# The document layouts the parsers recognise (kinerja.ingest.LAYOUTS), as the upload page names them.
LAYOUT_LABELS = {
    "numbered_blocks": "blok jabatan bernomor dengan tabel",
    "markdown_decree": "keputusan atau formulir dengan tabel per jabatan",
    "ocr_table": "tabel hasil pindaian (OCR)",
}
# Numbers that name rather than count (a year): written without thousands dots, '2023' not '2.023'.
PLAIN_NUMBER_COLUMNS = ("tahun", COLUMN_LABELS["tahun"], "tahun_sebelum", COLUMN_LABELS["tahun_sebelum"])
VALUE_LABELS = {
    "jenis_jabatan": JENIS_LABELS,
    "bidang": BIDANG_LABELS,
    "kategori_formula": KATEGORI_LABELS,
    "cara_kaitan": LINK_LABELS,
    "cara_klaster": GROUPING_LABELS,
    "jenis_perubahan": CHANGE_LABELS,
    "gerak_target": TARGET_MOVE_LABELS,
}


def readable(frame: pd.DataFrame) -> pd.DataFrame:
    """Codes replaced by their Indonesian labels and columns renamed for people."""
    labelled = {
        column: frame[column].map(labels).fillna(frame[column]) for column, labels in VALUE_LABELS.items() if column in frame
    }
    return frame.assign(**labelled).rename(columns=COLUMN_LABELS)  # no copy of the other columns


def told_apart(names: pd.Series, regions: pd.Series) -> pd.Series:
    """Each place's name, with the region it lies in where places of different regions share the name
    ("Wonosari (Gunung Kidul)", "Wonosari (Malang)"): counts keep them apart, so names must too."""
    shared = regions.groupby(names, observed=True).transform("nunique") > 1
    return names.where(~shared, names + " (" + regions + ")")


def place_names(rows: pd.DataFrame) -> pd.Series:
    """Each row's kecamatan as people name it: with its kabupaten/kota where kecamatan of that name lie
    in more than one ("Sukamaju (Bogor)"); rows of one kecamatan (its years, its indicators) alike."""
    return told_apart(rows["kecamatan"], rows["kabupaten"])


def _codes(labels: dict[str, str], **flags: tuple[str, ...]) -> pd.DataFrame:
    frame = pd.DataFrame({"kode": list(labels), "label": list(labels.values()), "urutan": range(1, len(labels) + 1)})
    for name, members in flags.items():
        frame[name] = frame["kode"].isin(members)
    return frame


def reference_tables() -> dict[str, pd.DataFrame]:
    """The code lists as tables for the query layer: kode, label, urutan (and measure flags)."""
    return {
        "ref_jenis_jabatan": _codes(JENIS_LABELS),
        "ref_bidang": _codes(BIDANG_LABELS),
        "ref_kategori_formula": _codes(KATEGORI_LABELS, terukur=TERUKUR),
    }


# The realisation template and the entry section: headers an officer reads in the file and on the page.
# Reading a file accepts these headers and the codes (older templates carry the codes).
TEMPLATE_LABELS = {
    "indikator_id": COLUMN_LABELS["indikator_id"],
    "kecamatan": COLUMN_LABELS["kecamatan"],
    "tahun": COLUMN_LABELS["tahun"],
    "jabatan": COLUMN_LABELS["jabatan_baku"],
    "indikator": COLUMN_LABELS["indikator"],
    "satuan": COLUMN_LABELS["satuan"],
    "kategori_formula": COLUMN_LABELS["kategori_formula"],
    "polaritas": COLUMN_LABELS["polaritas"],
    "metode": "Metode",
    "target_dokumen": "Target di dokumen",
    "target": COLUMN_LABELS["target"],
    **{q: f"Realisasi TW{i}" for i, q in enumerate(QUARTERS, start=1)},
    "tahunan": "Realisasi tahunan",
}
ALLOW_OVER_100 = "Izinkan persentase di atas 100"  # the checkbox that accepts a percentage above 100
IMPORT_SOURCES = {"aplikasi": "Aplikasi", "baris perintah": "Baris perintah"}  # who stored an import
UNDONE = "dibatalkan"
IMPORT_LABELS = {  # the preview of an upload and the import history
    "kolom": "Kolom",
    "lama": "Nilai lama",
    "baru": "Nilai baru",
    "diimpor_pada": "Waktu impor",
    "berkas": "Berkas",
    "cakupan": "Kecamatan dan tahun",
    "baris": "Baris",
    "nilai": "Nilai",
    "sumber": "Sumber",
    "oleh": "Oleh",
    "status": "Status",
    "dibatalkan_pada": "Dibatalkan pada",
    "dibatalkan_oleh": "Dibatalkan oleh",
}
