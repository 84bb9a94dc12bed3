"""Texts that say the same thing in different words, and one-to-one matching of them between groups.

Used to find the indicators that kecamatan share although each words them its own way ('Jumlah draf
kenaikan pangkat' in Bululawang, 'Jumlah pengajuan kenaikan pangkat' in Sangkapura). Pure: text in,
pairs out; no data access and no tables. The query returns the rows, this module matches them, the
view says what was found.

The score is rapidfuzz's token_set_ratio on the words that say what is measured. The settings below
were chosen on the four seed documents: docs/DESIGN.md gives the score distribution, the hand-labelled
pairs and their precision and recall; tests/fixtures/pasangan_indikator.csv keeps those pairs.
"""

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations

import numpy as np
from rapidfuzz import fuzz, process

MAY_IMPORT: tuple[str, ...] = ()  # pure: imports no other part of kinerja

# Words that say how a thing is counted, or join a phrase, not what is counted: without them
# 'Pembinaan perangkat desa' and 'Jumlah peserta pembinaan perangkat desa' are one subset of the other.
MEASURE_WORDS = frozenset({"jumlah", "persentase", "prosentase", "tingkat"})
JOINING_WORDS = frozenset({"yang", "dan", "di", "ke", "dalam", "terhadap", "pada", "dengan", "serta", "untuk", "dari"})
FILLER = MEASURE_WORDS | JOINING_WORDS

THRESHOLD = 67.0  # the gap on the seed documents lies between 63,3 (not alike) and 70,8 (alike)
# token_set_ratio scores a short text high against any text holding its one common word
# ('fasilitasi rapat-rapat' against 'fasilitasi pengadaan BMD': 76,9); two shared words are asked for.
MIN_SHARED_WORDS = 2

_NOT_A_WORD = re.compile(r"[^\w]+")


@lru_cache(maxsize=2**16)  # an item is compared with every other group's: its words are taken once
def words(text: str) -> tuple[str, ...]:
    """The words that say what is measured: lower case, punctuation as spaces, no filler words."""
    return tuple(w for w in _NOT_A_WORD.sub(" ", str(text).lower()).split() if w not in FILLER)


@lru_cache(maxsize=2**16)
def normalise(text: str) -> str:
    return " ".join(words(text))


def score(a: str, b: str) -> float:
    """0–100: how alike two texts are worded, whatever the order and repeats of their words."""
    return fuzz.token_set_ratio(normalise(a), normalise(b))


def _share_enough_words(a: set[str], b: set[str]) -> bool:
    """At least two words in common, or every word of a one-word text."""
    return bool(a and b) and len(a & b) >= min(MIN_SHARED_WORDS, len(a), len(b))


def similar(a: str, b: str) -> bool:
    """Whether two texts say the same thing: alike enough and sharing enough words."""
    return score(a, b) >= THRESHOLD and _share_enough_words(set(words(a)), set(words(b)))


@dataclass(frozen=True)
class Item:
    id: str  # unique; breaks ties between equal scores
    group: str  # items of one group are never matched with each other (one kecamatan, all its years)
    text: str


@dataclass(frozen=True)
class Match:
    left: Item
    right: Item
    score: float


def _scores(left_texts: list[str], right_texts: list[str]) -> np.ndarray:
    """token_set_ratio of every pair of normalised texts, 0 below THRESHOLD."""
    return process.cdist(left_texts, right_texts, scorer=fuzz.token_set_ratio, score_cutoff=THRESHOLD)


def match_between(left: Sequence[Item], right: Sequence[Item], scores: np.ndarray | None = None) -> list[Match]:
    """One-to-one: each item matches at most one of the other side, the best-scoring pair first,
    equal scores in the order of the items' ids. `scores` (left x right) when already computed."""
    if not left or not right:
        return []
    if scores is None:
        scores = _scores([normalise(i.text) for i in left], [normalise(i.text) for i in right])
    left_words, right_words = [set(words(i.text)) for i in left], [set(words(i.text)) for i in right]
    rows, columns = np.nonzero(scores >= THRESHOLD)  # the few pairs worth a look, without a loop over all
    candidates = sorted(
        (-float(scores[i, j]), left[i].id, right[j].id, i, j)
        for i, j in zip(rows.tolist(), columns.tolist(), strict=True)
        if _share_enough_words(left_words[i], right_words[j])
    )
    taken_left, taken_right, matches = set(), set(), []
    for negative, _, _, i, j in candidates:
        if i not in taken_left and j not in taken_right:
            taken_left.add(i)
            taken_right.add(j)
            matches.append(Match(left[i], right[j], -negative))
    return matches


