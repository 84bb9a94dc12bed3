"""Dasbor Kinerja Kecamatan (`make run`): page config, navigation from the page list in kinerja/site.py,
the shared sidebar filters, and presentation mode."""

import streamlit as st

from kinerja import site
from kinerja.paths import PAGES
from kinerja.ui import data, filters, presentation, widgets

st.set_page_config(page_title="Dasbor Kinerja Kecamatan", page_icon=":material/dashboard:", layout="wide")
presenting = presentation.active()
navigation = [
    st.Page(PAGES / p.script, title=p.title, icon=p.icon, url_path=p.url or None, default=not p.url) for p in site.PAGES
]
page = st.navigation(navigation, position="hidden" if presenting else "sidebar")
if not data.available():
    st.stop()
if presenting:
    presentation.render(filters.from_url())
else:
    chosen = filters.sidebar()
    widgets.sidebar_exports(chosen)
    page.run()
