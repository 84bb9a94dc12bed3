"""Tambah dokumen: officers bring in their own IKI documents (Word, PDF, scans), check what was read,
correct it, and store it; the dashboard shows the new kecamatan at once."""

from kinerja.ui import documents, widgets

widgets.heading(__file__)
documents.add_documents()
documents.register()
