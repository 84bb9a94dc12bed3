"""raw documents -> parser -> records -> normaliser -> data/normalised (Parquet + CSV)."""

import hashlib
import pickle
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pandas as pd

from kinerja import ingest, partitions, quality_rules
from kinerja.archive import Source, file_digest, manifest_path, read_manifest, verify
from kinerja.build import cascade, harmony, normalise, quality, yearly
from kinerja.build.corrections import TEXT_FIELDS, Correction, Index, corrections_path, identities, read_corrections
from kinerja.errors import BuildError
from kinerja.ids import indicator_id
from kinerja.indonesian import utc_now
from kinerja.ingest import ParsedDocument, parse_text, read_document
from kinerja.ingest.words import reading_inputs
from kinerja.paths import NORMALISED, PARSE_CACHE
from kinerja.spreadsheet import atomic_write, folder_swapped_in

COLUMNS = [
    "indikator_id", "kecamatan", "kabupaten", "provinsi", "tahun", "jabatan_urutan", "jabatan",
    "jabatan_baku", "jenis_jabatan", "bidang", "sasaran", "indikator", "formula", "kategori_formula",
    "satuan", "polaritas", "target", "target_satuan", "sumber_data", "dikoreksi", "berkas", "urutan_baris",
]  # fmt: skip
JABATAN_COLUMNS = [
    "kecamatan", "kabupaten", "provinsi", "tahun", "jabatan_urutan", "jabatan", "jabatan_baku",
    "jenis_jabatan", "bidang", "jumlah_indikator", "berkas",
]  # fmt: skip
DOKUMEN_COLUMNS = ["berkas", "kecamatan", "kabupaten", "provinsi", "tahun", "tata_letak", "jumlah_jabatan", "jumlah_indikator"]


@dataclass
class Dataset:
    indikator: pd.DataFrame
    jabatan: pd.DataFrame
    dokumen: pd.DataFrame
    parsed: dict[str, ParsedDocument] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)  # each document's text as the parser read it
    unused_corrections: list[Correction] = field(default_factory=list)
    parsed_now: list[str] = field(default_factory=list)  # documents read in this build (not from the cache)
    links: list[cascade.Link] = field(default_factory=list)  # the officers' links of Pohon kinerja
    groupings: list[harmony.Grouping] = field(default_factory=list)  # the officers' cluster decisions


def _records(source: Source, doc: ParsedDocument, corrections: Index) -> tuple[list[dict], list[dict]]:
    indicators, positions = [], []
    seen: Counter = Counter()
    base = {"kecamatan": source.kecamatan, "kabupaten": source.kabupaten, "provinsi": source.provinsi, "tahun": source.tahun}
    keys = identities(source.sha256, doc.blocks)
    for order, (block, (block_key, row_keys)) in enumerate(zip(doc.blocks, keys, strict=True), start=1):
        title = {"jabatan": block.jabatan}
        title_corrected = corrections.apply(block_key, title)
        jabatan = normalise.clean_title(title["jabatan"])
        baku = normalise.canonical_title(jabatan, source.kecamatan)
        jenis = normalise.position_type(baku)
        bidang = normalise.field_of_work(baku, jenis)
        position = {
            **base,
            "jabatan_urutan": order,
            "jabatan": jabatan,
            "jabatan_baku": baku,
            "jenis_jabatan": jenis,
            "bidang": bidang,
        }
        positions.append({**position, "jumlah_indikator": len(block.indicators), "berkas": source.path.name})
        for raw, row_key in zip(block.indicators, row_keys, strict=True):
            record = {name: getattr(raw, name) for name in TEXT_FIELDS}
            changed = corrections.apply(row_key, record)
            target, target_satuan = normalise.parse_target(record.pop("target"))
            kategori = record.pop("kategori_formula", None) or normalise.formula_category(record["formula"], record["indikator"])
            polaritas = record.pop("polaritas", None) or normalise.polarity(record["indikator"])
            key = (baku, record["indikator"].lower())
            seen[key] += 1
            place = (source.kabupaten, source.kecamatan, source.tahun)
            indicators.append(
                {
                    **position,
                    **record,
                    "indikator_id": indicator_id(*place, baku, record["indikator"], seen[key]),
                    "kategori_formula": kategori,
                    "satuan": normalise.unit(kategori, record["indikator"], target_satuan, record["formula"]),
                    "polaritas": polaritas,
                    "target": target,
                    "target_satuan": target_satuan,
                    "dikoreksi": ", ".join(title_corrected + changed),
                    "berkas": source.path.name,
                }
            )
    return indicators, positions


@cache
def _ingest_version() -> str:
    """Changes when the code or the word lists that read documents change: a cached parse is then
    read again."""
    package = Path(ingest.__file__).parent
    hashed = hashlib.sha256()
    for path in [*sorted(package.rglob("*.py")), *reading_inputs()]:
        hashed.update(path.read_bytes())
    return hashed.hexdigest()[:16]


def read_cached(path: Path, sha256: str, cache: Path | None) -> tuple[str, ParsedDocument, bool]:
    """The document's text and parse, from the cache when this content was read by this code before.
    The third value says whether it was read now."""
    cached = cache / f"{sha256}-{_ingest_version()}.pickle" if cache else None
    if cached is not None and cached.exists():
        try:
            text, doc = pickle.loads(cached.read_bytes())
            return text, doc, False
        except (pickle.UnpicklingError, EOFError, AttributeError, ValueError):
            pass  # a damaged cache entry is read again
    text = read_document(path)
    doc = parse_text(text, path.name)
    if cached is not None:
        atomic_write(cached, pickle.dumps((text, doc)))
    return text, doc, True


