"""An officer's documents in: each file read and checked and shown before anything is stored, then
the confirmed ones stored together with the officer's corrections, and the data rebuilt.

Used by the page Tambah dokumen and by `python -m kinerja dokumen`. A file that cannot be used
(empty, unreadable, no indicator table, the same file twice) gets a message naming it and what is
wrong; the other files of the same upload go on. Only the new documents are read: every other one
comes from the parse cache, keyed by its content.
"""

import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from kinerja import GROUND_FLOOR, archive, gazetteer
from kinerja.archive import Incoming, Source
from kinerja.build import (
    Correction,
    Dataset,
    build_dataset,
    cascade,
    harmony,
    read_cached,
    read_corrections,
    save_corrections,
    write_dataset,
)
from kinerja.build.corrections import corrections_path, identities
from kinerja.build.report import describe, stale_grouping_lines, stale_link_lines
from kinerja.errors import KinerjaError, Refused
from kinerja.ingest import ParsedDocument, detect_meta
from kinerja.ingest.source import ACCEPTED_SUFFIXES, check_file  # noqa: F401  (the upload page names them)
from kinerja.paths import PARSE_CACHE, normalised_dir, raw_dir

MAY_IMPORT = (*GROUND_FLOOR, "kinerja.archive", "kinerja.gazetteer", "kinerja.ingest", "kinerja.build")

ROW_COLUMNS = ["blok", "jabatan", "jabatan_ke", "urutan", "baris", "sasaran", "indikator", "formula", "target", "sumber_data",
               "diragukan"]  # fmt: skip
EDITABLE = ("sasaran", "indikator", "formula", "target", "sumber_data")


@dataclass
class Region:
    kecamatan: str = ""
    kabupaten: str = ""
    provinsi: str = ""
    tahun: int | None = None

    def missing(self) -> list[str]:
        return [name for name in ("kecamatan", "kabupaten", "provinsi", "tahun") if not getattr(self, name)]


@dataclass
class Proposal:
    """One uploaded file as read: what it is, what was found in it, or why it cannot be used."""

    name: str
    content: bytes
    sha256: str = ""
    problem: str = ""
    text: str = ""
    parsed: ParsedDocument | None = None
    region: Region = field(default_factory=Region)  # detected from the text; the officer may change it
    twin_of: str = ""  # the file of the same upload with the same content, when there is one

    @property
    def usable(self) -> bool:
        return not self.problem and self.parsed is not None

    @property
    def lines(self) -> list[str]:
        return self.text.splitlines()


def ocr_missing() -> str | None:
    """What to install for scans to be read, or None when OCR works here."""
    from kinerja.ingest.scan import ocr_available  # only on use: without tesseract the rest still works

    return ocr_available()


def _read(name: str, content: bytes, sha256: str) -> tuple[str, ParsedDocument]:
    """Read the bytes as the file they came in (its suffix says the format); cached by content."""
    with tempfile.TemporaryDirectory(prefix="unggah-") as folder:
        path = Path(folder) / Path(name).name
        path.write_bytes(content)
        check_file(path)
        text, parsed, _ = read_cached(path, sha256, PARSE_CACHE)
    return text, parsed


def _detected_region(text: str) -> Region:
    """Kecamatan, kabupaten and year as the document states them; the provinsi from the gazetteer."""
    meta = detect_meta(text)
    region = Region(meta.kecamatan or "", meta.kabupaten or "", "", meta.tahun)
    if region.kecamatan:
        places = gazetteer.locate_kecamatan(region.kecamatan, region.kabupaten or None)
        if len({(p, k) for p, k, _ in places}) == 1:
            region.provinsi, region.kabupaten, region.kecamatan = places[0]
    return region


def propose(
    files: list[tuple[str, bytes]], directory: Path | None = None, known: dict[tuple[str, str], Proposal] | None = None
) -> list[Proposal]:
    """Each file read and checked, in the order given; nothing is stored. `known` holds proposals
    read before (by name and sha256), which are not read again: the page keeps them between runs."""
    stored = {s.sha256: s for s in archive.current(directory) if s.sha256}
    seen: dict[str, str] = {}
    proposals = []
    for name, content in files:
        sha256 = archive.digest(content)
        if sha256 in seen:  # a new proposal, so the one kept for that name stays as it was read
            twin = f"{name}: isinya sama dengan {seen[sha256]} dalam unggahan ini"
            proposals.append(Proposal(name, content, sha256, problem=twin, twin_of=seen[sha256]))
            continue
        seen[sha256] = name
        proposals.append((known or {}).get((name, sha256)) or _proposal(name, content, sha256, stored))
    return proposals


