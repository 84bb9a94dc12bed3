"""Kategori formula: how indicators are measured, per kecamatan and per jenis jabatan, with examples."""

from kinerja.presentation import views
from kinerja.ui import data, filters, widgets

widgets.heading(__file__)
con, chosen = data.connection(), filters.current()
per_kecamatan = views.kategori(con, chosen)

if not widgets.empty_notice(per_kecamatan):
    widgets.draw(per_kecamatan, key="kategori_formula_1", table=False)
    widgets.draw(views.kategori_jenis(con, chosen), key="kategori_formula_2", table=False)
    widgets.examples(views.contoh_kategori(con, chosen, per_kategori=3))
