"""Pohon kinerja: which sasaran of the Camat or the Sekretaris each position's sasaran supports.

A node (simpul) is one sasaran of one position block of one document, with the indicators written
under it. A Sekretaris' sasaran may support a sasaran of the Camat; any other position's sasaran one
of the Camat or of the Sekretaris. The candidate whose phrases meet the node's best
(`similarity.support`) is its parent when it scores at least `similarity.SUPPORT_THRESHOLD`; equal
scores go to the candidate first in the document. Computed at build time, inside `write_tables`, so
every writer has it; the table `pohon` has a row per indicator (the same partitions as `indikator`).

An officer links or unlinks a node by hand in kaitan.csv beside the documents, keyed to the node's id
(`ids.sasaran_id`: region, year, position, the sasaran's words) and the parent's. A link is applied on
every build; one whose node or parent is no longer read that way applies to nothing and is kept in the
table `kaitan_usang` with the reason, so an officer's decision is never silently lost.
"""

from dataclasses import asdict, dataclass
from pathlib import Path

import pandas as pd

from kinerja import similarity
from kinerja.build.corrections import read_officers_file, write_officers_file
from kinerja.errors import BuildError
from kinerja.ids import sasaran_id
from kinerja.indonesian import utc_now
from kinerja.paths import raw_dir
from kinerja.vocab import supported_kinds

LINKS_NAME = "kaitan.csv"
BY_WORDING, BY_OFFICER, UNLINKED_BY_OFFICER = "kemiripan", "petugas", "dilepas"
DOCUMENT = ["provinsi", "kabupaten", "kecamatan", "tahun"]
NODE = [*DOCUMENT, "jabatan_urutan", "sasaran"]
POHON_COLUMNS = [
    "indikator_id", *DOCUMENT, "jabatan_urutan", "simpul_id", "induk_id", "calon", "terdekat_id", "skor_kaitan",
    "cara_kaitan", "frasa_bawah", "frasa_atas",
]  # fmt: skip
LINK_COLUMNS = [
    "simpul_id", "induk_id", "kecamatan", "kabupaten", "provinsi", "tahun", "jabatan", "sasaran", "induk_jabatan",
    "induk_sasaran", "alasan", "oleh", "pada",
]  # fmt: skip
STALE_COLUMNS = [*LINK_COLUMNS, "baris", "sebab"]
HEADER_NOTE = (
    "# Kaitan sasaran yang ditetapkan petugas (Pohon kinerja): satu sasaran jabatan per baris, dikunci pada\n"
    "# simpul_id sasaran itu dan induk_id sasaran Camat/Sekretaris yang didukungnya (kosong: tidak mendukung\n"
    "# sasaran atasan mana pun). Kaitan yang tidak lagi cocok ditampilkan di halaman Pohon kinerja.\n"
)


@dataclass
class Link:
    simpul_id: str
    induk_id: str  # '' when the officer says the sasaran supports nothing above it
    kecamatan: str = ""  # the rest: for a person reading the file, and where a stale link is shown
    kabupaten: str = ""
    provinsi: str = ""
    tahun: int = 0
    jabatan: str = ""
    sasaran: str = ""
    induk_jabatan: str = ""
    induk_sasaran: str = ""
    alasan: str = ""
    oleh: str = ""
    pada: str = ""
    row: int = 0  # line in the file, for messages


def links_path(directory: Path | None = None) -> Path:
    return (directory or raw_dir()) / LINKS_NAME


def read_links(path: Path | None = None) -> list[Link]:
    path = path or links_path()
    return [_checked(row, number, path) for number, row in read_officers_file(path)]


def _checked(row: dict, number: int, path: Path) -> Link:
    values = {name: (row.get(name) or "").strip() for name in LINK_COLUMNS}
    if not values["simpul_id"]:
        raise BuildError(f"{path}, baris {number}, kolom simpul_id: kosong (diharapkan id sasaran dari halaman Pohon kinerja)")
    try:
        values["tahun"] = int(values["tahun"] or 0)
    except ValueError:
        raise BuildError(f"{path}, baris {number}, kolom tahun: '{values['tahun']}' bukan bilangan") from None
    return Link(**values, row=number)


def save_links(new: list[Link], who: str, path: Path | None = None, forget: frozenset[str] = frozenset()) -> None:
    """Add links (a later one for the same sasaran replaces the earlier) and drop those of the sasaran in
    `forget` (their links follow the wording again), all in one write."""
    path = path or links_path()
    kept = {link.simpul_id: link for link in read_links(path) if link.simpul_id not in forget}
    when = utc_now()
    for link in new:
        link.oleh, link.pada = who, when
        kept[link.simpul_id] = link
    write_officers_file(path, HEADER_NOTE, LINK_COLUMNS, list(kept.values()))


def nodes(indikator: pd.DataFrame) -> pd.DataFrame:
    """One row per sasaran of a position block, in the documents' order: its id, jenis, title, and the
    phrases it is compared by (the sasaran, its indicators, the position's title)."""
    rows = indikator.sort_values("urutan_baris") if "urutan_baris" in indikator else indikator
    rows = rows.assign(sasaran=rows["sasaran"].fillna("").astype(str))
    grouped = rows.groupby(NODE, sort=False, dropna=False)
    out = grouped.agg(
        jabatan=("jabatan", "first"),
        jabatan_baku=("jabatan_baku", "first"),
        jenis_jabatan=("jenis_jabatan", "first"),
        indikator=("indikator", list),
    ).reset_index()
    occurrence = out.groupby(["kabupaten", "kecamatan", "tahun", "jabatan_baku", out["sasaran"].str.lower()]).cumcount() + 1
    keys = zip(out["kabupaten"], out["kecamatan"], out["tahun"], out["jabatan_baku"], out["sasaran"], occurrence, strict=True)
    out["simpul_id"] = [sasaran_id(kab, kec, int(tahun), baku, sasaran, int(n)) for kab, kec, tahun, baku, sasaran, n in keys]
    return out