def build_dataset(
    sources: list[Source],
    corrections: list[Correction] | None = None,
    cache: Path | None = None,
    links: list[cascade.Link] | None = None,
    groupings: list[harmony.Grouping] | None = None,
) -> Dataset:
    """Every document read (from `cache` when its content was read before), corrected and normalised;
    the officers' corrections, links and cluster decisions are those beside the documents unless given."""
    index = Index(read_corrections() if corrections is None else corrections)
    indicators, positions, documents, parsed, texts, parsed_now = [], [], [], {}, {}, []
    for source in sources:
        verify(source)
        source.sha256 = source.sha256 or file_digest(source.path)
        text, doc, read_now = read_cached(source.path, source.sha256, cache)
        parsed[source.path.name], texts[source.path.name] = doc, text
        if read_now:
            parsed_now.append(source.path.name)
        rows, blocks = _records(source, doc, index)
        indicators += rows
        positions += blocks
        place = {"kecamatan": source.kecamatan, "kabupaten": source.kabupaten, "provinsi": source.provinsi, "tahun": source.tahun}
        counts = {"tata_letak": doc.layout, "jumlah_jabatan": len(doc.blocks), "jumlah_indikator": len(rows)}
        documents.append({"berkas": source.path.name, **place, **counts})
    frame = pd.DataFrame(indicators, columns=COLUMNS)
    frame["urutan_baris"] = range(len(frame))  # the documents' own order, kept across partitions
    frame["target"] = frame["target"].astype("Float64")
    frame["tahun"] = frame["tahun"].astype("int32")
    frame["jabatan_urutan"] = frame["jabatan_urutan"].astype("int32")
    duplicated = frame["indikator_id"][frame["indikator_id"].duplicated()]
    if not duplicated.empty:
        raise BuildError(f"indikator_id ganda: {', '.join(duplicated)} (kecamatan dan tahun yang sama dua kali di manifest?)")
    return Dataset(
        indikator=frame,
        jabatan=pd.DataFrame(positions, columns=JABATAN_COLUMNS),
        dokumen=pd.DataFrame(documents, columns=DOKUMEN_COLUMNS),
        parsed=parsed,
        texts=texts,
        unused_corrections=index.unused(),
        parsed_now=parsed_now,
        links=cascade.read_links() if links is None else links,
        groupings=harmony.read_groupings() if groupings is None else groupings,
    )


def write_dataset(dataset: Dataset, out_dir: Path = NORMALISED) -> None:
    """All files or none: written to a sibling folder, then swapped in."""
    tables = {"indikator": dataset.indikator, "jabatan": dataset.jabatan, "dokumen": dataset.dokumen}
    write_tables(tables, out_dir, links=dataset.links, groupings=dataset.groupings)


def derived_tables(
    indikator: pd.DataFrame, links: list[cascade.Link] = (), groupings: list[harmony.Grouping] = ()
) -> dict[str, pd.DataFrame]:
    """What is worked out from the indicators at build time: their quality (`kualitas`, build/quality.py),
    the tree of sasaran (`pohon`) and the officers' links that no longer apply (`kaitan_usang`,
    build/cascade.py), the clusters of Harmonisasi (`klaster`) and the officers' decisions on them that
    no longer apply (`klaster_usang`, build/harmony.py), and each document against the kecamatan's year
    before (`antar_tahun`, build/yearly.py)."""
    pohon, stale_links = cascade.link(indikator, links)
    klaster, stale_groupings = harmony.cluster(indikator, groupings)
    return {
        "kualitas": quality.assess(indikator, quality_rules.load_rules()), "pohon": pohon, "kaitan_usang": stale_links,
        "klaster": klaster, "klaster_usang": stale_groupings, "antar_tahun": yearly.compare_years(indikator),
    }  # fmt: skip


def write_tables(
    tables: dict[str, pd.DataFrame], out_dir: Path, csv: bool = True, links: list[cascade.Link] = (),
    groupings: list[harmony.Grouping] = (),
) -> None:  # fmt: skip
    """The normalised tables (indikator, jabatan, dokumen, and those `derived_tables` makes from indikator)
    to out_dir as partitioned Parquet (`kinerja.partitions`), all or none: written to a sibling folder,
    then swapped in. A CSV copy of each table is written beside them for people to open, unless `csv` is
    false (national data). The derived tables are made here, so every writer has them."""
    tables = {**tables, **derived_tables(tables["indikator"], links, groupings)}
    with folder_swapped_in(Path(out_dir), prefix=f".{Path(out_dir).name}-") as staging:
        for name, frame in tables.items():
            partitions.write_table(frame, staging / name)
            if csv:
                frame.to_csv(staging / f"{name}.csv", index=False, encoding="utf-8")
        partitions.write_version(staging, {name: len(frame) for name, frame in tables.items()}, utc_now())


def build(manifest: Path | None = None, out_dir: Path = NORMALISED) -> Dataset:
    """The register's documents to data/normalised; a document read before comes from the cache."""
    manifest = manifest or manifest_path()
    corrections = read_corrections(corrections_path(manifest.parent))
    links = cascade.read_links(cascade.links_path(manifest.parent))
    groupings = harmony.read_groupings(harmony.groupings_path(manifest.parent))
    dataset = build_dataset(read_manifest(manifest), corrections, PARSE_CACHE, links, groupings)
    write_dataset(dataset, out_dir)
    return dataset
