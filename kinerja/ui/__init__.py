"""Streamlit glue, the only library code that imports streamlit:

    data.py           the cached connection, cached example values, capaian and the key views
    filters.py        the sidebar filter widgets, bound to the URL, drawn from kinerja.filters.FIELDS
    presentation.py   presentation mode, the sole owner of its state (URL ?mode=presentasi&slide=N)
    widgets.py        drawing a View, charts with image downloads, the sidebar exports
    entry.py          targets and realisation coming in: template, upload, table editor, history
    uploader.py       the file uploader with its own words in Indonesian, for every upload
    signin.py         Masuk / Keluar in the sidebar, the signed-in user, and the check every write makes

May import anything in kinerja but the build stage (kinerja.build) and the parsers (kinerja.ingest).
"""

from kinerja import GROUND_FLOOR

MAY_IMPORT = (
    *GROUND_FLOOR, "kinerja.archive", "kinerja.intake", "kinerja.db", "kinerja.capaian", "kinerja.presentation", "kinerja.site",
    "kinerja.ui", "kinerja.auth",
)  # fmt: skip