def _candidates(node, document: list) -> list:
    """The sasaran of its document (its nodes, in order) a node may support."""
    kinds = supported_kinds(node.jenis_jabatan)
    return [other for other in document if other.jenis_jabatan in kinds]


def _own_words(kecamatan: str) -> frozenset[str]:
    return frozenset(similarity.words(kecamatan))


def _phrases(node) -> list[str]:
    return [p for p in [node.sasaran, *node.indikator] if p]


@dataclass
class _Decision:
    simpul_id: str
    induk_id: str
    calon: int  # how many sasaran it may support
    terdekat_id: str  # the candidate it meets best, linked or not ('' when it has none)
    skor_kaitan: float | None  # the score with its parent, or with the closest candidate when it has none
    cara_kaitan: str
    frasa_bawah: str
    frasa_atas: str


def _decide(node, candidates: list, own: frozenset[str], link: Link | None) -> _Decision:
    below = [*_phrases(node), node.jabatan]
    scored = {c.simpul_id: similarity.support(below, _phrases(c), own) for c in candidates}
    best_id = max(scored, key=lambda key: scored[key].score, default="")  # max keeps the first of equals
    chosen, how = "", ""
    if best_id and scored[best_id].score >= similarity.SUPPORT_THRESHOLD:
        chosen, how = best_id, BY_WORDING
    if link is not None:
        chosen, how = link.induk_id, BY_OFFICER if link.induk_id else UNLINKED_BY_OFFICER
    shown = scored.get(chosen or best_id)
    return _Decision(
        node.simpul_id,
        chosen,
        len(candidates),
        best_id,
        shown.score if shown else None,
        how,
        shown.below if shown and chosen else "",
        shown.above if shown and chosen else "",
    )


def _stale(link: Link, candidates: dict[str, set[str]]) -> str:
    """Why an officer's link applies to nothing now ('' when it applies); `candidates` are every node's."""
    if link.simpul_id not in candidates:
        return "sasaran ini tidak ada lagi (dokumennya diganti, ditarik, atau kata-katanya berubah)"
    if link.induk_id and link.induk_id not in candidates[link.simpul_id]:
        return "sasaran atasan yang dipilih tidak ada lagi di dokumen ini"
    return ""


def _candidates_of(all_nodes: pd.DataFrame) -> dict[str, list]:
    """Each node's candidates, by its id (plain rows: pandas' per-row selection costs more than the scoring)."""
    documents: dict[tuple, list] = {}
    for node in all_nodes.itertuples(index=False):
        documents.setdefault(tuple(getattr(node, column) for column in DOCUMENT), []).append(node)
    return {node.simpul_id: _candidates(node, document) for document in documents.values() for node in document}


def _sorted_links(links: list[Link], candidates: dict[str, list]) -> tuple[dict[str, Link], list[dict]]:
    """The officers' links that apply, by node (a later one for a node wins), and those that apply to
    nothing, each with the reason."""
    allowed = {key: {c.simpul_id for c in found} for key, found in candidates.items()}
    applying, stale = {}, []
    for officer in links:
        reason = _stale(officer, allowed)
        if reason:
            stale.append({**asdict(officer), "baris": officer.row, "sebab": reason})
        else:
            applying[officer.simpul_id] = officer
    return applying, stale


def stale_links(indikator: pd.DataFrame, links: list[Link]) -> list[dict]:
    """The officers' links that apply to nothing in these indicators, with the reason."""
    return _sorted_links(links, _candidates_of(nodes(indikator)))[1] if links else []


def link(indikator: pd.DataFrame, links: list[Link] = ()) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The table `pohon` (a row per indicator: its node, the node's parent, how it was found) and the
    officers' links that apply to nothing (`kaitan_usang`)."""
    all_nodes = nodes(indikator)
    candidates = _candidates_of(all_nodes)
    applying, stale = _sorted_links(list(links), candidates)
    decisions = [
        _decide(node, candidates[node.simpul_id], _own_words(node.kecamatan), applying.get(node.simpul_id))
        for node in all_nodes.itertuples(index=False)
    ]
    decided = pd.DataFrame([asdict(d) for d in decisions], columns=list(_Decision.__annotations__))
    decided["skor_kaitan"] = decided["skor_kaitan"].astype("Float64")
    decided["calon"] = decided["calon"].astype("int32")
    keyed = all_nodes[[*NODE, "simpul_id"]].merge(decided, on="simpul_id")
    rows = indikator.assign(sasaran=indikator["sasaran"].fillna("").astype(str))
    pohon = rows[["indikator_id", *NODE]].merge(keyed, on=NODE, how="left")[POHON_COLUMNS]
    usang = pd.DataFrame(stale, columns=STALE_COLUMNS).astype("string")
    usang = usang.astype({"tahun": "int32", "baris": "int32"})
    return pohon, usang
