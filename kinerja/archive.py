"""The documents an office sent, kept as they came: data/raw and its register.

`manifest.csv` lists the documents in use, one per kecamatan and year, with where each lies, its
sha256 and who added it when. `riwayat.csv` is the history, one line per change, never rewritten:
a document added, replaced by a newer version, or withdrawn. Stored files are never changed or
deleted (they are made read-only); a replaced or withdrawn document stays on disk and in the
history, so nothing an officer brought in is lost.

A change writes the document first, then the register and the history through temporary files
swapped in, under a lock, so two people adding documents at once cannot lose each other's work.
"""

import csv
import hashlib
import io
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kinerja import GROUND_FLOOR
from kinerja.errors import BuildError, Refused
from kinerja.indonesian import utc_now
from kinerja.paths import raw_dir
from kinerja.spreadsheet import atomic_write, exclusive_lock

MAY_IMPORT = GROUND_FLOOR

MANIFEST_NAME = "manifest.csv"
HISTORY_NAME = "riwayat.csv"
MANIFEST_COLUMNS = ["berkas", "kecamatan", "kabupaten", "provinsi", "tahun"]
RECORD_COLUMNS = ["sha256", "nama_asli", "oleh", "pada"]  # optional: the seeds predate them
HISTORY_COLUMNS = ["pada", "tindakan", "kecamatan", "tahun", "berkas", "sha256", "nama_asli", "oleh", "menggantikan"]
ADDED, REPLACED, WITHDRAWN = "tambah", "ganti", "hapus"


@dataclass
class Source:
    """A document in use: its file and the region and year it is for."""

    path: Path
    kecamatan: str
    kabupaten: str
    provinsi: str
    tahun: int
    sha256: str = ""
    nama_asli: str = ""
    oleh: str = ""
    pada: str = ""  # UTC, ISO 8601

    @property
    def key(self) -> tuple[str, int]:
        return (self.kecamatan.casefold(), self.tahun)


@dataclass
class Incoming:
    """A checked document about to be stored: its bytes and what it is for."""

    name: str
    content: bytes
    kecamatan: str
    kabupaten: str
    provinsi: str
    tahun: int
    sha256: str = field(init=False)

    def __post_init__(self) -> None:
        self.sha256 = digest(self.content)


def digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def file_digest(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def manifest_path(directory: Path | None = None) -> Path:
    return (directory or raw_dir()) / MANIFEST_NAME


def read_manifest(path: Path | None = None) -> list[Source]:
    """The documents in use, each checked; a bad row stops everything with its row and field."""
    path = path or manifest_path()
    if not path.exists():
        raise BuildError(f"{path}: manifest tidak ditemukan")
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in MANIFEST_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise BuildError(f"{path}: kolom {', '.join(missing)} tidak ada (diharapkan: {', '.join(MANIFEST_COLUMNS)})")
        return [_source_of(row, number, path) for number, row in enumerate(reader, start=2)]


def _source_of(row: dict, number: int, path: Path) -> Source:
    for column in MANIFEST_COLUMNS:
        if not (row.get(column) or "").strip():
            raise BuildError(f"{path}, baris {number}, kolom {column}: kosong")
    if not re.fullmatch(r"(19|20)\d{2}", row["tahun"].strip()):
        raise BuildError(f"{path}, baris {number}, kolom tahun: '{row['tahun']}' bukan tahun (contoh: 2023)")
    document = path.parent / row["berkas"].strip()
    if not document.exists():
        raise BuildError(f"{path}, baris {number}, kolom berkas: {document.name} tidak ada di {path.parent}")
    recorded = {c: (row.get(c) or "").strip() for c in RECORD_COLUMNS}
    place = [row[c].strip() for c in ("kecamatan", "kabupaten", "provinsi")]
    return Source(document, *place, int(row["tahun"]), **recorded)


def verify(source: Source) -> None:
    """A stored document must be the one registered: a changed file is refused, never read."""
    if source.sha256 and file_digest(source.path) != source.sha256:
        raise BuildError(
            f"{source.path.name}: isi berkas berubah sejak disimpan (sha256 tidak cocok); "
            "dokumen yang tersimpan tidak boleh diubah — tambahkan versi baru lewat halaman Tambah dokumen"
        )


def stored_name(incoming: Incoming) -> str:
    """`iki_<kecamatan>_<tahun>_<sha256 prefix>.<ext>`: readable, and unique per content."""
    slug = re.sub(r"[^a-z0-9]+", "_", incoming.kecamatan.casefold()).strip("_") or "kecamatan"
    suffix = Path(incoming.name).suffix.lower()
    return f"iki_{slug}_{incoming.tahun}_{incoming.sha256[:10]}{suffix}"


def _manifest_rows(sources: list[Source], directory: Path) -> list[dict]:
    rows = []
    for s in sources:
        berkas = s.path.relative_to(directory).as_posix()
        rows.append({"berkas": berkas, "kecamatan": s.kecamatan, "kabupaten": s.kabupaten, "provinsi": s.provinsi,
                     "tahun": s.tahun, "sha256": s.sha256, "nama_asli": s.nama_asli, "oleh": s.oleh, "pada": s.pada})  # fmt: skip
    return rows


def _csv_bytes(columns: list[str], rows: list[dict]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def read_history(directory: Path | None = None) -> list[dict]:
    path = (directory or raw_dir()) / HISTORY_NAME
    if not path.exists():
        return []
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@dataclass
class Change:
    """What one call changed: the register after it and a line per document for the history."""

    sources: list[Source]
    history: list[dict]


def plan_store(incoming: list[Incoming], who: str, current: list[Source], directory: Path) -> Change:
    """The register with the incoming documents in it: a document for a kecamatan and year already
    there replaces it. Refused when the same content is already in use or arrives twice."""
    by_key = {s.key: s for s in current}
    in_use = {s.sha256: s for s in current if s.sha256}
    seen: dict[str, str] = {}
    history = []
    when = utc_now()
    for item in incoming:
        if item.sha256 in in_use:
            same = in_use[item.sha256]
            raise Refused(f"{item.name}: dokumen yang sama sudah tersimpan ({same.path.name}, {same.kecamatan} {same.tahun})")
        if item.sha256 in seen:
            raise Refused(f"{item.name}: isinya sama dengan {seen[item.sha256]} dalam unggahan yang sama")
        seen[item.sha256] = item.name
        source = Source(directory / stored_name(item), item.kecamatan, item.kabupaten, item.provinsi, item.tahun,
                        item.sha256, item.name, who, when)  # fmt: skip
        old = by_key.get(source.key)
        by_key[source.key] = source
        history.append(_history_row(when, REPLACED if old else ADDED, source, who, old))
    return Change(list(by_key.values()), history)


def _history_row(when: str, action: str, source: Source, who: str, old: Source | None) -> dict:
    return {"pada": when, "tindakan": action, "kecamatan": source.kecamatan, "tahun": source.tahun,
            "berkas": source.path.name, "sha256": source.sha256, "nama_asli": source.nama_asli, "oleh": who,
            "menggantikan": old.path.name if old else ""}  # fmt: skip


def plan_withdraw(kecamatan: str, tahun: int, who: str, current: list[Source]) -> Change:
    """The register without the document of that kecamatan and year (its file stays on disk)."""
    key = (kecamatan.casefold(), tahun)
    gone = [s for s in current if s.key == key]
    if not gone:
        raise Refused(f"tidak ada dokumen untuk kecamatan {kecamatan} tahun {tahun}")
    history = [_history_row(utc_now(), WITHDRAWN, gone[0], who, None)]
    return Change([s for s in current if s.key != key], history)


def current(directory: Path | None = None) -> list[Source]:
    """The documents in use; none yet when the register does not exist."""
    path = manifest_path(directory)
    return read_manifest(path) if path.exists() else []


def apply(
    plan: Callable[[list[Source]], Change],
    incoming: list[Incoming] = (),
    check: Callable[[list[Source]], None] | None = None,
    finish: Callable[[list[Source]], None] | None = None,
    directory: Path | None = None,
    also_kept: tuple[Path, ...] = (),
) -> Change:
    """Plan a change on the register as it is now, check it, write it; all or nothing.

    Under the lock: the new documents are written (read-only); `check` sees the register after the
    change and must write nothing (it builds the data in memory); then the register, the history and
    `finish` (which writes what follows from them: corrections, the data). If anything fails, the
    register, the history and the files in `also_kept` get their old content back, the documents this
    call wrote are removed, and the error goes on to the caller.
    """
    directory = directory or raw_dir()
    with exclusive_lock(directory / ".kunci"):
        change = plan(current(directory))
        kept = [manifest_path(directory), directory / HISTORY_NAME, *also_kept]
        before = {path: path.read_bytes() if path.exists() else None for path in kept}
        written = []
        try:
            for item in incoming:
                target = directory / stored_name(item)
                if not target.exists():
                    atomic_write(target, item.content)
                    written.append(target)
                    os.chmod(target, 0o444)
            if check is not None:
                check(change.sources)
            manifest = _csv_bytes(MANIFEST_COLUMNS + RECORD_COLUMNS, _manifest_rows(change.sources, directory))
            atomic_write(manifest_path(directory), manifest)
            atomic_write(directory / HISTORY_NAME, _csv_bytes(HISTORY_COLUMNS, read_history(directory) + change.history))
            if finish is not None:
                finish(change.sources)
        except BaseException:
            _put_back(before, written)
            raise
    return change


def _put_back(before: dict[Path, bytes | None], written: list[Path]) -> None:
    for path, content in before.items():
        if content is None:
            path.unlink(missing_ok=True)
        else:
            atomic_write(path, content)
    for target in written:
        target.unlink(missing_ok=True)
