"""Command line: python -m kinerja build | ingest | check."""

import argparse
import sys
from pathlib import Path

import pandas as pd

from kinerja import build as builder
from kinerja.ingest import IngestError, detect_meta, parse_text, read_text
from kinerja.normalise import JENIS_LABELS
from kinerja.paths import MANIFEST, NORMALISED


def _sources_for_files(args: argparse.Namespace) -> list[builder.Source]:
    """Each file with its kecamatan and year, from the options or else from its text."""
    sources = []
    for name in args.files:
        path = Path(name)
        text = read_text(path)
        parse_text(text, str(path))  # an unusable document says so before anything is asked of it
        meta = detect_meta(text)
        kecamatan = args.kecamatan or meta.kecamatan
        tahun = args.tahun or meta.tahun
        if not kecamatan:
            raise IngestError(f"{path}: nama kecamatan tidak terdeteksi dari teks; berikan --kecamatan NAMA")
        if not tahun:
            raise IngestError(f"{path}: tahun tidak terdeteksi dari teks; berikan --tahun TAHUN")
        kabupaten = args.kabupaten or meta.kabupaten or ""
        sources.append(builder.Source(path, kecamatan, kabupaten, args.provinsi or "", int(tahun)))
    return sources


def cmd_build(args: argparse.Namespace) -> int:
    dataset = builder.build(Path(args.manifest), Path(args.out))
    for row in dataset.dokumen.itertuples():
        print(f"{row.berkas}: {row.kecamatan} {row.tahun}, {row.jumlah_jabatan} jabatan, {row.jumlah_indikator} indikator")
    print(f"Ditulis ke {args.out}: {len(dataset.indikator)} indikator dari {len(dataset.dokumen)} dokumen.")
    _warn_unused(dataset)
    return 0


def cmd_ingest(args: argparse.Namespace) -> int:
    dataset = builder.build_dataset(_sources_for_files(args))
    builder.write_dataset(dataset, Path(args.out))
    for row in dataset.dokumen.itertuples():
        found = f"{row.jumlah_jabatan} jabatan, {row.jumlah_indikator} indikator"
        print(f"{row.berkas}: {row.kecamatan} {row.tahun} ({row.tata_letak}), {found}")
    print(f"Ditulis ke {args.out}.")
    return 0


def _warn_unused(dataset: builder.Dataset) -> None:
    for correction in dataset.unused_corrections:
        print(
            f"PERINGATAN: koreksi baris {correction.row} ({correction.kecamatan}, {correction.jabatan}, "
            f"'{correction.cari}') tidak cocok dengan indikator mana pun",
            file=sys.stderr,
        )


def report(dataset: builder.Dataset, detail: bool = False) -> str:
    """What was found per document, and every line skipped or doubted, for a person to review."""
    out = []
    for doc_row in dataset.dokumen.itertuples():
        parsed = dataset.parsed[doc_row.berkas]
        out.append(
            f"\n{doc_row.berkas} — Kecamatan {doc_row.kecamatan} {doc_row.tahun} — tata letak {doc_row.tata_letak}: "
            f"{doc_row.jumlah_jabatan} jabatan, {doc_row.jumlah_indikator} indikator"
        )
        out.append(f"  {'No':>3}  {'Baris':>5}  {'Jabatan (baku)':<58} {'Jenis':<18} {'Indikator':>9}")
        positions = dataset.jabatan[dataset.jabatan["berkas"] == doc_row.berkas]
        for block, pos in zip(parsed.blocks, positions.itertuples(), strict=True):
            out.append(
                f"  {pos.jabatan_urutan:>3}  {block.line:>5}  {pos.jabatan_baku[:58]:<58} "
                f"{JENIS_LABELS[pos.jenis_jabatan]:<18} {pos.jumlah_indikator:>9}"
            )
            if detail:
                rows = dataset.indikator[
                    (dataset.indikator["berkas"] == doc_row.berkas) & (dataset.indikator["jabatan_urutan"] == pos.jabatan_urutan)
                ]
                for r in rows.itertuples():
                    target = f" | target {r.target:g} {r.target_satuan}" if pd.notna(r.target) else ""
                    out.append(f"         - {r.indikator} [{r.kategori_formula}, {r.polaritas}]{target}")
        if parsed.notes:
            out.append(f"  Perlu ditinjau ({len(parsed.notes)} baris):")
            for note in parsed.notes:
                out.append(f"    baris {note.line:>5} [{note.kind}] {note.text[:140]}")
        else:
            out.append("  Tidak ada baris yang dilewati atau diragukan.")
    for correction in dataset.unused_corrections:
        out.append(
            f"\nKoreksi baris {correction.row} tidak terpakai: {correction.kecamatan}, {correction.jabatan}, '{correction.cari}'"
        )
    return "\n".join(out).lstrip("\n")


def cmd_check(args: argparse.Namespace) -> int:
    sources = _sources_for_files(args) if args.files else builder.read_manifest(Path(args.manifest))
    print(report(builder.build_dataset(sources), detail=args.rinci))
    return 0


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="python -m kinerja", description="Dasbor Kinerja Kecamatan: data IKI")
    commands = main.add_subparsers(dest="command", required=True)

    build = commands.add_parser("build", help="baca data/raw/manifest.csv, tulis data/normalised/")
    build.add_argument("--manifest", default=str(MANIFEST))
    build.add_argument("--out", default=str(NORMALISED))
    build.set_defaults(run=cmd_build)

    for name, run, help_text in (
        ("ingest", cmd_ingest, "olah dokumen di luar manifest ke folder --out"),
        ("check", cmd_check, "tampilkan jabatan, indikator, dan baris yang perlu ditinjau"),
    ):
        command = commands.add_parser(name, help=help_text)
        command.add_argument("files", nargs="*" if name == "check" else "+", metavar="FILE")
        command.add_argument("--kecamatan")
        command.add_argument("--kabupaten")
        command.add_argument("--provinsi")
        command.add_argument("--tahun", type=int)
        if name == "ingest":
            command.add_argument("--out", required=True)
        else:
            command.add_argument("--manifest", default=str(MANIFEST))
            command.add_argument("--rinci", action="store_true", help="tampilkan setiap indikator")
        command.set_defaults(run=run)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except IngestError as error:
        print(f"GAGAL: {error}", file=sys.stderr)
        print("Tidak ada berkas yang ditulis.", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
