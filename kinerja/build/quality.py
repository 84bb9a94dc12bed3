"""Indicator quality: the checklist of data/config/kualitas.toml applied to every indicator at build
time, so a country's scores are read like any other column. Each criterion gives, per indicator, the
reason it is not met in words ('' when it is); the score is the weighted share of criteria met.

The rules' logic lives here, one function per criterion; their words, weights and thresholds live in
the file an officer reads (kinerja.quality_rules reads it)."""

import re

import pandas as pd
from rapidfuzz import fuzz

from kinerja import gazetteer
from kinerja.build import normalise
from kinerja.quality_rules import Criterion

DOCUMENT = ["kecamatan", "kabupaten", "tahun"]  # one document
POSITION = [*DOCUMENT, "jabatan_urutan"]  # one position block of one document
IDENTITY = ["indikator_id", "provinsi", "kabupaten", "kecamatan", "tahun", "jabatan_urutan"]  # a row's, and its partition
_WORDS = re.compile(r"[^\w%]+")


def assess(indikator: pd.DataFrame, rules: list[Criterion]) -> pd.DataFrame:
    """A row per indicator: its id and region (for the partitions), `skor` (0–100), and per criterion
    `lolos_<key>` (met) and `alasan_<key>` (why not, in words; '' when met)."""
    rows = indikator.reset_index(drop=True)
    out = rows[IDENTITY].copy()
    total = sum(rule.bobot for rule in rules) or 1.0
    met_weight = pd.Series(0.0, index=rows.index)
    for rule in rules:
        reasons = RULES[rule.key](rows, rule.settings).fillna("").astype(str)
        out[f"lolos_{rule.key}"] = reasons == ""
        out[f"alasan_{rule.key}"] = reasons
        met_weight += out[f"lolos_{rule.key}"] * rule.bobot
    out.insert(len(IDENTITY), "skor", (met_weight / total * 100).round(1))
    return out


# ---- one function per criterion: the reason each indicator fails it, '' where it does not ----


def _formula(rows: pd.DataFrame, settings: dict) -> pd.Series:
    computing = set(settings.get("kategori_menghitung", []))
    said = {"tanpa_formula": "tidak ada formula", "deskriptif": "formula hanya menerangkan, tidak menghasilkan angka"}
    return rows["kategori_formula"].map(lambda k: "" if k in computing else said.get(k, f"formula berkategori {k}"))


def _satuan(rows: pd.DataFrame, settings: dict) -> pd.Series:
    vague, counting = _words_of(settings, "tak_terhitung"), _words_of(settings, "hitung")

    def reason(satuan: str, target_satuan: str, indikator: str) -> str:
        if target_satuan:
            return ""
        if not satuan:
            return "satuan tidak disebut dan tidak terbaca dari rumusan"
        counted = _counted_word(indikator, counting)
        if counted in vague:
            return f'tidak jelas apa yang dihitung dari "{counted}" ("{_opening(indikator)}"), dan target tidak menyebut satuan'
        return ""

    return pd.Series([reason(*r) for r in zip(rows["satuan"], rows["target_satuan"], rows["indikator"], strict=True)])


def _target(rows: pd.DataFrame, settings: dict) -> pd.Series:
    same = {unit: group[0] for group in settings.get("satuan_setara", []) for unit in group}

    def one(unit: str) -> str:  # the unit a group of equal units is read as
        return same.get(unit, unit)

    def reason(target, target_satuan: str, kategori: str, indikator: str, formula: str) -> str:
        if pd.isna(target):
            return "dokumen tidak menyebut target"
        if target == 0:
            return "target nol"
        implied = normalise.unit(kategori, indikator, "", formula)
        if target_satuan and implied not in ("", normalise.UNKNOWN_COUNT) and one(implied) != one(target_satuan):
            return f"satuan target ({target_satuan}) tidak cocok dengan rumusan ({implied})"
        return ""

    columns = ("target", "target_satuan", "kategori_formula", "indikator", "formula")
    return pd.Series([reason(*r) for r in zip(*(rows[c] for c in columns), strict=True)])


def _sumber_data(rows: pd.DataFrame, settings: dict) -> pd.Series:
    empty = _words_of(settings, "kosong")
    region = _region_mention(settings)

    def reason(source: str) -> str:
        written = " ".join(str(source or "").split())
        if not written:
            return "sumber data tidak disebut"
        if written.casefold() in empty:
            return f'sumber data hanya "{written}"'
        named = region.fullmatch(written) if region else None
        if named and _region_name(named[1], named[2].split()):
            return f'sumber data hanya menyebut wilayah "{written}", bukan dokumen, bagian atau sistem'
        return ""

    return rows["sumber_data"].map(reason)


def _hasil(rows: pd.DataFrame, settings: dict) -> pd.Series:
    counting, doing = _words_of(settings, "hitung"), _words_of(settings, "pelaksanaan")
    activities = _words_of(settings, "kegiatan")
    done, planned = _words_of(settings, "terlaksana"), _words_of(settings, "rencana")

    def reason(indikator: str, kategori: str, formula: str) -> str:
        words = _plain(indikator).split()
        counted = _skipping(words, counting)
        named = _skipping(words, counting | doing)
        if named < len(words) and words[named] in activities:
            return f'menghitung kegiatan ("{" ".join(words[: named + 1])}"), bukan hasilnya'
        if counted and named > counted:  # "jumlah pelaksanaan …": how often something was done
            return f'menghitung kegiatan ("{" ".join(words[:named])}"), bukan hasilnya'
        said = set(_plain(formula).split())
        if kategori in ("persentase", "rasio") and said & done and said & planned:
            return "formula membandingkan kegiatan yang terlaksana dengan yang direncanakan, bukan hasilnya"
        return ""

    columns = ("indikator", "kategori_formula", "formula")
    return pd.Series([reason(*r) for r in zip(*(rows[c] for c in columns), strict=True)])