def match_groups(items: Iterable[Item]) -> list[Match]:
    """Every pair of groups matched one-to-one; nothing when there is a single group. Each distinct
    wording is scored against each other once: kecamatan copying one template share most of them, and
    thirty kecamatan would otherwise score the same pairs 435 times."""
    groups: dict[str, list[Item]] = defaultdict(list)
    for item in sorted(items, key=lambda i: i.id):
        groups[item.group].append(item)
    texts = sorted({normalise(item.text) for members in groups.values() for item in members})
    position = {text: n for n, text in enumerate(texts)}
    scores = _scores(texts, texts) if len(groups) > 1 else np.zeros((0, 0))
    found = []
    for a, b in combinations(sorted(groups), 2):
        rows = [position[normalise(item.text)] for item in groups[a]]
        columns = [position[normalise(item.text)] for item in groups[b]]
        found += match_between(groups[a], groups[b], scores[np.ix_(rows, columns)])
    return found


def partners(matches: Iterable[Match]) -> dict[str, list[tuple[Item, float]]]:
    """Each matched item's id with its counterparts in other groups and their scores, in group order."""
    found: dict[str, list[tuple[Item, float]]] = defaultdict(list)
    for match in matches:
        found[match.left.id].append((match.right, match.score))
        found[match.right.id].append((match.left, match.score))
    return {key: sorted(pairs, key=lambda pair: (pair[0].group, pair[0].id)) for key, pairs in found.items()}


def clusters(matches: Iterable[Match]) -> list[list[str]]:
    """The ids linked by matches, directly or through others (A–B and B–C make one), each sorted."""
    parent: dict[str, str] = {}

    def root(key: str) -> str:
        while parent.setdefault(key, key) != key:
            key = parent[key]
        return key

    for match in matches:
        parent[root(match.left.id)] = root(match.right.id)
    members: dict[str, list[str]] = defaultdict(list)
    for key in parent:
        members[root(key)].append(key)
    return sorted(sorted(group) for group in members.values())


# --- Support between levels: which sasaran of a superior a position's sasaran serves (Pohon kinerja) ----
#
# A position's sasaran rarely repeats its superior's words ('Tertib administrasi kependudukan' under the
# Camat's 'Kelancaran proses Administrasi Kependudukan'), and the words differ by their affixes
# (pelayanan/layanan, perkantoran/kantor): they are compared by their stems (Sastrawi, the Indonesian
# stemmer). The settings were chosen on the seed documents: docs/DESIGN.md gives the figures,
# tests/fixtures/pohon_sampel.csv the reading of every sasaran they were held to.

SUPPORT_THRESHOLD = 55.0  # Dice × 100 of the closest two phrases; docs/DESIGN.md has the figures per bar
SUPPORT_SHARED_WORDS = 2  # one shared stem ('administrasi') links nearly any two office sasaran
# Words that say how, how much or where, not what: a sasaran's result verb ends in -nya ('Terlaksananya',
# 'Meningkatnya', 'Tersedianya') and is dropped by that ending.
GENERIC_WORDS = MEASURE_WORDS | {"rata", "data", "bahan", "baik", "program", "kecamatan", "kec", "kabupaten", "kab", "kota"}
_SUPPORT_FILLER = JOINING_WORDS | {"bagi", "atau", "se", "oleh", "sehingga", "kepada"}


@lru_cache(maxsize=1)
def _stemmer():
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory  # its dictionary loads on first use only

    return StemmerFactory().create_stemmer()


@lru_cache(maxsize=2**16)
def _stem(word: str) -> str:
    return _stemmer().stem(word)


def _kept(word: str, own: frozenset[str]) -> bool:
    return not (word in _SUPPORT_FILLER or word in GENERIC_WORDS or word in own or word.isdigit() or word.endswith("nya"))


@lru_cache(maxsize=2**16)
def stems(text: str, own: frozenset[str] = frozenset()) -> frozenset[str]:
    """The stems of the words that say what a phrase is about; `own` are the words of the document's
    own region name, which every phrase of it may carry."""
    found = (_stem(w) for w in _NOT_A_WORD.sub(" ", str(text).lower()).split() if _kept(w, own))
    return frozenset(s for s in found if s and s not in GENERIC_WORDS)


@dataclass(frozen=True)
class Support:
    score: float  # 0–100
    below: str  # the phrase of the supporting side that matched best
    above: str  # the phrase of the supported side it matched
    shared: tuple[str, ...]  # their stems in common, sorted


NO_SUPPORT = Support(0.0, "", "", ())


