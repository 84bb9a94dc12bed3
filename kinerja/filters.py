"""The shared filters, owned here through their whole life: one table of fields says each filter's
URL key (also its widget key), widget label, command-line option, SQL parameter member and the
words that describe it. An empty filter means 'all'.

Adding a filter: a Field here, an attribute on Filters, and its condition in queries/_filter.sql.
"""

import argparse
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field

from kinerja.errors import KinerjaError
from kinerja.paths import scope_file
from kinerja.vocab import BIDANG_LABELS, JENIS_LABELS


@dataclass(frozen=True)
class Field:
    name: str  # attribute of Filters and member of the $filter query parameter
    key: str  # URL parameter and widget key
    label: str  # widget label
    kind: str  # "text" (typed words), "values" (texts), "years" (integers) or "codes" (labelled codes)
    sentence: str  # how the chosen values read in a description, '{}' standing for them
    option: str  # command-line option
    labels: Mapping[str, str] | None = None  # code -> Indonesian label, for coded fields
    narrowed_by: tuple[str, ...] = ()  # fields whose choice limits this one's options (kabupaten -> kecamatan)

    def decode(self, values: list[str]) -> tuple | str:
        """URL or widget values as the filter holds them: codes (from a code or its label), years as numbers."""
        if self.kind == "text":
            return " ".join(str(v) for v in values).strip()
        if self.kind == "years":
            return tuple(int(v) for v in values if str(v).strip().isdigit())
        if self.kind == "codes":
            by_label = {label: code for code, label in self.labels.items()}
            return tuple(by_label.get(v, v) for v in values if v in self.labels or v in by_label)
        return tuple(str(v) for v in values)

    def encode(self, value) -> list[str]:
        """The filter's value as URL values: what the sidebar widget writes there (labels for codes)."""
        if self.kind == "text":
            return [value] if value else []
        return [self.labels.get(v, v) if self.labels else str(v) for v in value]

    def words(self, value) -> str:
        """The chosen value in words, '' when the filter is not set."""
        if not value:
            return ""
        if self.kind == "text":
            return self.sentence.format(value)
        shown = [self.labels.get(v, v) for v in value] if self.labels else [str(v) for v in value]
        return self.sentence.format(", ".join(shown))


# In the order the sidebar shows them and a description reads them.
FIELDS = (
    Field("teks", "jabatan_teks", "Cari jabatan (ketik sebagian judul)", "text", "Jabatan memuat '{}'", "--jabatan"),
    Field("jabatan", "jabatan", "Jabatan baku", "values", "Jabatan: {}", "--jabatan-baku"),
    Field("jenis", "jenis", "Jenis jabatan", "codes", "Jenis jabatan: {}", "--jenis", JENIS_LABELS),
    Field("bidang", "bidang", "Bidang", "codes", "Bidang: {}", "--bidang", BIDANG_LABELS),
    Field("provinsi", "provinsi", "Provinsi", "values", "Provinsi {}", "--provinsi"),
    Field("kabupaten", "kabupaten", "Kabupaten/kota", "values", "Kabupaten/kota {}", "--kabupaten", narrowed_by=("provinsi",)),
    Field("kecamatan", "kecamatan", "Kecamatan", "values", "Kecamatan {}", "--kecamatan", narrowed_by=("provinsi", "kabupaten")),
    Field("tahun", "tahun", "Tahun", "years", "Tahun {}", "--tahun", narrowed_by=("provinsi", "kabupaten", "kecamatan")),
)
REGION = tuple(f.name for f in FIELDS if f.name in ("provinsi", "kabupaten", "kecamatan", "tahun"))  # the hierarchy, top down
EVERYTHING = "Semua kecamatan, tahun, dan jabatan"


@dataclass(frozen=True)
class Filters:
    teks: str = ""  # typed fragment(s) of a title: "seksi pem", "pengadministrasi"
    jabatan: tuple[str, ...] = field(default_factory=tuple)  # canonical titles picked from the list
    jenis: tuple[str, ...] = field(default_factory=tuple)
    bidang: tuple[str, ...] = field(default_factory=tuple)
    provinsi: tuple[str, ...] = field(default_factory=tuple)
    kabupaten: tuple[str, ...] = field(default_factory=tuple)
    kecamatan: tuple[str, ...] = field(default_factory=tuple)
    tahun: tuple[int, ...] = field(default_factory=tuple)

    @classmethod
    def from_query(cls, get_all: Callable[[str], list[str]]) -> "Filters":
        """The filters from a URL's parameters (get_all(key) -> every value given for that key)."""
        return cls(**{f.name: f.decode(list(get_all(f.key))) for f in FIELDS})

    @classmethod
    def from_arguments(cls, args: argparse.Namespace) -> "Filters":
        return cls(**{f.name: f.decode(_as_list(getattr(args, _dest(f)))) for f in FIELDS})

    def region(self) -> "Filters":
        """Only where and when (provinsi, kabupaten, kecamatan, tahun): for what concerns a whole document."""
        return Filters(**{name: getattr(self, name) for name in REGION})

    def to_query(self) -> dict[str, list[str]]:
        """The URL parameters that open these filters (the inverse of from_query)."""
        return {f.key: f.encode(getattr(self, f.name)) for f in FIELDS if getattr(self, f.name)}

    def params(self) -> dict:
        """The $filter query parameter: a list per multi-value filter (empty = all), the typed words as text."""
        values = asdict(self)
        return {"filter": {k: (list(v) if isinstance(v, tuple) else v.strip()) for k, v in values.items()}}

    def describe(self) -> str:
        """The filters in words, for titles, slides and file headers."""
        parts = [f.words(getattr(self, f.name)) for f in FIELDS]
        return "; ".join(p for p in parts if p) or EVERYTHING


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The filters as command-line options: repeatable, except the typed words."""
    for f in FIELDS:
        if f.kind == "text":
            parser.add_argument(f.option, dest=_dest(f), help="teks yang harus ada di judul jabatan, mis. 'seksi pem'")
        else:
            parser.add_argument(f.option, dest=_dest(f), action="append", help=f"{f.label} (boleh diulang)")


def _dest(f: Field) -> str:
    return f"filter_{f.name}"


def _as_list(value) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else [str(v) for v in value]


def default_scope() -> Filters:
    """The region a deployment opens on (provinsi and kabupaten lists in the scope file; none: all)."""
    path = scope_file()
    if not path.exists():
        return Filters()
    try:
        settings = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise KinerjaError(f"{path}: bukan TOML yang sah ({error})") from error
    wrong = [key for key, value in settings.items() if key not in ("provinsi", "kabupaten") or not isinstance(value, list)]
    if wrong:
        raise KinerjaError(f"{path}: hanya 'provinsi' dan 'kabupaten' berupa daftar nama yang dikenal, bukan {', '.join(wrong)}")
    return Filters(**{key: tuple(str(v) for v in value) for key, value in settings.items()})
