"""Presentation mode (`?mode=presentasi&slide=N`): no sidebar or controls, larger type, one key view
per screen with its title and takeaway, and next / previous between the views of the current filters.

This module is the sole owner of the mode's state: the URL's `mode` and `slide`, this session's flag,
and the filters being presented (taken from the sidebar when presenting starts there, else from the
link, and written back into the URL on every slide so a reload or a copied link keeps them).
"""

from dataclasses import dataclass

import streamlit as st

from kinerja.filters import Filters
from kinerja.presentation import charts, fitting
from kinerja.ui import data, filters, widgets

_MODE, _SLIDE, _PRESENTING = "mode", "slide", "presentasi"
_ON = "presentasi"  # session key: this session started presenting (a click has no URL of its own yet)
_PRESENTED = "presentasi_filter"  # session key: the filters being presented
_HIDE_CHROME = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"] { display: none !important; }
/* This style's own element would take a gap of the column above the title. */
[data-testid="stElementContainer"]:has(style) { display: none !important; }
[data-testid="stMainBlockContainer"] { padding-top: 0.8rem; padding-bottom: 0.5rem; max-width: 100%; }
h1 { padding: 0 !important; line-height: 1.2 !important; }
.pesan { font-weight: 600; line-height: 1.3 !important; margin: 0 !important; }
.konteks { font-size: 1.05rem !important; color: #555; text-align: center; margin: 0.4rem 0 0 0; }
.konteks .tidak-ada { color: #B00020; font-weight: 600; }
[data-testid="stMainBlockContainer"] button p { font-size: 1.2rem !important; }
/* A presenter's clicker sends PageUp/PageDown: these buttons only carry those keys. */
.st-key-halaman_naik, .st-key-halaman_turun { display: none !important; }
</style>
"""


@dataclass(frozen=True)
class _Screen:
    """A screen a slide is laid out for: the chart and the headline are made for it, and CSS shows what
    was made for the screen in use. Lengths in px."""

    name: str
    media: str  # the CSS media query of such screens
    width: int  # the chart's and the headline's width on the smallest such screen
    height: int  # the smallest such screen's height
    around: int  # the height of what is not the chart: title, headline of two lines, buttons, margins
    scale: tuple[float, float]  # how much the chart's type is enlarged (charts.for_projector)
    title: float  # the title's size
    headline: tuple[int, ...]  # the headline's sizes, largest first: the largest that keeps it on two lines

    @property
    def chart(self) -> int:
        return self.height - self.around


_LARGE = "(min-width: 1600px) and (min-height: 1000px)"
# A 1280x800 projector (and a 1366x768 one), and a 1920x1080 screen shown full-screen.
_SCREENS = (
    _Screen("kecil", f"not all and {_LARGE}", 1120, 768, 212, (1.0, 1.25), 34, (26, 24, 22, 20, 18)),
    _Screen("besar", _LARGE, 1760, 1000, 236, charts.PROJECTOR_SCALE, 42, (30, 28, 26, 24, 22)),
)


def _headline_size(text: str, screen: _Screen) -> int:
    """The largest of the screen's headline sizes at which the takeaway stays on two lines (bold). In px
    throughout: the fitting measure's inches and points cancel out."""
    fits = (size for size in screen.headline if fitting.wrapped_lines(text, screen.width / 72, size, bold=True) <= 2)
    return next(fits, screen.headline[-1])


def _screen_styles(headline: str) -> str:
    """Per screen: its own chart shown (the other's hidden), as high as the screen leaves it, and the title
    and takeaway at its sizes."""
    rules = []
    for screen in _SCREENS:
        others = ", ".join(f".st-key-grafik_{other.name}" for other in _SCREENS if other is not screen)
        rules.append(
            f"@media {screen.media} {{ {others} {{ display: none !important; }} "
            f".st-key-grafik_{screen.name} {{ flex: 0 0 auto !important; height: calc(100vh - {screen.around}px) !important; "
            "min-height: 20rem; } "
            f"h1 {{ font-size: {screen.title}px !important; }} "
            f".pesan {{ font-size: {_headline_size(headline, screen)}px !important; }} }}"
        )
    return "<style>" + "\n".join(rules) + "</style>"


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


def _slide_number(count: int) -> tuple[int, str]:
    """The view on screen: this session's, else the link's ?slide=N, else the first; and, when the link
    asked for a slide the presentation does not have, a sentence saying so and which one is shown."""
    if _SLIDE in st.session_state:
        return min(max(st.session_state[_SLIDE], 1), count), ""
    asked = st.query_params.get(_SLIDE, "1")
    number = min(max(int(asked), 1), count) if asked.isdigit() else 1
    _go(number)  # the link now names the slide shown
    if asked.isdigit() and int(asked) == number:
        return number, ""
    return number, f"Slide {asked} tidak ada; yang tampil slide {number}."


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
    number, missing = _slide_number(len(shown))
    view = shown[number - 1]
    st.markdown(_screen_styles(view.pesan), unsafe_allow_html=True)
    st.title(view.judul)
    widgets.takeaway(view.pesan)
    for screen in _SCREENS:  # CSS shows the one made for the screen in use
        with st.container(key=f"grafik_{screen.name}"):
            st.plotly_chart(_on_screen(view.figure, screen), height="stretch", theme=None, config=_CHART_CONFIG)
    context = f"{widgets.escape(presented.describe())} · {number} / {len(shown)}"
    if missing:
        context += f" · <span class='tidak-ada'>{widgets.escape(missing)}</span>"
    _navigation(number, len(shown), context)


_CHART_CONFIG = {"displayModeBar": False, "responsive": True}


def _on_screen(figure, screen: _Screen):
    """A copy of the view's chart laid out for the screen (charts.for_slide), its height then taken from
    the screen itself."""
    figure = charts.for_slide(figure, screen.width, screen.chart, screen.scale)
    figure.update_layout(height=None, autosize=True)
    return figure


def _navigation(number: int, count: int, context: str) -> None:
    """Buttons with the filters and the slide's number between them, and the keys a presenter uses:
    ←/→ and a clicker's PageUp/PageDown."""
    first, last = number == 1, number == count
    back, middle, forward, leave = st.columns([1, 3, 1, 1])
    back.button(
        "◀ Sebelumnya", on_click=_go, args=(number - 1,), disabled=first, key="sebelumnya", width="stretch", shortcut="Left"
    )
    middle.markdown(f"<p class='konteks'>{context}</p>", unsafe_allow_html=True)
    forward.button(
        "Berikutnya ▶", on_click=_go, args=(number + 1,), disabled=last, key="berikutnya", width="stretch", shortcut="Right"
    )
    leave.button("Keluar", on_click=_leave, key="keluar", width="stretch", shortcut="Esc")
    st.button("Sebelumnya", on_click=_go, args=(number - 1,), disabled=first, key="halaman_naik", shortcut="PageUp")
    st.button("Berikutnya", on_click=_go, args=(number + 1,), disabled=last, key="halaman_turun", shortcut="PageDown")