def support(below: Sequence[str], above: Sequence[str], own: frozenset[str] = frozenset()) -> Support:
    """How well phrases of one side (a sasaran, its indicators, the position's title) meet phrases of the
    other (a superior's sasaran and its indicators): the best Dice coefficient × 100 of their stems over
    the pairs sharing at least SUPPORT_SHARED_WORDS stems; equal scores keep the first pair."""
    best = NO_SUPPORT
    for low in below:
        a = stems(low, own)
        for high in above:
            b = stems(high, own)
            common = a & b
            if len(common) < SUPPORT_SHARED_WORDS:
                continue
            score = round(200 * len(common) / (len(a) + len(b)), 1)
            if score > best.score:
                best = Support(score, low, high, tuple(sorted(common)))
    return best


# --- Clusters of one position's indicators across kecamatan (Harmonisasi) ------------------------------
#
# The same test of likeness as Perbandingan (`similar`), over the distinct wordings of one jabatan baku.
# A cluster grows around its leader, the wording most kecamatan use: a wording joins the leader it is
# most alike (chains A–B–C would merge what A and C do not share), and never a cluster already holding a
# wording of one of its documents (a document that lists two indicators means two measures). Officers
# correct it: a wording set apart forms a cluster of its own; two wordings put together share one.


@dataclass(frozen=True)
class Wording:
    text: str  # normalised (`normalise`): the key of a wording
    documents: frozenset[str]  # the documents using it
    places: int  # how many kecamatan use it


@dataclass(frozen=True)
class Cluster:
    members: tuple[str, ...]  # normalised wordings, the most typical first
    scores: tuple[float, ...]  # each member's likeness to the first (100 for the first)


def cluster_wordings(
    wordings: Sequence[Wording], apart: frozenset[str] = frozenset(), together: Sequence[tuple[str, str]] = ()
) -> list[Cluster]:
    """The wordings of one position in clusters, deterministic whatever their order: leaders by how many
    kecamatan use them, then alphabetically; `apart` wordings lead a cluster none joins; each pair in
    `together` ends in one cluster (their clusters merged)."""
    ordered = sorted(wordings, key=lambda w: (-w.places, w.text))
    texts = [w.text for w in ordered]
    scores = process.cdist(texts, texts, scorer=fuzz.token_set_ratio, score_cutoff=THRESHOLD) if texts else np.zeros((0, 0))
    kept = [set(words(t)) for t in texts]
    leaders: list[int] = []
    groups: dict[int, list[int]] = {}
    held: dict[int, set[str]] = {}
    for n, wording in enumerate(ordered):
        options = [] if wording.text in apart else [
            (float(scores[n, lead]), -k, lead) for k, lead in enumerate(leaders)
            if texts[lead] not in apart and scores[n, lead] >= THRESHOLD and _share_enough_words(kept[n], kept[lead])
            and not held[lead] & wording.documents
        ]  # fmt: skip
        if options:
            lead = max(options)[2]  # the most alike; equal scores to the earlier leader
            groups[lead].append(n)
            held[lead] |= wording.documents
        else:
            leaders.append(n)
            groups[n], held[n] = [n], set(wording.documents)
    position = {text: n for n, text in enumerate(texts)}
    pairs = [(position[a], position[b]) for a, b in together if a in position and b in position]
    merged = _merged([groups[lead] for lead in leaders], pairs)
    return [_typical_first(members, ordered, scores) for members in merged]


def _merged(groups: list[list[int]], together: Sequence[tuple[int, int]]) -> list[list[int]]:
    """The groups (of wordings by their place in the order) with those holding a pair of `together` joined."""
    where = {member: n for n, members in enumerate(groups) for member in members}
    parent = list(range(len(groups)))

    def root(n: int) -> int:
        while parent[n] != n:
            n = parent[n]
        return n

    for a, b in together:
        low, high = sorted((root(where[a]), root(where[b])))
        parent[high] = low
    joined: dict[int, list[int]] = defaultdict(list)
    for n, members in enumerate(groups):
        joined[root(n)].extend(members)
    return [joined[n] for n in sorted(joined)]


def _typical_first(members: list[int], ordered: Sequence[Wording], scores: np.ndarray) -> Cluster:
    """The members (places in `ordered`) with the most typical first: the most kecamatan, then the most
    alike the others, then alphabetically; each with its likeness to it (scored again: `scores` keeps
    none under THRESHOLD, and wordings an officer put together may be less alike)."""

    def typical(n: int) -> tuple:
        return (-ordered[n].places, -sum(float(scores[n, other]) for other in members if other != n), ordered[n].text)

    rows = sorted(members, key=typical)
    first = ordered[rows[0]].text
    return Cluster(tuple(ordered[n].text for n in rows), tuple(round(score(ordered[n].text, first), 1) for n in rows))
