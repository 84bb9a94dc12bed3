"""The command line: python -m kinerja build | ingest | check | dokumen | realisasi | pengguna | export | kualitas |
harmonisasi | antar-tahun.

Every KinerjaError is caught in main(), printed, and ends the command with status 2."""

import argparse
import getpass
import sys
from datetime import datetime
from pathlib import Path

from kinerja import GROUND_FLOOR, archive, auth, db, intake
from kinerja import build as builder
from kinerja.capaian import assembly, store, template
from kinerja.errors import IngestError, KinerjaError, NotFound, Refused
from kinerja.filters import Filters
from kinerja.filters import add_arguments as add_filter_arguments
from kinerja.indonesian import format_datetime
from kinerja.ingest import detect_meta, parse_text, read_document
from kinerja.paths import EXAMPLE_FILE, normalised_dir, users_file
from kinerja.presentation import slides, sources, views, workbook
from kinerja.spreadsheet import atomic_write, to_csv_bytes, to_xlsx_bytes
from kinerja.vocab import LAYOUT_LABELS

MAY_IMPORT = (
    *GROUND_FLOOR, "kinerja.archive", "kinerja.intake", "kinerja.ingest", "kinerja.build", "kinerja.db", "kinerja.capaian",
    "kinerja.presentation", "kinerja.auth",
)  # fmt: skip
ALLOW_HINT = "tambahkan --izinkan-lebih-100 pada perintah impor"  # the command line's way to accept > 100


def _sources_for_files(args: argparse.Namespace) -> list[builder.Source]:
    """Each file with its kecamatan and year, from the options or else from its text."""
    sources = []
    for name in args.files:
        path = Path(name)
        text = read_document(path)
        parse_text(text, path.name)  # an unusable document says so before anything is asked of it
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
    dataset = builder.build(Path(args.manifest) if args.manifest else None, Path(args.out))
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
    for warning in builder.unused_correction_warnings(dataset):
        print(warning, file=sys.stderr)


def cmd_check(args: argparse.Namespace) -> int:
    sources = _sources_for_files(args) if args.files else builder.read_manifest(Path(args.manifest) if args.manifest else None)
    print(builder.check_report(builder.build_dataset(sources), detail=args.rinci))
    return 0


def _open_store(con=None) -> None:
    """The realisation store opened; says so when the former file store was just moved into it."""
    moved = store.open_store(con)
    if moved:
        print(f"{moved}.")


def cmd_realisasi_template(args: argparse.Namespace) -> int:
    con = db.connect()
    _open_store(con)
    rows = assembly.indicators(con, Filters(tahun=(args.tahun,)))
    rows = rows[rows["kecamatan"].str.lower() == args.kecamatan.lower()]
    if rows.empty:
        raise NotFound(f"tidak ada indikator untuk kecamatan {args.kecamatan} tahun {args.tahun}")
    current = store.current_values(con, rows["indikator_id"])
    template.write_template(template.template_frame(rows, current), Path(args.out), ALLOW_HINT)
    print(f"Templat {len(rows)} indikator ditulis ke {args.out}.")
    return 0


def cmd_realisasi_import(args: argparse.Namespace) -> int:
    con = db.connect()
    _open_store(con)
    path = Path(args.file)
    try:
        content = path.read_bytes()
    except OSError as error:
        raise NotFound(f"{path}: tidak dapat dibaca ({error.strerror})") from error
    # Checked against the indicators the file names: no id is "", and an empty list would mean all.
    rows = assembly.indicators(con, ids=template.named_ids(template.read_table(path.name, content)) or [""])
    import_id, checked = store.import_bytes(
        path.name, content, rows, "baris perintah", args.izinkan_lebih_100, ALLOW_HINT, oleh=getpass.getuser()
    )
    print(f"Diimpor sebagai {import_id}: {checked.rows} baris, {len(checked.values)} nilai.")
    return 0


