"""Rules that make documents comparable: canonical titles, position types, fields of work,
formula categories, polarity, units and numeric targets. Each rule is a small readable table."""

import re

from kinerja.indonesian import parse_number

SMALL_WORDS = {"dan", "di", "ke", "atau", "yang", "dari", "pada", "untuk", "se"}
ACRONYMS = {"PIP", "PMD", "BMD", "SKPD", "OPD", "UMKM", "PATEN", "PBB", "SPJ", "ASN", "PNS", "RT", "RW"}

# (pattern on the title, canonical replacement): abbreviations and bare titles of the documents.
TITLE_ABBREVIATIONS = (
    (r"^Kasi\b\.?", "Kepala Seksi"),
    (r"^Kasub+ag\b\.?", "Kepala Sub Bagian"),
    (r"^Kepala Subbagian\b", "Kepala Sub Bagian"),
    (r"^Seksi\b", "Kepala Seksi"),
    (r"^Sub ?Bagian\b", "Kepala Sub Bagian"),
    (r"^Sekretaris (?:Camat|Kecamatan)\b.*$", "Sekretaris Kecamatan"),
    (r"^Sekcam$", "Sekretaris Kecamatan"),
)

JENIS_JABATAN = (
    ("camat", r"^Camat\b"),
    ("sekretaris", r"^Sekretaris\b"),
    ("kepala_subbagian", r"^Kepala Sub Bagian\b"),
    ("kepala_seksi", r"^Kepala Seksi\b"),
)

# Keyword patterns per field of work; see field_of_work for how a title is matched.
BIDANG_KEYWORDS = (
    ("ketentraman_ketertiban", r"ketentraman|ketenteraman|ketertiban|keamanan|trantib"),
    ("kesejahteraan_sosial", r"kesejahteraan|sosial|kesra|kepemudaan"),
    ("pemerintahan", r"pemerintahan|pertanahan|kependudukan"),
    ("pelayanan", r"pelayanan|perizinan|informasi|pengaduan"),
    ("ekonomi_pembangunan", r"ekonomi|perekonomian|pembangunan|pemberdayaan|pembiayaan|hibah|kelembagaan"),
    ("keuangan_perencanaan", r"keuangan|perencanaan|program|pelaporan|bendahara|penganggaran|evaluasi"),
    ("umum_kepegawaian", r"umum|kepegawaian|persuratan|barang|aset|sarana|caraka"),
)

# A ratio divides one quantity by another: "dibagi", "÷", or " / " before a quantity
# (not the "/" of "Listrik / Penerangan").
_RATIO = re.compile(r"\bdi ?bagi\b|÷|rata-rata| / (?:\(|Σ|jumlah\b)", re.I)
_TIMES_100 = re.compile(r"(?:x|×|\*|di ?kali(?:kan)?)\s*100|100\s*%", re.I)
_PERCENT_NAME = re.compile(r"\b(?:persentase|prosentase)\b", re.I)
_WEIGHTED = re.compile(r"\d+\s*%.*(?:ditambah|\+|tambah).*\d+\s*%", re.I)
_CHANGE = re.compile(r"\bn\s*-\s*1\b|tahun sebelumnya|periode sebelumnya", re.I)
_INDEX = re.compile(r"surve[yi]|indeks|\bnilai\b|\bskor\b|hasil evaluasi|\bIKM\b", re.I)
_COUNT = re.compile(r"^(?:jumlah|banyaknya|total)\b|Σ", re.I)

_TURUN = re.compile(r"\b(?:pelanggaran|gangguan|keluhan|kasus|tunggakan|lama(?:nya)? waktu|waktu penyelesaian)\b", re.I)
_TURUN_EXCEPT = re.compile(r"penurunan|\bdata\b|laporan|tercatat|diselesaikan|ditindak", re.I)

# Nouns after "Jumlah" that name the unit an officer would write next to the figure.
COUNT_UNITS = (
    (r"laporan|lpj|spj", "laporan"),
    (r"dokumen|draf|draft|rekap", "dokumen"),
    (r"desa|kelurahan", "desa"),
    (r"peserta|pegawai|aparatur|orang|masyarakat|responden|petugas|tenaga", "orang"),
    (r"kegiatan|pelaksanaan|rapat|pembinaan|monitoring|koordinasi|fasilitasi|kali", "kegiatan"),
    (r"surat", "surat"),
    (r"berkas|pengajuan|usulan", "berkas"),
)


def _capitalise(word: str) -> str:
    """'(PEMBINAAN' -> '(Pembinaan': the first letter up, the rest down."""
    lowered = word.lower()
    for i, char in enumerate(lowered):
        if char.isalpha():
            return lowered[:i] + char.upper() + lowered[i + 1 :]
    return lowered


