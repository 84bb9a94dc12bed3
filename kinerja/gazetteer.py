"""Region names checked against a gazetteer of Indonesian provinsi → kabupaten/kota → kecamatan.

When an officer adds a document, the kecamatan, kabupaten and provinsi read from its text are
checked here: known names come back in the gazetteer's spelling, unknown ones with up to three close
names and a sentence in Indonesian. Whether an unknown name is kept anyway is the caller's question
(it asks the officer to confirm); this module only says what the gazetteer knows.

The gazetteer is the `areaid` package (34 provinsi, 514 kabupaten/kota, 7.097 kecamatan, as of
2018), with the four provinsi formed in 2022 in Papua added from the laws that formed them;
docs/DESIGN.md says what else it leaves out. Its JSON (22 MB, with every kelurahan) is read once, on
first use, and only the names of the three levels are kept.

Names as returned:
- provinsi in the Kemendagri spelling ("Sumatera Utara", where areaid writes "Sumatra Utara");
- a kabupaten by its bare name ("Gresik", as the manifest writes it), a kota with its prefix
  ("Kota Malang"), so the two Malangs stay apart. A name given without a prefix is the kabupaten,
  unless only a kota has it or the kecamatan given with it lies only in the kota;
- a kecamatan in areaid's first spelling: areaid writes some names twice ("Ngajung (Ngajum)",
  "Sei/Sungai Kunyit"); every spelling is accepted, the first is returned.
Names are compared by letters and digits only, so case, spaces, dots and hyphens do not matter
("Muko Muko" is "Mukomuko"), and the prefixes "Provinsi", "Kabupaten"/"Kab.", "Kota",
"Kecamatan"/"Kec." are optional.
"""

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache
from itertools import product

import areaid
from rapidfuzz import fuzz, process

MAY_IMPORT: tuple[str, ...] = ()  # the package's data and rapidfuzz; nothing else from kinerja

PROVINSI, KABUPATEN, KECAMATAN = "provinsi", "kabupaten", "kecamatan"

# areaid writes "Sumatra"; Kemendagri's list of regions writes "Sumatera". Both are accepted.
OFFICIAL_PROVINSI = {
    "Sumatra Utara": "Sumatera Utara",
    "Sumatra Barat": "Sumatera Barat",
    "Sumatra Selatan": "Sumatera Selatan",
}
# Provinsi formed in 2022 (UU 14, 15, 16 and 29 of 2022), after areaid's data, from kabupaten it lists
# under Papua and Papua Barat: those kabupaten are moved to them, so a Merauke document is placed in
# Papua Selatan, not in Papua.
PROVINSI_2022 = {
    "Papua Selatan": ("Papua", ("Merauke", "Boven Digoel", "Mappi", "Asmat")),
    "Papua Tengah": ("Papua", ("Nabire", "Puncak Jaya", "Paniai", "Mimika", "Puncak", "Dogiyai", "Intan Jaya", "Deiyai")),
    "Papua Pegunungan": (
        "Papua",
        ("Jayawijaya", "Pegunungan Bintang", "Yahukimo", "Tolikara", "Mamberamo Tengah", "Yalimo", "Lanny Jaya", "Nduga"),
    ),
    "Papua Barat Daya": ("Papua Barat", ("Sorong", "Kota Sorong", "Sorong Selatan", "Raja Ampat", "Tambrauw", "Maybrat")),
}
# Short forms documents use for a provinsi, accepted besides its full name.
PROVINSI_SHORT_FORMS = {
    "Daerah Khusus Ibukota Jakarta": ("DKI Jakarta", "Jakarta", "Daerah Khusus Jakarta"),
    "Daerah Istimewa Yogyakarta": ("DI Yogyakarta", "DIY", "Yogyakarta"),
    "Kepulauan Bangka Belitung": ("Bangka Belitung",),
    "Nusa Tenggara Barat": ("NTB",),
    "Nusa Tenggara Timur": ("NTT",),
}

# rapidfuzz ratio on the compared form: one wrong letter scores 80 in a five-letter name, 75 in a
# four-letter one. Measured on every kecamatan within its kabupaten (docs/DESIGN.md): one wrong letter
# leaves the name suggested in 98 % of cases; a real kecamatan of another kabupaten draws a
# suggestion in 0,8 % (2,3 % at 70, 10,8 % at 60).
SCORE_FLOOR = 75.0
MAX_SUGGESTIONS = 3
MAX_PLACES_NAMED = 3

