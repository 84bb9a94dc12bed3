"""Words OCR glued together ("barangcetakandan", "DanaDesadicairkandalamdua"), split into the
words they are made of, and the word pairs the documents use, for placing OCR text in its column.

The vocabulary is the words of the documents the project ships (the text files in data/raw, read
once), those of the document being read, and the Indonesian word list of hunspell-id
(`/usr/share/hunspell/id_ID.dic`) when installed: its stems, and a stem with the regular affixes
around it written out here (its affix file, with circumfixes and continuation classes, is not read). A
document's words are counted as often as the most any one source uses them, so a shipped document
read again (from its Word or PDF version) gets exactly the vocabulary it gets from data/raw.

The list's words found inside the shipped documents' words are kept in data/config (`EXCERPT`,
written by `python -m kinerja.ingest`), so a shipped document reads the same with or without
hunspell-id installed: its parse depends on its text and the shipped files only. A new document
gains from the list when it is installed.

A token is split only into known words (fewest words first, then the best known ones), at most one
of them known from the word list alone, and never when it is itself a word: a number, an
abbreviation in capitals, a word of the word list, a word the documents use more often than the
words it could be cut into, or a name (a capitalised word that cuts into just two words, neither a
joining word, one of them not a word of the documents: "Sangkapura", "Tanjungsari"; an
abbreviation glued to a capitalised word: "RKPDesa", "BUMDes").
"""

import csv
import math
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from kinerja.ingest.source import TEXT_SUFFIXES
from kinerja.paths import DATA, RAW

DICTIONARY = Path("/usr/share/hunspell/id_ID.dic")
EXCERPT = DATA / "config" / "kata_hunspell_dokumen.txt"  # the list's words inside the shipped documents' words
# The shipped documents' words and word pairs with their counts, written once from data/raw: documents
# officers add later (stored in data/raw too) never change how another document is read.
SHIPPED_COUNTS = DATA / "config" / "kosakata_dokumen.tsv"
INSTALL_HINT = "sudo apt-get install hunspell-id (atau make system)"

# Words that join the words around them: a cell ending on one of them goes on, and a capitalised
# word split into two of which one is such a word is glued text, not a name.
JOINING_WORDS = frozenset({
    "dan", "yang", "di", "ke", "dari", "dengan", "kepada", "terhadap", "untuk", "dalam", "oleh", "serta", "atau",
    "pada", "bagi", "berupa", "meliputi", "antara", "tentang", "yaitu", "adalah", "sebagai",
})  # fmt: skip
# "di", "ke", "se" are written apart ("di wilayah", "Se Kecamatan") and are prefixes written together
# ("dibina", "kedua", "setahun"): glued, they are cut off only before a word the documents write apart.
_PREFIXES = frozenset({"di", "ke", "se"})
_DICTIONARY_WEIGHT = 2  # a word of the word list counts as a word the documents use twice
# the shorter a piece, the more often the documents must use it on its own (not OCR debris, not "Se")
_SHORT_WORD_MIN_COUNT = {2: 5, 3: 3}
_DICTIONARY_MIN_LENGTH = 4  # the list holds many short stems and abbreviations ("ban", "kan", "ter")
_SUFFIXES = ("kan", "an", "i", "nya")
# (prefix, the suffixes it comes with): di-, ke-, per- only with a suffix ("dibina" needs no list)
_AFFIXES = (
    ("", _SUFFIXES),
    ("ber", ("", *_SUFFIXES)),
    ("ter", ("", *_SUFFIXES)),
    ("se", ("", *_SUFFIXES)),
    ("di", ("kan", "i")),
    ("ke", ("an",)),
    ("per", ("an", "kan", "i")),
)

