"""The command line: python -m kinerja build | ingest | check | realisasi | export.

Every KinerjaError is caught in main(), printed, and ends the command with status 2."""

import argparse
import sys
from pathlib import Path

import pandas as pd

from kinerja import build as builder
from kinerja.errors import IngestError, KinerjaError
from kinerja.ingest import detect_meta, parse_text, read_text
from kinerja.paths import MANIFEST, NORMALISED
from kinerja.vocab import JENIS_LABELS


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


def _realisasi_indicators():
    from kinerja import capaian, db

    con = db.connect()
    return con, capaian.indicators(con)


def cmd_realisasi_template(args: argparse.Namespace) -> int:
    from kinerja import capaian, realisasi

    con, rows = _realisasi_indicators()
    rows = rows[(rows["kecamatan"].str.lower() == args.kecamatan.lower()) & (rows["tahun"] == args.tahun)]
    if rows.empty:
        raise IngestError(f"tidak ada indikator untuk kecamatan {args.kecamatan} tahun {args.tahun}")
    realisasi.write_template(realisasi.template_frame(rows, capaian.stored_values(con)), Path(args.out))
    print(f"Templat {len(rows)} indikator ditulis ke {args.out}.")
    return 0


def cmd_realisasi_import(args: argparse.Namespace) -> int:
    from kinerja import realisasi

    _, rows = _realisasi_indicators()
    path = Path(args.file)
    try:
        content = path.read_bytes()
    except OSError as error:
        raise IngestError(f"{path}: tidak dapat dibaca ({error.strerror})") from error
    try:
        import_id, checked = realisasi.import_bytes(path.name, content, rows, "baris perintah", args.izinkan_lebih_100)
    except realisasi.ImportRejected as error:
        print(f"GAGAL: {error}", file=sys.stderr)
        return 2
    print(f"Diimpor sebagai {import_id}: {checked.rows} baris, {len(checked.values)} nilai.")
    for warning in checked.warnings:
        print(f"PERINGATAN: {warning}", file=sys.stderr)
    return 0


def cmd_realisasi_daftar(args: argparse.Namespace) -> int:
    from kinerja import realisasi

    imports = realisasi.list_imports()
    if imports.empty:
        print("Belum ada impor.")
    for row in imports.itertuples():
        state = " (dibatalkan)" if row.dibatalkan else ""
        print(f"{row.impor_id}  {row.diimpor_pada[:19]}  {row.berkas}  {row.nilai} nilai  [{row.sumber}]{state}")
    return 0


def cmd_realisasi_batal(args: argparse.Namespace) -> int:
    from kinerja import realisasi

    try:
        realisasi.undo(args.impor_id)
    except (KeyError, ValueError) as error:
        raise IngestError(str(error).strip("'\"")) from None
    print(f"Impor {args.impor_id} dibatalkan; nilainya tidak lagi dihitung (berkasnya tetap disimpan).")
    return 0


def cmd_realisasi_contoh(args: argparse.Namespace) -> int:
    from kinerja import capaian

    _, rows = _realisasi_indicators()
    frame = capaian.example_table(rows)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(args.out, index=False)
    print(f"Data contoh ilustratif ({len(frame)} indikator) ditulis ke {args.out}.")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from kinerja import db, export, slides, views
    from kinerja.filters import Filters

    filters = Filters(kecamatan=tuple(args.kecamatan or ()), tahun=(args.tahun,) if args.tahun else (), teks=args.jabatan or "")
    shown = views.key_views(db.connect(), filters)
    if not shown:
        raise IngestError(f"tidak ada indikator untuk filter ini ({views.describe(filters)})")
    if args.format == "pptx":
        try:
            data = slides.deck(shown, filters)
        except export.ImageExportUnavailable as error:
            raise IngestError(str(error)) from None
    else:
        data = export.to_xlsx_bytes({v.lembar: v.tabel for v in shown})
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    print(f"{args.format.upper()} {len(shown)} tampilan ({views.describe(filters)}) ditulis ke {out}.")
    return 0


def _realisasi_parser(commands) -> None:
    from kinerja.capaian import EXAMPLE_FILE

    realisasi = commands.add_parser("realisasi", help="target dan realisasi: templat, impor, daftar, batal")
    sub = realisasi.add_subparsers(dest="realisasi_command", required=True)
    template = sub.add_parser("template", help="tulis templat realisasi (.xlsx atau .csv)")
    template.add_argument("--kecamatan", required=True)
    template.add_argument("--tahun", type=int, required=True)
    template.add_argument("--out", required=True)
    template.set_defaults(run=cmd_realisasi_template)
    imp = sub.add_parser("import", help="periksa seluruh berkas, lalu simpan sekaligus")
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--izinkan-lebih-100", action="store_true", help="terima persentase di atas 100")
    imp.set_defaults(run=cmd_realisasi_import)
    sub.add_parser("daftar", help="daftar impor").set_defaults(run=cmd_realisasi_daftar)
    batal = sub.add_parser("batal", help="batalkan satu impor")
    batal.add_argument("impor_id")
    batal.set_defaults(run=cmd_realisasi_batal)
    contoh = sub.add_parser("contoh", help="tulis data contoh ilustratif")
    contoh.add_argument("--out", default=str(EXAMPLE_FILE))
    contoh.set_defaults(run=cmd_realisasi_contoh)


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
    _realisasi_parser(commands)
    export = commands.add_parser("export", help="paparan PPTX atau buku kerja XLSX dari tampilan utama")
    export.add_argument("--format", choices=["pptx", "xlsx"], required=True)
    export.add_argument("--out", required=True)
    export.add_argument("--kecamatan", action="append", help="boleh diulang")
    export.add_argument("--tahun", type=int)
    export.add_argument("--jabatan", help="teks yang harus ada di judul jabatan, mis. 'seksi pem'")
    export.set_defaults(run=cmd_export)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except KinerjaError as error:
        print(f"GAGAL: {error}", file=sys.stderr)
        print("Tidak ada berkas yang ditulis.", file=sys.stderr)
        return 2