_PROVINSI_PREFIX = re.compile(r"^\s*(?:provinsi|propinsi|prov\.|prov(?=\s))\s*", re.I)
_KABUPATEN_PREFIX = re.compile(r"^\s*(?:kabupaten|kab\.|kab(?=\s))\s*(?:(?:administrasi|adm\.|adm(?=\s))\s*)?", re.I)
_KOTA_PREFIX = re.compile(r"^\s*(?:kotamadya|kodya|kota)\s+(?:(?:administrasi|adm\.|adm(?=\s))\s*)?", re.I)
_KECAMATAN_PREFIX = re.compile(r"^\s*(?:kecamatan|kec\.|kec(?=\s))\s*", re.I)
_NOT_COMPARED = re.compile(r"[^0-9a-z]+")
_BRACKETED = re.compile(r"^(?P<main>[^(]*?)\s*\((?P<other>[^)]*)\)\s*$")


@dataclass(frozen=True)
class NameCheck:
    level: str  # "provinsi" | "kabupaten" | "kecamatan"
    given: str  # as typed
    known: bool  # found (case/spacing/prefix-insensitive)
    name: str | None  # the gazetteer's spelling when known ("Gresik", "Kota Malang", "Jawa Timur")
    suggestions: tuple[str, ...]  # up to 3 close names at that level, best first, when not known
    message: str  # one sentence in Indonesian for the officer


@dataclass(frozen=True)
class RegionCheck:
    provinsi: NameCheck
    kabupaten: NameCheck
    kecamatan: NameCheck

    @property
    def all_known(self) -> bool:
        return self.provinsi.known and self.kabupaten.known and self.kecamatan.known

    def messages(self) -> list[str]:
        """The messages of the levels the gazetteer does not know, provinsi first."""
        return [c.message for c in (self.provinsi, self.kabupaten, self.kecamatan) if not c.known]


# ---- the gazetteer as kept in memory: names only ----


@dataclass(frozen=True)
class _Place:
    name: str  # as returned
    keys: tuple[str, ...]  # the compared form of each accepted spelling, the name's first


@dataclass(frozen=True)
class _Kecamatan(_Place):
    pass


@dataclass(frozen=True)
class _Kabupaten(_Place):
    kota: bool
    kecamatan: tuple[_Kecamatan, ...]

    @property
    def label(self) -> str:
        return self.name if self.kota else f"Kabupaten {self.name}"


@dataclass(frozen=True)
class _Provinsi(_Place):
    kabupaten: tuple[_Kabupaten, ...]

    @property
    def label(self) -> str:
        return f"Provinsi {self.name}"


def _compared(text: str) -> str:
    """Letters and digits only, lower case: what two spellings of one name have in common."""
    return _NOT_COMPARED.sub("", text.casefold())


def _word_alternatives(text: str) -> list[str]:
    """'Sei/Sungai Kunyit' → 'Sei Kunyit', 'Sungai Kunyit': a slash offers two forms of one word."""
    options = [word.split("/") for word in text.split()]
    return [" ".join(words) for words in product(*options)]


def _spellings(written: str) -> list[str]:
    """Every spelling one areaid name gives, its first spelling first: 'Ngajung (Ngajum)',
    'Pasrujambe/Pasujambe', and 'Gunung Meriah (Mariah)', where the bracket replaces the last word."""
    text = " ".join(written.replace(" / ", "/").split())
    bracketed = _BRACKETED.match(text)
    main, other = (bracketed["main"], bracketed["other"].strip()) if bracketed else (text, "")
    spellings = _word_alternatives(main)
    first_words = spellings[0].split()
    for alternative in _word_alternatives(other) if other else []:
        spellings.append(alternative)
        replacing = alternative.split()
        if len(replacing) < len(first_words):
            spellings.append(" ".join(first_words[: -len(replacing)] + replacing))
    return list(dict.fromkeys(spellings))


def _split_kabupaten(text: str) -> tuple[bool | None, str]:
    """Whether a kabupaten name says kota (True), kabupaten (False) or neither (None), and the name
    without that prefix: 'Kab. Banggai', 'Kota Adm. Jakarta Pusat', 'Banggai'."""
    for prefix, kota in ((_KABUPATEN_PREFIX, False), (_KOTA_PREFIX, True)):
        rest, found = prefix.subn("", text, count=1)
        if found:
            return kota, rest.strip()
    return None, text.strip()


