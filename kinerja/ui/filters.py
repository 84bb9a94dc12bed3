"""The sidebar filters: one widget per field of kinerja.filters.FIELDS, each bound to its URL
parameter so a copied link opens the same view."""

import pandas as pd
import streamlit as st

from kinerja import db
from kinerja.errors import KinerjaError
from kinerja.filters import FIELDS, Field, Filters, default_scope
from kinerja.ui import data

_CHOSEN = "filters"  # session key: the filters of this run, for the page the router runs
_SCOPE_APPLIED = "lingkup_bawaan"  # session key: the default scope was considered once
MAX_OPTIONS = 1000  # a select never carries more names than this
NARROW_FIRST = "Pilih provinsi atau kabupaten/kota dahulu"


@st.cache_data(show_spinner=False, max_entries=256)
def _options(stamp) -> dict[str, list[str]]:
    """Every field's values, read once per dataset version."""
    frame = db.run_query(data.connection(), "nilai_filter")
    return {name: group["nilai"].tolist() for name, group in frame.groupby("filter")}


@st.cache_data(show_spinner=False, max_entries=256)
def _region_options(stamp, above: Filters) -> pd.DataFrame:
    """The region fields' options under the choices above each (provinsi -> kabupaten/kota -> kecamatan -> tahun)."""
    return db.run_query(data.connection(), "pilihan_wilayah", **above.params())


def _widget(field: Field, options: list[str], format_func=str, placeholder: str = "Semua"):
    if field.kind == "text":
        return st.text_input(field.label, key=field.key, bind="query-params", placeholder="mis. seksi pem, pengadministrasi")
    if field.kind == "codes":
        options = [code for code in field.labels if code in options]  # the vocabulary's order
        return st.multiselect(
            field.label, options, format_func=field.labels.get, key=field.key, bind="query-params", placeholder="Semua"
        )
    return st.multiselect(
        field.label, options, format_func=format_func, key=field.key, bind="query-params", placeholder=placeholder
    )


def _listed(value) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else [str(v) for v in value]


def _accept_codes_in_url() -> None:
    """A link may name coded values by code (?jenis=camat) or by label (?jenis=Camat), as presentation
    mode reads them; a bound widget reads only labels, so codes are handed to it as its first value."""
    for field in FIELDS:
        if field.kind == "codes" and field.key in st.query_params and field.key not in st.session_state:
            given = st.query_params.get_all(field.key)
            labels = field.encode(field.decode(given))
            if labels != given:
                st.query_params[field.key] = labels
                st.rerun()


def _kecamatan_names(rows: pd.DataFrame):
    """A kecamatan's name, with its kabupaten/kota where the name is found in several of them."""
    places = rows.groupby("nilai")["kabupaten"].agg(lambda k: ", ".join(sorted(set(k))))
    repeated = set(rows["nilai"][rows["nilai"].duplicated()])
    return lambda name: f"{name} ({places[name]})" if name in repeated else name


def _region_widget(field: Field, rows: pd.DataFrame):
    """A region field's select: its options under the choices above. Kecamatan lists longer than
    MAX_OPTIONS wait for a provinsi or kabupaten/kota, so no select carries thousands of names;
    what a link asks for stays selectable meanwhile."""
    rows = rows[rows["filter"] == field.name]
    options = list(dict.fromkeys(rows["nilai"]))
    if field.name != "kecamatan":
        return _widget(field, options)
    asked = st.query_params.get_all(field.key)
    if len(options) > MAX_OPTIONS:
        shown = [name for name in options if name in asked]
        return _widget(field, shown, placeholder=NARROW_FIRST)
    return _widget(field, options, format_func=_kecamatan_names(rows))


def _not_available(field: Field, available: list[str]) -> list[str]:
    """What the link asks of this field that the data (under the other choices) does not have."""
    asked = st.query_params.get_all(field.key)
    if field.kind == "text" or not asked:
        return []
    if field.kind == "codes":  # a code or its label; what decodes to nothing is not there either
        decoded = [(v, field.decode([v])) for v in asked]
        return [v for v, codes in decoded if not codes or codes[0] not in available]
    return [v for v in asked if v not in available]


def _said_not_available(field: Field, available: list[str]) -> list[str]:
    return [f"{field.label} {value}" for value in _not_available(field, available)]


def sidebar() -> Filters:
    """Draw the filters in the sidebar, say on the page what a link asked for that is not there, and
    remember what they say for the page of this run."""
    _accept_codes_in_url()
    stamp = data.stamp()
    options = _options(stamp)
    chosen, ignored = {}, []
    with st.sidebar:
        st.header("Filter")
        for field in FIELDS:
            # What a link asks for that is not there is read before the widget drops it from the URL.
            if field.narrowed_by:
                above = Filters.from_query(lambda key: _listed(chosen.get(key)))
                rows = _region_options(stamp, above.region())
                ignored += _said_not_available(field, rows["nilai"][rows["filter"] == field.name].tolist())
                chosen[field.key] = _region_widget(field, rows)
            else:
                ignored += _said_not_available(field, options.get(field.name, []))
                chosen[field.key] = _widget(field, options.get(field.name, []))
        st.caption("Filter kosong berarti semua. Salin alamat halaman untuk membagikan tampilan ini.")
    if ignored:
        st.warning(f"Tidak ada dalam data (untuk pilihan filter lainnya), jadi diabaikan: {'; '.join(ignored)}.")
    filters = Filters.from_query(lambda key: _listed(chosen[key]))
    st.session_state[_CHOSEN] = filters
    return filters


def apply_default_scope() -> None:
    """A page opened without any filter in its address starts in the configured default scope
    (data/config/lingkup.toml: a regency's deployment opens on its own kabupaten). Once per session,
    so an officer who clears it sees everything."""
    if st.session_state.get(_SCOPE_APPLIED):
        return
    st.session_state[_SCOPE_APPLIED] = True
    try:
        scope = default_scope()
    except KinerjaError as error:  # a mistyped scope file: say so, and open on everything
        st.error(str(error))
        return
    if any(f.key in st.query_params for f in FIELDS) or scope == Filters():
        return
    for key, values in scope.to_query().items():
        st.query_params[key] = values
    st.rerun()


def from_url() -> Filters:
    """The filters read straight from the URL, for views that draw no sidebar (presentation mode)."""
    return Filters.from_query(st.query_params.get_all)


def current() -> Filters:
    """The filters the sidebar set in this run."""
    return st.session_state.get(_CHOSEN, Filters())