def _duplikat(rows: pd.DataFrame, settings: dict) -> pd.Series:
    bar = float(settings.get("batas_kemiripan", 95))
    reasons = pd.Series("", index=rows.index)
    synonyms = _synonyms(settings.get("sinonim", []))
    wording = rows["indikator"].map(lambda text: synonyms(_plain(text)))
    for _, block in rows.groupby(POSITION, sort=False):
        if len(block) < 2:
            continue
        index = list(block.index)
        for i, one in enumerate(index):
            for other in index[i + 1 :]:
                if fuzz.token_sort_ratio(wording[one], wording[other]) >= bar:
                    reasons[one] = reasons[one] or f'kembar dengan "{rows.at[other, "indikator"]}" dalam jabatan ini'
                    reasons[other] = reasons[other] or f'kembar dengan "{rows.at[one, "indikator"]}" dalam jabatan ini'
    return reasons


def _salin_tempel(rows: pd.DataFrame, settings: dict) -> pd.Series:
    region = _region_mention(settings)

    def reason(kecamatan: str, kabupaten: str, *texts: str) -> str:
        if region is None:
            return ""
        for column, text in zip(("indikator", "formula", "sasaran", "sumber_data"), texts, strict=True):
            for found in region.finditer(str(text or "")):
                other = _other_region(found[1], found[2].split(), kecamatan, kabupaten)
                if other:
                    return f"{column} menyebut {found[1].lower()} {other}, padahal dokumen ini milik Kecamatan {kecamatan}"
        return ""

    columns = ("kecamatan", "kabupaten", "indikator", "formula", "sasaran", "sumber_data")
    return pd.Series([reason(*r) for r in zip(*(rows[c] for c in columns), strict=True)])


def _region_mention(settings: dict) -> re.Pattern | None:
    """A region word of the settings ('kecamatan', 'kab.') and the one to three words after it."""
    prefixes = sorted((re.escape(w) for w in settings.get("wilayah", [])), key=len, reverse=True)
    return re.compile(rf"(?<!\w)({'|'.join(prefixes)})\s+((?:[\w'-]+\s*){{1,3}})", re.I) if prefixes else None


def _region_name(prefix: str, words: list[str]) -> str:
    """The longest run of the first words that names a kecamatan (after 'kecamatan') or a
    kabupaten/kota (after the others); '' when none does."""
    level = _level(prefix)
    for size in range(len(words), 0, -1):
        name = " ".join(words[:size])
        if gazetteer.is_region_name(level, name):
            return name
    return ""


def _level(prefix: str) -> str:
    """The level of region a region word names: a kecamatan after 'kecamatan'/'kec.', else a kabupaten/kota."""
    return gazetteer.KECAMATAN if prefix.casefold().startswith("kec") else gazetteer.KABUPATEN


def _other_region(prefix: str, words: list[str], kecamatan: str, kabupaten: str) -> str:
    """The region name the words after a prefix begin with, when it is not the document's own."""
    name = _region_name(prefix, words)
    if not name:
        return ""
    own = (kecamatan, kabupaten) if _level(prefix) == gazetteer.KECAMATAN else (kabupaten,)
    return "" if any(gazetteer.same_name(name, o) for o in own) else name


def _plain(text: str) -> str:
    return " ".join(w for w in _WORDS.split(str(text).casefold()) if w)


def _words_of(settings: dict, key: str) -> set[str]:
    return {str(word).casefold() for word in settings.get(key, [])}


def _skipping(words: list[str], skipped: set[str]) -> int:
    """How many of the first words are among the skipped ones."""
    count = 0
    while count < len(words) and words[count] in skipped:
        count += 1
    return count


def _counted_word(indikator: str, counting: set[str]) -> str:
    """What a wording counts: its first word after the counting words ('jumlah', 'banyaknya'…)."""
    words = _plain(indikator).split()
    first = _skipping(words, counting)
    return words[first] if first < len(words) else ""


def _synonyms(groups: list[list[str]]):
    """Writes each phrase of a group as the group's first, longest phrases first, on plain text."""
    replaced = sorted(((_plain(p), _plain(g[0])) for g in groups for p in g[1:]), key=lambda pair: -len(pair[0]))
    if not replaced:
        return lambda text: text
    pattern = re.compile(r"\b(" + "|".join(re.escape(p) for p, _ in replaced) + r")\b")
    to = dict(replaced)
    return lambda text: pattern.sub(lambda found: to[found[1]], text)


def _opening(text: str, words: int = 4) -> str:
    return " ".join(str(text).split()[:words])


RULES = {
    "formula": _formula,
    "satuan": _satuan,
    "target": _target,
    "sumber_data": _sumber_data,
    "hasil": _hasil,
    "duplikat": _duplikat,
    "salin_tempel": _salin_tempel,
}