def cmd_realisasi_daftar(args: argparse.Namespace) -> int:
    con = db.connect()
    _open_store(con)
    imports = store.list_imports()
    if imports.empty:
        print("Belum ada impor.")
        return 0
    shown = store.history(imports, store.coverage(con, imports))
    for row, said in zip(imports.itertuples(), shown.itertuples(), strict=True):
        state = f" ({said.status} {said.dibatalkan_pada} oleh {said.dibatalkan_oleh})" if row.dibatalkan else ""
        where = f"[{said.sumber}, {said.oleh}]"
        print(f"{row.impor_id}  {said.diimpor_pada}  {said.berkas}  {said.cakupan}  {said.nilai} nilai  {where}{state}")
    return 0


def cmd_realisasi_batal(args: argparse.Namespace) -> int:
    _open_store()
    store.undo(args.impor_id, oleh=getpass.getuser())
    print(f"Impor {args.impor_id} dibatalkan; nilainya tidak lagi dihitung (berkasnya tetap disimpan).")
    return 0


def cmd_realisasi_contoh(args: argparse.Namespace) -> int:
    frame = assembly.example_table(assembly.indicators(db.connect()))
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(args.out, index=False)
    print(f"Data contoh ilustratif ({len(frame)} indikator) ditulis ke {args.out}.")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    chosen = Filters.from_arguments(args)
    con = db.connect()
    shown = views.key_views(con, chosen)
    if not shown:
        raise NotFound(f"tidak ada indikator untuk filter ini ({chosen.describe()})")
    documents = sources.documents(con, chosen)
    export = slides.deck if args.format == "pptx" else workbook.workbook
    data = export(shown, chosen, documents)
    out = Path(args.out)
    atomic_write(out, data)
    print(f"{args.format.upper()} {len(shown)} tampilan ({chosen.describe()}) ditulis ke {out}.")
    return 0


