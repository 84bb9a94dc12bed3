"""Dasbor Kinerja Kecamatan: IKI documents in, comparable indicator data out.

Each package is one stage of the data flow and declares, in MAY_IMPORT, which parts of kinerja it
may import (tests/test_architecture.py holds every module to it):

    ground floor   paths, vocab, indonesian, errors, filters, spreadsheet, ids, partitions, quality_rules:
                   imported by everyone
    ingest/        documents -> position blocks and indicator rows
    build/         rows -> normalised tables in data/normalised (the only writer there)
    db             DuckDB over the normalised tables; SQL only from queries/
    similarity     texts worded alike, matched one-to-one between groups (pure: imports no kinerja)
    capaian/       targets, realisation and capaian: rules, template, store, assembly
    presentation/  charts, one View per question, slides, workbook, chart images (no streamlit)
    site           the list of dashboard pages
    auth           who may change data: the users file, passwords, roles, require_editor (no streamlit)
    ui/            streamlit: data cache, filter widgets, presentation mode, widgets, data entry
    cli            the command line
"""

GROUND_FLOOR = (
    "kinerja.paths",
    "kinerja.vocab",
    "kinerja.indonesian",
    "kinerja.errors",
    "kinerja.filters",
    "kinerja.spreadsheet",
    "kinerja.ids",
    "kinerja.partitions",
    "kinerja.quality_rules",
)