def _proposal(name: str, content: bytes, sha256: str, stored: dict[str, Source]) -> Proposal:
    proposal = Proposal(name, content, sha256)
    if sha256 in stored:
        same = stored[sha256]
        proposal.problem = f"{name}: dokumen yang sama sudah tersimpan ({same.kecamatan} {same.tahun}, {same.path.name})"
        return proposal
    try:
        proposal.text, proposal.parsed = _read(name, content, sha256)
    except KinerjaError as error:
        proposal.problem = str(error)
        return proposal
    proposal.region = _detected_region(proposal.text)
    return proposal


def region_check(region: Region) -> gazetteer.RegionCheck:
    return gazetteer.check_region(region.provinsi, region.kabupaten, region.kecamatan)


def in_gazetteer_spelling(region: Region) -> Region:
    """Known names as the gazetteer writes them ('gresik' -> 'Gresik'), so filters see one name."""
    checked = region_check(region)
    names = [
        (check.name if check.known and check.name else given)
        for check, given in (
            (checked.kecamatan, region.kecamatan),
            (checked.kabupaten, region.kabupaten),
            (checked.provinsi, region.provinsi),
        )
    ]
    return Region(*names, region.tahun)


def rows(proposal: Proposal) -> pd.DataFrame:
    """The rows as read, one per indicator, with the block and occurrence that identify each row and
    why a row is doubted (the parser's notes on its lines)."""
    doubts: dict[int, list[str]] = {}
    for note in proposal.parsed.notes:
        doubts.setdefault(note.line, []).append(note.text)
    out = []
    keys = identities(proposal.sha256, proposal.parsed.blocks)
    for number, (block, (_, row_keys)) in enumerate(zip(proposal.parsed.blocks, keys, strict=True), start=1):
        for raw, (_, _, nth, _, urutan) in zip(block.indicators, row_keys, strict=True):
            out.append({"blok": number, "jabatan": block.jabatan, "jabatan_ke": nth, "urutan": urutan, "baris": raw.line,
                        "sasaran": raw.sasaran, "indikator": raw.indikator, "formula": raw.formula, "target": raw.target,
                        "sumber_data": raw.sumber_data, "diragukan": "; ".join(doubts.get(raw.line, []))})  # fmt: skip
    return pd.DataFrame(out, columns=ROW_COLUMNS)


def blocks(proposal: Proposal) -> pd.DataFrame:
    """One row per position block: its title, where it starts, how many indicators, how many doubted."""
    table = rows(proposal)
    out = []
    for number, block in enumerate(proposal.parsed.blocks, start=1):
        mine = table[table["blok"] == number]
        block_notes = [n.text for n in proposal.parsed.notes if n.line == block.line]
        out.append({"blok": number, "jabatan": block.jabatan, "baris": block.line, "indikator": len(block.indicators),
                    "diragukan": int((mine["diragukan"] != "").sum()) + len(block_notes)})  # fmt: skip
    return pd.DataFrame(out, columns=["blok", "jabatan", "baris", "indikator", "diragukan"])


def cell_corrections(proposal: Proposal, before: pd.DataFrame, after: pd.DataFrame, reason: str) -> list[Correction]:
    """A correction for every cell the officer changed in the rows table (same rows, same order)."""
    out = []
    for (_, old), (_, new) in zip(before.iterrows(), after.iterrows(), strict=True):
        for column in EDITABLE:
            value = "" if pd.isna(new[column]) else str(new[column]).strip()
            if value != str(old[column]):
                key = (proposal.sha256, old["jabatan"], int(old["jabatan_ke"]), old["indikator"], int(old["urutan"]))
                out.append(Correction(*key, column, value, reason))
    return out


def title_correction(proposal: Proposal, block_number: int, new_title: str, reason: str) -> Correction:
    """The title of the block_number-th block (1-based) changed."""
    block_key, _ = identities(proposal.sha256, proposal.parsed.blocks)[block_number - 1]
    return Correction(*block_key, "jabatan", new_title.strip(), reason)


@dataclass
class Stored:
    change: archive.Change
    dataset: Dataset


def _store(
    plan,
    incoming: list[Incoming],
    new_corrections: list[Correction],
    who: str,
    directory: Path,
    new_links: list[cascade.Link] = (),
    forget: frozenset[str] = frozenset(),
    new_groupings: list[harmony.Grouping] = (),
) -> Stored:
    """The change under the archive's lock: the data built in memory from the register as it will be
    (with the officers' corrections, links and cluster decisions as they are then), then the register,
    those files and the data written; on any failure all of it as it was."""
    path, links_file = corrections_path(directory), cascade.links_path(directory)
    groupings_file = harmony.groupings_path(directory)
    built: list[Dataset] = []

    def check(sources: list[Source]) -> None:
        kept = [link for link in cascade.read_links(links_file) if link.simpul_id not in forget]
        links = {link.simpul_id: link for link in [*kept, *new_links]}
        groupings = {g.key(): g for g in [*harmony.read_groupings(groupings_file), *new_groupings]}
        corrections = read_corrections(path) + new_corrections
        built.append(build_dataset(sources, corrections, PARSE_CACHE, list(links.values()), list(groupings.values())))

    def finish(sources: list[Source]) -> None:
        if new_corrections:
            save_corrections(new_corrections, who, path)
        if new_links or forget:
            cascade.save_links(list(new_links), who, links_file, forget)
        if new_groupings:
            harmony.save_groupings(list(new_groupings), who, groupings_file)
        write_dataset(built[0], normalised_dir())

    change = archive.apply(plan, incoming, check, finish, directory, also_kept=(path, links_file, groupings_file))
    return Stored(change, built[0])