def _keys(spellings_of_places: list[list[str]]) -> list[tuple[str, ...]]:
    """Each place's compared spellings, its name's first. Another spelling that two places of one
    parent share, or that is another place's name, is dropped: 'Ternate Selatan (Kota)' and
    'Ternate Utara (Kota)' do not make 'Kota' either of them."""
    names = [_compared(spellings[0]) for spellings in spellings_of_places]
    others = [
        [key for key in dict.fromkeys(_compared(s) for s in spellings[1:]) if key != name]
        for spellings, name in zip(spellings_of_places, names, strict=True)
    ]
    shared = Counter(key for keys in others for key in keys)
    return [(name, *(k for k in keys if shared[k] == 1 and k not in names)) for name, keys in zip(names, others, strict=True)]


def _read_kecamatan(written: list[str]) -> tuple[_Kecamatan, ...]:
    spellings = [_spellings(w) for w in written]
    places = [_Kecamatan(s[0], keys) for s, keys in zip(spellings, _keys(spellings), strict=True)]
    return tuple(sorted(places, key=lambda place: place.name.casefold()))


def _read_kabupaten(records: list[dict]) -> tuple[_Kabupaten, ...]:
    """The kabupaten alphabetically, then the kota; each with its kecamatan."""
    split = [_split_kabupaten(record["kab_kota"]) for record in records]
    spellings = [_spellings(bare) for _, bare in split]
    places = [
        _Kabupaten(("Kota " if kota else "") + s[0], keys, bool(kota), _read_kecamatan([k["kec"] for k in record["kecamatan"]]))
        for record, (kota, _), s, keys in zip(records, split, spellings, _keys(spellings), strict=True)
    ]
    return tuple(sorted(places, key=lambda place: (place.kota, place.name.casefold())))


def _read_provinsi(written: str) -> _Provinsi:
    """One provinsi from areaid's file: the names of its three levels, nothing else (no kelurahan)."""
    (record,) = areaid.buka_data(written.lower())
    name = OFFICIAL_PROVINSI.get(written, written)
    spellings = [name, written, *PROVINSI_SHORT_FORMS.get(written, ())]
    return _Provinsi(name, tuple(dict.fromkeys(_compared(s) for s in spellings)), _read_kabupaten(record["kabupaten"]))


def _with_provinsi_of_2022(provinces: list[_Provinsi]) -> tuple[_Provinsi, ...]:
    """The four provinsi of 2022 after the others, each with its kabupaten taken from its parent."""
    parents = {p.name: p for p in provinces}
    moved = {(parent, kabupaten) for parent, names in PROVINSI_2022.values() for kabupaten in names}
    kept = [replace(p, kabupaten=tuple(k for k in p.kabupaten if (p.name, k.name) not in moved)) for p in provinces]
    formed = [
        _Provinsi(name, (_compared(name),), tuple(k for k in parents[parent].kabupaten if k.name in names))
        for name, (parent, names) in PROVINSI_2022.items()
    ]
    return (*kept, *formed)


@cache
def _gazetteer() -> tuple[_Provinsi, ...]:
    """Every provinsi, in areaid's order (Kemendagri's code order) then those of 2022; read once."""
    return _with_provinsi_of_2022([_read_provinsi(written) for written in areaid.buka_nama()["himpunan"]])


# ---- finding a name ----

_Scope = list[tuple]  # tuples of places, the place named last: (provinsi,), (provinsi, kabupaten), …


def _find(scope: _Scope, key: str) -> _Scope:
    """The entries whose last place is called so: by its name's spelling, else by another spelling."""
    if not key:
        return []
    by_name = [entry for entry in scope if entry[-1].keys[0] == key]
    return by_name or [entry for entry in scope if key in entry[-1].keys[1:]]


def _provinsi_key(text: str) -> str:
    return _compared(_PROVINSI_PREFIX.sub("", text, count=1))


def _kecamatan_key(text: str) -> str:
    return _compared(_KECAMATAN_PREFIX.sub("", text, count=1))


def _kabupaten_in(provinsi: _Provinsi | None) -> _Scope:
    return [(p, k) for p in ([provinsi] if provinsi else _gazetteer()) for k in p.kabupaten]


