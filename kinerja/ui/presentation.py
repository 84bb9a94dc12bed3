"""Presentation mode (`?mode=presentasi&slide=N`): no sidebar or controls, larger type, one key view
per screen with its title and takeaway, and next / previous between the views of the current filters.

This module is the sole owner of the mode's state: the URL's `mode` and `slide`, this session's flag,
and the filters being presented (taken from the sidebar when presenting starts there, else from the
link, and written back into the URL on every slide so a reload or a copied link keeps them).
"""

import streamlit as st

from kinerja.filters import Filters
from kinerja.presentation import charts
from kinerja.ui import data, filters, widgets

_MODE, _SLIDE, _PRESENTING = "mode", "slide", "presentasi"
_ON = "presentasi"  # session key: this session started presenting (a click has no URL of its own yet)
_PRESENTED = "presentasi_filter"  # session key: the filters being presented
_HIDE_CHROME = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"] { display: none !important; }
[data-testid="stMainBlockContainer"] { padding-top: 0.8rem; padding-bottom: 0.5rem; max-width: 100%; }
.pesan { font-size: 1.9rem !important; font-weight: 600; line-height: 1.3 !important; margin: 0 0 0.4rem 0; }
.konteks { font-size: 1.05rem !important; color: #555; }
h1 { font-size: 2.6rem !important; }
[data-testid="stMainBlockContainer"] button p { font-size: 1.2rem !important; }
/* The chart takes the screen's height left under the title, the takeaway and the buttons. */
.st-key-grafik_paparan { flex: 0 0 auto !important; height: calc(100vh - 19rem) !important; min-height: 20rem; }
/* A presenter's clicker sends PageUp/PageDown: these buttons only carry those keys. */
.st-key-halaman_naik, .st-key-halaman_turun { display: none !important; }
</style>
"""


def active() -> bool:
    """Presentation mode, from ?mode=presentasi or from this session having started it."""
    if st.query_params.get(_MODE) == _PRESENTING:
        st.session_state[_ON] = True
    return st.session_state.get(_ON, False)


def _start() -> None:
    st.session_state[_PRESENTED] = filters.current()  # what the sidebar shows now
    st.query_params[_MODE] = _PRESENTING
    st.session_state[_ON] = True


def _presented() -> Filters:
    """The filters on the slides: kept for the whole presentation and written into the URL each run
    (the sidebar widgets that bind them to the URL are not drawn while presenting)."""
    chosen = st.session_state.get(_PRESENTED) or filters.from_url()
    st.session_state[_PRESENTED] = chosen
    for key, values in chosen.to_query().items():
        if st.query_params.get_all(key) != values:
            st.query_params[key] = values
    return chosen


def start_button() -> None:
    st.button("Mode presentasi", on_click=_start, icon=":material/slideshow:", key="mulai_presentasi", width="stretch")


def _slide_number(count: int) -> int:
    """The view on screen: this session's, else the link's ?slide=N, else the first."""
    if _SLIDE not in st.session_state:
        text = st.query_params.get(_SLIDE, "1")
        st.session_state[_SLIDE] = int(text) if text.isdigit() else 1
    return min(max(st.session_state[_SLIDE], 1), count)


def _go(number: int) -> None:
    st.session_state[_SLIDE] = number
    st.query_params[_SLIDE] = str(number)  # so a copied link opens this view


def _leave() -> None:
    st.session_state[_ON] = False
    st.session_state.pop(_SLIDE, None)
    st.session_state.pop(_PRESENTED, None)  # the URL keeps the filters for the sidebar
    for key in (_MODE, _SLIDE):
        if key in st.query_params:
            del st.query_params[key]


def render() -> None:
    st.markdown(_HIDE_CHROME, unsafe_allow_html=True)
    presented = _presented()
    shown = data.key_views(presented)
    if not shown:
        st.title("Paparan Kinerja Kecamatan")
        st.info("Tidak ada data untuk filter ini.")
        st.button("Keluar dari presentasi", on_click=_leave, key="keluar")
        return
    number = _slide_number(len(shown))
    view = shown[number - 1]
    st.title(view.judul)
    widgets.takeaway(view.pesan)
    context = f"{widgets.escape(presented.describe())} · {number} / {len(shown)}"
    st.markdown(f"<p class='konteks'>{context}</p>", unsafe_allow_html=True)
    with st.container(key="grafik_paparan"):
        st.plotly_chart(_on_screen(view.figure), height="stretch", theme=None, config=_CHART_CONFIG)
    _navigation(number, len(shown))


_CHART_CONFIG = {"displayModeBar": False, "responsive": True}


_PROJECTOR_HEIGHT = 760  # px of chart on a 1080 px screen: what the type is enlarged for


def _on_screen(figure):
    """A copy of the view's chart in projector type, its height then taken from the screen (the slide
    title says what the chart's own title would)."""
    figure = charts.for_projector(figure, _PROJECTOR_HEIGHT)
    figure.update_layout(height=None, autosize=True, title={"text": ""}, margin={"t": 10})
    return figure


def _navigation(number: int, count: int) -> None:
    """Buttons, and the keys a presenter uses: ←/→ and a clicker's PageUp/PageDown."""
    first, last = number == 1, number == count
    back, _, forward, leave = st.columns([1, 3, 1, 1])
    back.button(
        "◀ Sebelumnya", on_click=_go, args=(number - 1,), disabled=first, key="sebelumnya", width="stretch", shortcut="Left"
    )
    forward.button(
        "Berikutnya ▶", on_click=_go, args=(number + 1,), disabled=last, key="berikutnya", width="stretch", shortcut="Right"
    )
    leave.button("Keluar", on_click=_leave, key="keluar", width="stretch", shortcut="Esc")
    st.button("Sebelumnya", on_click=_go, args=(number - 1,), disabled=first, key="halaman_naik", shortcut="PageUp")
    st.button("Berikutnya", on_click=_go, args=(number + 1,), disabled=last, key="halaman_turun", shortcut="PageDown")
