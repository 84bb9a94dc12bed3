"""raw documents -> parser -> records -> normaliser -> data/normalised (Parquet + CSV)."""

import csv
import hashlib
import os
import re
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from kinerja.build import normalise
from kinerja.build.corrections import TEXT_FIELDS, Correction, read_corrections
from kinerja.errors import BuildError
from kinerja.ingest import ParsedDocument, parse_file
from kinerja.paths import MANIFEST, NORMALISED

COLUMNS = [
    "indikator_id", "kecamatan", "kabupaten", "provinsi", "tahun", "jabatan_urutan", "jabatan",
    "jabatan_baku", "jenis_jabatan", "bidang", "sasaran", "indikator", "formula", "kategori_formula",
    "satuan", "polaritas", "target", "target_satuan", "sumber_data", "berkas",
]  # fmt: skip
JABATAN_COLUMNS = [
    "kecamatan", "kabupaten", "provinsi", "tahun", "jabatan_urutan", "jabatan", "jabatan_baku",
    "jenis_jabatan", "bidang", "jumlah_indikator", "berkas",
]  # fmt: skip
DOKUMEN_COLUMNS = ["berkas", "kecamatan", "kabupaten", "provinsi", "tahun", "tata_letak", "jumlah_jabatan", "jumlah_indikator"]
MANIFEST_COLUMNS = ["berkas", "kecamatan", "kabupaten", "provinsi", "tahun"]


@dataclass
class Source:
    path: Path
    kecamatan: str
    kabupaten: str
    provinsi: str
    tahun: int


@dataclass
class Dataset:
    indikator: pd.DataFrame
    jabatan: pd.DataFrame
    dokumen: pd.DataFrame
    parsed: dict[str, ParsedDocument] = field(default_factory=dict)
    unused_corrections: list[Correction] = field(default_factory=list)


def read_manifest(path: Path = MANIFEST) -> list[Source]:
    """The manifest rows, each checked; a bad row stops everything with its row and field."""
    if not path.exists():
        raise BuildError(f"{path}: manifest tidak ditemukan")
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in MANIFEST_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise BuildError(f"{path}: kolom {', '.join(missing)} tidak ada (diharapkan: {', '.join(MANIFEST_COLUMNS)})")
        sources = []
        for number, row in enumerate(reader, start=2):
            for column in MANIFEST_COLUMNS:
                if not (row.get(column) or "").strip():
                    raise BuildError(f"{path}, baris {number}, kolom {column}: kosong")
            if not re.fullmatch(r"(19|20)\d{2}", row["tahun"].strip()):
                raise BuildError(f"{path}, baris {number}, kolom tahun: '{row['tahun']}' bukan tahun (contoh: 2023)")
            document = path.parent / row["berkas"].strip()
            if not document.exists():
                raise BuildError(f"{path}, baris {number}, kolom berkas: {document.name} tidak ada di {path.parent}")
            sources.append(
                Source(document, row["kecamatan"].strip(), row["kabupaten"].strip(), row["provinsi"].strip(), int(row["tahun"]))
            )
    return sources


def indicator_id(kecamatan: str, tahun: int, jabatan_baku: str, indikator: str, occurrence: int) -> str:
    """Stable across rebuilds: depends on what the row says, not on where the file lies."""
    key = f"{kecamatan.lower()}|{tahun}|{jabatan_baku.lower()}|{indikator.lower()}|{occurrence}"
    slug = re.sub(r"[^a-z0-9]+", "-", kecamatan.lower()).strip("-")
    return f"{slug}-{tahun}-{hashlib.sha1(key.encode()).hexdigest()[:10]}"


def _records(source: Source, doc: ParsedDocument, corrections: list[Correction]) -> tuple[list[dict], list[dict]]:
    indicators, positions = [], []
    seen: Counter = Counter()
    base = {"kecamatan": source.kecamatan, "kabupaten": source.kabupaten, "provinsi": source.provinsi, "tahun": source.tahun}
    for order, block in enumerate(doc.blocks, start=1):
        jabatan = normalise.clean_title(block.jabatan)
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
        for raw in block.indicators:
            record = {name: getattr(raw, name) for name in TEXT_FIELDS}
            overrides = {}
            for correction in corrections:
                if correction.matches(source, jabatan, record):
                    correction.used += 1
                    (record if correction.kolom in TEXT_FIELDS else overrides)[correction.kolom] = correction.nilai
            target, target_satuan = normalise.parse_target(raw.target)
            kategori = overrides.get("kategori_formula") or normalise.formula_category(record["formula"], record["indikator"])
            key = (baku, record["indikator"].lower())
            seen[key] += 1
            indicators.append(
                {
                    **position,
                    **record,
                    "indikator_id": indicator_id(source.kecamatan, source.tahun, baku, record["indikator"], seen[key]),
                    "kategori_formula": kategori,
                    "satuan": normalise.unit(kategori, record["indikator"], target_satuan, record["formula"]),
                    "polaritas": overrides.get("polaritas") or normalise.polarity(record["indikator"]),
                    "target": target,
                    "target_satuan": target_satuan,
                    "berkas": source.path.name,
                }
            )
    return indicators, positions


def build_dataset(sources: list[Source], corrections: list[Correction] | None = None) -> Dataset:
    corrections = read_corrections() if corrections is None else corrections
    indicators, positions, documents, parsed = [], [], [], {}
    for source in sources:
        doc = parse_file(source.path)
        parsed[source.path.name] = doc
        rows, blocks = _records(source, doc, corrections)
        indicators += rows
        positions += blocks
        place = {"kecamatan": source.kecamatan, "kabupaten": source.kabupaten, "provinsi": source.provinsi, "tahun": source.tahun}
        counts = {"tata_letak": doc.layout, "jumlah_jabatan": len(doc.blocks), "jumlah_indikator": len(rows)}
        documents.append({"berkas": source.path.name, **place, **counts})
    frame = pd.DataFrame(indicators, columns=COLUMNS)
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
        unused_corrections=[c for c in corrections if c.used == 0],
    )


def write_dataset(dataset: Dataset, out_dir: Path = NORMALISED) -> None:
    """All files or none: written to a sibling folder, then swapped in."""
    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-", dir=out_dir.parent))
    try:
        for name, frame in (("indikator", dataset.indikator), ("jabatan", dataset.jabatan), ("dokumen", dataset.dokumen)):
            frame.to_parquet(staging / f"{name}.parquet", index=False)
            frame.to_csv(staging / f"{name}.csv", index=False, encoding="utf-8")
        old = out_dir.with_name(f".{out_dir.name}-old")
        if out_dir.exists():
            shutil.rmtree(old, ignore_errors=True)
            os.replace(out_dir, old)
        os.replace(staging, out_dir)
        shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def build(manifest: Path = MANIFEST, out_dir: Path = NORMALISED) -> Dataset:
    dataset = build_dataset(read_manifest(manifest))
    write_dataset(dataset, out_dir)
    return dataset