_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-]*[A-Za-z0-9]|[A-Za-z0-9]")
_SEGMENT_BREAK = re.compile(r"\t|\s*[|\[\]{}]+\s*|\s{2,}")  # cells apart: pairs across them are not pairs
_ABBREVIATION = re.compile(r"[A-Z][A-Z0-9]+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_PLAIN_WORD = re.compile(r"[A-Z]?[a-z]+(?:-[A-Za-z]+)*")


@dataclass(frozen=True)
class Split:
    original: str
    words: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(self.words)


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _segments(text: str) -> list[list[str]]:
    """Runs of words (as written) that stand together: a line, cut at tabs and at the marks left by grid lines."""
    out = []
    for line in text.splitlines():
        for segment in _SEGMENT_BREAK.split(line):
            words = tokens(segment)
            if words:
                out.append(words)
    return out


@dataclass
class WordCounts:
    """How often a text uses each word (lower case) and each pair of words next to each other."""

    words: Counter = field(default_factory=Counter)
    pairs: Counter = field(default_factory=Counter)

    @classmethod
    def of(cls, text: str) -> "WordCounts":
        counts = cls()
        for segment in _segments(text):
            counts.words.update(word.lower() for word in segment if not _ABBREVIATION.fullmatch(word))
            lower = [word.lower() for word in segment]
            counts.pairs.update(zip(lower, lower[1:], strict=False))
        return counts

    def most_of(self, other: "WordCounts") -> "WordCounts":
        return WordCounts(self.words | other.words, self.pairs | other.pairs)


@cache
def dictionary_words(path: Path = DICTIONARY) -> frozenset[str]:
    """The stems of a hunspell .dic file (ISO-8859-1, its first line a count), lower case."""
    if not path.exists():
        return frozenset()
    lines = path.read_text(encoding="latin-1").splitlines()[1:]
    return frozenset(line.split("/")[0].strip().lower() for line in lines if line.strip())


@cache
def excerpt_words(path: Path = EXCERPT) -> frozenset[str]:
    """The shipped excerpt of the list: one word per line, '#' comments."""
    if not path.exists():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def excerpt_of(texts: list[str], listed: frozenset[str]) -> list[str]:
    """The list's words each text's words are or hold ('rekening' in 'Jumlahfasilitasirekeninglistrik'):
    every word of the list a split of those words can ask about, so their reading needs no more."""
    found = set()
    for token in {token.lower() for text in texts for token in tokens(text)}:
        if token in listed:
            found.add(token)
        for start in range(len(token)):
            for end in range(start + _DICTIONARY_MIN_LENGTH, len(token) + 1):
                if token[start:end] in listed:
                    found.add(token[start:end])
    return sorted(found)


def shipped_texts(folder: Path = RAW) -> list[str]:
    """The text documents the project ships: those in the register that no officer added."""
    manifest = folder / "manifest.csv"
    if not manifest.exists():
        return []
    with manifest.open(newline="", encoding="utf-8") as handle:
        names = [row["berkas"] for row in csv.DictReader(handle) if not (row.get("oleh") or "").strip()]
    paths = sorted(folder / name for name in names)
    return [p.read_text(encoding="utf-8", errors="replace") for p in paths if p.suffix.lower() in TEXT_SUFFIXES]


def reading_inputs() -> list[Path]:
    """The files besides a document's text that decide how it is read (for the parse cache)."""
    return [path for path in (EXCERPT, SHIPPED_COUNTS, DICTIONARY) if path.exists()]


def dictionary_available(path: Path | None = None) -> bool:
    return (path or DICTIONARY).exists()


def counts_of_texts(texts: list[str]) -> WordCounts:
    """The words of the texts, each counted as often as the text using it most does."""
    counts = WordCounts()
    for text in texts:
        counts = counts.most_of(WordCounts.of(text))
    return counts


@cache
def shipped_counts(path: Path = SHIPPED_COUNTS) -> WordCounts:
    """The shipped documents' words and pairs, from the file written from them ('kata<TAB>n',
    'kata kata<TAB>n' for a pair)."""
    counts = WordCounts()
    if not path.exists():
        return counts
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        key, number = line.rsplit("\t", 1)
        if " " in key:
            counts.pairs[tuple(key.split(" "))] = int(number)
        else:
            counts.words[key] = int(number)
    return counts


def write_shipped_counts(path: Path = SHIPPED_COUNTS) -> int:
    """Write the counts of the documents in data/raw; the number of words written."""
    counts = counts_of_texts(shipped_texts())
    lines = [
        "# Kata dan pasangan kata dokumen data/raw dengan jumlahnya, untuk memisah kata yang tergabung oleh OCR.",
        "# Dibuat oleh: python -m kinerja.ingest (jalankan lagi setelah dokumen bawaan di data/raw berubah).",
        *(f"{word}\t{n}" for word, n in sorted(counts.words.items())),
        *(f"{a} {b}\t{n}" for (a, b), n in sorted(counts.pairs.items())),
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(counts.words)


@dataclass(frozen=True)
class Vocabulary:
    counts: WordCounts
    dictionary: frozenset[str]
    _splits: dict = field(default_factory=dict, compare=False, repr=False)

    def count(self, word: str) -> float:
        """How well a word is known: the documents' uses, plus two when the word list has it."""
        lower = word.lower()
        listed = lower in self.dictionary and len(lower) >= _DICTIONARY_MIN_LENGTH
        return self.counts.words[lower] + (_DICTIONARY_WEIGHT if listed else 0)

    def listed(self, token: str) -> bool:
        """A word of the list, or one of its stems with the regular affixes around it: 'ditindaklanjuti'
        (di- tindaklanjut -i), 'berjalan', 'laporkan'. A bare 'di' + stem is left out: 'diwilayah'
        is glued as often as it is a verb."""
        lower = token.lower()
        if lower in self.dictionary:
            return True
        for prefix, suffixes in _AFFIXES:
            if not lower.startswith(prefix):
                continue
            for suffix in suffixes:
                stem = lower[len(prefix) : len(lower) - len(suffix)]
                if lower.endswith(suffix) and len(stem) >= _DICTIONARY_MIN_LENGTH and stem in self.dictionary:
                    return True
        return False

    def pair(self, first: str, second: str) -> int:
        return self.counts.pairs[(first.lower(), second.lower())]

    def piece_known(self, piece: str, glued: bool) -> bool:
        """A word a token may be cut into: used twice at least (OCR leaves fragments used once), once
        when the token shows it is glued (a capital or a digit against letters), and not glued itself."""
        if len(piece) < 2 or self.counts.words[piece.lower()] < _SHORT_WORD_MIN_COUNT.get(len(piece), 0):
            return False
        return self.count(piece) >= (1 if glued else 2) and self.split(piece) is None

    def split(self, token: str) -> Split | None:
        """The words a glued token is made of, or None when it is a word or cannot be read as words."""
        if token not in self._splits:
            self._splits[token] = self._split(token)
        return self._splits[token]

    def _split(self, token: str) -> Split | None:
        if _is_protected(token) or self.listed(token):
            return None
        pieces = _best_cut(token, self)
        if pieces is None:
            return None
        pieces = self._rejoin_prefixes(pieces)
        if len(pieces) < 2 or self.is_name(token, pieces) or not self._outweighs(token, pieces):
            return None
        if sum(not self._used(p) for p in _words(pieces)) > 1:
            return None  # 'akun tabel', 'mendu kung': the list's rare stems cut real words apart
        return Split(token, tuple(pieces))

    def _used(self, piece: str) -> bool:
        """Whether the documents use the piece (or, rejoined with its prefix, the word after it)."""
        lower = piece.lower()
        return bool(self.counts.words[lower] or (lower[:2] in _PREFIXES and self.counts.words[lower[2:]]))

    def _rejoin_prefixes(self, pieces: list[str]) -> list[str]:
        """'di' + 'monev' stays 'dimonev' unless the documents write 'di monev' apart."""
        out: list[str] = []
        for piece in pieces:
            if out and out[-1].lower() in _PREFIXES and not self.pair(out[-1], piece) and piece[:1].islower():
                out[-1] += piece
            else:
                out.append(piece)
        return out

    def _stem_count(self, piece: str) -> float:
        """A piece rejoined with its prefix ('ditambah') is as well known as the word after it."""
        if not self.count(piece) and piece[:2].lower() in _PREFIXES:
            return self.count(piece[2:])
        return self.count(piece)

    def _outweighs(self, token: str, pieces: list[str]) -> bool:
        """A word the documents use is cut only into words they use at least as often ('dibina' stays)."""
        used = self.counts.words[token.lower()]
        known = [self._stem_count(p) for p in _words(pieces)]
        return all(count >= used for count in known if count)  # a word held between capitals may be new

    def is_name(self, token: str, pieces: list[str]) -> bool:
        """'Sangkapura' (sangka + pura, words of the list only), 'RKPDesa' (RKP + Desa): a name, kept
        whole. A capitalised token of two words the documents use ('Jumlahdata') is glued text."""
        if len(pieces) != 2 or any(p.lower() in JOINING_WORDS for p in pieces):
            return False
        if _ABBREVIATION.fullmatch(pieces[0]) and re.fullmatch(r"[A-Z][a-z]+", pieces[1]):
            return True
        capitalised = re.fullmatch(r"[A-Z][a-z]+", token) is not None
        return capitalised and any(self.counts.words[p.lower()] < 2 for p in pieces)


def _is_protected(token: str) -> bool:
    """A number, an abbreviation in capitals (digits allowed: SP2D), or letters mixed with digits."""
    if _NUMBER.fullmatch(token) or _ABBREVIATION.fullmatch(token.replace("-", "")):
        return True
    return bool(re.search(r"\d", token)) and not re.fullmatch(r"\d+[a-z][a-zA-Z\-]*", token)


def _words(pieces: list[str]) -> list[str]:
    """The pieces that are words, not abbreviations or numbers."""
    return [p for p in pieces if not _ABBREVIATION.fullmatch(p) and not _NUMBER.fullmatch(p)]


def _forced_cuts(token: str) -> set[int]:
    """Where a word cannot go on: a lower-case letter before a capital, a digit against a letter."""
    cuts = set()
    for i in range(1, len(token)):
        before, after = token[i - 1], token[i]
        if (before.islower() and after.isupper()) or (before.isdigit() != after.isdigit() and "-" not in (before, after)):
            cuts.add(i)
    return cuts


def _looks_glued(token: str) -> bool:
    """Letters no word has: a capital after a lower-case letter, a digit against letters, capitals
    run into lower case ('SPPadalah')."""
    return bool(_forced_cuts(token)) or re.search(r"[A-Z]{2}[a-z]", token) is not None


def _piece_allowed(piece: str, start: int, end: int, token: str, vocabulary: Vocabulary) -> bool:
    if _NUMBER.fullmatch(piece):
        return True
    if _ABBREVIATION.fullmatch(piece):
        # an abbreviation ends where the capitals end, or one capital early before a capitalised word
        return end == len(token) or token[end].islower() or (end + 1 < len(token) and token[end + 1].islower())
    if not _PLAIN_WORD.fullmatch(piece):
        return False
    if vocabulary.piece_known(piece, glued=_looks_glued(token)):
        return True
    # an unknown capitalised word held between capitals ("PKMBulogJATIM"): the case shows its ends
    bounded = start > 0 and token[start - 1].isupper() and end < len(token) and token[end].isupper()
    return bounded and piece[0].isupper() and len(piece) >= 3


def _best_cut(token: str, vocabulary: Vocabulary) -> list[str] | None:
    """Fewest pieces (two at least: the token itself is not one), then the one whose least known
    piece is best known ('dana sosial', not 'dan asosial'), then the most used, by dynamic programming."""
    n = len(token)
    forced = _forced_cuts(token)
    best: list[tuple[int, float, float, list[str]] | None] = [None] * (n + 1)
    best[0] = (0, -math.inf, 0.0, [])
    for start in range(n):
        if best[start] is None or token[start] == "-":
            continue
        for end in range(start + 1, n + 1):
            if any(start < cut < end for cut in forced):
                break
            piece = token[start:end]
            if (start, end) == (0, n) or not _piece_allowed(piece, start, end, token, vocabulary):
                continue
            count, rarest, weight, pieces = best[start]
            known = vocabulary.count(piece)
            candidate = (count + 1, max(rarest, -known), weight - math.log1p(known), [*pieces, piece])
            if best[end] is None or candidate[:3] < best[end][:3]:
                best[end] = candidate
    return best[n][3] if best[n] else None


def vocabulary_for(text: str, dictionary: Path | None = None) -> Vocabulary:
    """The vocabulary for reading one document: the shipped documents', its own, the word list (its
    excerpt in data/config, and the whole list when installed)."""
    counts = shipped_counts().most_of(WordCounts.of(text))
    return Vocabulary(counts, dictionary_words(dictionary or DICTIONARY) | excerpt_words())


_WORD_IN_LINE = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-]*[A-Za-z]|[A-Za-z]+")


def split_glued(line: str, vocabulary: Vocabulary) -> tuple[str, list[Split]]:
    """The line with every glued token written as its words, and the splits made."""
    splits: list[Split] = []

    def replace(match: re.Match) -> str:
        found = vocabulary.split(match.group(0))
        if found is None:
            return match.group(0)
        splits.append(found)
        return found.text

    return _WORD_IN_LINE.sub(replace, line), splits


def write_excerpt(path: Path = EXCERPT) -> int:
    """Write the excerpt of the list for the documents in data/raw; the number of words written."""
    found = excerpt_of(shipped_texts(), dictionary_words(DICTIONARY))
    header = [
        f"# Kata daftar hunspell-id ({DICTIONARY.name}) yang ada di dalam kata dokumen data/raw.",
        "# Dibuat oleh: python -m kinerja.ingest (jalankan lagi setelah data/raw berubah).",
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join([*header, *found]) + "\n", encoding="utf-8")
    return len(found)


def main() -> int:
    if not dictionary_available():
        print(f"GAGAL: daftar kata hunspell-id tidak ada ({DICTIONARY}). Pasang dengan: {INSTALL_HINT}", file=sys.stderr)
        return 2
    print(f"{write_excerpt()} kata daftar hunspell-id ditulis ke {EXCERPT}.")
    print(f"{write_shipped_counts()} kata dokumen bawaan ditulis ke {SHIPPED_COUNTS}.")
    return 0