def cmd_kualitas(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if out.suffix.lower() not in (".csv", ".xlsx"):
        raise Refused(f"{out}: tulis ke berkas .csv atau .xlsx")
    chosen = Filters.from_arguments(args)
    con = db.connect()
    per_place = views.kualitas(con, chosen)
    if per_place is None:
        raise NotFound(f"tidak ada indikator untuk filter ini ({chosen.describe()})")
    table = views.kualitas_per_kriteria(con, chosen)
    if out.suffix.lower() == ".csv":
        data = to_csv_bytes(table)
    else:
        data = to_xlsx_bytes({"Kualitas per indikator": table, views.QUALITY_RULES: views.kualitas_aturan(per_place).tabel})
    atomic_write(out, data)
    print(f"Kualitas {len(table)} indikator ({chosen.describe()}; {per_place.pesan}) ditulis ke {out}.")
    return 0


def cmd_harmonisasi(args: argparse.Namespace) -> int:
    return _write_workbook(
        args, views.harmonisasi_ekspor, views.harmonisasi, "Harmonisasi", "tidak ada jabatan yang ada di dua kecamatan atau lebih"
    )


def cmd_antar_tahun(args: argparse.Namespace) -> int:
    return _write_workbook(
        args, views.antar_tahun_ekspor, views.antar_tahun, "Perubahan antar tahun",
        "tidak ada kecamatan dengan dokumen dua tahun atau lebih",
    )  # fmt: skip


def _write_workbook(args: argparse.Namespace, sheets_of, view_of, what: str, nothing: str) -> int:
    """A view's workbook (`sheets_of`: the same as the page's download) under the export's filters, with
    the view's takeaway said."""
    out = Path(args.out)
    if out.suffix.lower() != ".xlsx":
        raise Refused(f"{out}: tulis ke berkas .xlsx")
    chosen = Filters.from_arguments(args)
    con = db.connect()
    sheets = sheets_of(con, chosen)
    if not sheets:
        raise NotFound(f"{nothing} untuk filter ini ({chosen.describe()})")
    atomic_write(out, to_xlsx_bytes(sheets))
    print(f"{what} ({chosen.describe()}; {view_of(con, chosen).pesan}) ditulis ke {out}.")
    return 0


def _apply_options(proposals: list[intake.Proposal], args: argparse.Namespace) -> None:
    """--kecamatan/--kabupaten/--provinsi/--tahun replace what was detected; one file at a time."""
    given = {name: getattr(args, name) for name in ("kecamatan", "kabupaten", "provinsi", "tahun") if getattr(args, name)}
    if given and len(proposals) > 1:
        raise Refused("--kecamatan, --kabupaten, --provinsi, --tahun berlaku untuk satu berkas; tambahkan berkas satu per satu")
    for proposal in proposals:
        for name, value in given.items():
            setattr(proposal.region, name, value)


def _refuse_unknown_region(proposal: intake.Proposal, accept_unknown: bool) -> None:
    """A readable file whose region is not all stated, or names a place the gazetteer does not know
    (unless accepted), is refused with the option that fixes it."""
    if not proposal.usable:
        return
    missing = proposal.region.missing()
    if missing:
        proposal.problem = f"{proposal.name}: {', '.join(missing)} tidak terdeteksi dari teks; berikan --{missing[0]}"
        return
    checked = intake.region_check(proposal.region)
    if not checked.all_known and not accept_unknown:
        proposal.problem = f"{proposal.name}: {' '.join(checked.messages())} Bila nama itu benar, tambahkan --wilayah-baru."


def _describe(proposal: intake.Proposal) -> str:
    r = proposal.region
    doubted = int((intake.rows(proposal)["diragukan"] != "").sum())
    found = f"{len(proposal.parsed.blocks)} jabatan, {proposal.parsed.indicator_count} indikator, {doubted} baris diragukan"
    layout = LAYOUT_LABELS.get(proposal.parsed.layout, proposal.parsed.layout)
    return f"{proposal.name}: {r.kecamatan}, {r.kabupaten}, {r.provinsi} {r.tahun} ({layout}): {found}"


def cmd_dokumen_tambah(args: argparse.Namespace) -> int:
    files = []
    for name in args.files:
        path = Path(name)
        if not path.is_file():
            raise NotFound(f"{path.name}: berkas tidak ada di {path.parent}")
        files.append((path.name, path.read_bytes()))
    proposals = intake.propose(files)
    _apply_options(proposals, args)
    if args.command_dokumen == "ganti":
        _must_replace(proposals, args)
    for proposal in proposals:
        _refuse_unknown_region(proposal, args.wilayah_baru)
    good = [p for p in proposals if not p.problem]
    for proposal in proposals:
        print(f"DITOLAK {proposal.problem}" if proposal.problem else f"Dibaca {_describe(proposal)}")
    if not good:
        print("Tidak ada dokumen yang disimpan.", file=sys.stderr)
        return 2
    stored = intake.confirm(good, args.oleh)
    for line in stored.change.history:
        replaced = f", menggantikan {line['menggantikan']}" if line["menggantikan"] else ""
        print(f"Disimpan {line['nama_asli']} sebagai {line['berkas']} ({line['kecamatan']} {line['tahun']}{replaced}).")
    print(f"Data dibangun ulang: {len(stored.dataset.indikator)} indikator dari {len(stored.dataset.dokumen)} dokumen.")
    _warn_unused(stored.dataset)
    return 1 if len(good) < len(proposals) else 0


def _must_replace(proposals: list[intake.Proposal], args: argparse.Namespace) -> None:
    """`dokumen ganti`: the file replaces the document of that kecamatan and year, which must exist."""
    current = {s.key: s for s in archive.current()}
    old = current.get((args.kecamatan.casefold(), args.tahun))
    if old is None:
        raise Refused(f"tidak ada dokumen untuk kecamatan {args.kecamatan} tahun {args.tahun} yang dapat diganti")
    for proposal in proposals:
        proposal.region.kabupaten = args.kabupaten or old.kabupaten
        proposal.region.provinsi = args.provinsi or old.provinsi


def cmd_dokumen_daftar(args: argparse.Namespace) -> int:
    if args.riwayat:
        for line in archive.read_history():
            replaced = f" menggantikan {line['menggantikan']}" if line["menggantikan"] else ""
            when = format_datetime(datetime.fromisoformat(line["pada"]))
            what = f"{line['tindakan']:<6} {line['kecamatan']} {line['tahun']}  {line['berkas']}{replaced}"
            print(f"{when}  {what}  oleh {line['oleh']}")
        return 0
    for source in archive.current():
        added = f"  oleh {source.oleh}, {format_datetime(datetime.fromisoformat(source.pada))}" if source.pada else ""
        place = f"{source.kecamatan} {source.tahun}  {source.kabupaten}, {source.provinsi}"
        print(f"{place}  {source.path.name}  {source.sha256[:12]}{added}")
    return 0


def cmd_dokumen_hapus(args: argparse.Namespace) -> int:
    stored = intake.withdraw(args.kecamatan, args.tahun, args.oleh)
    print(f"Dokumen {args.kecamatan} {args.tahun} tidak lagi dipakai (berkasnya tetap disimpan, tercatat di riwayat).")
    _warn_unused(stored.dataset)
    print(f"Data dibangun ulang: {len(stored.dataset.indikator)} indikator dari {len(stored.dataset.dokumen)} dokumen.")
    return 0


def cmd_pengguna_tambah(args: argparse.Namespace) -> int:
    password = _password_from_stdin() if args.kata_sandi_stdin else _password_typed_twice()
    added = auth.save_user(args.nama, args.peran, password)
    name = auth.find(args.nama).name
    print(f"{'Ditambahkan' if added else 'Diperbarui'}: {name} sebagai {args.peran} ({users_file()}).")
    return 0


def _password_typed_twice() -> str:
    """Asked twice without echo, so a typing mistake is caught before it locks the user out."""
    try:
        first, second = getpass.getpass("Kata sandi: "), getpass.getpass("Ulangi kata sandi: ")
    except EOFError as error:
        raise Refused("kata sandi tidak diberikan (tanpa terminal: pakai --kata-sandi-stdin)") from error
    if first != second:
        raise Refused("kedua kata sandi tidak sama")
    return first


def _password_from_stdin() -> str:
    """The first line of standard input, for scripts: `printf '%s\\n' "$SANDI" | … --kata-sandi-stdin`."""
    return sys.stdin.readline().rstrip("\r\n")


def cmd_pengguna_daftar(args: argparse.Namespace) -> int:
    users = auth.accounts()
    if not users:
        print(f"Belum ada pengguna di {users_file()}.")
        return 0
    width = max(len(u.name) for u in users)
    for user in users:
        print(f"{user.name:<{width}}  {user.role}")
    return 0


def cmd_pengguna_hapus(args: argparse.Namespace) -> int:
    print(f"Dihapus: {auth.remove_user(args.nama)}.")
    return cmd_pengguna_periksa(args)


def cmd_pengguna_periksa(args: argparse.Namespace) -> int:
    """Before the app starts (make run): how to add the first editor, when there is none."""
    try:
        said = auth.missing_editor(settings=auth.provider(auth.read_secrets()))
    except KinerjaError as error:  # a damaged users file: the dashboard still starts, for viewing
        said = f"Peringatan: {error}"
    if said:
        print(said)
    return 0


def _pengguna_parser(commands) -> None:
    pengguna = commands.add_parser("pengguna", help="pengguna yang boleh masuk: tambah, daftar, hapus, periksa")
    sub = pengguna.add_subparsers(dest="command_pengguna", required=True)
    tambah = sub.add_parser("tambah", help="tambah pengguna, atau ganti peran dan kata sandinya")
    tambah.add_argument("nama", metavar="NAMA")
    tambah.add_argument("--peran", choices=auth.ROLES, default=auth.READER, help="bawaan: pembaca")
    tambah.add_argument("--kata-sandi-stdin", action="store_true", help="baca kata sandi dari baris pertama stdin")
    tambah.set_defaults(run=cmd_pengguna_tambah)
    sub.add_parser("daftar", help="nama dan peran setiap pengguna").set_defaults(run=cmd_pengguna_daftar)
    hapus = sub.add_parser("hapus", help="hapus pengguna")
    hapus.add_argument("nama", metavar="NAMA")
    hapus.set_defaults(run=cmd_pengguna_hapus)
    sub.add_parser("periksa", help="sebutkan cara menambah editor pertama bila belum ada").set_defaults(run=cmd_pengguna_periksa)


def _dokumen_parser(commands) -> None:
    dokumen = commands.add_parser("dokumen", help="dokumen IKI: tambah, ganti, hapus, daftar")
    sub = dokumen.add_subparsers(dest="command_dokumen", required=True)
    for name, help_text in (
        ("tambah", "baca, periksa, dan simpan dokumen (.txt, .md, .docx, .pdf, pindaian .jpg/.png)"),
        ("ganti", "ganti dokumen sebuah kecamatan dan tahun dengan versi baru"),
    ):
        command = sub.add_parser(name, help=help_text)
        command.add_argument("files", nargs="+" if name == "tambah" else 1, metavar="FILE")
        command.add_argument("--kecamatan", required=name == "ganti")
        command.add_argument("--tahun", type=int, required=name == "ganti")
        command.add_argument("--kabupaten")
        command.add_argument("--provinsi")
        command.add_argument("--wilayah-baru", action="store_true", help="terima nama wilayah yang tidak ada di gazetir")
        command.add_argument("--oleh", default=getpass.getuser(), help="nama yang menambahkan (bawaan: pengguna sistem)")
        command.set_defaults(run=cmd_dokumen_tambah)
    daftar = sub.add_parser("daftar", help="dokumen yang dipakai, atau --riwayat")
    daftar.add_argument("--riwayat", action="store_true")
    daftar.set_defaults(run=cmd_dokumen_daftar)
    hapus = sub.add_parser("hapus", help="berhenti memakai dokumen sebuah kecamatan dan tahun (berkas tetap disimpan)")
    hapus.add_argument("--kecamatan", required=True)
    hapus.add_argument("--tahun", type=int, required=True)
    hapus.add_argument("--oleh", default=getpass.getuser())
    hapus.set_defaults(run=cmd_dokumen_hapus)


def _realisasi_parser(commands) -> None:
    realisasi = commands.add_parser("realisasi", help="target dan realisasi: templat, impor, daftar, batal")
    sub = realisasi.add_subparsers(dest="realisasi_command", required=True)
    template_command = sub.add_parser("template", help="tulis templat realisasi (.xlsx atau .csv)")
    template_command.add_argument("--kecamatan", required=True)
    template_command.add_argument("--tahun", type=int, required=True)
    template_command.add_argument("--out", required=True)
    template_command.set_defaults(run=cmd_realisasi_template)
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
    build.add_argument("--manifest", help="bawaan: manifest.csv di folder dokumen (data/raw)")
    build.add_argument("--out", default=str(normalised_dir()))
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
            command.add_argument("--manifest", help="bawaan: manifest.csv di folder dokumen (data/raw)")
            command.add_argument("--rinci", action="store_true", help="tampilkan setiap indikator")
        command.set_defaults(run=run)
    _realisasi_parser(commands)
    _dokumen_parser(commands)
    _pengguna_parser(commands)
    export = commands.add_parser("export", help="paparan PPTX atau buku kerja XLSX dari tampilan utama")
    export.add_argument("--format", choices=["pptx", "xlsx"], required=True)
    export.add_argument("--out", required=True)
    add_filter_arguments(export)
    export.set_defaults(run=cmd_export)
    for name, run, written, what in (
        ("kualitas", cmd_kualitas, "berkas .csv atau .xlsx",
         "kualitas setiap indikator (.csv atau .xlsx): skor, dan putusan serta alasan tiap kriteria"),
        ("harmonisasi", cmd_harmonisasi, "berkas .xlsx",
         "klaster indikator sejabatan antarkecamatan dan usulan indikator standar (.xlsx)"),
        ("antar-tahun", cmd_antar_tahun, "berkas .xlsx",
         "perubahan indikator dan target tiap kecamatan dari dokumen tahun sebelumnya (.xlsx)"),
    ):  # fmt: skip
        command = commands.add_parser(name, help=what)
        command.add_argument("--out", required=True, help=written)
        add_filter_arguments(command)
        command.set_defaults(run=run)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except KinerjaError as error:
        print(f"GAGAL: {error}", file=sys.stderr)
        print("Tidak ada berkas yang ditulis.", file=sys.stderr)
        return 2
