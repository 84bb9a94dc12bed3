"""Dasbor Kinerja Kecamatan (`make run`): page config, navigation from the page list in kinerja/site.py,
the shared sidebar filters, and presentation mode. Every URL goes through here."""

import streamlit as st

from kinerja import site
from kinerja.ui import data, filters, presentation, signin, widgets

st.set_page_config(page_title="Dasbor Kinerja Kecamatan", page_icon=":material/dashboard:", layout="wide")
filters.apply_default_scope()
presenting = presentation.active()
# The default page is served at the root, yet reserves a pathname of its own: "beranda", never linked.
pages = {
    p: st.Page(p.file, title=p.title, icon=p.icon, url_path=p.url or site.DEFAULT_URL, default=not p.url) for p in site.PAGES
}
home = next(iter(pages.values()))
# Links made before each page had its own URL (/ringkasan, /jelajah_indikator) lead to the same page.
old_links = {
    st.Page(widgets.nothing, title=p.title, url_path=p.old_url, visibility="hidden"): pages[p]
    for p in site.PAGES
    if p.old_url != p.url
}
# A link to a page that does not exist lands on the home page with a note in Indonesian.
asked = site.unknown_path(st.context.url)
missing = st.Page(widgets.nothing, title="Halaman tidak ada", url_path=asked, visibility="hidden") if asked else None
page = st.navigation(
    [*pages.values(), *old_links, *([missing] if missing else [])], position="hidden" if presenting else "sidebar"
)
kept = {key: st.query_params.get_all(key) for key in st.query_params}
if page in old_links:
    st.switch_page(old_links[page], query_params=kept)
if missing and page == missing:
    widgets.say_on_next_page(f"Halaman “/{asked}” tidak ada; yang tampil halaman {home.title}. Pilih halaman di menu.")
    st.switch_page(home, query_params=kept)
widgets.what_was_said_before()
if not data.available():
    st.stop()
if presenting:
    presentation.render()
else:
    shown = next((entry for entry, st_page in pages.items() if st_page == page), None)
    signin.sidebar()  # before the page, which asks who is signed in
    if shown is None or shown.views:  # the upload page shows no data: no filters, no exports
        chosen = filters.sidebar()
        widgets.sidebar_exports(chosen)
    page.run()