def _kecamatan_in(kabupaten_scope: _Scope) -> _Scope:
    return [(p, k, c) for p, k in kabupaten_scope for c in k.kecamatan]


def _match_provinsi(given: str) -> _Provinsi | None:
    found = _find([(p,) for p in _gazetteer()], _provinsi_key(given))
    return found[0][0] if found else None


def _kabupaten_called(given: str, scope: _Scope) -> _Scope:
    """The kabupaten and kota of the scope a name may mean: of the kind its prefix says, else both."""
    kota, bare = _split_kabupaten(given)
    found = _find(scope, _compared(bare))
    if kota is None:
        return found
    of_kind = [(p, k) for p, k in found if k.kota == kota]
    if not of_kind and kota:  # 'Kota Baru' may be Kabupaten Kotabaru written apart
        return [(p, k) for p, k in _find(scope, _compared(given)) if not k.kota]
    return of_kind


def _match_kabupaten(given: str, provinsi: _Provinsi | None, kecamatan: str) -> tuple[_Provinsi, _Kabupaten] | None:
    """A bare name is the kabupaten, unless only the kota holds the kecamatan given with it
    ('Malang' with 'Klojen' is Kota Malang) or only a kota has that name."""
    found = _kabupaten_called(given, _kabupaten_in(provinsi))
    holding = [(p, k) for p, k in found if _find([(c,) for c in k.kecamatan], _kecamatan_key(kecamatan))]
    ranked = sorted(holding or found, key=lambda entry: entry[1].kota)  # stable: kabupaten before kota
    return ranked[0] if ranked else None


def _suggestions(key: str, places: list[_Place]) -> list[_Place]:
    """Up to three places whose spelling is close to the key, best first, none below the floor."""
    if not key:
        return []
    spelled = [(place, k) for place in places for k in place.keys]
    scored = process.extract(key, [k for _, k in spelled], scorer=fuzz.ratio, score_cutoff=SCORE_FLOOR, limit=None)
    best: dict[str, _Place] = {}
    for _, _, index in sorted(scored, key=lambda hit: (-hit[1], hit[2])):
        best.setdefault(spelled[index][0].name, spelled[index][0])
    return list(best.values())[:MAX_SUGGESTIONS]


# ---- the sentences ----

_LEVEL_LABELS = {PROVINSI: "Provinsi", KABUPATEN: "Kabupaten/kota", KECAMATAN: "Kecamatan"}


def _places_named(entries: _Scope) -> str:
    """'Kabupaten Banggai (Sulawesi Tengah)', the first three and how many more."""
    named = [f"{k.label} ({p.name})" for p, k, *_ in entries[:MAX_PLACES_NAMED]]
    more = len(entries) - MAX_PLACES_NAMED
    return ", ".join(named) + (f" dan {more} tempat lain" if more > 0 else "")


def _known(level: str, given: str, name: str, message: str) -> NameCheck:
    return NameCheck(level, given, True, name, (), message)


def _said(place: _Place) -> str:
    """A place as a sentence names it: a kabupaten or kota with its kind, others by name."""
    return place.label if isinstance(place, _Kabupaten) else place.name


def _unknown(level: str, given: str, where: str | None, elsewhere: str, close: list[_Place]) -> NameCheck:
    """Not found: where it was looked for, where else that name is, and the close names."""
    label = _LEVEL_LABELS[level]
    if not given.strip():
        return NameCheck(level, given, False, None, (), f"{label} belum diisi")
    message = f"{label} '{given}' tidak ada " + (f"di {where}" if where else "dalam daftar wilayah")
    if elsewhere:
        message += f"; nama itu ada di {elsewhere}"
    if close:
        message += "; mungkin maksudnya: " + ", ".join(_said(p) for p in close)
    elif not elsewhere:
        message += "; tidak ada nama yang mirip"
    return NameCheck(level, given, False, None, tuple(p.name for p in close), message)


# ---- checking ----


def _check_provinsi(given: str) -> tuple[NameCheck, _Provinsi | None]:
    provinsi = _match_provinsi(given)
    if provinsi:
        return _known(PROVINSI, given, provinsi.name, f"{provinsi.label} ada dalam daftar wilayah"), provinsi
    return _unknown(PROVINSI, given, None, "", _suggestions(_provinsi_key(given), list(_gazetteer()))), None


