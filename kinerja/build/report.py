"""What a build found, as text for a person: the report of `kinerja check` and the warnings about
corrections that matched nothing (a correction that silently stops applying is a lost fix)."""

import pandas as pd

from kinerja.build import cascade, harmony
from kinerja.build.corrections import Correction
from kinerja.build.dataset import Dataset
from kinerja.ingest import Note, ParsedDocument, words
from kinerja.vocab import JENIS_LABELS


def check_report(dataset: Dataset, detail: bool = False) -> str:
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
                out += _indicator_lines(dataset, doc_row.berkas, pos.jabatan_urutan)
        out += _note_lines(parsed.notes)
        out += _split_word_lines(parsed)
    for correction in dataset.unused_corrections:
        out.append(f"\nKoreksi baris {correction.row} tidak terpakai: {describe(correction)}")
    out += [f"\n{line}" for line in stale_link_lines(dataset) + stale_grouping_lines(dataset)]
    return "\n".join(out).lstrip("\n")


def _indicator_lines(dataset: Dataset, berkas: str, jabatan_urutan: int) -> list[str]:
    frame = dataset.indikator
    rows = frame[(frame["berkas"] == berkas) & (frame["jabatan_urutan"] == jabatan_urutan)]
    lines = []
    for row in rows.itertuples():
        target = f" | target {row.target:g} {row.target_satuan}" if pd.notna(row.target) else ""
        lines.append(f"         - {row.indikator} [{row.kategori_formula}, {row.polaritas}]{target}")
    return lines


def _note_lines(notes: list[Note]) -> list[str]:
    if not notes:
        return ["  Tidak ada baris yang dilewati atau diragukan."]
    lines = [f"  Perlu ditinjau ({len(notes)} baris):"]
    lines += [f"    baris {note.line:>5} [{note.kind}] {note.text[:140]}" for note in notes]
    return lines


def _split_word_lines(parsed: ParsedDocument) -> list[str]:
    """The words OCR glued together that were split, and whether the Indonesian word list helped."""
    if parsed.layout != "ocr_table":
        return []
    lines = []
    if not words.dictionary_available():
        lines.append(
            f"  Daftar kata hunspell-id tidak ada ({words.DICTIONARY}): kata yang tergabung di dokumen baru dipisah "
            f"dengan kosakata dokumen saja. Pasang dengan: {words.INSTALL_HINT}"
        )
    if not parsed.split_words:
        return [*lines, "  Tidak ada kata tergabung yang dipisah."]
    lines.append(f"  Kata tergabung yang dipisah ({len(parsed.split_words)}):")
    lines += [f"    baris {split.line:>5} {split.original} → {split.split}" for split in parsed.split_words]
    return lines


def unused_correction_warnings(dataset: Dataset) -> list[str]:
    """One line per correction that matched no indicator, for `kinerja build` to print."""
    unused = [
        f"PERINGATAN: koreksi baris {correction.row} ({describe(correction)}) tidak cocok dengan indikator mana pun"
        for correction in dataset.unused_corrections
    ]
    return unused + [f"PERINGATAN: {line}" for line in stale_link_lines(dataset) + stale_grouping_lines(dataset)]


def stale_link_lines(dataset: Dataset) -> list[str]:
    """A line per officer's link of Pohon kinerja that applies to nothing (kaitan.csv): for `build`,
    `check` and the page that stored a document."""
    return [
        f"kaitan baris {stale['baris']} ({stale['kecamatan']} {stale['tahun']}, {stale['jabatan']}: "
        f"'{stale['sasaran']}') tidak cocok lagi: {stale['sebab']}"
        for stale in cascade.stale_links(dataset.indikator, dataset.links)
    ]


def stale_grouping_lines(dataset: Dataset) -> list[str]:
    """A line per officer's cluster decision of Harmonisasi that applies to nothing (klaster.csv)."""
    return [
        f"koreksi klaster baris {stale['baris']} ({stale['tindakan']}, {stale['jabatan_baku']}: '{stale['rumusan']}') "
        f"tidak cocok lagi: {stale['sebab']}"
        for stale in harmony.stale_groupings(dataset.indikator, dataset.groupings)
    ]


def describe(correction: Correction) -> str:
    """Which cell a correction is for, in words: the document, the row as read, the column."""
    row = f"indikator '{correction.indikator}'" + (f" ke-{correction.urutan}" if correction.urutan > 1 else "")
    where = row if correction.indikator else "judul jabatan"
    block = f"jabatan '{correction.jabatan}'" + (f" ke-{correction.jabatan_ke}" if correction.jabatan_ke > 1 else "")
    return f"dokumen {correction.dokumen[:10]}…, {block}, {where}, kolom {correction.kolom}"
