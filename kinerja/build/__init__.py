"""Stage build: manifest -> parsed documents -> normalised records -> data/normalised (Parquet + CSV).

The only writer of data/normalised. Problems with the manifest, the corrections file or the
combined dataset raise BuildError; a document that cannot be read raises IngestError.
"""

from kinerja import GROUND_FLOOR
from kinerja.archive import Source, read_manifest
from kinerja.build.corrections import Correction, read_corrections, save_corrections
from kinerja.build.dataset import (
    COLUMNS,
    DOKUMEN_COLUMNS,
    JABATAN_COLUMNS,
    Dataset,
    build,
    build_dataset,
    read_cached,
    write_dataset,
    write_tables,
)
from kinerja.build.report import check_report, unused_correction_warnings

MAY_IMPORT = (*GROUND_FLOOR, "kinerja.archive", "kinerja.gazetteer", "kinerja.similarity", "kinerja.ingest", "kinerja.build")

__all__ = [
    "COLUMNS",
    "DOKUMEN_COLUMNS",
    "JABATAN_COLUMNS",
    "Correction",
    "Dataset",
    "Source",
    "build",
    "build_dataset",
    "write_tables",
    "check_report",
    "read_corrections",
    "read_cached",
    "read_manifest",
    "save_corrections",
    "unused_correction_warnings",
    "write_dataset",
]