def _check_kabupaten(given: str, provinsi: _Provinsi | None, kecamatan: str) -> tuple[NameCheck, _Kabupaten | None]:
    found = _match_kabupaten(given, provinsi, kecamatan)
    if found:
        home, kabupaten = found
        return _known(KABUPATEN, given, kabupaten.name, f"{kabupaten.label} ada di {home.label}"), kabupaten
    elsewhere = _match_kabupaten(given, None, kecamatan) if provinsi else None
    close = _suggestions(_compared(_split_kabupaten(given)[1]), [k for _, k in _kabupaten_in(provinsi)])
    where = provinsi.label if provinsi else None
    return _unknown(KABUPATEN, given, where, elsewhere[0].label if elsewhere else "", close), None


def _check_kecamatan(given: str, provinsi: _Provinsi | None, kabupaten: _Kabupaten | None) -> NameCheck:
    scope = [(p, k) for p, k in _kabupaten_in(provinsi) if kabupaten is None or k is kabupaten]
    key = _kecamatan_key(given)
    found = _find(_kecamatan_in(scope), key)
    if found:
        where = kabupaten.label if kabupaten else _places_named(found)
        return _known(KECAMATAN, given, found[0][-1].name, f"Kecamatan {found[0][-1].name} ada di {where}")
    where = kabupaten.label if kabupaten else (provinsi.label if provinsi else None)
    elsewhere = _find(_kecamatan_in(_kabupaten_in(None)), key) if where else []
    close = _suggestions(key, [c for *_, c in _kecamatan_in(scope)])
    return _unknown(KECAMATAN, given, where, _places_named(elsewhere) if elsewhere else "", close)


def check_region(provinsi: str, kabupaten: str, kecamatan: str) -> RegionCheck:
    """Each level looked up within the level above when that one is known, else across Indonesia."""
    provinsi_check, found_provinsi = _check_provinsi(provinsi)
    kabupaten_check, found_kabupaten = _check_kabupaten(kabupaten, found_provinsi, kecamatan)
    return RegionCheck(provinsi_check, kabupaten_check, _check_kecamatan(kecamatan, found_provinsi, found_kabupaten))


def locate_kecamatan(kecamatan: str, kabupaten: str | None = None) -> list[tuple[str, str, str]]:
    """(provinsi, kabupaten, kecamatan) of every kecamatan of that name, within the kabupaten (or
    kota: a bare name means either) when one is given that the gazetteer knows; used to fill in the
    provinsi a document does not state."""
    narrowed = _kabupaten_called(kabupaten, _kabupaten_in(None)) if kabupaten else []
    scope = narrowed or _kabupaten_in(None)
    return [(p.name, k.name, c.name) for p, k, c in _find(_kecamatan_in(scope), _kecamatan_key(kecamatan))]


def provinsi_names() -> list[str]:
    """Every provinsi, in Kemendagri's code order: Aceh … Papua Barat, then the four of 2022."""
    return [p.name for p in _gazetteer()]


def kabupaten_names(provinsi: str) -> list[str]:
    """The kabupaten of a provinsi (bare names, alphabetical), then its kota; none for an unknown one."""
    found = _match_provinsi(provinsi)
    return [k.name for k in found.kabupaten] if found else []


def kecamatan_names(provinsi: str, kabupaten: str) -> list[str]:
    """The kecamatan of a kabupaten or kota of a provinsi, alphabetical; none when either is unknown."""
    found_provinsi = _match_provinsi(provinsi)
    found = _match_kabupaten(kabupaten, found_provinsi, "") if found_provinsi else None
    return [c.name for c in found[1].kecamatan] if found else []


@cache
def _known_keys(level: str) -> frozenset[str]:
    places = _kecamatan_in(_kabupaten_in(None)) if level == KECAMATAN else _kabupaten_in(None)
    return frozenset(key for entry in places for key in entry[-1].keys)


def is_region_name(level: str, text: str) -> bool:
    """Whether the text is, in any spelling, the name of some kecamatan (level KECAMATAN) or some
    kabupaten/kota (level KABUPATEN) of the country."""
    return _compared(text) in _known_keys(level)


def same_name(one: str, other: str) -> bool:
    """Whether two texts are one name as the gazetteer compares names (case, spaces, dots, hyphens)."""
    return _compared(one) == _compared(other)