def officer_link(node: Mapping, parent: Mapping | None, reason: str) -> cascade.Link:
    """An officer's link of a node of the tree (a row of the query pohon_simpul) to the sasaran `parent`,
    or to none."""
    return cascade.Link(
        node["simpul_id"], parent["simpul_id"] if parent is not None else "", node["kecamatan"], node["kabupaten"],
        node["provinsi"], int(node["tahun"]), node["jabatan"], node["sasaran"],
        parent["jabatan"] if parent is not None else "", parent["sasaran"] if parent is not None else "", reason,
    )  # fmt: skip


def link_sasaran(
    links: list[cascade.Link], who: str, directory: Path | None = None, forget: frozenset[str] = frozenset()
) -> Stored:
    """Store an officer's links of Pohon kinerja (a sasaran to the Camat's or Sekretaris' sasaran it
    supports, or to none), drop the links of the sasaran in `forget` (they follow the wording again), and
    rebuild; nothing changes when the rebuild fails."""
    _need_a_name(who)
    if not links and not forget:
        raise Refused("tidak ada kaitan yang diubah")

    def plan(current: list[Source]) -> archive.Change:
        return archive.Change(current, [])

    return _store(plan, [], [], who, directory or raw_dir(), links, frozenset(forget))


def grouping(jabatan_baku: str, action: str, wording: str, other: str = "", reason: str = "") -> harmony.Grouping:
    """An officer's decision on the clusters of one position: `wording` set apart ("pisah") or put
    together with `other` ("gabung")."""
    return harmony.Grouping(jabatan_baku, action, wording, other, reason)


def regroup(groupings: list[harmony.Grouping], who: str, directory: Path | None = None) -> Stored:
    """Store an officer's decisions on the clusters of Harmonisasi (a wording set apart, two wordings
    put together) and rebuild; nothing changes when the rebuild fails."""
    _need_a_name(who)
    if not groupings:
        raise Refused("tidak ada klaster yang diubah")

    def plan(current: list[Source]) -> archive.Change:
        return archive.Change(current, [])

    return _store(plan, [], [], who, directory or raw_dir(), new_groupings=groupings)


def confirm(proposals: list[Proposal], who: str, corrections: list[Correction] = (), directory: Path | None = None) -> Stored:
    """Store the proposals together with their corrections and rebuild; refused as a whole when one
    of them cannot be stored (the caller leaves out the files it was told about)."""
    directory = directory or raw_dir()
    _need_a_name(who)
    incoming = []
    for proposal in proposals:
        if not proposal.usable:
            raise Refused(proposal.problem or f"{proposal.name}: belum terbaca")
        missing = proposal.region.missing()
        if missing:
            raise Refused(f"{proposal.name}: {', '.join(missing)} belum diisi")
        r = in_gazetteer_spelling(proposal.region)
        incoming.append(Incoming(proposal.name, proposal.content, r.kecamatan, r.kabupaten, r.provinsi, int(r.tahun)))

    def plan(current: list[Source]) -> archive.Change:
        return archive.plan_store(incoming, who, current, directory)

    return _store(plan, incoming, list(corrections), who, directory)


def withdraw(kecamatan: str, tahun: int, who: str, directory: Path | None = None) -> Stored:
    """Take a document out of use (kept on disk and in the history) and rebuild."""
    _need_a_name(who)

    def plan(current: list[Source]) -> archive.Change:
        return archive.plan_withdraw(kecamatan, tahun, who, current)

    return _store(plan, [], [], who, directory or raw_dir())


def corrections_of(sha256: str, directory: Path | None = None) -> list[Correction]:
    """The corrections made on one document's content (they do not carry over to another version)."""
    return [c for c in read_corrections(corrections_path(directory or raw_dir())) if c.dokumen == sha256]


def unused_warnings(stored: Stored) -> list[str]:
    """A sentence per correction or link of Pohon kinerja the new data no longer uses (its document
    replaced or withdrawn)."""
    unused = [f"Koreksi baris {c.row} tidak lagi cocok: {describe(c)}" for c in stored.dataset.unused_corrections]
    stale = stale_link_lines(stored.dataset) + stale_grouping_lines(stored.dataset)
    return unused + [f"{line[0].upper()}{line[1:]}." for line in stale]


def _need_a_name(who: str) -> None:
    if not who.strip():
        raise Refused("nama petugas wajib diisi: setiap perubahan dicatat dengan nama yang melakukannya")