def title_case(text: str) -> str:
    """'KASUBAG UMUM, KEPEGAWAIAN dan ASET' -> 'Kasubag Umum, Kepegawaian dan Aset'."""
    words = []
    for i, word in enumerate(text.split()):
        core = word.strip("(),.&:;")
        if core.upper() in ACRONYMS or (core.isupper() and word.startswith("(") and len(core) <= 6):
            words.append(word.replace(core, core.upper()))
        elif i > 0 and core.lower() in SMALL_WORDS:
            words.append(word.lower())
        else:
            words.append("/".join(_capitalise(part) for part in word.split("/")))
    return " ".join(words)


def clean_title(title: str) -> str:
    """The title as written, with markup and spacing noise removed."""
    title = re.sub(r"\s+", " ", title.replace("*", "")).strip(" :.")
    return re.sub(r"\(\s+", "(", re.sub(r"\s+\)", ")", title))


def canonical_title(title: str, kecamatan: str = "") -> str:
    """The canonical jabatan: full words, title case, no kecamatan name, '&' as 'dan'."""
    text = title_case(clean_title(title)).replace("&", "dan")
    text = re.sub(r"\s*\((?:Sekcam)\)", "", text, flags=re.I)
    if kecamatan:
        text = re.sub(rf"\s+{re.escape(kecamatan)}$", "", text, flags=re.I)
    for pattern, replacement in TITLE_ABBREVIATIONS:
        text = re.sub(pattern, replacement, text, flags=re.I)
    return re.sub(r"\s+", " ", text).strip()


def position_type(canonical: str) -> str:
    for jenis, pattern in JENIS_JABATAN:
        if re.search(pattern, canonical):
            return jenis
    return "pelaksana"


def field_of_work(canonical: str, jenis: str) -> str:
    """The field a title names first ('Umum, Kepegawaian, Keuangan dan Aset' is umum); a staff
    title's parenthetical ('Pengadministrasi Pelayanan (Ketentraman …)') names it best."""
    if jenis in ("camat", "sekretaris"):
        return "pimpinan"
    inner = " ".join(re.findall(r"\(([^)]*)\)", canonical))
    for text in (inner, canonical):
        hits = []
        for bidang, pattern in BIDANG_KEYWORDS:
            match = re.search(rf"\b(?:{pattern})", text, re.I) if text else None
            if match:
                hits.append((match.start(), bidang))
        if hits:
            return min(hits)[1]
    return "lainnya"


def formula_category(formula: str, indikator: str) -> str:
    """How the indicator is measured, read from its formula (the indicator name only breaks ties)."""
    text = formula.strip()
    if not text:
        return "tanpa_formula"
    if _WEIGHTED.search(text):
        return "komposit"
    if _CHANGE.search(text):
        return "perubahan"
    ratio = bool(_RATIO.search(text)) or (" / " in text and bool(_TIMES_100.search(text)))
    if ratio and (_TIMES_100.search(text) or _PERCENT_NAME.search(indikator)):
        return "persentase"
    if _PERCENT_NAME.match(text):
        return "persentase"
    if _INDEX.search(text) and not _COUNT.match(text):
        return "indeks"
    if ratio:
        return "rasio"
    if _COUNT.search(text):
        return "jumlah"
    return "deskriptif"


def polarity(indikator: str) -> str:
    """'turun' where fewer is better (pelanggaran, gangguan, waktu penyelesaian), else 'naik'."""
    if _TURUN.search(indikator) and not _TURUN_EXCEPT.search(indikator):
        return "turun"
    return "naik"


def parse_target(text: str) -> tuple[float | None, str]:
    """'100 %' -> (100, '%'); '3 dokumen' -> (3, 'dokumen'); anything else -> (None, '')."""
    match = re.match(r"^\s*([-+]?\d[\d.,]*)\s*(.*?)\s*$", text or "")
    if not match:
        return None, ""
    value = parse_number(match.group(1))
    if value is None:
        return None, ""
    return value, match.group(2).strip().lower()


UNKNOWN_COUNT = "unit"  # the unit of a count whose counted thing the wording does not name


def unit(kategori: str, indikator: str, target_satuan: str, formula: str = "") -> str:
    """The unit the indicator is expressed in."""
    if target_satuan:
        return target_satuan
    if kategori == "persentase" or (kategori == "perubahan" and (_PERCENT_NAME.search(indikator) or _TIMES_100.search(formula))):
        return "%"
    if kategori in ("indeks", "komposit"):
        return "nilai"
    if kategori == "rasio":
        return "rasio"
    if _PERCENT_NAME.match(indikator):
        return "%"
    head = re.match(r"^jumlah\s+(?:data/bahan\s+|data\s+)?(\S+)", indikator, re.I)
    if not head and kategori == "jumlah":
        head = re.match(r"^jumlah\s+(?:data/bahan\s+|data\s+)?(\S+)", formula, re.I)
    if head:
        for pattern, name in COUNT_UNITS:
            if re.match(pattern, head.group(1), re.I):
                return name
        return UNKNOWN_COUNT
    return ""
