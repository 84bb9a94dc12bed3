"""The data a page run needs, cached the Streamlit way: one root DuckDB connection per dataset
version (each query takes its own cursor), the validated example values, capaian per set of filters,
and the source documents the exports name."""

import pandas as pd
import streamlit as st

from kinerja import db
from kinerja.capaian import assembly, store
from kinerja.filters import Filters
from kinerja.partitions import version_stamp
from kinerja.paths import EXAMPLE_FILE, normalised_dir
from kinerja.presentation import sources, views


@st.cache_resource(show_spinner=False)
def _root_connection(directory: str, stamp: float):
    return db.connect(directory)


def _stamp() -> tuple[str, float]:
    directory = normalised_dir()
    return str(directory), version_stamp(directory)


def stamp() -> tuple[str, float]:
    """The dataset's folder and version: the key of everything cached from it."""
    return _stamp()


def connection():
    """One root connection per dataset version: a rebuild is picked up without a restart."""
    return _root_connection(*_stamp())


def available() -> bool:
    """Whether the normalised data is there; says what to do when it is not."""
    if not db.missing_tables():
        return True
    st.error(
        f"Data belum dibangun di {normalised_dir()}. Jalankan `make run` (membangun otomatis) atau `python -m kinerja build`."
    )
    return False


@st.cache_data(show_spinner=False)
def _example_values(stamp: tuple[str, float], example_mtime: float) -> pd.DataFrame:
    return assembly.example_values(connection())


def example_values() -> pd.DataFrame:
    """The illustrative values, validated once per dataset and example-file version."""
    return _example_values(_stamp(), EXAMPLE_FILE.stat().st_mtime)


def nothing_imported() -> bool:
    """Whether no imported value counts yet (none imported, or every import undone)."""
    announce_store_opening()
    return assembly.nothing_imported()


@st.cache_data(show_spinner=False)
def _detached_values(stamp: tuple[str, float], signature: tuple) -> pd.DataFrame:
    return assembly.detached_values(connection(), store.current_table(connection()))


def detached_values() -> pd.DataFrame:
    """Stored values whose indicator is gone, checked again when the dataset or the store changes."""
    return _detached_values(_stamp(), store.signature())


@st.cache_data(show_spinner=False)
def _newest_imports(stamp: tuple[str, float], signature: tuple, rows: int) -> tuple[int, pd.DataFrame, dict[str, str]]:
    imports = store.list_imports()
    newest = imports.head(rows)  # newest first
    return len(imports), newest, store.coverage(connection(), newest)


def newest_imports(rows: int) -> tuple[int, pd.DataFrame, dict[str, str]]:
    """How many imports there are, the newest `rows` of them and what each covers, read again when the
    store or the dataset changes (a country's 32.000 imports took half a second on every rerun)."""
    announce_store_opening()
    return _newest_imports(_stamp(), store.signature(), rows)


def announce_store_opening() -> None:
    """Says once, on the run that opened the store, how many imports the former file store gave it."""
    moved = store.open_store(connection())
    if moved:
        st.toast(f"{moved}.", icon=":material/database:", duration="infinite")


@st.cache_data(show_spinner=False)
def _kecamatan_colours(stamp: tuple[str, float]) -> dict[str, str]:
    return views.kecamatan_colours(connection())


def kecamatan_colours() -> dict[str, str]:
    return _kecamatan_colours(_stamp())


def source_documents(filters: Filters) -> pd.DataFrame:
    """The documents behind the data under the filters, for the exports (read when one is built)."""
    return sources.documents(connection(), filters)


@st.cache_resource(show_spinner=False, max_entries=8)
def _capaian_state(
    stamp: tuple[str, float], signature: tuple, example_mtime: float, scope: str, use_example: bool, _filters: Filters
) -> assembly.Capaian:
    example = example_values() if use_example else None
    return assembly.assemble(connection(), _filters, use_example, example, detached=detached_values())


def capaian_state(filters: Filters, use_example: bool) -> assembly.Capaian:
    """Capaian under the filters, made once per dataset version, store state and filters: the reruns of
    one view (another kecamatan for the detail, a page of the table) reuse it. Shared, never changed."""
    announce_store_opening()
    return _capaian_state(*_capaian_key(filters, use_example), filters)


def _capaian_key(filters: Filters, use_example: bool) -> tuple:
    """What capaian depends on: the dataset version, the store's state, the example file, the filters."""
    return _stamp(), store.signature(), EXAMPLE_FILE.stat().st_mtime, repr(filters), use_example


@st.cache_resource(show_spinner=False, max_entries=8)
def _capaian_views(key: tuple, _state: assembly.Capaian) -> dict[str, views.View | None]:
    colours = kecamatan_colours()
    return {
        "capaian": views.capaian(_state),
        "progres": views.progres_triwulan(_state, colours),
        "capaian_terendah": views.capaian_terendah(_state),
        "belum_dinilai": views.belum_dinilai(_state),
    }


def capaian_views(filters: Filters, use_example: bool) -> tuple[assembly.Capaian, dict[str, views.View | None]]:
    """Capaian and the page's views of it that do not depend on a choice on the page, made once per
    state: a rerun for another kecamatan's detail or another page of a table draws them again only."""
    state = capaian_state(filters, use_example)
    return state, _capaian_views(_capaian_key(filters, use_example), state)


def key_views(filters: Filters) -> list[views.View]:
    """The meeting's views; capaian from the example data while nothing has been imported."""
    return views.key_views(connection(), filters, capaian_state(filters, use_example=nothing_imported()))
