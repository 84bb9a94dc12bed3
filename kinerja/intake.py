"""An officer's documents in: each file read and checked and shown before anything is stored, then
the confirmed ones stored together with the officer's corrections, and the data rebuilt.

Used by the page Tambah dokumen and by `python -m kinerja dokumen`. A file that cannot be used
(empty, unreadable, no indicator table, the same file twice) gets a message naming it and what is
wrong; the other files of the same upload go on. Only the new documents are read: every other one
comes from the parse cache, keyed by its content.
"""

import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from kinerja import GROUND_FLOOR, archive, gazetteer
from kinerja.archive import Incoming, Source
from kinerja.build import Correction, Dataset, build_dataset, read_cached, read_corrections, save_corrections, write_dataset
from kinerja.build.corrections import corrections_path
from kinerja.errors import KinerjaError, Refused
from kinerja.ingest import ParsedDocument, detect_meta
from kinerja.ingest.source import ACCEPTED_SUFFIXES, check_file  # noqa: F401  (the upload page names them)
from kinerja.paths import PARSE_CACHE, normalised_dir, raw_dir

MAY_IMPORT = (*GROUND_FLOOR, "kinerja.archive", "kinerja.gazetteer", "kinerja.ingest", "kinerja.build")

ROW_COLUMNS = ["blok", "jabatan", "urutan", "baris", "sasaran", "indikator", "formula", "target", "sumber_data", "diragukan"]
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
    replaces: str = ""  # the stored document of the same kecamatan and year, when there is one

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


def _read(name: str, content: bytes) -> tuple[str, ParsedDocument]:
    """Read the bytes as the file they came in (its suffix says the format); cached by content."""
    with tempfile.TemporaryDirectory(prefix="unggah-") as folder:
        path = Path(folder) / Path(name).name
        path.write_bytes(content)
        check_file(path)
        text, parsed, _ = read_cached(path, archive.digest(content), PARSE_CACHE)
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


def propose(files: list[tuple[str, bytes]], directory: Path | None = None) -> list[Proposal]:
    """Each file read and checked, in the order given; nothing is stored."""
    stored = {s.sha256: s for s in archive.current(directory) if s.sha256}
    seen: dict[str, str] = {}
    proposals = []
    for name, content in files:
        proposal = Proposal(name, content, archive.digest(content))
        proposals.append(proposal)
        if proposal.sha256 in seen:
            proposal.problem = f"{name}: isinya sama dengan {seen[proposal.sha256]} dalam unggahan ini"
            continue
        seen[proposal.sha256] = name
        if proposal.sha256 in stored:
            same = stored[proposal.sha256]
            proposal.problem = f"{name}: dokumen yang sama sudah tersimpan ({same.kecamatan} {same.tahun}, {same.path.name})"
            continue
        try:
            proposal.text, proposal.parsed = _read(name, content)
        except KinerjaError as error:
            proposal.problem = str(error)
            continue
        proposal.region = _detected_region(proposal.text)
    return proposals


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
    for number, block in enumerate(proposal.parsed.blocks, start=1):
        alike: Counter = Counter()
        for raw in block.indicators:
            alike[raw.indikator] += 1
            out.append({"blok": number, "jabatan": block.jabatan, "urutan": alike[raw.indikator], "baris": raw.line,
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
                key = (proposal.sha256, old["jabatan"], old["indikator"], int(old["urutan"]))
                out.append(Correction(*key, column, value, reason))
    return out


def title_correction(proposal: Proposal, block_title: str, new_title: str, reason: str) -> Correction:
    return Correction(proposal.sha256, block_title, "", 1, "jabatan", new_title.strip(), reason)


@dataclass
class Stored:
    change: archive.Change
    dataset: Dataset


def _rebuild(sources: list[Source], corrections: list[Correction], directory: Path) -> Dataset:
    """The data with the register as it will be; written to the dashboard's folder, all or nothing."""
    dataset = build_dataset(sources, corrections, PARSE_CACHE)
    write_dataset(dataset, normalised_dir())
    return dataset


def confirm(proposals: list[Proposal], who: str, corrections: list[Correction] = (), directory: Path | None = None) -> Stored:
    """Store the proposals together with their corrections and rebuild; refused as a whole when one
    of them cannot be stored (the caller leaves out the files it was told about)."""
    directory = directory or raw_dir()
    if not who.strip():
        raise Refused("nama petugas wajib diisi: setiap dokumen disimpan dengan nama yang menambahkannya")
    incoming = []
    for proposal in proposals:
        if not proposal.usable:
            raise Refused(proposal.problem or f"{proposal.name}: belum terbaca")
        missing = proposal.region.missing()
        if missing:
            raise Refused(f"{proposal.name}: {', '.join(missing)} belum diisi")
        r = in_gazetteer_spelling(proposal.region)
        incoming.append(Incoming(proposal.name, proposal.content, r.kecamatan, r.kabupaten, r.provinsi, int(r.tahun)))
    all_corrections = read_corrections(corrections_path(directory)) + list(corrections)
    built: list[Dataset] = []

    def check(sources: list[Source]) -> None:
        built.append(_rebuild(sources, all_corrections, directory))
        if corrections:
            save_corrections(list(corrections), who, corrections_path(directory))

    change = archive.apply(lambda current: archive.plan_store(incoming, who, current, directory), incoming, check, directory)
    return Stored(change, built[0])


def withdraw(kecamatan: str, tahun: int, who: str, directory: Path | None = None) -> Stored:
    """Take a document out of use (kept on disk and in the history) and rebuild."""
    directory = directory or raw_dir()
    if not who.strip():
        raise Refused("nama petugas wajib diisi: setiap perubahan dicatat dengan nama yang melakukannya")
    built: list[Dataset] = []

    def check(sources: list[Source]) -> None:
        built.append(_rebuild(sources, read_corrections(corrections_path(directory)), directory))

    change = archive.apply(lambda current: archive.plan_withdraw(kecamatan, tahun, who, current), (), check, directory)
    return Stored(change, built[0])
