"""Ringkasan: per kecamatan, positions with indicators, indicators, measurable and targeted shares."""

from kinerja.presentation import views
from kinerja.ui import data, filters, widgets

widgets.heading(__file__)
view = views.ringkasan(data.connection(), filters.current())
if not widgets.empty_notice(view):
    widgets.figures(view)
    widgets.draw(view, key="ringkasan_1")
